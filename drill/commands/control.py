"""`drill control SESSION.db`: the trainer's console for a hosted drill.

Everything the seats see, plus an overview (seats, unanswered items, the oldest waiting
time, rumour reach), the clock for everyone (pause, resume, speed), the scenario's injects
to fire early, injects written on the spot, observer notes tied to items, and handovers.
Each is a request the host applies, so it lands in the log like any other fact.
"""

from __future__ import annotations

import argparse

from drill.commands.join import sit
from drill.events import TRAINER
from drill.team_play.presence import ROLE_TRAINER
from drill.team_play.seat import SeatConnection


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("control", help="the trainer's console for a hosted drill")
    parser.add_argument("session", metavar="SESSION.db", help="the session file the host is writing")
    parser.add_argument("--as", dest="name", metavar="NAME", default=TRAINER,
                        help="how the others see this console (default: trainer); actions are logged as the trainer's")
    parser.add_argument("--plain", action="store_true", help="a plain line-by-line console instead of the full screen")
    parser.add_argument("--lang", choices=("nb", "en"), help="language of the screens (default: the scenario's)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return sit(SeatConnection(args.session, args.name, ROLE_TRAINER), plain=args.plain, language=args.lang)

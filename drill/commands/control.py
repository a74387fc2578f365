"""`drill control SESSION.db`: the trainer's console for a hosted drill.

Everything the seats see, plus an overview (seats, unanswered items, the oldest waiting
time, rumour reach), the clock for everyone (pause, resume, speed), the scenario's injects
to fire early, injects written on the spot, observer notes tied to items, and handovers.
Each is a request the host applies, so it lands in the log like any other fact.

The console signs its requests with the trainer key the host wrote to `SESSION.db.trainer-key`
(readable only by the host's user); another user gives it in DRILL_TRAINER_KEY or at the prompt.
Without the key the host refuses every trainer action, whatever name the console shows.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from drill.commands.join import sit
from drill.errors import DrillError
from drill.team_play.grants import GrantRefused, read_trainer_key
from drill.events import TRAINER
from drill.team_play.presence import ROLE_TRAINER
from drill.team_play.seat import SeatConnection
from drill.commands._parser import help_text
from drill.i18n import LANGUAGE_CODES, t


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("control", help=help_text("cli.help.control"))
    parser.add_argument("session", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_hosted"))
    parser.add_argument("--as", dest="name", metavar=t("cli.metavar.name"), default=TRAINER,
                        help=help_text("cli.help.control.as"))
    parser.add_argument("--plain", action="store_true", help=help_text("cli.help.plain"))
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help=help_text("cli.help.lang_screens"))
    parser.set_defaults(run=run)


TRAINER_KEY_ENV = "DRILL_TRAINER_KEY"
"""The trainer key for a console run by another user than the host's (never on a command line)."""


def run(args: argparse.Namespace) -> int:
    key = read_trainer_key(args.session, os.environ.get(TRAINER_KEY_ENV))
    if key is None and sys.stdin.isatty():
        key = read_trainer_key(args.session, getpass.getpass(t("cli.control.key_prompt")) or None)
    try:
        connection = SeatConnection(args.session, args.name, ROLE_TRAINER, trainer_key=key)
    except GrantRefused as refused:
        raise DrillError(str(refused)) from None
    return sit(connection, plain=args.plain, language=args.lang)

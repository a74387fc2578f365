"""`drill replay SESSION.db`: step through a recorded drill, read-only, at any speed.

Nothing is recomputed: the recorded events are re-applied to the drill's state up to the
playback position, so a reviewer sees exactly what the team saw at each moment.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from drill.i18n import LANGUAGE_CODES


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("replay", help="replay a recorded drill read-only, at any speed")
    parser.add_argument("session", metavar="SESSION.db", type=Path, help="a session file written by drill play or run")
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help="language of the screens (default: DRILL_LANG, else the scenario's)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drill.app.app import DrillApp, PlayOptions
    from drill.app.connection import ReplayConnection

    connection = ReplayConnection.open(args.session)
    app = DrillApp(options=PlayOptions(language=args.lang), connection=connection)
    try:
        app.run()
    finally:
        connection.close()
    return 0

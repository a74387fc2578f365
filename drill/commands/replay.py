"""`drill replay SESSION.db`: step through a recorded drill, read-only, at any speed.

Nothing is recomputed: the recorded events are re-applied to the drill's state up to the
playback position, so a reviewer sees exactly what the team saw at each moment.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from drill.commands._parser import help_text
from drill.i18n import LANGUAGE_CODES, t


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("replay", help=help_text("cli.help.replay"))
    parser.add_argument("session", metavar=t("cli.metavar.session"), type=Path, help=help_text("cli.help.session_file"))
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help=help_text("cli.help.lang_screens"))
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

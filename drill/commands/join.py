"""`drill join SESSION.db --as NAME`: take a seat at a drill someone is hosting.

The seat sees everything the host and the other seats do within a second, says what it is
writing, and acts under the name the host granted it (never "trainer", never a roster name another seat
holds). A seat that crashed rejoins with the same command (its key is kept in the user's own
state folder) and catches up from the log. `--plain` gives a line-by-line console for any terminal;
`--web` is what `drill serve` starts for each browser (it asks for the name on screen).
"""

from __future__ import annotations

import argparse
import os

from drill.commands._parser import help_text
from drill.errors import DrillError
from drill.team_play.grants import GrantRefused, is_reserved
from drill.team_play.plain import PlainConsole
from drill.team_play.presence import ROLE_SEAT
from drill.team_play.seat import SeatConnection
from drill.team_play.texts import say
from drill.i18n import LANGUAGE_CODES, active_language, t
from drill.invocation import command_line

JOIN_CODE_ENV = "DRILL_JOIN_CODE"
"""Set by `drill serve` for the browser seats it starts; never on a command line."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("join", help=help_text("cli.help.join"))
    parser.add_argument("session", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_hosted"))
    parser.add_argument("--as", dest="seat", metavar=t("cli.metavar.name"), help=help_text("cli.help.join.as"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--plain", action="store_true", help=help_text("cli.help.plain"))
    mode.add_argument("--web", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help=help_text("cli.help.lang_screens"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.web:
        from drill.team_play.tui.app import TeamApp

        code = os.environ.pop(JOIN_CODE_ENV, None) or None
        app = TeamApp(args.session, join_code=code, language=args.lang)
        try:
            app.run()
        finally:
            if app.seat is not None:
                app.seat.close()
        return 0
    if not args.seat:
        raise DrillError(t("cli.join.who", command=command_line("join", args.session, "--as", "Ola, kommunikasjonsavdelingen")))
    if is_reserved(args.seat):
        # The host refuses it too; saying so here spares the wait.
        raise DrillError(f"{args.session}: " + say("join.reserved", args.lang or active_language(), name=args.seat.strip()))
    try:
        connection = SeatConnection(args.session, args.seat, ROLE_SEAT, remember=True)
    except GrantRefused as refused:
        raise DrillError(f"{args.session}: {refused}") from None
    return sit(connection, plain=args.plain, language=args.lang)


def sit(connection: SeatConnection, *, plain: bool, language: str | None) -> int:
    """Run a seat's console until the user leaves; the seat is given up on the way out."""
    try:
        if plain:
            return PlainConsole(connection).run()
        from drill.team_play.tui.app import TeamApp

        TeamApp(connection.session_path or "", connection=connection, language=language).run()
        return 0
    finally:
        connection.close()

"""`drill serve SESSION.db`: seats in a browser, for team members without a terminal.

Each browser connection gets its own seat process (through textual-serve), which asks for
the member's name and then behaves exactly like `drill join`. Serves on 127.0.0.1 unless
told otherwise; on any other address a join code is required and printed here.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from drill.commands._parser import help_text
from drill.commands.join import JOIN_CODE_ENV
from drill.errors import DrillError
from drill.i18n import t
from drill.store import SessionStore
from drill.team_play.serving import LOOPBACK, is_loopback, join_code_for, seat_command
from drill.i18n import LANGUAGE_CODES

DEFAULT_PORT = 8000


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help=help_text("cli.help.serve"))
    parser.add_argument("session", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_hosted"))
    parser.add_argument("--host", default=LOOPBACK, metavar=t("cli.metavar.address"),
                        help=help_text("cli.help.serve.host", address=LOOPBACK))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar=t("cli.metavar.port"),
                        help=help_text("cli.help.serve.port", port=DEFAULT_PORT))
    parser.add_argument("--join-code", metavar=t("cli.metavar.code"), help=help_text("cli.help.serve.join_code"))
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help=help_text("cli.help.lang_screens"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from rich.console import Console
        from textual_serve.server import Server
    except ImportError:
        raise DrillError(t("cli.serve.no_package")) from None
    with SessionStore.open(args.session) as store:
        title = store.stored_scenario().scenario.title
    if not 0 < args.port < 65536:
        raise DrillError(t("cli.serve.bad_port", port=args.port))
    code = join_code_for(args.host, args.join_code)
    if code:
        os.environ[JOIN_CODE_ENV] = code  # inherited by each seat process, never on its command line
    else:
        os.environ.pop(JOIN_CODE_ENV, None)
    command = seat_command(Path(args.session), args.lang)
    url = f"http://{args.host}:{args.port}"
    print(t("cli.serve.open", title=title, url=url), flush=True)
    if code:
        print(t("cli.serve.code", code=code), flush=True)
    if not is_loopback(args.host):
        print(t("cli.serve.exposed", host=args.host), flush=True)
    print(t("cli.serve.stop"), flush=True)
    server = Server(command, host=args.host, port=args.port, title=f"drill — {title}")
    # The server's own banner (a logo, its command line, colour codes) is in English and its colours
    # would show as visible signs through drill's neutralised output; drill has said all of it above.
    server.console = Console(quiet=True)
    try:
        server.serve()
    except OSError as error:
        raise DrillError(t("cli.serve.cannot_listen", host=args.host, port=args.port,
                           problem=error.strerror or error)) from None
    return 0

"""`drill export SESSION.db`: every event as one line of JSON, for other tools."""

from __future__ import annotations

import argparse
import sys

from drill.commands._parser import help_text
from drill.i18n import t
from drill.store import SessionStore, export_jsonl


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help=help_text("cli.help.export"))
    parser.add_argument("session", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_file"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with SessionStore.open(args.session) as store:
        for line in export_jsonl(store.iter_events()):
            sys.stdout.write(line + "\n")
    return 0

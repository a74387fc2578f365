"""`drill export SESSION.db`: every event as one line of JSON, for other tools."""

from __future__ import annotations

import argparse
import sys

from drill.store import SessionStore, export_jsonl


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="write a session's events as JSON Lines")
    parser.add_argument("session", metavar="SESSION.db")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with SessionStore.open(args.session) as store:
        for line in export_jsonl(store.iter_events()):
            sys.stdout.write(line + "\n")
    return 0

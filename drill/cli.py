"""The `drill` command: one sub-command per module in `drill.commands`.

Each module in `drill.commands` exposes `register(subparsers)` (adds its parser and sets
`run` as the parser default), so a new command is one new module and nothing else. This module owns the user-facing error
contract: no traceback ever reaches a user; bad input exits 2, findings exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

import drill.commands
from drill.errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, DrillError

# Commands a user reaches for first are listed first in `drill --help`; the rest follow by name.
PREFERRED_ORDER: tuple[str, ...] = ("play", "run", "validate", "score", "report")


def command_modules() -> list[str]:
    names = [m.name for m in pkgutil.iter_modules(drill.commands.__path__) if not m.name.startswith("_")]
    rank = {name: i for i, name in enumerate(PREFERRED_ORDER)}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), n))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drill",
        description="Crisis-communication drills for municipal social media teams.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(f"drill.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.run(args) or 0)
    except DrillError as error:
        print(f"drill: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("drill: interrupted; everything recorded so far is kept.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        sys.stderr.close()
        return 0
    except Exception as error:  # noqa: BLE001 - last line of defence: never a traceback for users
        if os.environ.get("DRILL_DEBUG"):
            raise
        print(
            f"drill: unexpected internal error ({type(error).__name__}: {error}).\n"
            "Please report it; run again with DRILL_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

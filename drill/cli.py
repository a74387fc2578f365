"""The `drill` command: one sub-command per module in `drill.commands`.

Each module in `drill.commands` exposes `register(subparsers)` (adds its parser and sets
`run` as the parser default), so a new command is one new module and nothing else. This module owns the user-facing error
contract: no traceback ever reaches a user; bad input exits 2, findings exit 1.

It also owns two things every command shares. The language: each command takes `--lang
nb|nn|en`, defaulting to `DRILL_LANG` or the locale (`drill.i18n.default_language`), and
its messages come from the one catalogue. And the terminal: whatever a command prints goes
through `drill.terminal_text.neutralise`, so control sequences hidden in a scenario or a
citizen's comment are shown, never obeyed.
"""

from __future__ import annotations

import signal
import sys


def _quiet_interrupt(signum: int, frame: object) -> None:
    """Ctrl+C before `main` is ready (Python is still importing drill): stop quietly."""
    raise SystemExit(130)


# The very first thing the `drill` command does, so an early Ctrl+C never shows a traceback.
# Only the main thread may set handlers; a library import from elsewhere keeps Python's.
try:
    signal.signal(signal.SIGINT, _quiet_interrupt)
except ValueError:
    pass

import argparse  # noqa: E402  (after the handler above, on purpose)
import importlib  # noqa: E402
import os  # noqa: E402
import pkgutil  # noqa: E402
from collections.abc import Sequence  # noqa: E402

import drill.commands  # noqa: E402
from drill.commands._parser import LocalisedParser, help_text  # noqa: E402
from drill.errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, DrillError  # noqa: E402
from drill.i18n import LANGUAGE_CODES, active_language, default_language, t, use_language, use_messages_language  # noqa: E402
from drill.terminal_text import NeutralisingWriter  # noqa: E402

# Commands a user reaches for first are listed first in `drill --help`; the rest follow by name.
PREFERRED_ORDER: tuple[str, ...] = ("play", "run", "validate", "score", "report")


def command_modules() -> list[str]:
    names = [m.name for m in pkgutil.iter_modules(drill.commands.__path__) if not m.name.startswith("_")]
    rank = {name: i for i, name in enumerate(PREFERRED_ORDER)}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), n))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only`, just that command's (each command's module imports
    what it needs, and `drill score` need not wait for the app's or the engine's)."""
    parser = LocalisedParser(prog="drill", description=t("cli.description"))
    # `drill --lang nn --help` (before the command) works too; a command's own --lang wins.
    parser.add_argument("--lang", dest="main_lang", choices=LANGUAGE_CODES, help=help_text("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.metavar.command"))
    for name in command_modules():
        if only is None or name == only:
            importlib.import_module(f"drill.commands.{name}").register(sub)
    for command in sub.choices.values():
        try:
            command.add_argument("--lang", choices=LANGUAGE_CODES,
                                 help=help_text("cli.help.lang"))
        except argparse.ArgumentError:
            pass  # the command has its own --lang (its screens or report follow the drill's language)
    return parser


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The command on the line (`drill --lang nn score x.db` -> "score"), if it is one of ours."""
    words = list(sys.argv[1:] if argv is None else argv)
    i = 0
    while i < len(words):
        if words[i] == "--lang":
            i += 2
        elif words[i].startswith("-"):
            i += 1
        else:
            return words[i] if words[i] in command_modules() else None
    return None


def _speak(argv: Sequence[str] | None) -> None:
    """Choose the messages' language before argparse runs, so its help text is in it too."""
    words = list(sys.argv[1:] if argv is None else argv)
    chosen = None
    for i, word in enumerate(words):
        if word == "--lang" and i + 1 < len(words):
            chosen = words[i + 1]
        elif word.startswith("--lang="):
            chosen = word.split("=", 1)[1]
    use_language(chosen if chosen in LANGUAGE_CODES else default_language())


def main(argv: Sequence[str] | None = None) -> int:
    language = active_language()
    _speak(argv)
    use_messages_language(active_language())
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = NeutralisingWriter(stdout), NeutralisingWriter(stderr)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr
        use_language(language)  # an in-process caller keeps the language it had
        use_messages_language(None)


def _main(argv: Sequence[str] | None) -> int:
    try:
        # Building the parser imports every command (pydantic, textual...): still early, still quiet.
        parser = build_parser(only=_command_named(argv))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    try:
        if signal.getsignal(signal.SIGINT) is _quiet_interrupt:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:
        pass
    try:
        args = parser.parse_args(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    if getattr(args, "lang", None) is None and args.main_lang:
        args.lang = args.main_lang
    if getattr(args, "lang", None) is None and os.environ.get("DRILL_LANG", "").strip().lower() in LANGUAGE_CODES:
        args.lang = os.environ["DRILL_LANG"].strip().lower()  # over the drill's own language, too
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.run(args) or 0)
    except DrillError as error:
        print(f"drill: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        sys.stderr.close()
        return 0
    except Exception as error:  # noqa: BLE001 - last line of defence: never a traceback for users
        if os.environ.get("DRILL_DEBUG"):
            raise
        print(t("cli.internal_error", problem=f"{type(error).__name__}: {error}"), file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""argparse in the user's language: help texts from the catalogue, and argparse's own words too.

argparse writes its headings ("usage:", "options"), its `-h` help and its error messages in
English through gettext, whatever the rest of drill says. `LocalisedParser` (the class of
`drill`'s parser and, through `add_subparsers`, of every command's) replaces them with the
catalogue's words using public overrides only: its own `-h/--help` argument, a formatter whose
`add_usage` and `start_section` put the translated prefix and headings, and an `error()` that
translates argparse's message before exiting 2. The language must be chosen before the parser
is built (`drill.cli` pre-scans argv for `--lang`), since help texts are looked up as the
commands register.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from functools import cache
from gettext import gettext
from typing import Any, NoReturn

from drill.i18n import t


def help_text(key: str, **values: object) -> str:
    """A catalogue text as an argparse help string (argparse %-formats help, so a % is doubled)."""
    return t(key, **values).replace("%", "%%")


# argparse's headings, as argparse itself looks them up, and the catalogue key of each.
_HEADINGS = {"positional arguments": "cli.argparse.positionals", "options": "cli.argparse.options"}

# argparse's error templates (as in its source) and the catalogue key that words each.
# Positional %s/%r become a group named `value`; a message that matches none is shown as is.
_ERRORS: tuple[tuple[str, str], ...] = (
    ("argument %(argument_name)s: %(message)s", "cli.argparse.argument"),
    ("the following arguments are required: %s", "cli.argparse.required"),
    ("unrecognized arguments: %s", "cli.argparse.unrecognized"),
    ("one of the arguments %s is required", "cli.argparse.one_required"),
    ("not allowed with argument %s", "cli.argparse.not_allowed_with"),
    ("ignored explicit argument %r", "cli.argparse.ignored_explicit"),
    ("expected one argument", "cli.argparse.expected_one"),
    ("expected at most one argument", "cli.argparse.expected_at_most_one"),
    ("expected at least one argument", "cli.argparse.expected_at_least_one"),
    ("expected %s argument", "cli.argparse.expected_n"),
    ("expected %s arguments", "cli.argparse.expected_n"),
    ("ambiguous option: %(option)s could match %(matches)s", "cli.argparse.ambiguous"),
    ("invalid choice: %(value)r (choose from %(choices)s)", "cli.argparse.invalid_choice"),
    ("invalid %(type)s value: %(value)r", "cli.argparse.invalid_value"),
    ("unexpected option string: %s", "cli.argparse.unexpected_option"),
)
_TYPE_NAMES = {"int": "cli.argparse.type.int", "float": "cli.argparse.type.float"}


@cache
def _error_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = []
    for template, key in _ERRORS:
        pieces = re.split(r"(%\([a-z_]+\)[sr]|%[sr])", gettext(template))
        regex = "".join(
            f"(?P<{piece[2:-2]}>.+?)" if piece.startswith("%(") else
            "(?P<value>.+?)" if piece in ("%s", "%r") else re.escape(piece)
            for piece in pieces
        )
        patterns.append((re.compile(regex + r"\Z", re.DOTALL), key))
    return tuple(patterns)


def translate_error(message: str) -> str:
    """argparse's English message in the catalogue's words (the values it quotes are kept)."""
    for pattern, key in _error_patterns():
        match = pattern.match(message)
        if match is None:
            continue
        values = match.groupdict()
        if "message" in values:
            values["message"] = translate_error(values["message"])
        if "type" in values and values["type"] in _TYPE_NAMES:
            values["type"] = t(_TYPE_NAMES[values["type"]])
        return t(key, **values)
    return message


class LocalisedFormatter(argparse.HelpFormatter):
    """Help laid out as argparse does, with the usage prefix and section headings translated."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else t("cli.argparse.usage") + " ")

    def start_section(self, heading: str | None) -> None:
        for english, key in _HEADINGS.items():
            if heading == gettext(english):
                heading = t(key)
        super().start_section(heading)


class LocalisedRawFormatter(LocalisedFormatter, argparse.RawDescriptionHelpFormatter):
    """A description whose line breaks are kept (the long explanations of `drill history`)."""


class LocalisedParser(argparse.ArgumentParser):
    """An ArgumentParser whose every word comes from the catalogue; errors still exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", LocalisedFormatter)
        kwargs["add_help"] = False  # argparse's own -h has English help; ours is added below
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=help_text("cli.argparse.help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.argparse.error", prog=self.prog, message=translate_error(message)) + "\n")


"""The words on drill's screens and in its messages, in bokmål, nynorsk and English.

Every piece of text a person reads is looked up by key in one catalogue per language
(`nb.py`, `nn.py`, `en.py`, plus the area modules in `areas/`), so a screen is never half
in one language and half in another, and a translator edits one file per area. The app
and every command choose the language once (`--lang`, else `DRILL_LANG`, else the
scenario's or the locale's language, see `default_language`); `t(key, **values)` then
formats the text for that language.

Counted nouns ("1 dialog", "2 dialoger") are written as two keys, `KEY.one` and
`KEY.other`, and `plural(KEY, n)` picks the one Babel's plural rules name for the
language and count: a translator writes whole sentences and never an "(er)" suffix.
Numbers are grouped by Babel's locale data (12 345 in Norwegian, 12,345 in English).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from string import Formatter

from typing import TYPE_CHECKING

from drill.i18n import areas, en, nb, nn

if TYPE_CHECKING:
    from babel import Locale

DEFAULT_LANGUAGE = "nb"
LANGUAGE_CODES = ("nb", "nn", "en")


def _merged_catalogues() -> dict[str, Mapping[str, str]]:
    """The base catalogue of each language plus every area module's texts for it."""
    merged: dict[str, dict[str, str]] = {"nb": dict(nb.STRINGS), "nn": dict(nn.STRINGS), "en": dict(en.STRINGS)}
    for module_info in sorted(pkgutil.iter_modules(areas.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{areas.__name__}.{module_info.name}")
        texts: Mapping[str, Mapping[str, str]] = getattr(module, "TEXTS")
        for language, strings in merged.items():
            for key, text in texts.get(language, {}).items():
                if key in strings:
                    raise RuntimeError(f"UI text {key!r} is defined twice (again in area {module_info.name})")
                strings[key] = text
    return dict(merged)


LANGUAGES: dict[str, Mapping[str, str]] = _merged_catalogues()


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language a command speaks when `--lang` is not given.

    `DRILL_LANG` wins when it names a catalogue. Otherwise the POSIX locale variables
    decide, in their own order of precedence (LC_ALL, LC_MESSAGES, LANG): `nn…` is
    nynorsk, `nb…`/`no…` bokmål. Any other locale, and none (C, POSIX, as on servers and
    in CI), gets English: a Norwegian desktop has a Norwegian locale, and whoever runs
    drill elsewhere is likelier to read English than bokmål.
    """
    env = os.environ if environ is None else environ
    chosen = env.get("DRILL_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").strip().lower()
        if not value:
            continue
        if value.startswith("nn"):
            return "nn"
        if value.startswith(("nb", "no")):
            return "nb"
        return "en"
    return "en"


@cache
def _locale(language: str) -> Locale:
    # Imported on first use: `drill`'s start (and an early Ctrl+C) stays clear of Babel's imports.
    from babel import Locale

    return Locale.parse(language)


class Catalogue:
    """The strings of one language, with `{name}` placeholders filled by `__call__`."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"no UI catalogue for language {language!r} (have: {', '.join(LANGUAGES)})")
        self.language = language
        self._strings = LANGUAGES[language]

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self._strings[key]
        except KeyError:
            raise KeyError(f"UI text {key!r} is missing from the {self.language} catalogue") from None
        return text.format(**values) if values else text

    def plural(self, key: str, count: int, **values: object) -> str:
        """`KEY.one` or `KEY.other`, as the language's plural rules say for `count`.

        The count is passed to the text as `{n}`, already grouped by `number`.
        """
        form = _locale(self.language).plural_form(count)
        chosen = f"{key}.{form}" if f"{key}.{form}" in self._strings else f"{key}.other"
        return self(chosen, n=self.number(count), **values)

    def number(self, value: int | float) -> str:
        """Numbers grouped the language's way: 12 345 (nb, nn), 12,345 (en).

        Babel separates Norwegian thousands with a no-break space; a plain space reads
        the same in a terminal and keeps copied numbers searchable.
        """
        from babel.numbers import format_decimal

        return format_decimal(value, locale=_locale(self.language)).replace("\xa0", " ").replace("\u202f", " ")


@cache
def catalogue(language: str) -> Catalogue:
    """The (shared) catalogue of one language, for code that speaks a language other than the active one."""
    return Catalogue(language)


_active = Catalogue(DEFAULT_LANGUAGE)


def use_language(language: str) -> Catalogue:
    """Make `language` the one `t()` speaks from now on."""
    global _active
    _active = Catalogue(language)
    return _active


def active_language() -> str:
    return _active.language


_messages_language: str | None = None


def use_messages_language(language: str | None) -> None:
    """The language of messages about files and input (set by the `drill` command; None: the default)."""
    global _messages_language
    _messages_language = language


@contextmanager
def messages_in(language: str) -> Iterator[None]:
    """Messages about files made inside the block speak `language`.

    The app's screens have a language of their own (the scenario's, or nb), which may differ
    from the command's (`use_messages_language`, English in a C locale): a file's problem shown
    on a bokmål screen must be told in bokmål.
    """
    global _messages_language
    was, _messages_language = _messages_language, language
    try:
        yield
    finally:
        _messages_language = was


def message(key: str, **values: object) -> str:
    """A message about the user's input (a file's problems), in the command's language.

    Kept apart from the screens' language (`use_language`): a library caller (a test, a
    script) that never chose a language gets `default_language()`, whatever screen an
    app showed before in the same process.
    """
    return catalogue(_messages_language or default_language())(key, **values)


def messages_language() -> str:
    return _messages_language or default_language()


def t(key: str, **values: object) -> str:
    return _active(key, **values)


def plural(key: str, count: int, **values: object) -> str:
    return _active.plural(key, count, **values)


def number(value: int | float) -> str:
    return _active.number(value)


def placeholders(text: str) -> set[str]:
    """Names of the `{placeholders}` in a catalogue text (used to check the catalogues agree)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}

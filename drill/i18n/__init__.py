"""The words on drill's screens, in Norwegian bokmål and English.

Every piece of UI text is looked up by key in one catalogue per language (`nb.py`,
`en.py`), so a screen is never half in one language and half in another, and a
translator edits one file. The app chooses the language once (the `--lang` option or the
scenario's language); `t(key, **values)` then formats the text for that language.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from string import Formatter

from drill.i18n import areas, en, nb

DEFAULT_LANGUAGE = "nb"


def _merged_catalogues() -> dict[str, Mapping[str, str]]:
    """The base catalogue of each language plus every area module's texts for it."""
    merged: dict[str, dict[str, str]] = {"nb": dict(nb.STRINGS), "en": dict(en.STRINGS)}
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

    def number(self, value: int) -> str:
        """Whole numbers with the language's thousands separator: 12 345 (nb), 12,345 (en)."""
        grouped = f"{value:,}"
        return grouped.replace(",", " ") if self.language == "nb" else grouped


_active = Catalogue(DEFAULT_LANGUAGE)


def use_language(language: str) -> Catalogue:
    """Make `language` the one `t()` speaks from now on."""
    global _active
    _active = Catalogue(language)
    return _active


def active_language() -> str:
    return _active.language


def t(key: str, **values: object) -> str:
    return _active(key, **values)


def number(value: int) -> str:
    return _active.number(value)


def placeholders(text: str) -> set[str]:
    """Names of the `{placeholders}` in a catalogue text (used to check the catalogues agree)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}

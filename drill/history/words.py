"""The words of `drill history`, from the one catalogue, in the language asked for.

The texts live in `drill/i18n/areas/history.py`. Until the catalogue serves nynorsk for every
screen, a nynorsk history reads its own area's nynorsk texts directly, so `--lang nn` works
now and moves to the catalogue without a change here.
"""

from __future__ import annotations

from drill.i18n import LANGUAGES, Catalogue
from drill.i18n.areas import history as area

LANGUAGES_OFFERED = ("nb", "nn", "en")


class Words:
    def __init__(self, language: str) -> None:
        if language not in LANGUAGES_OFFERED:
            raise ValueError(f"no history texts for language {language!r}")
        self.language = language
        self._catalogue = Catalogue(language) if language in LANGUAGES else None

    def __call__(self, key: str, **values: object) -> str:
        if self._catalogue is not None:
            return self._catalogue(key, **values)
        text = area.TEXTS[self.language][key]
        return text.format(**values) if values else text

    def count(self, key: str, n: int, **values: object) -> str:
        """A text with a count in it, in the singular for one (`KEY.one`) and the plural otherwise."""
        return self(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)

    def score(self, value: float | None) -> str:
        """A score as a whole number, or a dash when nothing was scored."""
        return "–" if value is None else f"{value:.0f}"

    def change(self, value: float | None) -> str:
        """A signed change in points: +12, −3, ±0."""
        if value is None:
            return "–"
        rounded = round(value)
        if rounded == 0:
            return "±0"
        return f"+{rounded}" if rounded > 0 else f"−{-rounded}"

    def date(self, iso: str) -> str:
        """The date a drill was played, as a trainer writes it: 3.12.2026 (nb/nn) or 2026-12-03 (en)."""
        day = iso[:10]
        if self.language == "en" or len(day) != 10:
            return day
        year, month, date = day.split("-")
        return f"{int(date)}.{int(month)}.{year}"

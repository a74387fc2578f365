"""Small helpers that put words, numbers and durations into report sentences in bokmål,
nynorsk or English.

Every sentence comes from the one catalogue (`drill.i18n`, the `findings.*` and `report.*`
areas), looked up in the language the scorer was given, never the app's active one: a report
can be written in English from a bokmål session. Plural forms follow Babel's rules for the
language (`Catalogue.plural`). Norwegian writes 4 100 and 1,5 where English writes 4,100 and
1.5; durations read "1 t 5 min" and "1 h 5 min". Keeping this in one place keeps every
finding's wording consistent.
"""

from __future__ import annotations

from drill.i18n import catalogue

NBSP = "\u00a0"


def say(lang: str, key: str, **values: object) -> str:
    """The catalogue text `key` in `lang`, with its placeholders filled."""
    return catalogue(lang)(key, **values)


def say_n(lang: str, key: str, count: int, **values: object) -> str:
    """`key.one` or `key.other` by the plural rules of `lang` for `count` (given to the text as `{n}`)."""
    return catalogue(lang).plural(key, count, **values)


def number(value: float, lang: str) -> str:
    """A whole number with thousands separators: 4 100 (nb) / 4,100 (en)."""
    text = f"{int(round(value)):,}"
    return text if lang == "en" else text.replace(",", NBSP)


def approx(value: float, lang: str) -> str:
    """A rounded figure for estimates, to two significant digits: about 4 100 people."""
    value = int(round(value))
    if abs(value) >= 1000:
        magnitude = 10 ** (len(str(abs(value))) - 2)
        value = int(round(value / magnitude) * magnitude)
    elif abs(value) >= 100:
        value = int(round(value, -1))
    return number(value, lang)


def duration(seconds: float, lang: str) -> str:
    """Minutes for short spans, hours and minutes for longer ones, days beyond 48 hours."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{int(round(seconds))} s"
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours >= 48:
        days = round(seconds / 86400, 1)
        shown = f"{days:g}" if lang == "en" else f"{days:g}".replace(".", ",")
        return say(lang, "findings.days", n=shown)
    unit = say(lang, "findings.hours_unit")
    return f"{hours} {unit} {rest} min" if rest else f"{hours} {unit}"


def share(part: int, whole: int, lang: str) -> str:
    """"3 av 11" / "3 of 11"."""
    return say(lang, "findings.share", part=part, whole=whole)


def quote(text: str, limit: int = 90) -> str:
    """The text on one line, shortened at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


def signed(value: float, lang: str) -> str:
    """Points with a sign and one decimal: +37,5 (nb) / +37.5 (en)."""
    text = f"{value:+.1f}".replace("-", "\u2212")
    return text if lang == "en" else text.replace(".", ",")


def decimal(value: float, lang: str) -> str:
    """A short decimal (weights): 1,5 (nb) / 1.5 (en)."""
    text = f"{value:g}"
    return text if lang == "en" else text.replace(".", ",")


def quoted(text: str, lang: str) -> str:
    """Quotation marks as each language prints them: «…» (nb, nn) / “…” (en)."""
    return f"“{text}”" if lang == "en" else f"«{text}»"


"""Small helpers that put numbers and durations into report sentences in bokmål or English.

Norwegian writes 4 100 and 1,5 where English writes 4,100 and 1.5; durations read "1 t 5 min"
and "1 h 5 min". Keeping this in one place keeps every finding's wording consistent.
"""

from __future__ import annotations

NBSP = "\u00a0"


def pick(lang: str, nb: str, en: str) -> str:
    return en if lang == "en" else nb


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
        return pick(lang, f"{int(round(seconds))} s", f"{int(round(seconds))} s")
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours >= 48:
        days = round(seconds / 86400, 1)
        shown = f"{days:g}" if lang == "en" else f"{days:g}".replace(".", ",")
        return pick(lang, f"{shown} døgn", f"{shown} days")
    unit = pick(lang, "t", "h")
    return f"{hours} {unit} {rest} min" if rest else f"{hours} {unit}"


def share(part: int, whole: int, lang: str) -> str:
    """"3 av 11" / "3 of 11"."""
    return pick(lang, f"{part} av {whole}", f"{part} of {whole}")


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
    """Quotation marks as each language prints them: «…» (nb) / “…” (en)."""
    return f"“{text}”" if lang == "en" else f"«{text}»"

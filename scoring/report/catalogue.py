"""The report's fixed labels: headings, column names and chart captions.

They live in the one catalogue (`drill/i18n/areas/report.py`, keys `report.*`) in bokmål,
nynorsk and English; `label` looks one up in the report's language, which is passed in (a
report may be written in another language than the app speaks).
"""

from __future__ import annotations

from scoring.texts import say


def label(key: str, lang: str, **values: object) -> str:
    return say(lang, f"report.{key}", **values)

"""Durations as trainers write them: `90s`, `15m`, `2h30m`, `1h`, or a plain number of seconds.

Scenario times are simulated seconds since the drill started. Writing `12m` is how an
exercise controller thinks; the models store whole seconds so the engine never parses text.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from drill.i18n import message

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)")
_WHOLE = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*[hms]\s*)+$")


def parse_duration(value: Any) -> int:
    """Seconds for `value`; raises ValueError with a plain message, in the trainer's language, for anything else."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(message("input.duration_negative"))
        return int(round(value))
    if isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        if text.isdigit():
            return int(text)
        if _WHOLE.match(text):
            seconds = 0.0
            for number, unit in _PART.findall(text):
                seconds += float(number) * {"h": 3600, "m": 60, "s": 1}[unit]
            return int(round(seconds))
    shown = message("input.nothing") if value is None else repr(value)
    raise ValueError(message("input.duration", shown=shown))


def format_duration(seconds: float) -> str:
    """The inverse of parse_duration, in the most compact exact form (`2h30m`, `45s`)."""
    total = int(round(seconds))
    if total == 0:
        return "0m"
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{secs}s" if secs else ""]
    return "".join(parts)


def story_time(starts: datetime, seconds: float) -> datetime:
    """The moment in the scenario's story `seconds` after it starts (its own time zone)."""
    return starts + timedelta(seconds=seconds)


def story_clock(starts: datetime, seconds: float) -> str:
    """`11:04`: the clock on the wall in the story, as the team sees it on the drill clock."""
    return story_time(starts, int(seconds)).strftime("%H:%M")


def clock_label(seconds: float) -> str:
    """`+1:05:09` style label for simulated time, used in summaries and reports."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


Duration = Annotated[
    int,
    BeforeValidator(parse_duration),
    PlainSerializer(format_duration, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*(\d+(\.\d+)?\s*[hms]\s*)+$|^\d+$"},
                {"type": "integer", "minimum": 0},
            ],
            "description": "A duration: 90s, 15m, 2h30m, or whole seconds.",
        }
    ),
]

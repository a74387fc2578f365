"""Small pure helpers that turn drill facts into the words and times a team reads on screen."""

from __future__ import annotations

import io
from datetime import datetime

from rich.console import Console, RenderableType

from drill.i18n import plural, t
from drill.scenario.durations import clock_label, story_clock


def wall_clock(starts: datetime, seconds: float) -> str:
    """Simulated time as the clock on the wall in the story shows it (`11:04`)."""
    return story_clock(starts, seconds)


def elapsed(seconds: float) -> str:
    """Time since the drill started, `+1:05:09`."""
    return "+" + clock_label(seconds)


def waited(seconds: float) -> str:
    """A waiting time in the coarsest unit that still tells the team something."""
    if seconds < 60:
        return t("time.seconds", n=int(seconds))
    minutes = int(seconds // 60)
    if minutes < 60:
        return t("time.minutes", n=minutes)
    return t("time.hours_minutes", h=minutes // 60, m=minutes % 60)


def reach_words(reached: int, shares: int) -> str:
    """How far an item has spread, `Nådd 3 personer, delt 1 gang`: each count picks its own
    plural form, which one sentence with two counts cannot."""
    return t("thread.reach", reached=plural("thread.reached", reached), shared=plural("thread.shared", shares))


def duration_words(seconds: float) -> str:
    """A scenario's length as people say it: `2 t 30 min` (nb), `2 h 30 min` (en)."""
    minutes = int(seconds // 60)
    if minutes < 60:
        return t("time.minutes", n=minutes)
    hours, rest = divmod(minutes, 60)
    return t("time.hours", h=hours) if rest == 0 else t("time.hours_minutes", h=hours, m=rest)


def speed_label(speed: float) -> str:
    return f"{speed:g}×"


def member_parts(member: str, default_department: str) -> tuple[str, str]:
    """('Kari', 'kommunikasjonsavdelingen') from 'Kari Nordmann, kommunikasjonsavdelingen'."""
    name, _, department = member.partition(",")
    first = name.strip().split(" ")[0] if name.strip() else name.strip()
    return first, department.strip() or default_department


def signature(member: str | None, default_department: str) -> str:
    """The closing line a reply offers: `Hilsen Kari, kommunikasjonsavdelingen`."""
    if not member:
        return t("signature.anonymous", department=default_department)
    first, department = member_parts(member, default_department)
    return t("signature", first=first, department=department)


def excerpt(text: str, width: int) -> str:
    """One line of at most `width` characters (an ellipsis marks the cut)."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[: max(0, width - 1)] + "…"


def plain_text(renderable: RenderableType, width: int = 100) -> str:
    """What a renderable reads as on screen, without styles (for accessors and tests)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()

"""One line the whole room can read: story time, time left, speed, who is on duty, what is
waiting, and when the next official update is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.widget import Widget

from drill.app.formatting import elapsed, speed_label, waited, wall_clock
from drill.i18n import number, t


COMPACT_BELOW = 110
"""Narrower than this (an 80-column terminal), the bar drops the elapsed time and uses short labels."""
DROPPED_FIRST: tuple[tuple[str, ...], ...] = ((), ("elapsed",), ("elapsed", "last_post"))
"""Wider, but not wide enough for the whole long form (120 columns in a storm): the parts left
out, in turn, before the line is cut at the right edge, where what waits is told."""


@dataclass(frozen=True)
class StatusFacts:
    """What the line tells; `left`: simulated seconds until the drill ends; `update_due`: when
    (simulated seconds since the start) the next official post is due by the scenario's targets."""

    starts: datetime
    now: float
    speed: float
    paused: bool
    on_duty: str | None
    unanswered: int
    oldest: float | None
    replay: bool = False
    ended: bool = False
    last_post: float | None = None
    left: float | None = None
    update_due: float | None = None


class StatusBar(Widget):
    """Redrawn in place on every tick; a fixed height, so it never asks for a new layout."""

    DEFAULT_CSS = """
    StatusBar { height: 1; width: 1fr; background: $primary; color: $text; text-style: bold; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line = Text()
        self._facts: StatusFacts | None = None

    def on_resize(self) -> None:
        self._draw()

    def render(self) -> Text:
        return self._line

    @property
    def text(self) -> str:
        return self._line.plain

    def show(
        self,
        *,
        starts: datetime,
        now: float,
        speed: float,
        paused: bool,
        on_duty: str | None,
        unanswered: int,
        oldest: float | None,
        replay: bool = False,
        ended: bool = False,
        last_post: float | None = None,
        left: float | None = None,
        update_due: float | None = None,
    ) -> None:
        """See `StatusFacts` for what each figure is."""
        self._facts = StatusFacts(starts, now, speed, paused, on_duty, unanswered, oldest, replay, ended,
                                  last_post, left, update_due)
        self._draw()

    def _draw(self) -> None:
        facts = self._facts
        if facts is None:
            return
        width = self.content_size.width
        compact = 0 < self.size.width < COMPACT_BELOW
        for drop in DROPPED_FIRST:
            line = line_for(facts, compact, drop)
            if compact or not width or line.cell_len <= width:
                break
        if line.plain != self._line.plain:
            self._line = line
            self.refresh()


def line_for(f: StatusFacts, compact: bool, drop: tuple[str, ...] = ()) -> Text:
    """The status line, short labels when `compact`; `drop` names parts of the long form left out."""
    now = f.now
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(wall_clock(f.starts, now), style="bold")
    if compact:
        line.append(" ")  # the short "time left" has no dash of its own
    elif "elapsed" not in drop:
        line.append(f" ({elapsed(now)})")
    if f.left is not None and not f.ended:
        line.append(" " + t("console.left" + ("_short" if compact else ""), left=waited(max(0.0, f.left))))
    line.append("  ")
    if f.ended:
        line.append(t("status.ended"), style="reverse")
    elif f.paused:
        line.append(t("status.paused"), style="reverse")
    else:
        line.append(t("status.running", speed=speed_label(f.speed)))
    if f.replay:
        line.append("  " + t("status.replay"), style="reverse")
    line.append("  " + t("status.on_duty", name=(f.on_duty or "—").split(",")[0]))
    line.append("  " + t("status.unanswered", n=number(f.unanswered)))
    short = "_short" if compact else ""
    if f.update_due is not None and not f.ended and not f.replay:
        if f.update_due >= now:
            line.append("  " + t("console.update_in" + short, waited=waited(f.update_due - now)))
        else:
            line.append("  " + t("console.update_late" + short, waited=waited(now - f.update_due)), style="reverse")
    if f.oldest is not None:
        line.append("  " + t("status.oldest" + short, waited=waited(f.oldest)))
    if not compact and "last_post" not in drop:
        if f.last_post is None:
            line.append("  " + t("status.no_post"))
        else:
            line.append("  " + t("status.last_post", waited=waited(now - f.last_post)))
    return line

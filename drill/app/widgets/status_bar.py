"""One line the whole room can read: story time, time left, speed, who is on duty, what is
waiting, and when the next official update is due."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widget import Widget

from drill.app.formatting import elapsed, speed_label, waited, wall_clock
from drill.i18n import number, t


COMPACT_BELOW = 110
"""Narrower than this (an 80-column terminal), the bar drops the elapsed time and uses short labels."""


class StatusBar(Widget):
    """Redrawn in place on every tick; a fixed height, so it never asks for a new layout."""

    DEFAULT_CSS = """
    StatusBar { height: 1; width: 1fr; background: $primary; color: $text; text-style: bold; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line = Text()
        self._shown: dict[str, object] = {}

    def on_resize(self) -> None:
        if self._shown:
            self.show(**self._shown)  # type: ignore[arg-type]

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
        """`left`: simulated seconds until the drill ends; `update_due`: when (simulated seconds
        since the start) the next official post is due by the scenario's targets."""
        self._shown = dict(starts=starts, now=now, speed=speed, paused=paused, on_duty=on_duty,
                           unanswered=unanswered, oldest=oldest, replay=replay, ended=ended, last_post=last_post,
                           left=left, update_due=update_due)
        compact = 0 < self.size.width < COMPACT_BELOW
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{wall_clock(starts, now)} ", style="bold")
        if not compact:
            line.append(f"({elapsed(now)})")
        if left is not None and not ended:
            line.append(" " + t("console.left" + ("_short" if compact else ""), left=waited(max(0.0, left))))
        line.append("  ")
        if ended:
            line.append(t("status.ended"), style="reverse")
        elif paused:
            line.append(t("status.paused"), style="reverse")
        else:
            line.append(t("status.running", speed=speed_label(speed)))
        if replay:
            line.append("  " + t("status.replay"), style="reverse")
        line.append("  " + t("status.on_duty", name=(on_duty or "—").split(",")[0]))
        line.append("  " + t("status.unanswered", n=number(unanswered)))
        short = "_short" if compact else ""
        if update_due is not None and not ended and not replay:
            if update_due >= now:
                line.append("  " + t("console.update_in" + short, waited=waited(update_due - now)))
            else:
                line.append("  " + t("console.update_late" + short, waited=waited(now - update_due)),
                            style="reverse")
        if oldest is not None:
            line.append("  " + t("status.oldest" + short, waited=waited(oldest)))
        if not compact:
            if last_post is None:
                line.append("  " + t("status.no_post"))
            else:
                line.append("  " + t("status.last_post", waited=waited(now - last_post)))
        if line.plain != self._line.plain:
            self._line = line
            self.refresh()

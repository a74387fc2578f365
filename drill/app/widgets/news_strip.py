"""What just arrived (calls, messages, citizens' reactions), in a strip of its own under the thread.

These used to be toasts. In a flood they stacked up the whole right side of the console, over
the thread the team was reading and over the feed's rows; a team at 30× reads the strip when it
wants to, and it covers nothing. Each entry is one line, newest on top, cut to the width.
"""

from __future__ import annotations

from collections import deque
from typing import Literal

from rich.text import Text
from textual.widget import Widget

from drill.i18n import t
from drill.terminal_text import neutralise

Kind = Literal["call", "reaction"]
KEPT = 20
"""Entries kept for the strip (more than it ever shows; a resize may show more)."""
STYLES: dict[Kind, str] = {"call": "bold yellow", "reaction": "cyan"}


class NewsStrip(Widget, can_focus=False):
    """A fixed-height strip: its lines change, its size never does, so it costs no re-layout."""

    DEFAULT_CSS = """
    NewsStrip { height: 4; border-top: solid $primary; padding: 0 1; background: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: deque[tuple[str, str, Kind]] = deque(maxlen=KEPT)

    def add(self, clock: str, line: str, kind: Kind) -> None:
        """One arrival, at the story's wall-clock time `clock`. The line quotes citizens and the team:
        shown, never obeyed."""
        self._entries.appendleft((clock, neutralise(line), kind))
        self.refresh()

    @property
    def lines(self) -> list[str]:
        """Every kept entry as plain text, newest first."""
        return [f"{clock} {line}" for clock, line, _ in self._entries]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def render(self) -> Text:
        if not self._entries:
            return Text(t("play.news_none"), style="italic", no_wrap=True, overflow="ellipsis")
        rows = max(1, self.content_size.height)
        width = self.content_size.width
        lines = []
        for clock, line, kind in list(self._entries)[:rows]:
            one = Text(clock + " ", style="bold")
            one.append(" ".join(line.split()), style=STYLES[kind])
            if width:
                one.truncate(width, overflow="ellipsis")
            lines.append(one)
        return Text("\n").join(lines)

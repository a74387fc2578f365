"""One line above the feed: the triage views with their keys and counts, the order, the search.

The counts are the feed model's (`FeedModel.counts`, the account's for what waits); this
widget only lays them out. A fixed height and a redraw only when the words change keep it
out of the way of a storm.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from drill.app.triage import VIEWS, Sort, View
from drill.i18n import number, t

COMPACT_BELOW = 100
"""Narrower than this, each view shows its short name."""


class ViewBar(Widget):
    DEFAULT_CSS = """
    ViewBar { height: 1; width: 1fr; background: $boost; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line = Text()
        self._shown: tuple[dict[View, int], View, Sort, str, int] | None = None

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def render(self) -> Text:
        return self._line

    @property
    def text(self) -> str:
        return self._line.plain

    def show(self, counts: dict[View, int], view: View, sort: Sort, query: str, rows: int) -> None:
        self._shown = (counts, view, sort, query, rows)
        compact = 0 < self.size.width < COMPACT_BELOW
        short = "_short" if compact else ""
        line = Text(no_wrap=True, overflow="ellipsis")
        for index, name in enumerate(VIEWS, start=1):
            label = f"{index} {t(f'console.view_{name}{short}')} {number(counts[name])}"
            if name == view:
                line.append(f"[{label}]", style="bold reverse")
            else:
                line.append(f" {label} ", style="bold red" if name == "needs" and counts[name] else "")
        line.append("  " + t(f"console.sort_{sort}"), style="italic")
        if query:
            line.append("  " + t("console.found", query=query, n=number(rows)), style="bold")
        if line.plain != self._line.plain:
            self._line = line
            self.refresh()

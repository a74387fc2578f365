"""One line above the feed: the triage views with their keys and counts, the order, the search.

The counts are the feed model's (`FeedModel.counts`, the account's for what waits); this
widget only lays them out. A fixed height and a redraw only when the words change keep it
out of the way of a storm.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from drill.app.triage import VIEWS, Sort, View
from drill.i18n import number, t

COUNTS_GIVE_WAY: tuple[View, ...] = ("all", "ours", "questions", "claims", "moderate", "needs")
"""Whose count is dropped first when the views do not fit: a view's key and name choose it and
must stay readable; what waits for an answer or a moderator says the most, and the status bar
repeats the waiting count."""


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
        line = self._views(counts, view)
        line.append("  " + t(f"console.sort_{sort}"), style="italic")
        if query:
            line.append("  " + t("console.found", query=query, n=number(rows)), style="bold")
        if line.plain != self._line.plain:
            self._line = line
            self.refresh()

    def _views(self, counts: dict[View, int], view: View) -> Text:
        """The widest form of the views that fits: full names with every count, then short names
        with the counts giving way one by one, then short names alone. Views with counts stand
        two spaces apart, or a count would read as the next view's key ("Svar 12 2 Spm.")."""
        width = self.content_size.width
        forms = [("", COUNTS_GIVE_WAY, "  ")]
        forms += [("_short", COUNTS_GIVE_WAY[dropped:], "  ") for dropped in range(len(COUNTS_GIVE_WAY))]
        forms += [("_short", (), " ")]
        line = Text()
        for suffix, with_count, separator in forms:
            line = self._line_of(counts, view, suffix, set(with_count), separator)
            if width <= 0 or cell_len(line.plain) <= width:
                break
        return line

    @staticmethod
    def _line_of(counts: dict[View, int], view: View, suffix: str, with_count: set[View], separator: str) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for index, name in enumerate(VIEWS, start=1):
            label = f"{index} {t(f'console.view_{name}{suffix}')}"
            if name in with_count:
                label += f" {number(counts[name])}"
            if index > 1:
                line.append(separator)
            if name == view:
                line.append(f"[{label}]", style="bold reverse")
            else:
                line.append(label, style="bold red" if name == "needs" and counts[name] else "")
        return line

"""Choose a scenario: shipped ones and those in the current folder, with what each is.

Given the folder of session files, each scenario also shows the latest result played of it
(read by `drill.history` in a thread worker, so the list is usable at once).

Every column stays on screen at 80 columns: when the natural widths do not fit, the result
comes before the source in a short form (score and day), the language and a shipped scenario's
source are one short word each, and the title is cut with an ellipsis; the line under the table then gives the
highlighted row's whole title and result. Where everything fits, the table is as it always was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.markup import escape
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Label, Static

from drill.app.formatting import duration_words
from drill.app.scenario_catalogue import ScenarioEntry
from drill.app.screens.keys import CatalogueBindings
from drill.history.latest import LastResult
from drill.i18n import active_language, t


CELL_PADDING = 2
"""Columns a DataTable cell takes beyond its text (one on each side)."""
ROOM = 4
"""The table's margins (one each side, drill.tcss) and a vertical scrollbar when the list is long."""
SOURCE_WIDTH = 16
"""A scenario file's name in a narrow table is cut to this."""
TITLE_MIN = 12


@dataclass(frozen=True)
class Row:
    title: str
    kind: str
    language: str
    duration: str
    short_language: str
    source: str
    short_source: str
    result: str | None
    short_result: str | None


@dataclass(frozen=True)
class Layout:
    """The columns as shown: labels and the cells of each row, already cut to fit."""

    labels: list[str]
    rows: list[list[str]]
    narrow: bool

    @property
    def widths(self) -> list[int]:
        """Each column's text width, given to the table at once (rows measured later could be drawn
        at the width of their label first)."""
        return _widths(self.labels, self.rows)


def layout(rows: list[Row], width: int, *, with_results: bool) -> Layout:
    """The table for a screen `width` columns wide: as it always was where it fits, else narrowed."""
    labels = [t("picker.col_title"), t("picker.col_kind"), t("picker.col_language"), t("picker.col_duration"),
              t("picker.col_source")] + ([t("history.picker_column")] if with_results else [])
    wide = [[r.title, r.kind, r.language, r.duration, r.source] + ([r.result or "–"] if with_results else [])
            for r in rows]
    if _needed(labels, wide) <= width:
        return Layout(labels, wide, narrow=False)
    labels = labels[:4] + ([t("walk.picker.col_result_short")] if with_results else []) + [labels[4]]
    cut = [[r.title, r.kind, r.short_language, r.duration] + ([r.short_result or "–"] if with_results else [])
           + [_cut(r.short_source, SOURCE_WIDTH)] for r in rows]
    others = _needed(labels[1:], [row[1:] for row in cut])
    title_width = max(TITLE_MIN, width - others - CELL_PADDING)
    return Layout(labels, [[_cut(row[0], title_width)] + row[1:] for row in cut], narrow=True)


def _widths(labels: list[str], rows: list[list[str]]) -> list[int]:
    widths = [cell_len(label) for label in labels]
    for row in rows:
        widths = [max(width, cell_len(cell)) for width, cell in zip(widths, row)]
    return widths


def _needed(labels: list[str], rows: list[list[str]]) -> int:
    """Columns the table takes with every cell whole."""
    widths = _widths(labels, rows)
    return sum(widths) + CELL_PADDING * len(widths) + ROOM


def _day(iso: str) -> str:
    """The day of a result without its year (the line under the table has it whole): 3.12. or 3 Dec."""
    from babel.dates import format_date

    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso[:10]
    return format_date(day, t("walk.picker.day_pattern"), locale=active_language())


def _cut(text: str, width: int) -> str:
    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"


class PickerScreen(CatalogueBindings):
    BINDINGS = [Binding("enter", "pick", "key.choose"), Binding("q", "app.quit", "key.quit")]

    class Picked(Message):
        def __init__(self, entry: ScenarioEntry) -> None:
            super().__init__()
            self.entry = entry

    class LastResults(Message):
        def __init__(self, results: dict[str, LastResult]) -> None:
            super().__init__()
            self.results = results

    def __init__(self, entries: list[ScenarioEntry], sessions: Path | None = None) -> None:
        super().__init__(id="picker")
        self._entries = entries
        self._sessions = sessions
        self._rows: list[Row] = []
        self._with_results = False
        self._shown: Layout | None = None

    def compose(self) -> ComposeResult:
        yield Label(t("picker.title"), classes="screen-title")
        yield Static(t("picker.help"), classes="screen-help")
        table: DataTable[str] = DataTable(id="scenarios", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="scenario-summary", classes="scenario-summary")
        yield Footer(compact=True)

    @property
    def table(self) -> DataTable[str]:
        return self.query_one("#scenarios", DataTable)

    def on_mount(self) -> None:
        self._rows = [self._row(entry, None) for entry in self._entries]
        self._fill(self.size.width)
        if not self._entries:
            self.query_one("#scenario-summary", Static).update(t("picker.none"))
        self.table.focus()
        if self._sessions is not None:
            self._read_last_results(self._sessions, active_language())

    def _row(self, entry: ScenarioEntry, result: LastResult | None) -> Row:
        from drill.history.words import Words

        scenario = entry.loaded.scenario
        words = Words(active_language())
        return Row(
            title=scenario.title,
            kind=t("kind." + scenario.kind.value),
            language=t("language." + scenario.language.value),
            short_language=t("walk.picker.language_short." + scenario.language.value),
            duration=duration_words(scenario.duration),
            source=t("picker.shipped") if entry.shipped else entry.path.name,
            short_source=t("walk.picker.shipped_short") if entry.shipped else entry.path.name,
            result=None if result is None else result.words(words),
            short_result=None if result is None else words("walk.picker.last_short", score=words.score(result.total),
                                                            date=_day(result.date)),
        )

    def _fill(self, width: int) -> None:
        """(Re)build the table for this width, keeping the highlighted row."""
        shown = layout(self._rows, width, with_results=self._with_results)
        if shown == self._shown:
            return
        self._shown = shown
        table = self.table
        cursor = table.cursor_row
        table.clear(columns=True)
        for label, column_width in zip(shown.labels, shown.widths):
            table.add_column(label, width=column_width)
        for index, cells in enumerate(shown.rows):
            table.add_row(*(escape(cell) for cell in cells), key=str(index))  # a table reads markup: shown, not read
        if self._entries:
            table.move_cursor(row=min(cursor, len(self._entries) - 1))
            self._describe(self._entries[table.cursor_row] if table.cursor_row >= 0 else None)

    def on_resize(self, event: events.Resize) -> None:
        if self._rows:
            self._fill(event.size.width)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _read_last_results(self, folder: Path, language: str) -> None:
        from drill.history.cache import SummaryCache
        from drill.history.latest import latest_results

        cache = SummaryCache()
        try:
            self.post_message(self.LastResults(latest_results(folder, language, cache)))
        finally:
            cache.close()

    def on_picker_screen_last_results(self, message: LastResults) -> None:
        """A column of latest results, added only when there is something to show in it."""
        if not message.results:
            return
        self._rows = [self._row(entry, message.results.get(entry.loaded.scenario.id)) for entry in self._entries]
        self._with_results = True
        self._fill(self.size.width)

    @on(DataTable.RowHighlighted, "#scenarios")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        entry = self._entry(event.row_key.value)
        if entry is not None:
            self._describe(entry)

    def _describe(self, entry: ScenarioEntry | None) -> None:
        """The summary under the table; in a narrow table also the whole title and result it cut."""
        if entry is None:
            return
        text = entry.loaded.scenario.summary
        if self._shown is not None and self._shown.narrow:
            row = self._rows[self._entries.index(entry)]
            text = f"{row.title} – {text}"
            if row.result is not None:
                text += "\n" + t("walk.picker.last_line", result=row.result)
        self.query_one("#scenario-summary", Static).update(Content(text))  # a scenario's words, not markup

    @on(DataTable.RowSelected, "#scenarios")
    def _selected(self, event: DataTable.RowSelected) -> None:
        entry = self._entry(event.row_key.value)
        if entry is not None:
            self.post_message(self.Picked(entry))

    def action_pick(self) -> None:
        if self._entries:
            entry = self._entries[self.table.cursor_row]
            self.post_message(self.Picked(entry))

    def _entry(self, key: str | None) -> ScenarioEntry | None:
        if key is None:
            return None
        index = int(key)
        return self._entries[index] if 0 <= index < len(self._entries) else None

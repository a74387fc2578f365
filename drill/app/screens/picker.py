"""Choose a scenario: shipped ones and those in the current folder, with what each is.

Given the folder of session files, each scenario also shows the latest result played of it
(read by `drill.history` in a thread worker, so the list is usable at once).
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Label, Static

from drill.app.formatting import duration_words
from drill.app.scenario_catalogue import ScenarioEntry
from drill.app.screens.keys import CatalogueBindings
from drill.history.latest import LastResult
from drill.i18n import active_language, t


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
        table = self.table
        table.add_columns(t("picker.col_title"), t("picker.col_kind"), t("picker.col_language"),
                          t("picker.col_duration"), t("picker.col_source"))
        for index, entry in enumerate(self._entries):
            scenario = entry.loaded.scenario
            table.add_row(
                scenario.title,
                t("kind." + scenario.kind.value),
                t("language." + scenario.language.value),
                duration_words(scenario.duration),
                t("picker.shipped") if entry.shipped else entry.path.name,
                key=str(index),
            )
        if not self._entries:
            self.query_one("#scenario-summary", Static).update(t("picker.none"))
        table.focus()
        if self._sessions is not None:
            self._read_last_results(self._sessions, active_language())

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
        from drill.history.words import Words

        if not message.results:
            return
        words = Words(active_language())
        table = self.table
        column = table.add_column(t("history.picker_column"), key="last", default="–")
        for index, entry in enumerate(self._entries):
            result = message.results.get(entry.loaded.scenario.id)
            if result is not None:
                table.update_cell(str(index), column, result.words(words), update_width=True)

    @on(DataTable.RowHighlighted, "#scenarios")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        entry = self._entry(event.row_key.value)
        if entry is not None:
            self.query_one("#scenario-summary", Static).update(entry.loaded.scenario.summary)

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

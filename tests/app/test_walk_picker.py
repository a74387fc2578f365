"""The scenario picker at 80×24 shows every column, the latest result included.

The title column (47 wide) used to push "Kilde" and "Siste resultat" off an 80-column screen.
The latest results come from the sessions folder through `drill.history.latest`; here they
are fixed, so the picture does not change with the day the test runs.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable, Static

from drill.app.app import DrillApp, PlayOptions
from drill.app.screens.picker import PickerScreen
from drill.history.latest import LastResult
from drill.i18n import use_language

RESULTS = {
    "gasslukt-torget": LastResult("gasslukt-torget", "Kari, Jonas, Ingrid", 96.0, "2026-12-03T10:00:00"),
    "vegen-stengd": LastResult("vegen-stengd", "Fjellvik kommune", 17.0, "2026-11-28T09:30:00"),
}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DrillApp:
    (tmp_path / "sessions").mkdir()
    monkeypatch.setattr("drill.history.latest.latest_results", lambda folder, language, cache=None: RESULTS)
    monkeypatch.chdir(tmp_path)
    use_language("nb")
    return DrillApp(ticking=False, options=PlayOptions(out=tmp_path / "s.db", folder=tmp_path))


async def _results_shown(app: DrillApp) -> tuple[PickerScreen, DataTable[str]]:
    await app.workers.wait_for_complete()
    for _ in range(20):
        await asyncio.sleep(0.05)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        table = picker.query_one(DataTable)
        if len(table.columns) == 6:
            return picker, table
    raise AssertionError("the latest results never came")


def _labels(table: DataTable[str]) -> list[str]:
    return [str(column.label) for column in table.columns.values()]


def _row(table: DataTable[str], starting: str) -> list[str]:
    rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
    return next(row for row in rows if row[0].startswith(starting))


def test_at_80_columns_every_column_and_the_latest_result_are_on_screen(app: DrillApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            picker, table = await _results_shown(app)
            await pilot.pause()
            assert _labels(table) == ["Tittel", "Type", "Språk", "Varighet", "Resultat", "Kilde"]
            assert table.max_scroll_x == 0, "nothing is off to the right"
            assert _row(table, "Gasslukt på Torget")[4] == "96 · 3.12."
            long_title = _row(table, "Steinsprang")
            assert long_title[0].endswith("…") and long_title[4] == "17 · 28.11."
            for _ in range(table.row_count):
                if str(table.get_row_at(table.cursor_row)[0]).startswith("Gasslukt"):
                    break
                await pilot.press("down")
            summary = str(picker.query_one("#scenario-summary", Static).render())
            assert "Gasslukt på Torget – " in summary
            assert "Siste resultat: 96 · Kari, Jonas, Ingrid, 3.12.2026" in summary

    asyncio.run(run())


def test_where_everything_fits_the_table_is_as_before(app: DrillApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 30)) as pilot:
            _, table = await _results_shown(app)
            await pilot.pause()
            assert _labels(table) == ["Tittel", "Type", "Språk", "Varighet", "Kilde", "Siste resultat"]
            assert _row(table, "Steinsprang") == ["Steinsprang stengjer fylkesvegen til Eidsvika", "Krise", "Nynorsk",
                                                   "2 t 30 min", "følger med drill", "17 · Fjellvik kommune, 28.11.2026"]
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert _labels(table) == ["Tittel", "Type", "Språk", "Varighet", "Resultat", "Kilde"]
            assert table.max_scroll_x == 0

    asyncio.run(run())


def test_picker_with_results_at_80x24(snap_compare, app: DrillApp) -> None:  # noqa: ANN001
    async def wait_for_results(pilot) -> None:  # noqa: ANN001
        await _results_shown(pilot.app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_for_results)


def test_square_brackets_in_a_scenario_are_shown_not_read_as_markup(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A title like "Storm [oppdatert]" lost its bracket; "[/]" or a "[link=…]" in a summary ended
    the app with a MarkupError as the row was highlighted."""
    from drill.app.scenario_catalogue import ScenarioEntry
    from drill.scenario import load_scenario

    gas = Path(__file__).resolve().parents[2] / "scenarios" / "gasslukt-torget.yaml"
    text = gas.read_text(encoding="utf-8")
    text = text.replace("title: Gasslukt på Torget", 'title: "Gasslukt [oppdatert] [/]"', 1)
    text = text.replace("summary: Gasslekkasje", 'summary: "Les [link=https://x.example]mer[/link] [/b]" #', 1)
    (tmp_path / "egen.yaml").write_text(text, encoding="utf-8")
    entries = [ScenarioEntry(load_scenario(tmp_path / "egen.yaml"), shipped=False)]
    monkeypatch.setattr("drill.app.app.available_scenarios", lambda folder: entries)
    use_language("nb")
    app = DrillApp(ticking=False, options=PlayOptions(out=tmp_path / "s.db"))

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, PickerScreen)
            table = picker.query_one(DataTable)
            shown = Text.from_markup(table.get_row_at(0)[0]).plain  # what the table draws of the cell
            assert shown == "Gasslukt [oppdatert] [/]"
            summary = str(picker.query_one("#scenario-summary", Static).render())
            assert "Les [link=https://x.example]mer[/link] [/b]" in summary

    asyncio.run(run())


def test_in_english_the_language_column_is_one_word_so_titles_keep_their_room(app: DrillApp) -> None:
    use_language("en")

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            _, table = await _results_shown(app)
            await pilot.pause()
            assert _labels(table) == ["Title", "Kind", "Language", "Duration", "Result", "Source"]
            assert table.max_scroll_x == 0
            gas = _row(table, "Gasslukt")
            assert gas[2:] == ["Bokmål", "2 h", "96 · 3 Dec", "shipped"]
            assert len(_row(table, "Steinsprang")[0]) >= 18

    asyncio.run(run())

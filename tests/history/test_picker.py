"""The scenario picker shows the latest result of each scenario from the sessions folder."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from drill.app.app import DrillApp, PlayOptions
from drill.app.screens.picker import PickerScreen
from drill.i18n import use_language


def test_the_picker_shows_the_last_result_beside_its_scenario(sessions: Any, tmp_path: Path) -> None:
    asyncio.run(_last_result_shown(sessions, tmp_path))


def test_no_sessions_folder_no_column(tmp_path: Path) -> None:
    asyncio.run(_no_column(tmp_path))


async def _last_result_shown(sessions: Any, tmp_path: Path) -> None:
    folder = tmp_path / "play"
    (folder / "sessions").mkdir(parents=True)
    shutil.copy(sessions.folder / "5-fjellvik.db", folder / "sessions" / "a.db")
    shutil.copy(sessions.folder / "1-fjellvik.db", folder / "sessions" / "b.db")  # older: not the one shown
    use_language("nb")
    app = DrillApp(ticking=False, options=PlayOptions(out=tmp_path / "s.db", folder=folder))
    async with app.run_test(size=(160, 40)) as pilot:
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = picker.query_one(DataTable)
        assert "Siste resultat" in [str(c.label) for c in table.columns.values()]
        rows = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[-1]) for i in range(table.row_count)}
        kindergarten = rows["Siste timer før barnehagefristen"]
        assert "Fjellvik kommune" in kindergarten and kindergarten.split()[0].isdigit()
        assert int(kindergarten.split()[0]) > 80, "the latest (good) drill, not the older poor one"
        assert rows["Gasslukt på Torget"] == "–"


async def _no_column(tmp_path: Path) -> None:
    use_language("nb")
    app = DrillApp(ticking=False, options=PlayOptions(out=tmp_path / "s.db", folder=tmp_path))
    async with app.run_test(size=(160, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert "Siste resultat" not in [str(c.label) for c in table.columns.values()]

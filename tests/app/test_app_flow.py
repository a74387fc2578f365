"""From the command line to the console: picker, briefing, language, session file, resume."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable

from drill.app.app import DrillApp, PlayOptions
from drill.app.connection import LocalConnection
from drill.app.scenario_catalogue import available_scenarios
from drill.app.screens.briefing import BriefingScreen
from drill.app.screens.console import ConsoleScreen
from drill.app.screens.dialogs import ChoiceDialog
from drill.app.screens.picker import PickerScreen
from drill.engine.actions import Reply
from drill.i18n import active_language
from drill.live import LiveDrill
from drill.scenario.library import shipped_scenarios

GAS = Path(__file__).resolve().parents[2] / "scenarios" / "gasslukt-torget.yaml"


def test_catalogue_lists_shipped_and_valid_local_scenarios_only(tmp_path: Path) -> None:
    local = tmp_path / "lokal-ovelse.yaml"
    local.write_text(GAS.read_text(encoding="utf-8").replace("id: gasslukt-torget", "id: lokal-ovelse"),
                     encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (tmp_path / "team.yaml").write_text("name: not a scenario\nactions: []\n", encoding="utf-8")
    entries = available_scenarios(tmp_path)
    shipped = [e for e in entries if e.shipped]
    assert GAS in [e.path for e in shipped]
    assert {e.path for e in shipped} <= set(shipped_scenarios())
    assert [e.path.name for e in entries if not e.shipped] == ["lokal-ovelse.yaml"]


async def test_picker_then_briefing_then_console_creates_the_session(tmp_path: Path) -> None:
    shutil.copy(GAS, tmp_path / "min-ovelse.yaml")
    out = tmp_path / "okt.db"
    app = DrillApp(ticking=False, options=PlayOptions(out=out, folder=tmp_path, seed=3))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        table = picker.query_one(DataTable)
        titles = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert "Gasslukt på Torget" in titles
        assert table.get_row_at(table.row_count - 1)[4] == "min-ovelse.yaml"
        row = titles.index("Gasslukt på Torget")
        await pilot.press(*["down"] * row, "enter")
        await pilot.pause()
        briefing = app.screen
        assert isinstance(briefing, BriefingScreen)
        text = str(briefing.query_one("#briefing-team").content)
        assert "Kari, kommunikasjonsavdelingen  (har vakta først)" in text
        assert "Det er tirsdag formiddag i Fjellvik" in str(briefing.query_one("#briefing-situation").content)
        await pilot.press("plus", "plus", "minus")
        assert briefing.speed == 2.0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen), "Escape goes back to the picker"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("plus", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert out.exists()
        assert app.connection is not None and app.connection.speed == 2.0
        assert app.connection.state.seed == 3


async def test_language_follows_scenario_unless_given(gas_en, tmp_path: Path) -> None:  # noqa: ANN001
    app = DrillApp(ticking=False, scenario=gas_en, options=PlayOptions(out=tmp_path / "a.db"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert active_language() == "en"
        assert "(on duty first)" in str(app.screen.query_one("#briefing-team").content)
        await pilot.press("enter")
        await pilot.pause()
        assert "On duty: Kari" in app.screen.status.text
    app = DrillApp(ticking=False, scenario=gas_en, options=PlayOptions(out=tmp_path / "b.db", language="nb"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "(har vakta først)" in str(app.screen.query_one("#briefing-team").content)


async def test_existing_session_is_offered_for_resume(gas, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "avbrutt.db"
    live = LiveDrill.create(gas, out, seed=1)
    live.advance_to(90)
    live.act(Reply(item="first-alarm", text="Vi undersøker saken."))
    live.advance_to(200)
    live.close()  # as after a crash: everything up to here is on disk
    app = DrillApp(ticking=False, options=PlayOptions(out=out))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-resume")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert isinstance(app.connection, LocalConnection)
        # The drill goes on from its last recorded moment, with the team's reply in place.
        resumed_at = app.connection.now
        assert resumed_at == app.connection.events[-1].t
        assert app.connection.state.items["first-alarm"].answered
        # It waits, paused, until the team is ready again.
        assert app.connection.paused
        app.advance(30)
        assert app.connection.now == resumed_at
        await pilot.press("space")
        app.advance(30)
        assert app.connection.now == resumed_at + 30


async def test_existing_session_can_be_replaced_by_a_new_drill(gas, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "gammel.db"
    LiveDrill.create(gas, out, seed=1).close()
    app = DrillApp(ticking=False, scenario=gas, options=PlayOptions(out=out))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#choice-new")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert app.connection.now == 0


async def test_a_drill_played_in_the_app_can_be_resumed(gas, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "spilt.db"
    app = DrillApp(ticking=False, scenario=gas, options=PlayOptions(out=out, speed=5))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance(30)
        await pilot.press("r")
        await pilot.press(*"Vi ser på saken", "ctrl+s")
        await pilot.pause()
        app.advance(20)
        await pilot.press("space")
        played = [e.deterministic_view() for e in app.connection.events]
    app.connection.close()
    resumed = LiveDrill.resume(out)
    assert [e.deterministic_view() for e in resumed.engine.events] == played
    assert resumed.state.paused and resumed.state.speed == 5
    resumed.close()

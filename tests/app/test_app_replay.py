"""`drill replay`: a recorded drill stepped through read-only, at any speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.app.app import DrillApp
from drill.app.connection import ReplayConnection
from drill.app.screens.debrief import DebriefScreen
from drill.app.screens.replay_console import ReplayConsoleScreen
from drill.engine.actions import Like
from drill.engine.engine import ActionRejected
from drill.live import LiveDrill
from drill.scenario.library import resolve_team_script
from drill.state import DrillState
from drill.summary import summarise
from drill.team import load_team_script, run_team


@pytest.fixture
def recorded_session(gas, tmp_path: Path, fake_spread) -> Path:  # noqa: ANN001
    """A whole drill played by the shipped 'good' team script."""
    out = tmp_path / "recorded.db"
    live = LiveDrill.create(gas, out, seed=1, spread_factory=fake_spread)
    run_team(live, load_team_script(resolve_team_script("good", gas.scenario.id), gas.scenario))
    live.close()
    return out


def test_replay_connection_rebuilds_the_state_at_any_moment(recorded_session: Path) -> None:
    replay = ReplayConnection.open(recorded_session)
    everything = list(replay.recorded)
    assert replay.paused and replay.now == 0
    replay.seek(30 * 60)
    expected = DrillState.from_events([e for e in everything if e.t <= 30 * 60])
    assert replay.state.items.keys() == expected.items.keys()
    assert len(replay.state.replies) == len(expected.replies) > 0
    replay.seek(10 * 60)
    assert replay.now == 600
    assert len(replay.state.items) == len(DrillState.from_events([e for e in everything if e.t <= 600]).items)
    with pytest.raises(ActionRejected):
        replay.apply(Like(item="first-alarm"))
    replay.seek(10**6)
    assert replay.ended and replay.recorded_end_reason == "time_up"


async def test_replay_app_plays_steps_rewinds_and_shows_results(recorded_session: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("drill.app.debrief_data.scorer", lambda: None)
    replay = ReplayConnection.open(recorded_session)
    app = DrillApp(connection=replay, ticking=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayConsoleScreen)
        assert "AVSPILLING" in screen.status.text
        app.advance(10)
        assert replay.now == 0, "starts paused"
        await pilot.press("space")
        app.advance(6)
        assert replay.now == 60, "plays at 10x by default"
        await pilot.press("plus")
        app.advance(2)
        assert replay.now == 120
        await pilot.press("space", "full_stop")
        assert replay.now == replay.recorded[len(replay.events) - 1].t > 120
        shown = len(screen.model.rows)
        await pilot.press("b")
        assert replay.now < 120 and len(screen.model.rows) <= shown
        before = len(replay.events)
        await pilot.press("r", "l", "d")
        await pilot.pause()
        assert isinstance(app.screen, ReplayConsoleScreen), "team actions are not offered in a replay"
        assert len(replay.events) == before
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        summary = summarise(list(replay.recorded))
        assert f"{summary.replies} ({summary.unanswered} venter fortsatt på svar)" in app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

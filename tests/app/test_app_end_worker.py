"""The end of a drill: counterfactuals run in a worker with progress, the app keeps answering."""

from __future__ import annotations

import threading
from pathlib import Path

from drill.app.app import DrillApp, PlayOptions
from drill.app.connection import LocalConnection
from drill.app.screens.computing import ComputingScreen
from drill.app.screens.debrief import DebriefScreen
from drill.engine.spread_port import Progress, RumourImpact
from drill.live import LiveDrill
from drill.scenario import LoadedScenario
from drill.scenario.models import Scenario

from .conftest import LinearSpread


class ReplayingSpread(LinearSpread):
    """A model with two rumours to replay; the replays wait until the test lets them go."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.thread: str | None = None

    def rumours_to_replay(self) -> int:
        return 2

    def counterfactuals(self, until: float, *, earlier_by: float = 600.0, target: float | None = None,
                        progress: Progress | None = None) -> list[RumourImpact]:
        self.thread = threading.current_thread().name
        assert self.release.wait(10), "the test never let the replays go"
        impacts = []
        for done, rumour in enumerate(("bomb-rumour", "terror-rumour"), start=1):
            impacts.append(RumourImpact(rumour, actual=100, without_correction=300, with_earlier_correction=50,
                                        corrected_at=None, earlier_by=earlier_by))
            if progress is not None:
                progress(done, 2)
        return impacts


async def test_counterfactuals_run_off_the_ui_thread_and_the_debrief_follows(
    gas: LoadedScenario, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    monkeypatch.setattr("drill.app.debrief_data.scorer", lambda: None)
    spread = ReplayingSpread()

    def factory(scenario: Scenario, seed: int) -> ReplayingSpread:
        return spread

    connection = LocalConnection(LiveDrill.create(gas, tmp_path / "end.db", seed=1, spread_factory=factory))
    app = DrillApp(connection=connection, ticking=False, options=PlayOptions())
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(3 * 3600)
        await pilot.pause()
        # The drill is over but not yet recorded as ended: the replays are under way.
        assert connection.ending and not connection.ended
        assert isinstance(app.screen, ComputingScreen)
        await pilot.press("question_mark")  # the app still answers keys meanwhile
        await pilot.pause()
        spread.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert spread.thread != threading.main_thread().name
        assert connection.ended and isinstance(app.screen, DebriefScreen)
        kinds = [e.type for e in connection.events]
        assert kinds[-3:] == ["counterfactual_reach", "counterfactual_reach", "drill_ended"]
        on_disk = connection.live.store.events()
        assert [e.type for e in on_disk][-3:] == kinds[-3:]

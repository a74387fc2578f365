"""Fixtures for the app tests: a drill on the gas scenario, a fake spread model, an app driver.

The spread model is replaced by `LinearSpread` so reach (and every snapshot) is the same
whether or not the real audience model is installed. Time is driven by `app.advance(...)`;
no test waits for the wall clock.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

from drill.app.app import DrillApp, PlayOptions
from drill.app.connection import LocalConnection
from drill.engine.spread_port import ReachSnapshot, RumourImpact, SpreadRole
from drill.live import LiveDrill
from drill.scenario import LoadedScenario, load_scenario, parse_scenario
from drill.scenario.models import Scenario

@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Textual's pilot is async; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"


class LinearSpread:
    """Reach grows by a fixed number of people per simulated minute from the moment an item starts."""

    PER_MINUTE = {"rumour": 120, "correction": 200, "neutral": 50}

    def __init__(self) -> None:
        self._started: dict[str, tuple[float, SpreadRole]] = {}
        self._stopped: dict[str, float] = {}

    def start(self, item_id: str, *, at: float, role: SpreadRole, **options: object) -> None:
        """Only when and as what an item starts matters here; sharing options are ignored."""
        self._started[item_id] = (at, role)

    def stop(self, item_id: str, *, at: float) -> None:
        self._stopped[item_id] = at

    def advance(self, to: float) -> list[ReachSnapshot]:
        snapshots = []
        for item_id, (at, role) in sorted(self._started.items()):
            until = min(to, self._stopped.get(item_id, to))
            reached = int(max(0.0, until - at) / 60 * self.PER_MINUTE[role])
            snapshots.append(ReachSnapshot(item_id, reached, reached // 20, at=to))
        return snapshots

    def rumours_to_replay(self) -> int:
        return 0

    def counterfactuals(self, until: float, **options: object) -> list[RumourImpact]:
        """A linear model has no draws to replay: no counterfactuals (as for any such model)."""
        return []


def linear_spread(scenario: Scenario, seed: int) -> LinearSpread:
    return LinearSpread()


@pytest.fixture
def gas() -> LoadedScenario:
    return load_scenario(GAS)


@pytest.fixture
def gas_en(tmp_path: Path) -> LoadedScenario:
    """The gas scenario declared as English (texts stay Norwegian; the UI follows the language)."""
    text = GAS.read_text(encoding="utf-8").replace("\nlanguage: nb\n", "\nlanguage: en\n", 1)
    return parse_scenario(text, str(tmp_path / "gas-en.yaml"))


@pytest.fixture
def make_drill(tmp_path: Path, gas: LoadedScenario) -> Callable[..., LocalConnection]:
    def make(loaded: LoadedScenario | None = None, *, name: str = "session.db", spread: bool = True) -> LocalConnection:
        live = LiveDrill.create(loaded or gas, tmp_path / name, seed=1,
                                spread_factory=linear_spread if spread else _no_spread)
        return LocalConnection(live)

    return make


def _no_spread(scenario: Scenario, seed: int) -> LinearSpread:
    """A spread model that never reports reach (the 'no reach data' case)."""

    class Silent(LinearSpread):
        def advance(self, to: float) -> list[ReachSnapshot]:
            return []

    return Silent()


@pytest.fixture
def console_app(make_drill: Callable[..., LocalConnection]) -> Callable[..., DrillApp]:
    def make(*, language: str | None = None, as_member: str | None = None, spread: bool = True) -> DrillApp:
        connection = make_drill(spread=spread)
        return DrillApp(connection=connection, ticking=False,
                        options=PlayOptions(language=language, as_member=as_member))

    return make


@pytest.fixture
def fake_spread() -> Callable[[Scenario, int], LinearSpread]:
    """The deterministic spread model, for tests that build their own drill."""
    return linear_spread

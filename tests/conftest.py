"""Shared fixtures: the shipped scenarios and a quick way to run a drill headless."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(scope="session", autouse=True)
def _score_cache_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Drills scored in tests (drill run, the debrief, drill score) are remembered in a cache of
    the test run's own, never in the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DRILL_CACHE_DIR", str(tmp_path_factory.mktemp("score-cache")))
        yield


@pytest.fixture
def scenarios_dir() -> Path:
    return SCENARIOS


@pytest.fixture
def gas_scenario_path() -> Path:
    return SCENARIOS / "gasslukt-torget.yaml"

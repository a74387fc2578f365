"""Shared fixtures: the shipped scenarios and a quick way to run a drill headless."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture
def scenarios_dir() -> Path:
    return SCENARIOS


@pytest.fixture
def gas_scenario_path() -> Path:
    return SCENARIOS / "gasslukt-torget.yaml"

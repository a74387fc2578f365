"""Session files for the history tests: a few headless runs of one shipped scenario, made once.

Three municipalities play the kindergarten-deadline scenario (variant 1) on the same day: one
good team and two poor ones. Later Elvdal plays it poorly again (variant 2) and Fjellvik
plays it well (variant 2), so Fjellvik improves and Elvdal's findings come back; then Elvdal
plays the gas-leak crisis poorly, whose crisis rules the kindergarten drills were never judged
on. Beside them:
a damaged file, a drill that never ended, one ended early and one played from another version
of the scenario.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from drill.cli import main

SCENARIO = "barnehagesoknad-frist"


@dataclass(frozen=True)
class Sessions:
    folder: Path
    good: Path
    damaged: Path
    not_ended: Path
    ended_early: Path
    other_version: Path


def _run(folder: Path, name: str, team: str, seed: int, team_name: str | None, scenario: str = SCENARIO) -> Path:
    out = folder / f"{name}.db"
    argv = ["run", scenario, "--team", team, "--seed", str(seed), "--out", str(out)]
    if team_name:
        argv += ["--team-name", team_name]
    assert main(argv) == 0
    return out


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test its own empty score cache: nothing read from or written to the user's."""
    monkeypatch.setenv("DRILL_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Sessions:
    root = tmp_path_factory.mktemp("history")
    folder = root / "drills"
    folder.mkdir()
    _run(folder, "1-fjellvik", "poor", 1, "Fjellvik kommune")
    _run(folder, "2-elvdal", "poor", 1, "Elvdal kommune")
    good = _run(folder, "3-havbyen", "good", 1, "Havbyen kommune")
    _run(folder, "4-elvdal", "poor", 2, "Elvdal kommune")
    _run(folder, "5-fjellvik", "good", 2, "Fjellvik kommune")
    _run(folder, "6-elvdal", "poor", 1, "Elvdal kommune", scenario="gasslukt-torget")

    odd = root / "odd"
    odd.mkdir()
    damaged = odd / "damaged.db"
    damaged.write_bytes(good.read_bytes()[:5000])
    not_ended = odd / "not-ended.db"
    shutil.copy(good, not_ended)
    with sqlite3.connect(not_ended) as db:
        db.execute("DELETE FROM events WHERE seq >= (SELECT seq FROM events WHERE type = 'drill_ended')")
    early_team = root / "early.yaml"
    early_team.write_text(f"name: Avslutter tidlig\nscenario: {SCENARIO}\nactions:\n  - at: 20m\n    end: true\n",
                          encoding="utf-8")
    ended_early = odd / "ended-early.db"
    assert main(["run", SCENARIO, "--team", str(early_team), "--seed", "1", "--out", str(ended_early),
                 "--team-name", "Fjellvik kommune"]) == 0
    other_version = odd / "other-version.db"
    shutil.copy(good, other_version)
    with sqlite3.connect(other_version) as db:
        # the trainer edited the scenario file between the drills: another version of it
        db.execute("UPDATE meta SET value = value || '\n# justert etter første runde\n' WHERE key = 'scenario_text'")
        db.execute("UPDATE meta SET value = 'Nesbygd kommune' WHERE key = 'team_name'")
    return Sessions(folder=folder, good=good, damaged=damaged, not_ended=not_ended, ended_early=ended_early,
                    other_version=other_version)

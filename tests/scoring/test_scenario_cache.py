"""The scenario a session recorded is parsed from its YAML once on a machine (`drill run`, then
`drill score` and `drill report` of the same file) and read back as the same model after."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from drill.scenario import load_scenario
from drill.scenario.models import Scenario
from drill.store import SessionStore
from scoring.session import load_session
from tests.scoring.conftest import ROOT, SCENARIO_NAMES, GasRun


@pytest.mark.parametrize("name", SCENARIO_NAMES)
def test_a_kept_scenario_reads_back_as_the_model_parsed_from_yaml(name: str) -> None:
    parsed = load_scenario(ROOT / "scenarios" / f"{name}.yaml").scenario
    assert Scenario.model_validate_json(parsed.model_dump_json()) == parsed


def test_a_session_scenario_is_parsed_once_per_machine(gas_runs: dict[str, GasRun], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILL_CACHE_DIR", str(tmp_path))
    run = gas_runs["good"]
    first = load_session(run.path)
    assert first.scenario == run.scenario

    def parse_again(self: SessionStore) -> object:
        raise AssertionError("the stored YAML was parsed a second time")

    monkeypatch.setattr(SessionStore, "stored_scenario", parse_again)
    again = load_session(run.path)
    assert again.scenario == run.scenario
    assert again.events == first.events


def test_a_kept_scenario_serves_only_the_text_it_was_parsed_from(gas_runs: dict[str, GasRun], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILL_CACHE_DIR", str(tmp_path / "cache"))
    run = gas_runs["poor"]
    load_session(run.path)
    edited = tmp_path / "edited.db"
    edited.write_bytes(run.path.read_bytes())
    with SessionStore.open(edited) as store:
        text = store.scenario_text.replace("title: ", "title: Endret ", 1)
    with sqlite3.connect(edited) as db:  # as a file edited by hand
        db.execute("UPDATE meta SET value = ? WHERE key = 'scenario_text'", (text,))
    db.close()
    assert load_session(edited).scenario.title.startswith("Endret ")

"""The session file keeps every event, describes itself, and refuses what it is not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from drill.engine import actions as act
from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.store import SessionFileError, SessionStore


def test_events_are_on_disk_as_soon_as_they_happen(tmp_path: Path, gas_scenario_path: Path):
    loaded = load_scenario(gas_scenario_path)
    drill = LiveDrill.create(loaded, tmp_path / "s.db", 5)
    drill.advance_to(600)
    drill.act(act.OfficialPost(text="Vi vet om saken."))
    # A second reader (another terminal, or after a crash) sees everything without a close.
    with SessionStore.open(tmp_path / "s.db") as reader:
        assert [e.deterministic_view() for e in reader.events()] == [
            e.deterministic_view() for e in drill.engine.events
        ]
        assert reader.seed == 5
        assert reader.scenario_text == loaded.text
        assert reader.meta["scenario_hash"] == loaded.content_hash


def test_interrupted_drill_resumes_with_identical_history(tmp_path: Path, gas_scenario_path: Path):
    loaded = load_scenario(gas_scenario_path)
    first = LiveDrill.create(loaded, tmp_path / "s.db", 9)
    first.advance_to(400)
    first.act(act.Reply(item="first-alarm", text="Vi undersøker saken."))
    first.advance_to(800)
    first.act(act.Delete(item="mayor-attack", reason="personal_attack"))
    first.act(act.FireInject(inject="terror-rumour"), by="trainer")
    first.advance_to(950)
    recorded = [e.deterministic_view() for e in first.engine.events]
    # no close: the process "crashed"
    resumed = LiveDrill.resume(tmp_path / "s.db")
    assert [e.deterministic_view() for e in resumed.engine.events] == recorded
    resumed.advance_to(1200)
    assert resumed.engine.events[-1].t <= 1200
    assert len(resumed.store.events()) == len(resumed.engine.events)


def test_existing_file_is_not_overwritten_by_accident(tmp_path: Path, gas_scenario_path: Path):
    loaded = load_scenario(gas_scenario_path)
    LiveDrill.create(loaded, tmp_path / "s.db", 1).close()
    with pytest.raises(SessionFileError, match="exists already"):
        LiveDrill.create(loaded, tmp_path / "s.db", 1)


def test_files_that_are_not_sessions(tmp_path: Path):
    text_file = tmp_path / "notes.db"
    text_file.write_text("hello")
    with pytest.raises(SessionFileError, match="not an SQLite database"):
        SessionStore.open(text_file)
    other_db = tmp_path / "other.db"
    sqlite3.connect(other_db).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(SessionFileError, match="not a drill session file"):
        SessionStore.open(other_db)
    with pytest.raises(SessionFileError, match="no such session file"):
        SessionStore.open(tmp_path / "missing.db")


def test_newer_format_is_refused_with_advice(tmp_path: Path):
    store = SessionStore.create(tmp_path / "s.db", scenario_text="x", scenario_path="x", scenario_hash="h", seed=1)
    store.close()
    db = sqlite3.connect(tmp_path / "s.db")
    db.execute("UPDATE meta SET value = '99' WHERE key = 'format_version'")
    db.commit()
    db.close()
    with pytest.raises(SessionFileError, match="newer version of drill"):
        SessionStore.open(tmp_path / "s.db")


def test_an_action_at_the_very_start_can_be_resumed(tmp_path: Path, gas_scenario_path: Path):
    """What is due at t=0 happens before an action at t=0, live and in the replay alike."""
    loaded = load_scenario(gas_scenario_path)
    drill = LiveDrill.create(loaded, tmp_path / "s.db", 3)
    drill.act(act.OfficialPost(text="Vi følger med på situasjonen på Torget."))
    drill.advance_to(120)
    recorded = [e.deterministic_view() for e in drill.store.events()]
    assert recorded == [e.deterministic_view() for e in drill.engine.events]
    resumed = LiveDrill.resume(tmp_path / "s.db")
    assert [e.deterministic_view() for e in resumed.engine.events] == recorded

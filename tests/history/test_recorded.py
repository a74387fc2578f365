"""A drill's score is recorded on this machine where the drill ends or is scored, so a history
reads it instead of scoring the drill again; drills never scored here are scored in parallel."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from drill.app.debrief_data import build_debrief
from drill.cli import main
from drill.history import history, reading
from drill.history.cache import SummaryCache, record_score
from drill.history.model import HistoryReport
from drill.history.sessions import ReadCounts
from drill.store import SessionStore
from scoring.scorer import score

Sessions = Any  # the `sessions` fixture of conftest.py
SCENARIO = "barnehagesoknad-frist"


def _history(paths: list[Path], language: str = "nb", workers: int = 1) -> tuple[HistoryReport, ReadCounts]:
    counts = ReadCounts()
    cache = SummaryCache()
    try:
        return history(paths, language, cache=cache, workers=workers, counts=counts), counts
    finally:
        cache.close()


def _run(out: Path, team: str = "poor", seed: int = 3) -> Path:
    assert main(["run", SCENARIO, "--team", team, "--seed", str(seed), "--out", str(out),
                 "--team-name", "Fjellvik kommune"]) == 0
    return out


def test_a_drill_run_headless_is_read_from_the_cache_in_any_language(tmp_path: Path) -> None:
    folder = tmp_path / "drills"
    folder.mkdir()
    _run(folder / "fjellvik.db")
    report, counts = _history([folder], "nn")
    assert (counts.cached, counts.scored) == (1, 0)
    assert report == history([folder], "nn")  # the same as scoring it afresh, in nynorsk
    fjellvik = report.teams[0]
    assert fjellvik.recurring == [] and fjellvik.drills[0].total is not None


def test_the_cli_says_how_many_scores_were_remembered_and_how_many_worked_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "drills"
    folder.mkdir()
    _run(folder / "fjellvik.db")
    shutil.copy(_run(tmp_path / "elsewhere.db", seed=4), folder / "copied.db")
    (tmp_path / "elsewhere.db").unlink()
    capsys.readouterr()
    # the copy's score was recorded under its content, not its name: a copy of a scored drill is found too
    assert main(["history", str(folder), "--lang", "en"]) == 0
    assert "Scores: 2 remembered from before, 0 worked out now, 0 shared" in capsys.readouterr().err
    assert main(["history", str(folder), "--lang", "en", "--no-cache"]) == 0
    assert "Scores: 0 remembered from before, 2 worked out now" in capsys.readouterr().err


def test_drill_score_and_the_debrief_record_the_score_they_show(sessions: Sessions, tmp_path: Path) -> None:
    scored = tmp_path / "scored.db"
    shutil.copy(sessions.good, scored)
    assert main(["score", str(scored), "--lang", "en"]) == 0
    _, counts = _history([scored])
    assert (counts.cached, counts.scored) == (1, 0)

    debriefed = tmp_path / "debriefed" / "drill.db"
    debriefed.parent.mkdir()
    shutil.copy(sessions.folder / "2-elvdal.db", debriefed)
    with SessionStore.open(debriefed) as store:
        scenario, events = store.stored_scenario().scenario, store.events()
    assert build_debrief(scenario, events, "nb", session=debriefed).score is not None
    _, counts = _history([debriefed.parent])
    assert (counts.cached, counts.scored) == (1, 0)


def test_a_drill_that_has_not_ended_is_never_recorded(sessions: Sessions) -> None:
    with SessionStore.open(sessions.not_ended) as store:
        scenario, events = store.stored_scenario().scenario, store.events()
    record_score(sessions.not_ended, events, score(scenario, events))
    report, counts = _history([sessions.not_ended])
    assert (counts.cached, counts.scored) == (0, 0)
    assert [i.reason for i in report.incomparable] == ["not_ended"]


def test_a_drill_changed_after_it_was_scored_is_scored_again(tmp_path: Path) -> None:
    drill = _run(tmp_path / "drill.db", team="good", seed=1)
    with sqlite3.connect(drill) as db:  # someone rewrote a reply in the file after the drill
        db.execute("UPDATE events SET payload = replace(payload, 'Hei!', 'Hei du!') WHERE type = 'reply_posted'")
    db.close()
    _, counts = _history([drill])
    assert (counts.cached, counts.scored) == (0, 1)


def test_scoring_in_parallel_gives_the_same_history_in_the_same_order(
        sessions: Sessions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "DRILLS_PER_WORKER", 1)  # pools replaced while drills are still in flight
    alone, alone_counts = _history([sessions.folder, sessions.damaged.parent], workers=1)
    (tmp_path / "cache").rename(tmp_path / "first-cache")  # the second run starts from an empty cache again
    parallel, parallel_counts = _history([sessions.folder, sessions.damaged.parent], workers=2)
    assert parallel == alone
    # five distinct drills in the folder (the two poor teams of variant 1 played the same drill), the drill
    # ended early and the other version; the damaged file and the one that never ended have no score
    assert (parallel_counts.scored, parallel_counts.same) == (alone_counts.scored, alone_counts.same) == (7, 1)

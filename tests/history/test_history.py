"""`drill history` over headless runs: trends, recurring and shared findings, what is left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from drill.cli import main
from drill.history import history
from drill.history.model import HistoryReport
from drill.history.sessions import SessionReader, SessionSummary
from drill.history.words import Words

Sessions = Any  # the `sessions` fixture of conftest.py


@pytest.fixture(scope="module")
def report(sessions: Sessions) -> HistoryReport:
    return history([sessions.folder, sessions.damaged.parent], "nb")


def _team(report: HistoryReport, name: str):
    return next(t for t in report.teams if t.team == name)


def test_a_team_that_went_from_poor_to_good_improves(report: HistoryReport) -> None:
    fjellvik = _team(report, "Fjellvik kommune")
    assert [d.seed for d in fjellvik.drills] == [1, 2]
    total = next(t for t in fjellvik.trends if t.dimension == "total")
    assert total.direction == "better" and total.change is not None and total.change > 30
    assert total.first == fjellvik.drills[0].total and total.last == fjellvik.drills[-1].total
    assert fjellvik.gone, "the poor drill's findings should have gone away in the good one"
    assert all(g.drills == 1 for g in fjellvik.gone)


def test_findings_of_a_team_that_stays_poor_keep_coming_back(report: HistoryReport, sessions: Sessions) -> None:
    elvdal = _team(report, "Elvdal kommune")
    total = next(t for t in elvdal.trends if t.dimension == "total")
    assert total.change is not None and abs(total.change) < 10  # poor it was, poor it stays
    # shortcomings in all three drills run 3 long; the crisis rules the kindergarten drills were
    # never judged on are only in the latest, so they are not (yet) coming back
    assert elvdal.recurring and all(s.drills >= 2 for s in elvdal.recurring)
    assert max(s.drills for s in elvdal.recurring) == 3
    assert all(s.since == elvdal.drills[0].date for s in elvdal.recurring if s.drills == 3)
    reader = SessionReader(Words("nb"))
    kindergarten = [reader.read(sessions.folder / f"{n}-elvdal.db") for n in (2, 4)]
    gas = reader.read(sessions.folder / "6-elvdal.db")
    assert isinstance(gas, SessionSummary) and all(isinstance(k, SessionSummary) for k in kindergarten)
    never_judged_before = {f.rule for f in gas.scored.findings} - set().union(
        *(k.scored.judged for k in kindergarten))  # type: ignore[union-attr]
    assert never_judged_before, "the gas-leak drill has crisis shortcomings the kindergarten drills could not have"
    assert not never_judged_before & {s.rule for s in elvdal.recurring}
    assert not elvdal.gone or all(g.rule not in {r.rule for r in elvdal.recurring} for g in elvdal.gone)
    # the first step names the finding that keeps coming back, in words, never by rule id
    first = elvdal.next_steps[0]
    assert elvdal.recurring[0].title.rstrip(".") in first and elvdal.recurring[0].rule not in first.split()
    examples = [s.example for s in elvdal.recurring if s.example is not None]
    assert examples and all(":" in e.at and e.quote for e in examples)


def test_practised_kinds_and_what_was_never_tried(report: HistoryReport) -> None:
    elvdal = {p.kind: p.drills for p in _team(report, "Elvdal kommune").practised}
    assert elvdal == {"crisis": 1, "reputation": 0, "everyday": 2, "after_hours": 0}
    havbyen = _team(report, "Havbyen kommune")
    practised = {p.kind: p.drills for p in havbyen.practised}
    assert practised == {"crisis": 0, "reputation": 0, "everyday": 1, "after_hours": 0}
    steps = " ".join(havbyen.next_steps)
    assert "krise" in steps and "omdømmesak" in steps and "kontortid" in steps


def test_the_exercise_ranks_the_municipalities_and_names_what_most_share(report: HistoryReport) -> None:
    [exercise] = report.exercises
    assert exercise.seed == 1
    assert [r.team for r in exercise.rows][0] == "Havbyen kommune"
    assert {r.team for r in exercise.rows} == {"Havbyen kommune", "Elvdal kommune", "Fjellvik kommune"}
    totals = [r.total for r in exercise.rows]
    assert totals == sorted(totals, reverse=True) and [r.rank for r in exercise.rows][0] == 1
    spread = next(s for s in exercise.spread if s.dimension == "total")
    assert spread.min == min(totals) and spread.max == max(totals) and spread.median == sorted(totals)[1]
    assert [r.rank for r in exercise.rows] == [1, 2, 2]  # the two poor teams played alike: a shared rank
    # the two poor teams share their findings; the good team is a third, so shared = 2 of 3
    assert exercise.shared and all(f.teams >= 2 and f.share >= 0.5 for f in exercise.shared)
    anchors = {t.anchor for t in report.teams}
    assert all(r.anchor in anchors for r in exercise.rows)


def test_incomparable_sessions_are_listed_with_their_reason(report: HistoryReport, sessions: Sessions) -> None:
    reasons = {Path(i.file).name: i.reason for i in report.incomparable}
    assert reasons["damaged.db"] == "damaged"
    assert reasons["not-ended.db"] == "not_ended"
    assert reasons["ended-early.db"] == "ended_early"
    assert reasons["other-version.db"] == "other_version"
    assert reasons["4-elvdal.db"] == "other_variant" and reasons["5-fjellvik.db"] == "other_variant"
    assert all(i.detail for i in report.incomparable)
    assert "Nesbygd kommune" not in {r.team for x in report.exercises for r in x.rows}
    assert report.files == 10 and report.usable == 7


@pytest.mark.parametrize("fmt", ["terminal", "md", "html"])
def test_every_format_counts_the_files_left_out_alike(report: HistoryReport, sessions: Sessions, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    # 10 read, 7 in the history: 3 left out (damaged, not ended, ended early). The other version and
    # the other variants are in the history but not in their exercise's comparison; they are listed
    # with the reason, and are not "left out" of the history.
    assert report.left_out == 3 and len(report.incomparable) > 3
    argv = ["history", str(sessions.folder), str(sessions.damaged.parent), "--lang", "nb"]
    if fmt != "terminal":
        argv += ["--format", fmt, "-o", str(tmp_path / f"history.{fmt}")]
    assert main(argv) == 0
    text = capsys.readouterr().out if fmt == "terminal" else (tmp_path / f"history.{fmt}").read_text(encoding="utf-8")
    assert "Øktfiler lest: 10 · i historikken: 7 · utelatt: 3" in text


def test_json_output_round_trips_through_the_model(sessions: Sessions, tmp_path: Path) -> None:
    out = tmp_path / "history.json"
    assert main(["history", str(sessions.folder), "--format", "json", "-o", str(out), "--lang", "en"]) == 0
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "drill-history" and data["format_version"] == 1 and data["language"] == "en"
    again = HistoryReport.model_validate_json(text)
    assert again.model_dump(mode="json") == data
    assert [t["team"] for t in data["teams"]] == ["Elvdal kommune", "Fjellvik kommune", "Havbyen kommune"]


def test_committed_schema_has_not_drifted() -> None:
    from drill.history import history_schema_text

    committed = (Path(__file__).resolve().parents[2] / "docs" / "history-schema.json").read_text(encoding="utf-8")
    assert committed == history_schema_text(), "run: python -m drill.history.schema > docs/history-schema.json"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_html_is_self_contained_and_links_each_municipality(sessions: Sessions, tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"history-{lang}.html"
    assert main(["history", str(sessions.folder), "-o", str(out), "--lang", lang]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html and html.count("<svg") >= 3
    for anchor in ("team-fjellvik-kommune", "team-elvdal-kommune", "team-havbyen-kommune"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    heading = {"nb": "Dette ble bedre", "nn": "Dette vart betre", "en": "What improved"}[lang]
    assert heading in html


def test_without_output_a_compact_table(sessions: Sessions, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(sessions.folder), "--lang", "nb"]) == 0
    text = capsys.readouterr().out
    assert "Fjellvik kommune" in text and "Havbyen kommune" in text
    assert "Ikke med i sammenligningene" in text  # the other variant is named, never silently mixed in


def test_one_team_only(sessions: Sessions, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(sessions.folder), "--team-name", "elvdal  KOMMUNE", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["team"] for t in data["teams"]] == ["Elvdal kommune"]
    # The exercises still rank Elvdal against the others, so their drills are in the history, not left out.
    assert data["usable"] == data["files"] and len({r["team"] for x in data["exercises"] for r in x["rows"]}) > 1


def test_damaged_files_alone_are_bad_input_and_never_a_traceback(sessions: Sessions,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(sessions.damaged), str(sessions.not_ended)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "damaged.db" in err
    assert main(["history", str(sessions.folder / "missing.db")]) == 2


def test_a_team_name_written_to_deceive_the_terminal_is_shown_harmlessly(sessions: Sessions, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import shutil
    import sqlite3

    copy = tmp_path / "escape.db"
    shutil.copy(sessions.good, copy)
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'team_name'", ("Evil\x1b[2J<script>x</script>",))
    assert main(["history", str(copy)]) == 0
    assert "\x1b" not in capsys.readouterr().out
    out = tmp_path / "h.html"
    assert main(["history", str(copy), "-o", str(out)]) == 0
    assert "<script>" not in out.read_text(encoding="utf-8")


def test_a_history_of_one_drill_counts_it_in_the_singular(sessions: Sessions, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "one.html"
    assert main(["history", str(sessions.good), "-o", str(out), "--lang", "nb"]) == 0
    assert f"{out}: historikk over 1 øvelse skrevet (HTML)." in capsys.readouterr().err


def test_scores_are_remembered_between_runs_and_only_for_the_same_drill(sessions: Sessions, tmp_path: Path) -> None:
    import sqlite3

    from drill.history.cache import CACHE_FILE, SummaryCache

    folder = tmp_path / "cache"
    cache = SummaryCache(folder)
    first = history([sessions.folder], "nb", cache=cache)
    with sqlite3.connect(folder / CACHE_FILE) as db:
        remembered = db.execute("SELECT COUNT(*) FROM summaries").fetchone()[0]
    assert remembered == 5  # six files, but the two poor teams of variant 1 played the same drill
    again = history([sessions.folder], "nb", cache=SummaryCache(folder))
    assert again == first
    english = history([sessions.folder], "en", cache=SummaryCache(folder))
    assert english.teams[0].recurring[0].title != first.teams[0].recurring[0].title
    cache.close()


def test_a_file_changed_since_the_last_run_is_read_again(sessions: Sessions, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    from drill.history.cache import SummaryCache

    folder = tmp_path / "drills"
    folder.mkdir()
    copy = folder / "drill.db"
    shutil.copy(sessions.good, copy)
    assert history([folder], "nb", cache=SummaryCache(tmp_path / "cache")).usable == 1
    with sqlite3.connect(copy) as db:  # the drill is taken back to before it ended
        db.execute("DELETE FROM events WHERE seq >= (SELECT seq FROM events WHERE type = 'drill_ended')")
    again = history([folder], "nb", cache=SummaryCache(tmp_path / "cache"))
    assert again.usable == 0 and [i.reason for i in again.incomparable] == ["not_ended"]


def test_a_file_given_twice_is_one_drill(sessions: Sessions) -> None:
    twice = history([sessions.good, sessions.folder, sessions.good], "en")
    assert twice.files == 6 and len(_team(twice, "Havbyen kommune").drills) == 1

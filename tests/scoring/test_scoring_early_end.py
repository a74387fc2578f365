"""A drill ended early is scored as what it is, and ending early never pays.

Each shipped poor team, a silent team and the good team are stopped at 10 %, 25 % and 50 % of
the scenario's duration through the public path (the team's `end` action, as the console's
end key and a trainer's end do) and compared with the same team's full run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SCENARIO_NAMES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def _band(report) -> float:
    return report.grade.min if report.grade else -1.0


@pytest.mark.parametrize("stop_at", [0.1, 0.25, 0.5])
@pytest.mark.parametrize("team", ["poor", "silent", "good"])
@pytest.mark.parametrize("name", SCENARIO_NAMES)
def test_ending_early_never_grades_better(plays, name, team, stop_at):
    full = plays.report(name, team)
    early = plays.report(name, team, stop_at)
    assert early.total is not None and full.total is not None
    assert _band(early) <= _band(full), (name, team, stop_at, early.total, full.total)
    assert early.total <= full.total, (name, team, stop_at, early.total, full.total)
    assert early.played is not None and early.played.ended_early
    assert early.played.share == pytest.approx(stop_at, abs=0.01)
    assert early.played.end_reason == "ended_by_team"
    assert not full.played.ended_early and full.played.share == 1.0


def test_early_end_says_what_share_was_played_and_counts_what_was_missed(plays):
    report = plays.report("video-ansatt", "poor", 0.1)
    assert "10 %" in report.grade.description and "avsluttet" in report.grade.description
    assert report.played.unplayed["needs_reply"] > 0
    c1 = next(f for f in report.findings if f.rule == "C1")
    assert c1.metrics["unplayed"] > 0 and "avsluttet" in c1.what
    # No first statement in a crisis ended early is a missing statement, not left out of the total.
    crisis = report.dimension("crisis")
    assert crisis.score is not None
    k2 = [f for f in crisis.findings if f.rule == "K2" and f.rule_score is not None]
    assert k2 and k2[0].rule_score == 0 and k2[0].severity == "critical"


def test_early_end_is_in_the_json_report(plays):
    report = plays.report("gasslukt-torget", "good", 0.25)
    data = report.model_dump(mode="json")
    assert data["played"]["ended_early"] is True and data["played"]["share"] == pytest.approx(0.25, abs=0.01)
    assert report.uncapped_total is not None and report.total < report.uncapped_total

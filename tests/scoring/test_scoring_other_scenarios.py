"""Other shipped scenarios: an everyday drill measured in office time and an English drill.

Scenarios are owned and tuned elsewhere, so only the robust claims are checked: each scores,
good practice beats poor practice overall, and the rules the drill's kind calls for apply.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.team import load_team_script, run_team
from scoring import score
from scoring.report.build import build_report
from scoring.report.html import render_html

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_NAMES = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


def _play(name: str, team: str, folder: Path):
    path = ROOT / "scenarios" / f"{name}.yaml"
    script_path = ROOT / "scenarios" / "teams" / f"{name}--{team}.yaml"
    if not path.exists() or not script_path.exists():
        pytest.skip(f"{name} is not shipped with a {team} team")
    loaded = load_scenario(path)
    drill = LiveDrill.create(loaded, folder / f"{name}-{team}.db", 1, overwrite=True)
    try:
        run_team(drill, load_team_script(script_path, loaded.scenario))
        return loaded.scenario, list(drill.engine.events)
    finally:
        drill.close()


@pytest.mark.parametrize("name", ["barnehagesoknad-frist", "storm-english"])
def test_good_beats_poor(name, tmp_path):
    scenario, good_events = _play(name, "good", tmp_path)
    _, poor_events = _play(name, "poor", tmp_path)
    good, poor = score(scenario, good_events), score(scenario, poor_events)
    assert good.total is not None and poor.total is not None
    assert good.total >= poor.total + 30
    assert good.language == str(scenario.language)
    crisis_rules = {f.rule for f in good.dimension("crisis").findings}
    if scenario.incident_active:
        assert {"K2", "K3", "K4"} <= crisis_rules
    else:
        assert not crisis_rules & {"K2", "K3", "K4", "K7"}
        assert not good.incident_active
        assert good.thresholds["reply_within"] == (scenario.expectations.reply_within or 3 * 3600)
        assert "kontortid" in next(f for f in good.findings if f.rule == "S3").what
    html = render_html(build_report(scenario, poor_events, file_name=f"{name}-poor.db"))
    assert f'<html lang="{scenario.language}">' in html


@pytest.mark.parametrize("name", SCENARIO_NAMES)
def test_good_outgrades_poor_in_every_dimension_and_in_total(plays, name):
    """Every shipped scenario: the good team beats the poor team in each dimension the good run
    is judged on, in total, and by at least one grade band."""
    good, poor = plays.report(name, "good"), plays.report(name, "poor")
    assert good.total is not None and poor.total is not None
    assert good.total > poor.total and good.grade.min > poor.grade.min
    for dimension in good.dimensions:
        other = poor.dimension(dimension.dimension)
        if dimension.score is None:
            continue
        assert other.score is None or dimension.score > other.score, (name, dimension.dimension,
                                                                      dimension.score, other.score)
    assert not [f for f in good.findings if f.verdict == "improvement" and f.severity == "critical"]

"""The gas scenario played by the shipped teams: good practice must outscore poor practice in
every dimension the two scripts differ in, with findings that say why."""

from __future__ import annotations

import pytest

from scoring import score

DIMENSIONS = ("speed", "coverage", "tone", "moderation", "crisis", "archiving", "privacy")


@pytest.fixture(scope="module")
def reports(gas_runs):
    return {team: score(run.scenario, run.events) for team, run in gas_runs.items()}


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_good_outscores_poor(reports, dimension):
    good, poor = reports["good"].dimension(dimension), reports["poor"].dimension(dimension)
    assert good.score is not None and poor.score is not None
    assert good.score >= poor.score + 20, (dimension, good.score, poor.score)


def test_totals_and_grades(reports):
    good, poor = reports["good"], reports["poor"]
    assert good.total >= 80 and poor.total <= 40
    assert good.grade.label in {"Svært godt", "Godt"}
    assert poor.grade.label in {"Svakt", "Ikke tilfredsstillende"}


def _finding(report, rule):
    found = [f for f in report.findings if f.rule == rule]
    assert found, f"no {rule} finding"
    return found


def test_poor_deleted_criticism_is_the_worst_moderation_finding(reports):
    (m2,) = _finding(reports["poor"], "M2")
    assert m2.verdict == "improvement" and m2.severity == "critical"
    assert {"silence-complaint", "alarm-thread-reply"} <= {i.id for i in m2.items}
    assert "sensur" in m2.what  # the censorship outcry the deletion triggered
    assert "KS s. 15" in m2.source


def test_poor_released_casualty_facts_before_the_police(reports):
    (k5,) = _finding(reports["poor"], "K5")
    assert k5.severity == "critical" and k5.rule_score == 0
    assert "11:36" in k5.what and "11:45" in k5.what and "legevakten" in k5.what
    (good_k5,) = _finding(reports["good"], "K5")
    assert good_k5.rule_score == 100


def test_poor_posted_late_without_the_official_link(reports):
    poor = reports["poor"]
    timing = next(f for f in _finding(poor, "K2") if "first_post_s" in f.metrics)
    assert timing.metrics["first_post_s"] == 38 * 60
    assert "11:33" in timing.what
    (k4,) = _finding(poor, "K4")
    assert k4.rule_score == 0 and "0 av 2" in k4.what


def test_poor_disclosed_home_care_data(reports):
    (p1,) = _finding(reports["poor"], "P1")
    assert p1.verdict == "improvement" and p1.severity == "critical"
    assert "Sjøgata 4" in p1.what
    (p3,) = _finding(reports["poor"], "P3")
    assert p3.metrics["left_visible"] == 1 and p3.items[0].id == "mother-home-care"


def test_poor_tone_is_dismissive(reports):
    (t2,) = _finding(reports["poor"], "T2")
    assert t2.verdict == "improvement" and t2.points < 0
    assert "Se nettsiden." in t2.what


def test_poor_archived_nothing(reports):
    (a1,) = _finding(reports["poor"], "A1")
    worthy = {"bomb-rumour", "mother-home-care", "business-owner", "why-so-slow"}
    generated = {i.id for i in a1.items} - worthy
    assert a1.what.startswith(f"0 av {len(worthy) + len(generated)} ")
    assert worthy <= {i.id for i in a1.items}
    # generated comments whose template is labelled archive-worthy (the hairdresser's lost income)
    assert generated and all(i.id.startswith("sporsmal-") for i in a1.items if i.id in generated)


def test_good_has_no_critical_shortcoming(reports):
    critical = [f for f in reports["good"].findings if f.verdict == "improvement" and f.severity == "critical"]
    assert critical == []


def test_findings_quote_exact_numbers(reports):
    (s1,) = _finding(reports["poor"], "S1")
    within, total = int(s1.metrics["within"]), int(s1.metrics["total"])
    assert f"{within} av {total} henvendelser" in s1.what


def test_scoring_is_deterministic_and_language_selectable(gas_runs, reports):
    run = gas_runs["poor"]
    assert score(run.scenario, run.events) == reports["poor"]
    english = score(run.scenario, run.events, language="en")
    assert english.language == "en"
    assert english.total == reports["poor"].total
    assert english.dimension("moderation").label == "Moderation"
    assert "mere criticism" in next(f for f in english.findings if f.rule == "M2").what


def test_scenario_weights_override_the_total(gas_runs, reports):
    run = gas_runs["poor"]
    weights = {"speed": 0, "coverage": 0, "tone": 0, "moderation": 0, "crisis": 0, "archiving": 0, "privacy": 1}
    scenario = run.scenario.model_copy(update={"scoring": run.scenario.scoring.model_copy(update={"weights": weights})})
    only_privacy = score(scenario, run.events)
    assert only_privacy.total == reports["poor"].dimension("privacy").score

"""Teams that game the score grade clearly below the good team, with a finding naming what they did.

The adversarial teams are made from the shipped good team's script (tests/scoring/conftest.py,
`adversarial_script`): the same pasted line under every question, polite non-answers, every
critic hidden, a page flooded with the same post, every comment deleted, a silent team, and the
good team ending the drill at a quarter of its time.
"""

from __future__ import annotations

import pytest

PASTED_LINE = "Takk for innspill. Hilsen Kari, kommunikasjonsavdelingen"  # as the conftest's canned team pastes it

SCENARIOS = ["gasslukt-torget", "video-ansatt"]
MARGIN = 15.0


def _assert_clearly_below(plays, name: str, kind: str):
    good = plays.report(name, "good")
    bad = plays.report(name, kind)
    assert bad.total is not None and good.total is not None
    assert bad.total <= good.total - MARGIN, (name, kind, bad.total, good.total)
    assert bad.grade.min < good.grade.min, (name, kind, bad.grade.label, good.grade.label)
    return bad


def _improvements(report, rule: str):
    return [f for f in report.findings if f.rule == rule and f.verdict == "improvement"]


@pytest.mark.parametrize("name", SCENARIOS)
def test_hiding_every_critic(plays, name):
    bad = _assert_clearly_below(plays, name, "hide_critics")
    m2 = _improvements(bad, "M2")
    assert m2 and m2[0].severity == "critical" and m2[0].metrics["criticism_removed"] > 0
    assert ("skjult" in m2[0].what) or ("hidden" in m2[0].what)
    # The grade line names the finding by its title; the id stays in the data for the JSON report.
    assert bad.grade.capped_by == "M2" and m2[0].title.rstrip(".") in bad.grade.description
    assert "M2" not in bad.grade.description


@pytest.mark.parametrize("name", SCENARIOS)
def test_post_spam(plays, name):
    bad = _assert_clearly_below(plays, name, "post_spam")
    noise = [f for f in _improvements(bad, "K3") if f.metrics.get("repeated_without_news")]
    assert noise and noise[0].metrics["repeated_without_news"] >= noise[0].metrics["posts"] - 1
    assert "støy" in noise[0].what


@pytest.mark.parametrize("name", SCENARIOS)
def test_deleting_everything(plays, name):
    bad = _assert_clearly_below(plays, name, "delete_all")
    m2 = _improvements(bad, "M2")
    assert m2 and m2[0].severity == "critical" and m2[0].metrics["deleted"] > 0
    assert "slettet" in m2[0].what


@pytest.mark.parametrize("name", SCENARIOS)
def test_silent_team(plays, name):
    bad = _assert_clearly_below(plays, name, "silent")
    c1 = _improvements(bad, "C1")
    assert c1 and c1[0].metrics["answered"] == 0


@pytest.mark.parametrize("name", SCENARIOS)
def test_ending_early(plays, name):
    bad = _assert_clearly_below(plays, name, "end_early")
    assert bad.played.ended_early and bad.played.share == pytest.approx(0.25, abs=0.01)
    assert "25 %" in bad.grade.description


@pytest.mark.parametrize("name", SCENARIOS)
def test_canned_replies(plays, name):
    bad = _assert_clearly_below(plays, name, "canned")
    named = [f for f in bad.findings if f.verdict == "improvement" and PASTED_LINE[:20] in f.what]
    assert named, "a finding must name the pasted line"


@pytest.mark.parametrize("name", SCENARIOS)
def test_polite_non_answers(plays, name):
    bad = _assert_clearly_below(plays, name, "polite")
    c1 = _improvements(bad, "C1")
    assert c1 and c1[0].metrics["answered"] < c1[0].metrics["total"] / 2


@pytest.mark.parametrize("name", SCENARIOS)
def test_fast_polite_replies_that_agree_with_rumours(plays, name):
    bad = _assert_clearly_below(plays, name, "agrees")
    k6 = _improvements(bad, "K6")
    assert k6 and k6[0].metrics["agreed"] > 0 and k6[0].severity == "critical"
    assert "enig i en feilaktig påstand" in k6[0].what

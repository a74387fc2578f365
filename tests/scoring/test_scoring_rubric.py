"""The rubric as data: every rule of ks-rubric.md, honest sources, thresholds and overrides."""

from __future__ import annotations

import pytest

from scoring.rubric import DIMENSIONS, load_rubric, thresholds_for

RULES = ["S1", "S2", "S3", "S4", "S5", "C1", "C2", "C3", "T1", "T2", "T3", "T4", "T5", "M1", "M2", "M3", "M4",
         "K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "A1", "A2", "P1", "P2", "P3"]


def test_every_rubric_rule_is_present_once():
    assert sorted(load_rubric().rules) == sorted(RULES)
    assert set(load_rubric().dimensions) == set(DIMENSIONS)


@pytest.mark.parametrize("rule", RULES)
def test_rules_have_texts_in_both_languages_and_a_source(rule):
    spec = load_rubric().rule(rule)
    assert spec.nb and spec.en and spec.action.nb and spec.action.en
    assert spec.source.nb and spec.source.en
    assert spec.dimension == {"S": "speed", "C": "coverage", "T": "tone", "M": "moderation", "K": "crisis",
                              "A": "archiving", "P": "privacy"}[rule[0]]


@pytest.mark.parametrize(("rule", "tag"), [("K3", "GP"), ("K8", "GP"), ("P2", "GP"), ("M4", "GP"), ("S2", "Gran"),
                                           ("K2", "FHI"), ("A2", "RA"), ("M3", "Hå")])
def test_sources_follow_the_rubric_honestly(rule, tag):
    assert tag in load_rubric().rule(rule).source.nb


def test_ks_pages_cited_are_in_the_transcript():
    # The transcript covers printed pages 1–27 only.
    import re

    for rule in RULES:
        for page in re.findall(r"KS (?:s\.|p\.) ?([\d–, ps.]+)", load_rubric().rule(rule).source.en):
            for number in re.findall(r"\d+", page):
                assert 1 <= int(number) <= 27, (rule, page)


def test_default_thresholds(scenario):
    crisis = thresholds_for(scenario())
    assert crisis.reply_within == 900 and not crisis.reply_in_office_time
    assert crisis.first_post_within == 900 and crisis.update_every == 1800 and crisis.first_post_at_most == 3600
    everyday = thresholds_for(scenario(kind="everyday"))
    assert everyday.reply_within == 3 * 3600 and everyday.reply_in_office_time
    assert set(crisis.origin.values()) == {"rubric"}


def test_expectations_override_thresholds(scenario):
    th = thresholds_for(scenario(expectations={"first_official_post_within": "10m", "update_every": "1h",
                                               "correction_within": "5m", "incident_active": False}))
    assert th.first_post_within == 600 and th.update_every == 3600 and th.correction_within == 300
    assert not th.incident_active and th.reply_within == 3 * 3600
    assert th.origin["update_every"] == "scenario" and th.origin["reply_within"] == "rubric"

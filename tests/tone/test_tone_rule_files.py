"""The shipped rule files: they load, and every rule can explain itself and name its source."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from scoring.tone.loader import load_rule_file, load_ruleset, load_settings, rule_file_names
from scoring.tone.ruleset import RUBRIC_IDS, Rule, RuleFile

SOURCE_TAG = re.compile(r"\b(?:KS p\.\d+|RA|DIFI|DSB|FHI|KOMMUNE|GP|municipal crisis plans)\b")


@pytest.mark.parametrize("name", rule_file_names())
def test_rule_file_loads_with_explained_and_sourced_rules(name: str) -> None:
    rule_file = load_rule_file(name)
    assert rule_file.rules
    for rule in rule_file.rules:
        assert rule.explanation.nb.strip() and rule.explanation.en.strip(), rule.id
        assert rule.explanation.nb != rule.explanation.en, f"{rule.id}: nb text is not Norwegian"
        assert SOURCE_TAG.search(rule.source), f"{rule.id}: source {rule.source!r} uses no rubric tag"
        assert rule.rubric in RUBRIC_IDS
        assert rule.id.startswith(rule.rubric + ".")


def test_ks_page_citations_stay_within_the_transcript() -> None:
    """The transcript covers printed pages 1-27; citing a later page would be invented."""
    for name in rule_file_names():
        for rule in load_rule_file(name).rules:
            for page in re.findall(r"KS p\.(\d+)", rule.source) + re.findall(r", p\.(\d+)", rule.source):
                assert 1 <= int(page) <= 27, f"{rule.id} cites KS p.{page}"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_both_languages_define_the_same_rules(language: str) -> None:
    other = "en" if language == "nb" else "nb"
    ours = {r.id: r for r in load_ruleset(language).rules}
    theirs = {r.id: r for r in load_ruleset(other).rules}
    assert ours.keys() == theirs.keys()
    for rule_id, rule in ours.items():
        assert (rule.weight, rule.severity, rule.rubric, rule.flag) == (
            theirs[rule_id].weight,
            theirs[rule_id].severity,
            theirs[rule_id].rubric,
            theirs[rule_id].flag,
        ), f"{rule_id} differs between languages: scores would not be comparable"


def test_rules_that_read_other_findings_run_after_them() -> None:
    for language in ("nb", "en"):
        order = [rule.id for rule in load_ruleset(language).rules]
        for position, rule in enumerate(load_ruleset(language).rules):
            for needed in rule.referenced_rules():
                assert order.index(needed) < position, f"{rule.id} runs before {needed}"


def test_settings_load() -> None:
    settings = load_settings()
    assert 0 < settings.baseline < 100
    assert "kommune.no" in settings.default_official_domain_suffixes
    assert settings.severity_caps["critical"] < settings.severity_caps["major"]


def _rule(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "T2.example",
        "rubric": "T2",
        "weight": -5,
        "severity": "minor",
        "source": "GP",
        "flag": "dismissive",
        "explanation": {"nb": "Forklaring.", "nn": "Forklaring.", "en": "Explanation."},
        "patterns": [{"regex": "eksempel"}],
    }
    base.update(overrides)
    return base


@pytest.mark.parametrize(
    "overrides",
    [
        {"colour": "red"},  # unknown key: a typo must not silently disable a rule
        {"id": "T3.example"},  # id does not belong to its rubric
        {"rubric": "Z9", "id": "Z9.example"},
        {"explanation": {"nb": "Bare norsk."}},
        {"patterns": [{"regex": "(unclosed"}]},
        {"patterns": [{"regex": "a", "lemmas": ["b"]}]},
        {"patterns": [], "detector": "telepathy"},
        {"weight": 5},  # a positive weight with a negative severity
        {"requires": [{"sentence": "a", "reply": "b"}]},
        {"flag": None},  # a negative rule must say which labelled flag it predicts
        {"flag": "rudeness"},  # not a flag the labelled files know
        {"weight": 5, "severity": "info"},  # a positive rule predicts no flag
    ],
)
def test_schema_rejects_broken_rules(overrides: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Rule.model_validate(_rule(**overrides))


def test_schema_rejects_duplicate_ids() -> None:
    with pytest.raises(ValidationError):
        RuleFile.model_validate({"language": "nb", "rules": [_rule(), _rule()]})


def test_a_valid_rule_is_accepted() -> None:
    assert Rule.model_validate(_rule()).id == "T2.example"

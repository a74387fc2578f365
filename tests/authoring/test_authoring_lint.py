"""Lint warnings: each rule fires on a crafted scenario, and the shipped gas scenario stays quiet."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from drill.scenario import load_scenario, parse_scenario
from drill.scenario.library import shipped_scenarios
from drill.scenario.lint import lint_scenario
from drill.validation import field_path


BASE = {
    "id": "lint-case",
    "title": "Lint case",
    "kind": "crisis",
    "municipality": {"name": "Testvik kommune", "followers": 1500},
    "starts": "2026-11-03T10:00:00+01:00",
    "duration": "1h",
    "audience": {"nodes": 2000},
    "injects": [
        {"id": "q1", "at": "0m", "text": "Hva skjer?", "labels": {"kind": "question"}},
        {"id": "rumour", "at": "5m", "text": "Det er en bombe!", "labels": {"kind": "rumour"}},
        {"id": "press", "at": "8m", "type": "press_call", "from": "Avisa", "text": "Avisa her.",
         "labels": {"kind": "press"}},
        {"id": "chaser", "type": "press_call", "text": "Vi venter fortsatt.", "labels": {"kind": "press"}},
    ],
    "triggers": [{"id": "ignored", "when": {"no_reply_to": "press", "within": "10m"}, "fire": ["chaser"]}],
    "expectations": {"correction_within": "20m"},
}


def _scenario_text(**changes) -> str:
    data = {**BASE, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    buffer = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, buffer)
    return buffer.getvalue()


def _warnings(**changes) -> list[tuple[str, str]]:
    """(field path, rule) for every warning on BASE with `changes` applied."""
    scenario = parse_scenario(_scenario_text(**changes), "case.yaml").scenario
    found = []
    for warning in lint_scenario(scenario):
        rule = re.search(r"\[([a-z-]+)\]$", warning.message)
        assert rule, warning.message
        found.append((field_path(warning.loc), rule.group(1)))
    return found


def _injects(*extra: dict) -> list[dict]:
    return [*BASE["injects"], *extra]


def test_the_base_case_is_clean():
    assert _warnings() == []


def test_more_followers_than_the_audience_holds_is_said_plainly():
    assert _warnings(municipality={"name": "Testvik kommune", "followers": 5000}) == [
        ("municipality.followers", "audience-sample")
    ]


def test_a_repeating_trigger_without_a_cap_is_unbounded():
    triggers = [*BASE["triggers"], {"id": "again", "when": {"official_post": True}, "repeat": True,
                                    "max_fires": "unlimited", "then": [{"text": "Igjen!", "labels": {"kind": "complaint"}}]}]
    assert ("triggers[1].max_fires", "unbounded-trigger") in _warnings(triggers=triggers)


def test_trigger_after_the_end_never_fires():
    triggers = [*BASE["triggers"], {"id": "late", "when": {"no_official_post_by": "55m"}, "after": "5m",
                                    "then": [{"text": "Sent", "labels": {"kind": "complaint"}}]}]
    assert _warnings(triggers=triggers) == [("triggers[1].when", "trigger-never-fires")]


def test_no_reply_to_an_inject_without_a_time_never_fires():
    triggers = [*BASE["triggers"], {"id": "chase-chaser", "when": {"no_reply_to": "chaser", "within": "5m"},
                                    "then": [{"text": "Hallo?", "labels": {"kind": "complaint"}}]}]
    assert _warnings(triggers=triggers) == [("triggers[1].when", "trigger-never-fires")]


def test_watching_an_inject_too_late_never_fires():
    triggers = [{"id": "ignored", "when": {"no_reply_to": "press", "within": "55m"}, "fire": ["chaser"]}]
    # press at 8m + 55m is after the 1h end; so chaser is never posted either.
    assert _warnings(triggers=triggers) == [("triggers[0].when", "trigger-never-fires"),
                                            ("injects[3].id", "never-posted")]


def test_reach_above_on_an_item_that_does_not_spread():
    triggers = [*BASE["triggers"],
                {"id": "viral", "when": {"reach_above": 500, "of": "q1"}, "then": [{"text": "Viralt", "labels": {"kind": "info"}}]},
                {"id": "huge", "when": {"reach_above": 5000, "of": "rumour"}, "then": [{"text": "Enormt", "labels": {"kind": "info"}}]}]
    assert _warnings(triggers=triggers) == [("triggers[1].when", "trigger-never-fires"),
                                            ("triggers[2].when", "trigger-never-fires")]


def test_replied_to_an_item_nothing_posts():
    injects = _injects({"id": "orphan", "text": "Ingen poster meg", "labels": {"kind": "question"}})
    triggers = [*BASE["triggers"], {"id": "thanks", "when": {"replied_to": "orphan"},
                                    "then": [{"text": "Takk!", "labels": {"kind": "praise"}}]}]
    assert _warnings(injects=injects, triggers=triggers) == [
        ("triggers[1].when", "trigger-never-fires"), ("injects[4].id", "never-posted")]


def test_inject_without_time_or_trigger_is_never_posted():
    assert _warnings(triggers=None) == [("injects[3].id", "never-posted")]


def test_acute_crisis_needs_a_rumour_and_a_press_contact():
    calm = [BASE["injects"][0]]
    assert _warnings(injects=calm, triggers=None) == [("kind", "crisis-without-rumour"), ("kind", "crisis-without-press")]
    assert _warnings(injects=calm, triggers=None, kind="everyday") == []


def test_items_without_labels():
    injects = _injects({"id": "bare", "at": "9m", "text": "Uten fasit"})
    assert _warnings(injects=injects) == [("injects[4].text", "missing-labels")]


def test_personal_data_on_a_question_says_the_score_will_ask_to_hide_it():
    injects = _injects(
        {"id": "own-case", "at": "9m", "text": "Saksnummeret mitt er 2026/114. Når får jeg svar?",
         "labels": {"kind": "question", "personal_data": True}},
        {"id": "kept", "at": "10m", "text": "Søknad 2026/115 er min. Har dere den?",
         "labels": {"kind": "question", "personal_data": True, "deletion_justified": False}},
        {"id": "named", "at": "11m", "text": "Naboen Per Olsen er syk.",
         "labels": {"kind": "third_party", "personal_data": True}},
    )
    stream = _stream()
    stream["templates"]["question"] = [
        *stream["templates"]["question"],
        {"text": "Søknaden min har nummer 2026/200. Status?", "labels": {"personal_data": True}},
        {"text": "Søknad 2026/201, hva skjer?", "labels": {"personal_data": True, "deletion_justified": True}},
    ]
    assert _warnings(injects=injects, streams=[stream]) == [
        ("injects[4].labels.personal_data", "personal-data-hidden"),
        ("streams[0].templates.question[13].labels.personal_data", "personal-data-hidden"),
    ]


def test_duplicate_texts():
    injects = _injects({"id": "again", "at": "9m", "text": "hva  skjer?", "labels": {"kind": "question"}})
    assert _warnings(injects=injects) == [("injects[4].text", "duplicate-text")]


def _stream(**changes) -> dict:
    stream = {"id": "noise", "from": "1m", "to": "51m", "rate": {"per_minute": 2}, "mix": {"question": 1.0},
              "templates": {"question": [f"Spørsmål nummer {n}?" for n in range(13)]}}
    stream.update(changes)
    return stream


def test_too_few_templates_for_the_volume():
    assert _warnings(streams=[_stream()]) == []  # 100 questions from 13 texts: under 8 each
    few = _stream(templates={"question": ["Hei?", "Hallo?"]})
    assert _warnings(streams=[few]) == [("streams[0].templates.question", "few-templates")]


def test_kinds_without_any_texts():
    stream = _stream(mix={"question": 0.5, "press": 0.5}, rate={"per_minute": 0.2})
    assert _warnings(streams=[stream]) == [("streams[0].mix.press", "no-templates")]


def test_unknown_and_broken_slots():
    stream = _stream(templates={"question": [f"Hva med {{plase}} {n}?" for n in range(12)] + ["Ødelagt {place"]})
    found = _warnings(streams=[stream])
    assert found.count(("streams[0].templates.question[0]", "bad-slot")) == 1
    assert ("streams[0].templates.question[12]", "bad-slot") in found
    assert len(found) == 13


def test_rumour_not_covered_by_a_correction_target():
    assert _warnings(expectations={}) == [("injects[1].labels", "rumour-not-covered")]
    watched = [*BASE["triggers"], {"id": "grows", "when": {"not_corrected": "rumour", "within": "15m"},
                                   "then": [{"text": "Det vokser", "labels": {"kind": "rumour"}}]}]
    # The trigger covers the rumour it watches, but not the new rumour it posts itself.
    assert _warnings(expectations={}, triggers=watched) == [("triggers[1].then[0].labels", "rumour-not-covered")]


def test_labels_that_disagree_with_a_trigger():
    injects = _injects({"id": "fyi", "at": "3m", "text": "Til orientering", "labels": {"kind": "info"}})
    triggers = [*BASE["triggers"],
                {"id": "a", "when": {"no_reply_to": "fyi", "within": "5m"}, "then": [{"text": "x", "labels": {"kind": "complaint"}}]},
                {"id": "b", "when": {"not_corrected": "q1", "within": "5m"}, "then": [{"text": "y", "labels": {"kind": "complaint"}}]}]
    assert _warnings(injects=injects, triggers=triggers) == [
        ("triggers[1].when.no_reply_to", "labels-disagree"), ("triggers[2].when.not_corrected", "labels-disagree")]


def test_settings_without_effect():
    triggers = [*BASE["triggers"], {"id": "thanks", "when": {"replied_to": "q1", "within": "5m"},
                                    "then": [{"text": "Takk", "labels": {"kind": "praise"}}]}]
    assert _warnings(triggers=triggers) == [("triggers[1].when.within", "no-effect")]


def test_shipped_scenarios_have_no_warnings():
    for path in shipped_scenarios():
        assert lint_scenario(load_scenario(path).scenario) == [], path.name


def test_validate_prints_warnings_with_their_place_and_passes(cli, gas_scenario_path: Path, tmp_path: Path):
    """Too few question texts for the volume: players would see each about 10 times."""
    text = gas_scenario_path.read_text(encoding="utf-8")
    cut = text.index('        - "Skal vi som bor i {street} ut også')
    end = text.index('        - "Er biblioteket stengt i dag?')
    case = tmp_path / "gas.yaml"
    case.write_text(text[:cut] + text[text.index("\n", end) + 1 :], encoding="utf-8")
    code, out, err = cli("validate", str(case))
    assert code == 0
    assert out.strip().endswith("5 triggers, 1 warning)")
    assert err.splitlines() == [
        f"{case}:182:7: warning: streams[0].templates.question: About 119 'question' comments from 12 "
        "texts: each would appear about 10 times and players will notice. Add texts (at least 15). [few-templates]"
    ]


def test_strict_validation_fails_on_warnings(cli, tmp_path: Path):
    path = tmp_path / "case.yaml"
    path.write_text(_scenario_text(triggers=None), encoding="utf-8")
    code, out, err = cli("validate", "--strict", str(path))
    assert code == 1
    assert out == ""
    assert re.search(rf"^{re.escape(str(path))}:\d+:\d+: warning: injects\[3\]\.id: No time \(at\) and no trigger", err, re.M)
    code, out, _ = cli("validate", str(path))
    assert code == 0 and ": OK" in out


@pytest.mark.parametrize("broken", ["id: x\n", "{not yaml"])
def test_validate_still_reports_errors_not_warnings_for_broken_files(cli, tmp_path: Path, broken: str):
    path = tmp_path / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    code, _, err = cli("validate", str(path))
    assert code == 1
    assert "warning:" not in err

"""Broken scenario files paired with the exact messages a trainer sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.errors import InputFileError
from drill.scenario import load_scenario, parse_scenario

MINIMAL = """\
id: test
title: Test
kind: crisis
municipality: {name: Testvik kommune, followers: 1000}
starts: 2026-11-03T10:55:00+01:00
duration: 1h
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputFileError) as caught:
        parse_scenario(text, "s.yaml")
    return caught.value.problems


def test_minimal_scenario_is_valid():
    scenario = parse_scenario(MINIMAL, "s.yaml").scenario
    assert scenario.duration == 3600
    assert scenario.language == "nb"


def test_misspelt_key_names_line_column_and_suggests():
    text = MINIMAL + "injects:\n  - id: a\n    at: 1m\n    txet: Hei\n"
    assert problems_of(text) == [
        "s.yaml:8:5: injects[0].text: This field is required but missing.",
        "s.yaml:10:5: injects[0].txet: Unknown field 'txet'. Did you mean 'text'?",
    ]


def test_all_problems_are_reported_together_in_file_order():
    text = MINIMAL.replace("kind: crisis", "kind: krise").replace("followers: 1000", "followers: mange")
    text += "injects:\n  - id: a\n    at: 2h\n    text: Hei\n    labels: {kind: qestion}\n"
    found = problems_of(text)
    assert [p.split(": ")[0] for p in found] == ["s.yaml:3:1", "s.yaml:4:39", "s.yaml:11:14"]
    assert "Must be one of 'crisis', 'reputation' or 'everyday'; got 'krise'." in found[0]
    assert "Must be a whole number; got 'mange'." in found[1]
    assert "labels.kind" in found[2]


def test_semantic_checks_point_at_the_field():
    text = MINIMAL + (
        "injects:\n"
        "  - {id: a, at: 2h, text: Hei}\n"
        "  - {id: a, at: 1m, text: Hei igjen, thread: b}\n"
        "streams:\n"
        "  - id: s\n"
        "    from: 1m\n"
        "    to: 30m\n"
        "    rate: {per_minute: 2}\n"
        "    mix: {question: 0.7, complaint: 0.6}\n"
        "triggers:\n"
        "  - id: t\n"
        "    when: {no_reply_to: aa}\n"
        "    fire: [a]\n"
    )
    found = problems_of(text)
    assert "s.yaml:8:13: injects[0].at: At 2h this comes after the drill ends (1h)." in found
    assert "s.yaml:9:6: injects[1].id: The id 'a' is used twice (first in injects[0])." in found
    assert "s.yaml:9:38: injects[1].thread: No inject has the id 'b'." in found
    assert "s.yaml:15:5: streams[0].mix: The shares add up to 1.30; they should add up to 1." in found
    assert "s.yaml:18:12: triggers[0].when.no_reply_to: No inject has the id 'aa'. Did you mean 'a'?" in found
    assert any("triggers[0].when: Say how long the team has" in p for p in found)
    assert any("triggers[0].fire[0]: 'a' already has a time" in p for p in found)


def test_yaml_syntax_error_has_the_same_format():
    found = problems_of(MINIMAL + "injects:\n  - id: a\n   text: [unclosed\n")
    assert len(found) == 1
    assert found[0].startswith("s.yaml:9:")
    assert "YAML syntax error" in found[0]


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 9):
        bomb += f"{chr(97 + level)}: &{chr(97 + level)} [" + ", ".join([f"*{chr(96 + level)}"] * 10) + "]\n"
    found = problems_of(bomb)
    assert "alias bomb" in found[0]


def test_absurd_volume_is_refused():
    text = MINIMAL.replace("duration: 1h", "duration: 2h")
    text += "streams:\n  - {id: s, from: 0m, to: 2h, rate: {per_minute: 3000}, mix: {question: 1}}\n"
    assert problems_of(text) == [
        "s.yaml:8:31: streams[0].rate: This stream would make about 360,000 comments; the limit is 200,000."
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"- a\n- b\n", "the file is a list"),
        (b"\xff\xfe bad", "is not UTF-8 text"),
    ],
)
def test_files_that_are_not_scenarios(tmp_path: Path, content: bytes, expected: str):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    with pytest.raises(InputFileError) as caught:
        load_scenario(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_and_oversized_files(tmp_path: Path):
    with pytest.raises(InputFileError, match="no such scenario file"):
        load_scenario(tmp_path / "nope.yaml")
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 2_100_000)
    with pytest.raises(InputFileError, match="the limit is 2,000,000 bytes"):
        load_scenario(big)

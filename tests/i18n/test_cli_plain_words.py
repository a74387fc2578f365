"""What `drill run` and `drill score` print names things as a team knows them, never by id or code.

A shipped scenario is played by its good and its poor team; the run's account and the score
listing are then searched for every id the scenario defines (items, injects, reactions,
streams, personas), for rubric codes ("[S1]", "K7") and for snake_case words, which only code
and data use. Paths are taken out first: a session file's name is the user's own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drill.cli import main
from drill.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
CODE_PATTERNS = (
    re.compile(r"\[[A-Z]{1,2}\d+\]"),  # [S1], [K7]
    re.compile(r"\b[A-Z]\d{1,2}\b"),  # a bare rule code
    re.compile(r"\b[rp]\d{3,4}\b"),  # r0001, p001: generated item ids
    re.compile(r"\b[a-z]+(?:_[a-z]+)+\b"),  # snake_case: a field or enum name
    re.compile(r"\b\w+\[\d+\]"),  # actions[8]: a path into a YAML file
    re.compile(r"\bkl\. \d{1,2}:\d\d:\d\d\b"),  # a time of day written as time since the start
)
PLAYS = [("gasslukt-torget", "good", "nb"), ("gasslukt-torget", "poor", "en"), ("vegen-stengd", "good", "nn"),
         ("vegen-stengd", "poor", "nn")]


def scenario_ids(scenario_file: Path) -> set[str]:
    """Every `id` the scenario file defines, at any depth, that looks like one (a hyphen, _ or digit)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "id" and isinstance(inner, str):
                    found.add(inner)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(load_scenario(scenario_file).scenario.model_dump())
    # An id that is a plain word ("censorship") cannot be told from the word in a sentence.
    return {name for name in found if re.search(r"[-_\d]", name)}


def codes_in(text: str, ids: set[str]) -> list[str]:
    found = [match.group(0) for pattern in CODE_PATTERNS for match in pattern.finditer(text)]
    found += [name for name in ids if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    return sorted(set(found))


@pytest.mark.parametrize(("scenario", "team", "language"), PLAYS)
def test_run_and_score_name_no_ids_or_codes(scenario: str, team: str, language: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    session = tmp_path / "drill.db"
    said = []
    assert main(["run", scenario, "--team", team, "--out", str(session), "--lang", language]) == 0
    said.append(capsys.readouterr().out)
    assert main(["score", str(session), "--lang", language]) == 0
    score = capsys.readouterr().out
    said.append(score)
    text = "\n".join(said).replace(str(tmp_path), "FOLDER")
    assert codes_in(text, scenario_ids(ROOT / "scenarios" / f"{scenario}.yaml")) == [], text
    strengths = score.split("\n\n")[-1]
    if team == "good":
        assert "+ " in strengths, "a good team's strengths are told as what it did"


def test_the_search_would_find_a_rule_code_and_an_id() -> None:
    ids = scenario_ids(ROOT / "scenarios" / "gasslukt-torget.yaml")
    some_id = sorted(ids)[0]
    assert codes_in(f"  [S1] Svar innen 15 min ({some_id})", ids) == sorted({"[S1]", "S1", some_id})
    assert codes_in("Kl. 11:06 svarte dere på «SMS-varsling» etter 3 s.", ids) == []
    assert codes_in("- actions[8]: utan rettinga kl. 0:35:00", ids) == ["actions[8]", "kl. 0:35:00"]

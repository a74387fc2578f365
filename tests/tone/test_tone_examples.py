"""The labelled replies: each lands in its score band, fires what it must and nothing it must not.

The replies live in replies_nb.yaml / replies_en.yaml next to this file, plus replies_gaps.yaml
and replies_slips.yaml (both languages, each item names its `language`). Bands: good >= 70,
mediocre 41-69, bad <= 40, unless an example gives its own `score` band.

These examples specify the rules, so they are judged by the rules alone; the learned model,
trained on two-level labels (good, bad), is checked on them for ranking only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from statistics import mean

import pytest
from ruamel.yaml import YAML

from scoring.tone import ToneResult, analyse_reply
from scoring.tone.loader import load_ruleset

HERE = Path(__file__).parent
BANDS: dict[str, tuple[int, int]] = {"good": (70, 100), "mediocre": (41, 69), "bad": (0, 40)}


@dataclass(frozen=True)
class Example:
    id: str
    language: str
    label: str
    reply: str
    context: str | None = None
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    band: tuple[int, int] = (0, 100)
    official_numbers: tuple[str, ...] = field(default_factory=tuple)


EXAMPLE_FILES: dict[str, str | None] = {
    "replies_nb.yaml": "nb",
    "replies_en.yaml": "en",
    "replies_gaps.yaml": None,
    "replies_slips.yaml": None,
}


def load_examples() -> list[Example]:
    examples: list[Example] = []
    for name, file_language in EXAMPLE_FILES.items():
        raw = YAML(typ="safe", pure=True).load((HERE / name).read_text(encoding="utf-8"))
        for item in raw:
            examples.append(
                Example(
                    id=item["id"],
                    language=item.get("language", file_language),
                    label=item["label"],
                    reply=item["reply"],
                    context=item.get("context"),
                    must=tuple(item.get("must", ())),
                    must_not=tuple(item.get("must_not", ())),
                    band=tuple(item.get("score", BANDS[item["label"]])),
                    official_numbers=tuple(item.get("official_numbers", ())),
                )
            )
    return examples


EXAMPLES = load_examples()


@cache
def _analyse(example: Example, learned_model: bool = False) -> ToneResult:
    return analyse_reply(
        example.reply,
        language=example.language,
        context=example.context,
        official_numbers=example.official_numbers,
        learned_model=learned_model,
    )


def test_enough_varied_examples() -> None:
    by_language = {lang: [e for e in EXAMPLES if e.language == lang] for lang in ("nb", "en")}
    assert len(by_language["nb"]) >= 60
    assert len(by_language["en"]) >= 25
    for examples in by_language.values():
        assert {e.label for e in examples} == {"good", "mediocre", "bad"}
    assert len({e.id for e in EXAMPLES}) == len(EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_example(example: Example) -> None:
    result = _analyse(example)
    fired = result.rules
    lo, hi = example.band
    assert lo <= result.score <= hi, f"score {result.score}, findings {sorted(fired)}"
    assert set(example.must) <= fired, f"missing {set(example.must) - fired}"
    assert not set(example.must_not) & fired, f"unexpected {set(example.must_not) & fired}"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_good_replies_outscore_bad_ones(language: str) -> None:
    scores: dict[str, list[int]] = {"good": [], "mediocre": [], "bad": []}
    for example in EXAMPLES:
        if example.language == language:
            scores[example.label].append(_analyse(example).score)
    assert min(scores["good"]) > max(scores["bad"])
    assert mean(scores["good"]) > mean(scores["mediocre"]) > mean(scores["bad"])


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_rule_is_exercised_by_an_example(language: str) -> None:
    """A rule no labelled example expects is a rule nobody has seen fire."""
    expected = {rule for e in EXAMPLES if e.language == language for rule in e.must}
    rule_ids = {rule.id for rule in load_ruleset(language).rules}
    assert rule_ids - expected == set()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_full_analyser_still_ranks_the_examples(language: str) -> None:
    """With the learned model on top, good examples still score well above bad ones."""
    scores: dict[str, list[int]] = {"good": [], "mediocre": [], "bad": []}
    for example in EXAMPLES:
        if example.language == language:
            scores[example.label].append(_analyse(example, learned_model=True).score)
    assert mean(scores["good"]) > mean(scores["mediocre"]) > mean(scores["bad"])
    assert mean(scores["good"]) - mean(scores["bad"]) > 30

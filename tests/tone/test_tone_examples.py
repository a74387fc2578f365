"""The labelled replies: each lands in its score band, fires what it must and nothing it must not."""

from __future__ import annotations

from statistics import mean

import pytest
from tone_labelled import Example, load_examples

from scoring.tone import analyse_reply
from scoring.tone.loader import load_ruleset

EXAMPLES = load_examples()


def _analyse(example: Example):
    return analyse_reply(
        example.reply,
        language=example.language,
        context=example.context,
        official_numbers=example.official_numbers,
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

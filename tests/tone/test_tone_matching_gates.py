"""A rule's reply gate, tried only where the reply reads a string its matches start with, says
what a plain search of the whole reply says; and the sentence splitter's look beside each full
stop gives the sentences of a look at the whole text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.tone.analyse import _gate_holds
from scoring.tone.loader import load_ruleset
from scoring.tone.text import AnalysedText
from tests.tone.development import development_sample


def _gates(language: str) -> list[re.Pattern[str]]:
    return [gate for rule in load_ruleset(language).rules for gate in rule.reply_gates]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_gate_holds_where_a_search_finds_it(language: str) -> None:
    gates = _gates(language)
    assert gates
    held = 0
    for item in development_sample(language, 3000):
        for text in (item.reply, item.reply.upper(), item.reply.swapcase()):
            analysed = AnalysedText(text, language)
            for gate in gates:
                expected = gate.search(text) is not None
                held += expected
                assert _gate_holds(gate, analysed) == expected, (gate.pattern[:60], item.id)
    assert held > 100  # the gates do hold on real replies


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet="abdeiklmnorstuyæøåADEIKLMNORSTUYÆØÅ .,!-İıſ", max_size=60),
       words=st.lists(st.sampled_from(["skadd", "døde", "sykehus", "dead", "injured", "hospital", "SKAD", "Død",
                                       "kind", "killed", "omkom", "savnet"]), max_size=3))
def test_a_gate_holds_where_a_search_finds_it_in_any_text(text: str, words: list[str]) -> None:
    reply = " ".join([text, *words, text[::-1]])
    for language in ("nb", "en"):
        analysed = AnalysedText(reply, language)
        for gate in _gates(language):
            assert _gate_holds(gate, analysed) == (gate.search(reply) is not None)


def _sentences(text: str) -> list[str]:
    analysed = AnalysedText(text, "nb")
    return [analysed.sentence_text(s).strip() for s in analysed.sentences]


def test_an_abbreviation_is_told_by_its_own_word_however_long_the_word_before() -> None:
    long_word = "Kommuneplanens" * 5  # seventy letters ending in "s", not an abbreviation
    assert _sentences(f"Møt opp kl. 14 i dag. Se {long_word}. Det gjelder alle.") == [
        "Møt opp kl. 14 i dag.", f"Se {long_word}.", "Det gjelder alle."]
    assert _sentences("Ring tlf. 55 55 55 55. Mvh. Kari") == ["Ring tlf. 55 55 55 55.", "Mvh. Kari"]
    assert _sentences("Vi har snakket med O. Hansen. Han ringer.") == ["Vi har snakket med O. Hansen.", "Han ringer."]
    assert _sentences("Det gjelder 7. trinn. Sone B. Neste melding kl. 18.") == [
        "Det gjelder 7. trinn.", "Sone B.", "Neste melding kl. 18."]

"""The term index finds a term exactly where a regular expression written from the term's own
definition finds it: words with any white space between them, a word boundary before it unless
it starts with `*`, and after it unless it ends with `*`."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.tone.detectors import confidentiality_matcher
from scoring.tone.terms import TermIndex
from tests.tone.development import development_sample


def _reference(term: str, bounded: bool) -> re.Pattern[str]:
    lower = term.lower()
    body = r"\s+".join(re.escape(word) for word in lower.strip("*").split())
    if not bounded:
        return re.compile(body)
    return re.compile(("" if lower.startswith("*") else r"(?<!\w)") + body + ("" if lower.endswith("*") else r"(?!\w)"))


def _expected(terms: dict[str, list[str]], text: str) -> tuple[bool, frozenset[str]]:
    gate = any(_reference(t, True).search(text) for ts in terms.values() for t in ts)
    kinds = frozenset(kind for kind, ts in terms.items() if any(_reference(t, False).search(text) for t in ts))
    return gate, kinds


_WORD = st.text(alphabet="abæ1-_.", min_size=1, max_size=4).filter(lambda w: w.strip("*"))
_TERM = st.builds(lambda head, words, tail: head + " ".join(words) + tail,
                  st.sampled_from(["", "*"]), st.lists(_WORD, min_size=1, max_size=3), st.sampled_from(["", "*"]))


@settings(max_examples=400, deadline=None)
@given(terms=st.dictionaries(st.sampled_from(["health", "school", "money"]), st.lists(_TERM, min_size=1, max_size=4),
                             min_size=1),
       text=st.text(alphabet="abæ1-_. \n\t\u00a0x", max_size=40))
def test_the_index_finds_what_each_terms_own_expression_finds(terms: dict[str, list[str]], text: str) -> None:
    index = TermIndex(terms)
    gate, kinds = _expected(terms, text)
    assert index.any_bounded(text) == gate
    assert index.kinds(text) == kinds


def test_boundaries_and_endings_read_as_the_lists_mean_them() -> None:
    index = TermIndex({"health": ["sykemeld*", "*diagnose", "brukket arm"], "school": ["ppt"]})
    assert index.any_bounded("hun er sykemeldt")
    assert not index.any_bounded("usykemeldt")  # no ending-only term matches inside a word
    assert index.any_bounded("en dysleksidiagnose er satt")
    assert not index.any_bounded("diagnosene")  # "*diagnose" still ends at a word's end
    assert index.any_bounded("han har brukket\n  arm")
    assert not index.any_bounded("opptak")
    assert index.kinds("opptak og en diagnose") == {"school", "health"}
    assert TermIndex({}).kinds("alt") == frozenset() and not TermIndex({}).any_bounded("alt")


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_detectors_terms_are_found_in_labelled_replies_as_their_expressions_find_them(language: str) -> None:
    terms = {kind: list(matter.terms) for kind, matter in confidentiality_matcher(language).data.matters.items()}
    index = TermIndex(terms)
    patterns = {kind: [(_reference(t, True), _reference(t, False)) for t in ts] for kind, ts in terms.items()}
    texts = [item.reply.lower() for item in development_sample(language, 1500)]
    assert len(texts) > 500
    gated = 0
    for text in texts:
        gate = any(bounded.search(text) for pairs in patterns.values() for bounded, _ in pairs)
        gated += gate
        assert index.any_bounded(text) == gate, text
        assert index.kinds(text) == {k for k, pairs in patterns.items() if any(p.search(text) for _, p in pairs)}, text
    assert gated > 100  # the terms do stand in real replies


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_kinds_expression_only_matches_where_the_index_puts_its_terms(language: str) -> None:
    """The detector tries each kind's expression only at the offsets `starts` gives: every match a
    scan of the whole text finds must begin at one of them (inside a word and after a hyphen too)."""
    matcher = confidentiality_matcher(language)
    index = TermIndex({kind: list(matter.terms) for kind, matter in matcher.data.matters.items()})
    crafted = ["covid-diagnosen hennes", "anti-depressiva og e-resept", "ei dysleksidiagnose, ikkje fleire",
               "post-traumatic stress disorder", "x-ray-diagnosis", "barnevernstjenesten-saken"]
    texts = crafted + [item.reply for item in development_sample(language, 1500)]
    matched = 0
    for text in texts:
        text = " ".join(text.split())  # what the detector gives the index: single spaces
        starts = index.starts(text.lower())
        for kind, regex in matcher.matter_res.items():
            found = [m.start() for m in regex.finditer(text)]
            matched += len(found)
            assert set(found) <= set(starts.get(kind, ())), (kind, text)
    assert matched > 200

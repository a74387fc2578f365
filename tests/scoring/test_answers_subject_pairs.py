"""Whether a reply shares its comment's subject is decided by trying only the pairs of words where
one word's first letters stand inside the other, not every pair; the answer must be the one
trying every pair gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.answers import _shares_subject, _Words, addresses, answer_rules

MIN_STEM = answer_rules().min_stem


def every_pair(reply: _Words, comment: _Words, min_stem: int) -> bool:
    """The rule as written for a reader: shared words, one inside the other, or a long shared stem."""
    if reply.names & (comment.names | comment.words) or reply.words & (comment.words | comment.names):
        return True
    for a in comment.words:
        for b in reply.words:
            short, long = (a, b) if len(a) <= len(b) else (b, a)
            if len(short) < min_stem:
                continue
            if short in long:
                return True
            prefix = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            if len(short) >= min_stem + 2 and prefix >= max(min_stem + 2, int(0.75 * len(short))):
                return True
    return False


# Few letters, so that words often contain one another or share long stems.
_word = st.text(alphabet="gasleknt", min_size=1, max_size=12)
_words = st.frozensets(_word, max_size=12).map(lambda w: _Words(w, frozenset()))


@settings(max_examples=1500, deadline=None)
@given(reply=_words, comment=_words)
def test_the_index_finds_exactly_the_pairs_that_match(reply: _Words, comment: _Words) -> None:
    assert _shares_subject(reply, comment, MIN_STEM) == every_pair(reply, comment, MIN_STEM)


def test_compounds_and_stems_still_count_as_the_same_subject() -> None:
    comment = "Når blir gasslekkasjen ved Torget evaluert?"
    assert addresses("Gassen er borte nå, og vi evaluerer i morgen.", comment, "nb").reason == "subject"
    assert addresses("Evalueringen kommer neste uke.", "Hvordan evalueres dette?", "nb").reason == "subject"
    assert not addresses("Takk for at du skriver til oss!", comment, "nb").addresses

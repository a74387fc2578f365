"""Which of a few thousand listed terms stand in a text, found in one pass.

The confidentiality detector asks two things of every reply before it reads a clause: does any
matter term stand in it (its gate), and which kinds of matter have their words in it (so a
clause is tried only for those). One regular expression with every term in it answers both,
but the `re` module spends about half a second compiling the two languages' expressions in
every new process, which is most of a cold `drill tone`'s start. An Aho–Corasick automaton
(pyahocorasick) is built from the same terms in milliseconds and finds every occurrence in a
single scan; the few hits are then checked against the word boundaries a term asks for.

A term is written as in the matter lists: words separated by spaces (any run of white space
in the text matches the space), `*` at its end for "and any ending" ("sykemeld*"), `*` at its
start for "inside a word too" ("*diagnose"). Callers pass text already lower-cased, and terms
are lower-cased here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True)
class _Term:
    kind: str
    bounded_start: bool
    """No word character may stand right before it (not an `*…` term)."""
    bounded_end: bool
    """No word character may stand right after it (not a `…*` term)."""


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a `str` pattern."""
    return char.isalnum() or char == "_"


def term_key(term: str) -> str:
    """The text a term's words make with one space between them, lower-cased."""
    return " ".join(term.lower().strip("*").split())


def spaced(text: str) -> str:
    """`text` with every run of white space one space, as the terms' keys are written."""
    return " ".join(text.split())


class TermIndex:
    """The terms of several kinds, searched together."""

    def __init__(self, terms_by_kind: Mapping[str, Iterable[str]]) -> None:
        found: dict[str, set[_Term]] = defaultdict(set)
        for kind, terms in terms_by_kind.items():
            for term in terms:
                lower = term.lower()
                key = term_key(lower)
                if key:
                    found[key].add(_Term(kind, not lower.startswith("*"), not lower.endswith("*")))
        self._automaton = ahocorasick.Automaton()
        for key, entries in found.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        self._empty = not found
        if not self._empty:
            self._automaton.make_automaton()

    def _hits(self, lower: str) -> Iterable[tuple[int, int, tuple[_Term, ...]]]:
        if self._empty:
            return
        for last, (length, entries) in self._automaton.iter(lower):
            yield last + 1 - length, last + 1, entries

    def any_bounded(self, lower: str) -> bool:
        """Whether some term stands in `lower` with the word boundaries it asks for."""
        text = spaced(lower)
        for start, end, entries in self._hits(text):
            free_start = start == 0 or not _is_word_char(text[start - 1])
            free_end = end == len(text) or not _is_word_char(text[end])
            if any((free_start or not t.bounded_start) and (free_end or not t.bounded_end) for t in entries):
                return True
        return False

    def kinds(self, lower: str) -> frozenset[str]:
        """The kinds with a term's words anywhere in `lower`, boundaries or not: a kind not among
        them has no term in any part of the text."""
        return frozenset(t.kind for _, _, entries in self._hits(spaced(lower)) for t in entries)

    def starts(self, lower: str) -> dict[str, list[int]]:
        """Per kind, every offset of `lower` where one of its terms may begin a match of the kind's
        regex (confidential._terms_re), in order: where a term's words stand, and for a term
        that may stand inside a word (`*diagnose`), the start of that word and every offset
        after a hyphen in it ("covid-diagnose"). A superset: the regex tried at these offsets
        alone finds what a scan of every offset finds. Only for a text whose white space is
        single spaces (a term's words are looked for with one space between them)."""
        found: dict[str, set[int]] = defaultdict(set)
        for start, _end, entries in self._hits(lower):
            word_start = start
            for term in entries:
                if term.bounded_start:
                    found[term.kind].add(start)
                    continue
                while word_start > 0 and (_is_word_char(lower[word_start - 1]) or lower[word_start - 1] == "-"):
                    word_start -= 1
                found[term.kind].update(p for p in range(word_start, start + 1)
                                        if p == word_start or lower[p - 1] == "-")
        return {kind: sorted(offsets) for kind, offsets in found.items()}


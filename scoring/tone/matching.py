"""Turning pattern rules into candidate spans and checking their conditions.

A rule first proposes candidate spans (from its patterns or its detector); each candidate is
then kept only if negation and the rule's `requires`/`unless` conditions allow it. Keeping the
two steps apart is what lets one phrase ("vår feil") count as owning an error in one sentence
and be blocked by a negation ("ikke vår feil") in another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from scoring.tone.ruleset import Condition, Pattern, Rule
from scoring.tone.literals import Starts, aligned, heads as pieces_of, required_literals
from scoring.tone.text import AnalysedText, Token, trigrams_of

NEGATION_WINDOW = 3
SIDE_WINDOW = 40
LEADING_JUNK = frozenset(".!?:,;")
# How many required words make it cheaper to list a text's three-letter pieces than to search
# for each word (AnySearch).
PIECES_WORTH = 48


@dataclass
class Hit:
    """A span a rule fired on, before it becomes a public `ToneFinding`."""

    rule: Rule
    start: int
    end: int
    sentence_index: int
    detail: dict[str, str] | None = None


@dataclass
class MatchState:
    """What conditions may look at: the reply, the citizen comment and earlier hits."""

    text: AnalysedText
    negators: frozenset[str]
    context: str | None
    context_is_complaint: bool
    hits: list[Hit] = field(default_factory=list)
    _sentences_by_rule: dict[str, set[int]] = field(default_factory=dict)

    def add(self, hit: Hit) -> None:
        self.hits.append(hit)
        self._sentences_by_rule.setdefault(hit.rule.id, set()).add(hit.sentence_index)

    def fired(self, rule_ids: list[str], sentence_index: int | None = None) -> bool:
        for rule_id in rule_ids:
            sentences = self._sentences_by_rule.get(rule_id)
            if sentences and (sentence_index is None or sentence_index in sentences):
                return True
        return False


class PatternIndex:
    """Which patterns of a rule set can match a reply, found in a few set operations per reply.

    A rule set holds hundreds of patterns and a reply matches a handful. Testing each pattern's
    required words (literals.py) one by one cost more than the matching itself, so the words are
    indexed once: a regex's three-letter pieces, a lemma pattern's words and the first fixed
    element of a lemma sequence point at the patterns that need them. A reply's own pieces and
    words then name the only patterns worth running; `_find_spans` would find nothing in the
    others (the same tests, made in bulk), so skipping them changes no result.

    In a reply whose lower case keeps its offsets (`AnalysedText.aligned`), a regex whose
    required words are plain letters is live only when one of those words itself is in the
    reply, not merely three letters of it: each word is tested once per reply, however many
    patterns need it (most patterns that pass the piece test fail this one, and each cost a
    call of `_find_spans` to find so).
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        # Rules with a detector always run; a pattern rule runs when one of its patterns is live.
        self._detector_rules = tuple(i for i, rule in enumerate(self.rules) if not rule.patterns)
        self._rule_of = {id(p): i for i, rule in enumerate(self.rules) for p in rule.patterns}
        patterns = [p for rule in self.rules for p in rule.patterns]
        self.by_piece: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        self.by_literal: list[tuple[frozenset[str], int]] = []
        # For aligned replies: each plain required word under one of its pieces, with the
        # patterns that need it, and the pieces of the patterns without plain words.
        self._words_by_piece: dict[str, list[tuple[str, frozenset[str], list[int]]]] = {}
        self._unplain_by_piece: dict[str, list[int]] = {}
        words_of: dict[str, tuple[str, frozenset[str], list[int]]] = {}
        always: list[int] = []
        for pattern in patterns:
            key = id(pattern)
            if pattern.regex is not None:
                heads, literals = pattern.literal_heads, pattern.literals
                if heads is not None:
                    for head in heads:
                        self.by_piece.setdefault(head, []).append(key)
                    tests = pattern.literal_tests
                    if tests is None:
                        for head in heads:
                            self._unplain_by_piece.setdefault(head, []).append(key)
                    for literal, needed in tests or ():
                        entry = words_of.get(literal)
                        if entry is None:
                            entry = words_of[literal] = (literal, needed, [])
                            piece = min(pieces_of(frozenset({literal})) or needed)  # its rarest piece
                            self._words_by_piece.setdefault(piece, []).append(entry)
                        entry[2].append(key)
                elif literals is not None:
                    self.by_literal.append((literals, key))
                else:
                    always.append(key)
            elif pattern.lemmas is not None:
                for word in pattern.lemma_set:
                    self.by_word.setdefault(word, []).append(key)
            else:
                anchor = next((s for s in pattern.seq_sets if s is not None), None)
                if anchor is None:
                    always.append(key)
                for word in anchor or ():
                    self.by_word.setdefault(word, []).append(key)
        self.always = frozenset(always)
        self.pieces = frozenset(self.by_piece)
        self.words = frozenset(self.by_word)
        self._word_pieces = frozenset(self._words_by_piece)
        self._unplain_pieces = frozenset(self._unplain_by_piece)

    def rules_to_run(self, live: set[int]) -> list[Rule]:
        """The rules, in evaluation order, that have a detector or a live pattern: a rule none
        of whose phrases has its words in the reply can find nothing."""
        rule_of = self._rule_of
        order = sorted({rule_of[key] for key in live}.union(self._detector_rules))
        return [self.rules[i] for i in order]

    def live(self, text: AnalysedText) -> set[int]:
        """Ids of the patterns that may match the reply (a superset of those that do)."""
        found = set(self.always)
        pieces = text.trigrams
        lower = text.lower
        if text.aligned:
            for piece in self._unplain_pieces & pieces:
                found.update(self._unplain_by_piece[piece])
            for piece in self._word_pieces & pieces:
                for literal, needed, keys in self._words_by_piece[piece]:
                    if needed <= pieces and literal in lower:
                        found.update(keys)
        else:
            for piece in self.pieces & pieces:
                found.update(self.by_piece[piece])
        for word in self.words & text.vocabulary:
            found.update(self.by_word[word])
        for literals, key in self.by_literal:
            if any(literal in lower for literal in literals):
                found.add(key)
        return found


class AnySearch:
    """Whether any of several regexes matches somewhere in a text: what a search of their
    alternation (`(?:a)|(?:b)|…`) says, with each regex tried only when the lower-cased text
    holds a string it cannot match without (literals.required_literals). A list of thirty
    clause patterns ("a general statement") is mostly patterns whose words are absent, and the
    alternation tried every one of them at every character. A text whose lower case is not
    character for character what the engine compares (UNFOLDED, "İ") is searched with the
    alternation itself.

    The required words (two hundred for the bokmål general statements) are filed under one
    three-letter piece each: a text's own pieces name the few words worth looking for, so a
    clause costs a handful of string searches instead of one per word of every pattern."""

    def __init__(self, patterns: list[str], flags: int) -> None:
        self._patterns, self._flags = patterns, flags
        # Alone, a pattern numbers its groups as in the alternation only if it has no
        # back-reference to a group of its own: such a list is left to the alternation.
        self.parts = None if any(re.search(r"\\[1-9]|\(\?P=", p) for p in patterns) else [
            (re.compile(p, flags), required_literals(p, flags)) for p in patterns]
        # Per required word, the parts that need one of their words; the parts needing none.
        parts_of: dict[str, list[int]] = {}
        self._free: tuple[int, ...] = ()
        for i, (_, needed) in enumerate(self.parts or ()):
            if needed is None:
                self._free += (i,)
            for word in needed or ():
                parts_of.setdefault(word, []).append(i)
        self._parts_of = {word: tuple(found) for word, found in parts_of.items()}
        # With many words, a word of three characters or more is looked for only where the text
        # has its middle piece (any piece of it would do; a middle one is rarely a common word
        # start). Listing a clause's pieces costs about what fifty string searches do, so a
        # short list of words is searched for word by word.
        self._by_piece: dict[str, list[str]] = {}
        self._short: list[str] = []
        indexed = len(self._parts_of) > PIECES_WORTH
        for word in self._parts_of:
            if indexed and len(word) >= 3:
                middle = (len(word) - 3) // 2
                self._by_piece.setdefault(word[middle : middle + 3], []).append(word)
            else:
                self._short.append(word)
        self._pieces = frozenset(self._by_piece)

    @cached_property
    def alternation(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in self._patterns) or r"(?!)", self._flags)

    def search(self, text: str) -> bool:
        lower = _folded(text)
        if self.parts is None or lower is None:
            return self.alternation.search(text) is not None
        wanted = set(self._free)
        parts_of = self._parts_of
        by_piece = self._by_piece
        if by_piece:
            for piece in self._pieces & _pieces(lower):
                for word in by_piece[piece]:
                    if word in lower:
                        wanted.update(parts_of[word])
        for word in self._short:
            if word in lower:
                wanted.update(parts_of[word])
        parts = self.parts
        return any(parts[i][0].search(text) is not None for i in sorted(wanted))


@lru_cache(maxsize=16)
def _folded(text: str) -> str | None:
    """The lower-cased text, or None where lower case does not show every case-insensitive
    match (literals.aligned). Kept for the last few texts: a clause is searched by one AnySearch per
    kind of person in turn."""
    lower = text.lower()
    return lower if aligned(text, lower) else None


@lru_cache(maxsize=16)
def _pieces(lower: str) -> frozenset[str]:
    """`text.trigrams_of` a clause: listing them cost more than most of the searches that ask, so
    the last few texts keep theirs."""
    return trigrams_of(lower)


def pattern_spans(pattern: Pattern, text: AnalysedText, vetted: bool = False) -> tuple[tuple[int, int], ...]:
    """Every place the pattern matches, as (start, end) character offsets (computed once per text).
    `vetted`: `PatternIndex.live` named the pattern for this text, so the words it needs are
    known to be there and are not tested again."""
    found = text.pattern_matches.get(id(pattern))
    if found is None:
        found = text.pattern_matches[id(pattern)] = tuple(_find_spans(pattern, text, vetted))
    return found


def _find_spans(pattern: Pattern, text: AnalysedText, vetted: bool = False) -> Iterator[tuple[int, int]]:
    if pattern.regex is not None:
        literals, heads = pattern.literals, pattern.literal_heads
        if vetted:
            pass  # PatternIndex.live made the same tests below, in bulk
        elif heads is not None and heads.isdisjoint(text.trigrams):
            return  # the phrase's own words are not in the reply: the regex cannot match
        elif heads is None and literals is not None and not any(literal in text.lower for literal in literals):
            return
        matches: Iterable[re.Match[str]]
        if text.aligned:
            tests = pattern.literal_tests
            if tests is not None and not vetted:
                pieces, lower = text.trigrams, text.lower
                for literal, needed in tests:
                    if needed <= pieces and literal in lower:
                        break
                else:
                    return  # a word the phrase needs, not only three letters of it, is missing
            leading = pattern.starts
            matches = pattern.compiled.finditer(text.text) if leading is None else _matches_at(pattern, text, leading)
        else:
            matches = pattern.compiled.finditer(text.text)
        names = None
        for match in matches:
            if names is None:
                names = pattern.name_groups
            if names and any(
                match.group(g) and text.is_common_noun(match.start(g), match.end(g)) for g in names
            ):
                continue  # "Ferja er suspendert": a noun capitalised by its place, not a name
            start, end = _trim(text.text, match.start(), match.end())
            if end > start:
                yield start, end
    elif pattern.lemmas is not None:
        tokens = text.tokens
        for i in text.positions_of(pattern.lemma_set):
            yield tokens[i].start, tokens[i].end
    else:
        sets = pattern.seq_sets
        tokens = text.tokens
        anchor = next((j for j, s in enumerate(sets) if s is not None), None)
        if anchor is None:
            starts: list[int] | range = range(len(tokens) - len(sets) + 1)
        else:
            anchor_set = sets[anchor]
            assert anchor_set is not None  # the anchor is the first set that is not None
            starts = [p - anchor for p in text.positions_of(anchor_set)]
        for i in starts:
            if i < 0 or i + len(sets) > len(tokens):
                continue
            if all(s is None or tokens[i + j].matches(s) for j, s in enumerate(sets)):
                yield tokens[i].start, tokens[i + len(sets) - 1].end


def _matches_at(pattern: Pattern, text: AnalysedText, starts: Starts) -> Iterator[re.Match[str]]:
    """What `finditer` yields, trying the regex only where the reply reads one of the strings its
    matches must start with, instead of at every position (most phrases are an alternation
    of words that the regex engine would try one by one at each character). Every match holds
    its first string, so none is empty. The regex is compiled only for a reply that has one."""
    offsets = text.starts_of(starts)
    return matches_at(pattern.compiled, text.text, offsets) if offsets else iter(())


def matches_at(regex: re.Pattern[str], subject: str, offsets: Iterable[int]) -> Iterator[re.Match[str]]:
    """`regex.finditer(subject)` for a regex that can only match, and never empty, at `offsets`
    (in order): like `finditer`, the search goes on after the end of each match."""
    end = 0
    for start in offsets:
        if start < end:
            continue
        match = regex.match(subject, start)
        if match is not None:
            end = match.end()
            yield match


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the sentence boundary a regex had to match ("! Takk", ", men kok") from the span,
    so the finding points at the words themselves."""
    trimmed = start
    while trimmed < end and (text[trimmed].isspace() or text[trimmed] in LEADING_JUNK):
        trimmed += 1
    if trimmed == end:  # the match is punctuation itself ("!!"): keep it whole
        trimmed = start
    while end > trimmed and text[end - 1].isspace():
        end -= 1
    return trimmed, end


def is_negated(state: MatchState, start: int, end: int) -> bool:
    """True when a negator ("ikke", "ingen", "not", "n't") stands just before the match, or
    right after it with nothing in between: Norwegian puts the negation after the finite verb
    ("vi beklager ikke"), while "sorry, not our problem" is still an apology word."""
    def negator(token: Token) -> bool:
        return token.lower in state.negators or token.lemma in state.negators or token.lower.endswith("n't")

    if any(negator(t) for t in state.text.tokens_before(start, NEGATION_WINDOW)):
        return True
    following = state.text.token_after(end)
    adjacent = following is not None and not state.text.text[end : following.start].strip()
    return following is not None and adjacent and negator(following)


def condition_holds(condition: Condition, state: MatchState, start: int, end: int) -> bool:
    text = state.text
    sentence = text.sentence_at(start)
    if condition.any_of is not None:
        return any(condition_holds(c, state, start, end) for c in condition.any_of)
    if condition.all_of is not None:
        return all(condition_holds(c, state, start, end) for c in condition.all_of)
    if condition.sentence is not None:
        return bool(condition.compiled.search(text.sentence_text(sentence)))
    if condition.nearby is not None:
        return bool(condition.compiled.search(text.nearby_text(sentence)))
    if condition.reply is not None:
        return bool(condition.compiled.search(text.text))
    if condition.before is not None:
        window = text.text[max(sentence.start, start - SIDE_WINDOW) : start]
        return bool(condition.compiled.search(window))
    if condition.after is not None:
        window = text.text[end : min(sentence.end, end + SIDE_WINDOW)]
        return bool(condition.compiled.search(window))
    if condition.inside is not None:
        return bool(condition.compiled.search(text.text[start:end]))
    if condition.context is not None:
        present = bool(state.context and state.context.strip())
        if condition.context == "present":
            return present
        if condition.context == "calm":
            return present and not state.context_is_complaint
        return state.context_is_complaint
    if condition.context_matches is not None:
        return bool(state.context) and bool(condition.compiled.search(state.context or ""))
    if condition.finding_in_sentence is not None:
        return state.fired(condition.finding_in_sentence, sentence.index)
    if condition.finding_in_reply is not None:
        return state.fired(condition.finding_in_reply)
    raise AssertionError("a validated condition always has one key")  # pragma: no cover


def accept(rule: Rule, state: MatchState, start: int, end: int) -> bool:
    """Apply negation handling and the rule's conditions to one candidate span."""
    if rule.negation != "ignore":
        negated = is_negated(state, start, end)
        if (rule.negation == "skip" and negated) or (rule.negation == "require" and not negated):
            return False
    if not all(condition_holds(c, state, start, end) for c in rule.requires):
        return False
    return not any(condition_holds(c, state, start, end) for c in rule.unless)


def without_overlaps(spans: Sequence[tuple[int, ...] | tuple[int, int, dict[str, str]]]) -> list[tuple[Any, ...]]:
    """Keep the earliest, then longest, of overlapping spans: one phrase is one finding.
    A span may carry a third element (a detector's explanation detail); it travels along."""
    kept: list[tuple[Any, ...]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def sentence_index_of(text: AnalysedText, offset: int) -> int:
    return text.sentence_at(offset).index

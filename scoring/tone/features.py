"""The interpretable features the learned part of the tone analyser reads.

Every feature is something a reviewer can point at in the reply: a word (its lemma), two
words in a row, a piece of a word (four letters of its lemma, so "hjemmetjenesten",
"hjemmetjenestene" and "heimetenesta" share parts and a compound's parts are seen), a rule
that fired, the flag it stands for, and the two halves of the confidentiality detector (which
sensitive matter, which kind of person reference, and whether they stand in one sentence),
and those halves as read in the comment the reply answers, crossed with the reply's own
(`_comment_features`: "Ja" to a comment that tells of a child's care service is a breach though
the reply names neither). Each feature keeps the first span it came from, so the model's verdict
can be shown as words in the reply, not as numbers.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from scoring.tone.confidential import ConfidentialityMatcher, Part
from scoring.tone.text import NO_WORDS, YES_WORDS, AnalysedText, Token

Span = tuple[int, int]
# Facts the reply attributes to the police or the rescue service ("Politiet har opplyst at 9 personer
# er savnet", "Police have confirmed two people died"): rubric K5 lets the municipality repeat what
# they have released, so the casualty words that follow are theirs, not the municipality's.
ATTRIBUTED_RE = re.compile(r"\b(?:politiet|politimesteren|redningsleiinga|redningsledelsen|hovedredningssentralen|police|the coastguard)\b"
                           r"(?P<gap>[^.!?]{0,40}?)\b(?:opplyst|opplyser|opplyste|bekreftet|bekrefta|stadfesta|stadfester|bekrefter|sagt|"
                           r"seier|sier|confirmed|confirm|said|say|says|released|reported)\b|\b(?:ifølge|ifylgje|according to) (?:politiet|police)\b",
                           re.IGNORECASE)
# ... but "Police will confirm later", "politiet har ikkje sagt det enno" and "vi venter på at politiet
# bekrefter" name the police for what they have not released: the casualty words before them are the
# municipality's own (the labelled breaches that named the police were nearly all of this kind).
NOT_RELEASED_GAP_RE = re.compile(r"\b(?:will|would|shall|to|not|yet|skal|vil|kommer|ikke|ikkje|enno|ennå)\b|n't\b",
                                 re.IGNORECASE)
NOT_RELEASED_BEFORE_RE = re.compile(r"\b(?:venter på at|ventar på at|før|inntil|når|wait(?:ing)? for|until|before|when|once)"
                                    r"(?: the)?\s*$", re.IGNORECASE)
# The feature of a reply that repeats what the authorities released (`released_by_authorities`);
# the learned casualty flag stands down on it as the K5 rule does (learned.STANDS_DOWN).
RELEASED_FEATURE = "source:authorities"
CHAR_GRAM = 4
# A yes or no that opens a reply answers the comment: "Ja." to "Er det faren til Ola som har fått
# hjemmetjeneste?" confirms a breach, and the writers' bare confirmations taught the model to weigh
# an opening "Ja" heavily (2.3 towards privacy). Without the comment (`drill tone` given no comment,
# an official post) it answers nothing shown, and no labelled reply without a comment opens with one,
# so there the opening answer word gives no feature. Per language: nynorsk "no" is "now"; English "no" answers only when
# a comma, stop or dash sets it off ("No, ..." but not "No oil has reached the island").
ANSWER_WORDS = {language: frozenset((*yes, *NO_WORDS[language])) for language, yes in YES_WORDS.items()}
# Words shorter than this carry no pieces of their own (their lemma is feature enough).
MIN_PIECE_WORD = 6
# The confidentiality halves of each comment (`_comment_kinds`), kept because a drill's comments
# are answered by many replies; emptied when it reaches _KEPT_COMMENTS comments.
_COMMENT_KINDS: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = {}
_KEPT_COMMENTS = 4096


def released_by_authorities(text: str) -> Span | None:
    """Where the reply repeats what the police or rescue service have released, if it does."""
    for match in ATTRIBUTED_RE.finditer(text):
        if match.group("gap") and NOT_RELEASED_GAP_RE.search(match.group("gap")):
            continue
        if NOT_RELEASED_BEFORE_RE.search(text[max(0, match.start() - 20):match.start()]):
            continue
        return match.span()
    return None


_ANSWER_END_RE = re.compile(r"\s*(?:[,.!:;\u2013\u2014-]|$)")
_SET_OFF_ONLY = frozenset({"no"})


def _answer_word(text: str, token: Token, language: str) -> bool:
    """Whether the reply opens with a yes or no (ANSWER_WORDS)."""
    return (token.lower in ANSWER_WORDS.get(language, ()) and not text[:token.start].strip()
            and (token.lower not in _SET_OFF_ONLY or _ANSWER_END_RE.match(text, token.end) is not None))


@dataclass
class Features:
    """Feature name -> the first span it was seen at ((0, 0) for whole-reply features)."""

    spans: dict[str, Span] = field(default_factory=dict)
    # The features an opening yes or no gave where it tells nothing of anyone
    # (`ConfidentialityMatcher.answer_tells_nobody`): the learned privacy
    # flag does not stand on them (learned.judge). Kept apart from the names the model is trained on.
    answer_to_nobody: frozenset[str] = frozenset()

    def add(self, name: str, span: Span = (0, 0)) -> None:
        self.spans.setdefault(name, span)

    @property
    def names(self) -> Iterable[str]:
        return self.spans.keys()


# What `_word_features` made, per lemma: a plain dictionary of tuples of strings, which the garbage
# collector stops walking (an `lru_cache` walks every entry at each full collection); emptied
# when it reaches _KEPT_WORDS lemmas.
_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {}
_KEPT_WORDS = 65536


def _word_features(stem: str) -> tuple[str, tuple[str, ...]]:
    """The word's own feature and its pieces' (made once per lemma: the same words recur in
    every reply). Interned, like the learned model's names (learned.Model.probabilities)."""
    found = _WORDS.get(stem)
    if found is not None:
        return found
    if len(_WORDS) >= _KEPT_WORDS:
        _WORDS.clear()
    word = sys.intern(f"w:{stem}")
    if len(stem) < MIN_PIECE_WORD:
        found = _WORDS[stem] = (word, ())
        return found
    padded = f"<{stem}>"
    found = _WORDS[stem] = (word, tuple(sys.intern(f"c:{padded[i : i + CHAR_GRAM]}")
                                        for i in range(len(padded) - CHAR_GRAM + 1)))
    return found


def reply_features(
    text: AnalysedText,
    language: str,
    rules: Iterable[tuple[str, str | None, int, Span]],
    rule_score: int,
    matcher: ConfidentialityMatcher,
    context: str | None,
) -> Features:
    """All features of one analysed reply. `rules` lists (rule id, flag, weight, span) of the
    rule findings; `rule_score` is the rules' own 0-100 verdict."""
    found = Features()
    found.add(f"lang:{language}")
    answered = bool(context and context.strip())
    if answered:
        found.add("context")
    if "?" in text.text:
        found.add("has:question")
    if "!" in text.text:
        found.add("has:exclamation")
    attributed = released_by_authorities(text.text)
    if attributed:
        found.add(RELEASED_FEATURE, attributed)
    words = text.words
    found.add("length:short" if len(words) < 12 else ("length:long" if len(words) > 70 else "length:medium"))
    opening = words[0] if words and _answer_word(text.text, words[0], language) else None
    if opening is not None and not answered:
        words = words[1:]  # it answers nothing shown (ANSWER_WORDS)
    found.add(f"rules:{'low' if rule_score < 45 else ('high' if rule_score > 70 else 'neutral')}")
    previous: str | None = None
    previous_start = 0
    add = found.spans.setdefault  # `Features.add` without a call per word, piece and pair
    for token in words:
        stem = token.lemma
        span = (token.start, token.end)
        word, pieces = _word_features(stem)
        if token.text.istitle() and not text.opens_sentence(token.start):
            # A capitalised word inside a sentence is a name or a place, not the common word it
            # spells: "Hei Hans!" is not "faren hans" (his), "Per" not "per dag". It keeps its own
            # feature (and the pieces, which tie "Hjemmetjenesten" to "hjemmetjenesten").
            stem = sys.intern(f"^{token.lower}")
            word = sys.intern(f"w:{stem}")
        add(word, span)
        if previous is not None:
            add(f"b:{previous} {stem}", (previous_start, token.end))
        previous, previous_start = stem, token.start
        for piece in pieces:
            add(piece, span)
    for rule_id, flag, weight, span in rules:
        found.add(f"r:{rule_id}", span)
        if flag and weight < 0:
            found.add(f"f:{flag}", span)
    matters, persons, refused = matcher.parts(text)
    if refused:
        found.add("refusal")
    for part in matters:
        found.add(f"m:{part.kind}", (part.start, part.end))
    for part in persons:
        found.add(f"p:{part.kind}", (part.start, part.end))
    for matter in matters:
        sentence = text.sentence_at(matter.start).index
        for person in persons:
            if text.sentence_at(person.start).index == sentence and person.start != matter.start:
                found.add(f"mp:{matter.kind}|{person.kind}",
                          (min(matter.start, person.start), max(matter.end, person.end)))
                found.add("mp:any", (min(matter.start, person.start), max(matter.end, person.end)))
    if matters and persons:
        found.add("m+p:reply")
    if answered:
        _comment_features(found, text, context or "", matcher, matters, persons, opening)
    if opening is not None and answered and matcher.answer_tells_nobody(text, context or ""):
        found.answer_to_nobody = frozenset(name for name, span in found.spans.items()
                                           if span[0] == opening.start and name.startswith(("w:", "b:", "x:answers")))
    return found


def _comment_kinds(comment: str, text: AnalysedText, matcher: ConfidentialityMatcher) -> tuple[frozenset[str], frozenset[str]]:
    """Which sensitive matters and which person references the comment holds (the detector's
    halves, read with the reply's language and given names)."""
    key = (comment, text.language)
    found = _COMMENT_KINDS.get(key)
    if found is None:
        if len(_COMMENT_KINDS) >= _KEPT_COMMENTS:
            _COMMENT_KINDS.clear()
        found = (frozenset(), frozenset())
        if matcher.has_matter(comment):  # what `parts` asks first, here before the comment is tokenised
            matters, persons, _ = matcher.parts(AnalysedText(comment, text.language, text.given_names))
            found = (frozenset(m.kind for m in matters), frozenset(p.kind for p in persons))
        _COMMENT_KINDS[key] = found
    return found


def _comment_features(found: Features, text: AnalysedText, comment: str, matcher: ConfidentialityMatcher,
                      matters: list[Part], persons: list[Part], opening: Token | None) -> None:
    """What the comment holds, crossed with what the reply holds. A reply that confirms, or adds
    to, what the comment tells about someone breaches confidentiality without naming anybody:
    "Ja, det stemmer" to "Jeg har hørt at sønnen til Kari har fått avlastning. Stemmer det?", or
    "Det var tablettar på resept" in a thread about one known family. The comment is read as the
    detector reads a reply, so its questions tell nothing here (`parts` skips them). Each feature
    points at the reply's words it stands on (the matter, the person, the opening yes or no), or
    at the whole reply."""
    comment_matters, comment_persons = _comment_kinds(comment, text, matcher)
    if not comment_matters and not comment_persons:
        return
    if comment_matters:
        found.add("x:comment_matter")
    if comment_persons:
        found.add("x:comment_person")
    if comment_matters and comment_persons:
        found.add("x:comment_matter_person")
    if comment_matters and persons:
        found.add("x:comment_matter_reply_person", (persons[0].start, persons[0].end))
    if comment_persons and matters:
        found.add("x:comment_person_reply_matter", (matters[0].start, matters[0].end))
    for matter in matters:
        if matter.kind in comment_matters:
            found.add("x:same_matter", (matter.start, matter.end))
            found.add(f"x:same_matter:{matter.kind}", (matter.start, matter.end))
    if opening is not None:
        found.add("x:answers_comment", (opening.start, opening.end))
        if comment_matters and comment_persons:
            found.add("x:answers_comment_matter_person", (opening.start, opening.end))

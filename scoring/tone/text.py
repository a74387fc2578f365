"""Splitting a reply into sentences and lemmatised tokens, keeping character offsets.

Offsets are kept everywhere because every finding must point at the exact words that caused
it. Lemmas come from simplemma so one rule entry covers all inflected forms ("beklager",
"beklaget"); the lower-cased surface form is kept too because simplemma's guesses for rare
words are sometimes odd.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from scoring.tone.lemmas import lemmatize
from scoring.tone.literals import Starts, aligned

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
# A sentence ends at . ! ? … or a line break, but not inside "kl. 14.00", "f.eks." or a URL.
SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s|$)|\n+")
ABBREVIATIONS = frozenset(
    {"kl", "ca", "bl", "pga", "mvh", "nr", "tlf", "evt", "jf", "iht", "vedr", "mr", "mrs", "dr",
     "st", "e", "f", "eks", "osv", "dvs", "mm", "etc", "no"}
)
# A capital letter with a full stop before a capitalised word is an initial ("O. Hansen"),
# unless a word such as "sone" shows it is a label ("sone B. Neste oppdatering ...").
INITIAL_RE = re.compile(r"(?:^|[\s.(])([A-ZÆØÅ])$")
LABEL_BEFORE_INITIAL_RE = re.compile(
    r"\b(?:sone|soner|blokk|bygg|trinn|plan|del|punkt|nivå|alternativ|kategori|klasse|gruppe|rute|linje|type"
    r"|inngang|port|rom|sal|felt|vitamin|hepatitt|zone|zones|block|building|level|option|part|area|category"
    r"|class|group|route|line|entrance|gate|room|hall|hepatitis)\s+$",
    re.IGNORECASE,
)
# Where a word is capitalised only because a sentence starts there (`AnalysedText.opens_sentence`): at the sentence's
# start, or after a mark that opens one (a colon, a dash, a bullet, an opening bracket or quote), with only spaces
# and quotes between the mark and the word.
SENTENCE_OPENERS = frozenset(":-–—•*(«\"")
BEFORE_FIRST_WORD = frozenset("\"«“'‘(")


# Nynorsk is lemmatised as bokmål: the rules' lemma lists hold bokmål lemmas, and the
# nynorsk forms they need are listed beside them as words (loader.READ_WITH).
LEMMATISER = {"nn": "nb"}
# The words a short yes or no is said with, per language: the learned model's answer words
# (features.ANSWER_WORDS) and the confidentiality detector's yeses are these; the rule files' affirmations
# (data, in regexes) list the yeses again.
_NORWEGIAN_YES = ("ja", "jo", "jau", "jepp", "japp", "javisst", "joda")
_NORWEGIAN_NO = ("nei", "neida")
YES_WORDS = {"nb": _NORWEGIAN_YES, "nn": _NORWEGIAN_YES, "en": ("yes", "yeah", "yep", "yup", "aye")}
NO_WORDS = {"nb": _NORWEGIAN_NO, "nn": _NORWEGIAN_NO, "en": ("no", "nope")}
# Spoken and regional forms read as the word they stand for: a Scots or Irish "Aye." to a question about
# someone confirms it as "Yes." does, so do "Yeah", "Yep", "Yup", "Jepp" and "Javisst", and a nynorsk "Jau"
# is "jo"; an Irish "mam" and an American "mom" are "mum", a "hubby" a husband and "the missus" a wife, and
# the nynorsk "me" (as official as "vi", and the western writer's word) is "vi".
# The lemma is what the lemma rules and the learned model read, so without this the model, which learned
# how much an opening yes tells from thousands of replies, sees a word it met a few times (swap tests in
# docs/tone.md). Looked up for the word and for its lemma.
_NORWEGIAN_SPOKEN = {"jau": "jo", "jepp": "ja", "japp": "ja", "javisst": "ja", "me": "vi"}
SPOKEN_FORMS = {"en": {"aye": "yes", "yup": "yes", "yep": "yes", "yeah": "yes", "mam": "mum", "mom": "mum",
                       "hubby": "husband", "missus": "wife"},
                "nb": _NORWEGIAN_SPOKEN, "nn": _NORWEGIAN_SPOKEN}


# Nynorsk has two infinitives, both official: "å vere" and "å vera", "kan ikkje seie" and "kan ikkje seia". The
# bokmål dictionary nynorsk is lemmatised with (LEMMATISER) knows neither, so each form was its own word, and the
# writers of the a-infinitive (about one in twenty) were read by what the model learned of a handful of replies
# (swap tests in docs/tone.md). In the infinitive's place, after "å" or a modal verb with at most adverbs or
# the subject of a question between ("kan du ikkje berre svara"), a word in -a is read as its -e form. Not the
# compounds of "ta", "dra", "ha" and "la" ("å delta", "kan bidra"), whose -a is the verb's own.
_NYNORSK_INFINITIVE_MARKERS = frozenset({"å", "skal", "vil", "kan", "må", "bør", "kunne", "skulle", "ville", "måtte",
                                         "burde"})
_BETWEEN_MARKER_AND_VERB = frozenset({"ikkje", "ikke", "også", "òg", "berre", "no", "heller", "gjerne", "alltid",
                                      "aldri", "snart", "straks", "eg", "du", "vi", "me", "han", "ho", "de", "dei",
                                      "dykk", "det", "den", "nokon", "ein"})
_SHORT_VERB_PREFIXES = frozenset({"bi", "del", "gjen", "over", "ved", "fore", "inn", "an", "opp", "av", "mot", "på",
                                  "frå", "fra", "med", "til", "om", "ut", "under", "sam", "be", "for", "er", "unn"})


def a_infinitive(lower: str) -> str | None:
    """The -e form of a nynorsk a-infinitive ("vera" -> "vere"), or None for a word that is not one."""
    if len(lower) < 4 or not lower.endswith("a"):
        return None
    for verb in ("ta", "dra", "ha", "la"):
        if lower.endswith(verb) and lower[: -len(verb)] in _SHORT_VERB_PREFIXES:
            return None
    return lower[:-1] + "e"


# Phones and word processors write a typographer's apostrophe ("can’t", "Mrs Okafor’s class") and hold a phone
# number or "kl. 14" together with no-break spaces; the rules were written, and the model
# trained, on the plain characters, so a reply typed on a phone was read as another text (swap tests in
# docs/tone.md). Each is one character for one, so every offset, and so every span shown, stays the reply's own.
_PLAIN_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
                                   "\u00a0": " ", "\u202f": " ", "\u2007": " "})


def plain_typography(text: str) -> str:
    """The text with typographic apostrophes and no-break spaces as the plain characters they stand for."""
    return text.translate(_PLAIN_TYPOGRAPHY)


def lemma(word: str, language: str) -> str:
    """Lower-cased lemma; kept per word form (`_forms`) because the same words recur in every reply."""
    forms = _forms(language)
    found = forms.get(word)
    if found is None:
        found = _form(forms, word, language)
    return found[1]


# Per language, what a word form gives every token of it: (lower case, lemma, whether it holds a
# letter). Looked up once per token of every reply, and kept in plain dictionaries and tuples of
# strings, which the garbage collector stops walking (an `lru_cache` walks every entry at each
# full collection); emptied when it reaches _KEPT_FORMS forms.
_FORMS: dict[str, dict[str, tuple[str, str, bool]]] = {}
_KEPT_FORMS = 65536


def _forms(language: str) -> dict[str, tuple[str, str, bool]]:
    found = _FORMS.get(language)
    if found is None:
        found = _FORMS[language] = {}
    return found


def _form(forms: dict[str, tuple[str, str, bool]], word: str, language: str) -> tuple[str, str, bool]:
    if len(forms) >= _KEPT_FORMS:
        forms.clear()
    lower = word.lower()
    spoken = SPOKEN_FORMS.get(language, {})
    base = spoken.get(lower) or lemmatize(lower, LEMMATISER.get(language, language)).lower()
    found = forms[word] = (lower, spoken.get(base, base), any(c.isalpha() for c in word))
    return found


def trigrams_of(lower: str) -> frozenset[str]:
    """Every three-character piece of a lower-cased text: what the literal pre-tests (literals.py)
    compare a pattern's words with."""
    return frozenset([lower[i : i + 3] for i in range(len(lower) - 2)])


class Token(NamedTuple):
    """One word with its offsets, lower-cased form and lemma (a tuple: a reply makes dozens and
    building a frozen dataclass cost more than finding the word)."""

    text: str
    start: int
    end: int
    lower: str
    lemma: str

    def matches(self, accepted: frozenset[str]) -> bool:
        return self.lemma in accepted or self.lower in accepted


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    index: int


class AnalysedText:
    """A reply with its sentences and tokens, built once and shared by all rules."""

    def __init__(self, text: str, language: str, given_names: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.language = language
        self.given_names = given_names
        self.pattern_matches: dict[int, tuple[tuple[int, int], ...]] = {}
        """Spans found per pattern (by id): a text's matches never change, whatever the context."""
        self._pieces: dict[str, tuple[int, ...]] = {}
        self.derived: dict[Hashable, Any] = {}
        """Other facts worked out from the text alone (a detector's clauses), kept with it so the
        rules, the learned model's features and every citizen comment share one computation."""
        self.sentences = _split_sentences(text)
        self._sentence_starts = tuple(s.start for s in self.sentences)
        forms = _forms(language)
        tokens = []
        starts = []
        ends = []
        lettered = []
        # Word form or lemma -> token positions: rules look words up here instead of scanning
        # every token once per pattern (hundreds of patterns run over each reply).
        positions: dict[str, list[int]] = {}
        reads_infinitives = language == "nn"
        infinitive_place = False
        for index, match in enumerate(TOKEN_RE.finditer(text)):
            word = match.group()
            start, end = match.span()
            form = forms.get(word)
            if form is None:
                form = _form(forms, word, language)
            lower, stem, letters = form
            if infinitive_place:
                e_form = a_infinitive(lower)
                if e_form is not None:
                    stem = (forms.get(e_form) or _form(forms, e_form, language))[1]
            if reads_infinitives:
                infinitive_place = lower in _NYNORSK_INFINITIVE_MARKERS or (
                    infinitive_place and lower in _BETWEEN_MARKER_AND_VERB)
            tokens.append((word, start, end, lower, stem))
            starts.append(start)
            ends.append(end)
            lettered.append(letters)
            found = positions.get(lower)
            if found is None:
                positions[lower] = [index]
            else:
                found.append(index)
            if stem != lower:
                found = positions.get(stem)
                if found is None:
                    positions[stem] = [index]
                else:
                    found.append(index)
        self._token_rows = tuple(tokens)
        self._token_starts = tuple(starts)
        self._token_ends = tuple(ends)
        self._lettered = tuple(lettered)
        # Kept as tuples, like every list a kept text holds: tuples of numbers drop out of the
        # garbage collector's reach, lists do not, and thousands of texts are kept
        # (analyse._analysed_text), which made each full collection walk a million lists.
        self.positions: dict[str, tuple[int, ...]] = {word: tuple(found) for word, found in positions.items()}
        self.vocabulary = frozenset(self.positions)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The reply's words in order. Made from plain tuples on first use and dropped again by
        `release`: a kept text (analyse._analysed_text keeps thousands) would otherwise hold
        dozens of `Token`s, which the garbage collector, unlike plain tuples of strings and
        numbers, walks at every full collection for as long as the text is kept."""
        return tuple(map(Token._make, self._token_rows))

    def release(self) -> None:
        """Drop the `Token`s (and `words`) until the text is analysed again: the rest of what a
        kept text holds is plain tuples, strings and numbers, or sets of them."""
        self.__dict__.pop("tokens", None)
        self.__dict__.pop("words", None)

    def positions_of(self, accepted: frozenset[str]) -> Sequence[int]:
        """Indices of the tokens whose form or lemma is in `accepted`, in text order."""
        found = accepted & self.vocabulary
        if not found:
            return []
        if len(found) == 1:
            return self.positions[next(iter(found))]
        return sorted({i for word in found for i in self.positions[word]})

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding the character at `offset` (the last one for offsets past the end)."""
        i = max(bisect_right(self._sentence_starts, offset) - 1, 0)
        return self.sentences[i]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def nearby_text(self, sentence: Sentence) -> str:
        """The sentence and the one after it: a claim is often backed up in the next sentence."""
        following = sentence.index + 1
        end = self.sentences[following].end if following < len(self.sentences) else sentence.end
        return self.text[sentence.start : end]

    def tokens_before(self, offset: int, count: int) -> list[Token]:
        """Up to `count` tokens ending before `offset`, within the same sentence."""
        sentence = self.sentence_at(offset)
        last = bisect_right(self._token_ends, offset)  # tokens[:last] end at or before offset
        first = max(last - count, bisect_left(self._token_starts, sentence.start))
        return list(self.tokens[first:last])

    def token_after(self, offset: int) -> Token | None:
        """The first token starting at or after `offset`, if it is in the same sentence."""
        sentence = self.sentence_at(max(offset - 1, 0))
        i = bisect_left(self._token_starts, offset)
        if i < len(self.tokens) and self.tokens[i].start < sentence.end:
            return self.tokens[i]
        return None

    def is_common_noun(self, start: int, end: int) -> bool:
        """True when text[start:end] is a single capitalised word opening its sentence that the
        lemmatiser knows as an inflected word ("Ferja" -> "ferje", "Brua" -> "bru"): a noun
        capitalised by its position, not a name. Two words ("Kari Dahl") or a known first name
        ("Ola") stay names."""
        word = self.text[start:end]
        if not word.isalpha() or not word[0].isupper():
            return False
        lower = word.lower()
        if lower in self.given_names or lemma(word, self.language) == lower:
            return False
        return self.opens_sentence(start)

    def opens_sentence(self, start: int) -> bool:
        """Whether the word at `start` is the first of its sentence (capitalised by its place), read
        backwards from the word: a few characters a word, however long the sentence."""
        begin, at = self.sentence_at(start).start, start
        while at > begin:
            before = self.text[at - 1]
            if before in SENTENCE_OPENERS:
                return True
            if not (before.isspace() or before in BEFORE_FIRST_WORD):
                return False
            at -= 1
        return True

    @cached_property
    def lower(self) -> str:
        """The reply in lower case, for the regexes' literal pre-test (literals.py)."""
        return self.text.lower()

    @cached_property
    def trigrams(self) -> frozenset[str]:
        """Every three-character piece of the lower-cased reply (literals.py)."""
        return trigrams_of(self.lower)

    @cached_property
    def aligned(self) -> bool:
        """Whether the lower-cased reply keeps every character's offset and shows every place a
        case-insensitive regex can match (`literals.aligned`)."""
        return aligned(self.text, self.lower)

    def _piece_at(self, piece: str) -> tuple[int, ...]:
        """Offsets of one string in the lower-cased reply (kept: many patterns share a piece)."""
        cache = self._pieces
        found = cache.get(piece)
        if found is None:
            lower = self.lower
            offsets = []
            i = lower.find(piece)
            while i >= 0:
                offsets.append(i)
                i = lower.find(piece, i + 1)
            found = cache[piece] = tuple(offsets)
        return found

    def starts_of(self, starts: Starts) -> list[int]:
        """Offsets, in order, where the lower-cased reply reads one of a pattern's leading
        strings (`Starts`). Only meaningful when `aligned`."""
        lower = self.lower
        found: list[int] = []
        for piece in starts.pieces & self.trigrams:
            longer = starts.by_piece[piece]
            if longer:  # the leading strings that start with the piece, tried in one call
                found += [i for i in self._piece_at(piece) if lower.startswith(longer, i)]
            else:
                found += self._piece_at(piece)
        for literal in starts.short:
            found += self._piece_at(literal)
        if starts.exact is not None:
            found += [m.start() for m in starts.exact.finditer(self.text)]
        if len(found) > 1:
            found.sort()
        return found

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """Tokens that contain a letter (numbers and times are not words for readability)."""
        return tuple(token for token, letters in zip(self.tokens, self._lettered) if letters)


def _split_sentences(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        if match.group().startswith(".") and (
            _is_abbreviation(text, match.start())
            or _continues_lowercase(text, match.end())
            or _is_initial(text, match.start(), match.end())
        ):
            continue
        end = match.end()
        if text[start:end].strip():
            sentences.append(Sentence(start, end, len(sentences)))
        start = end
    if text[start:].strip() or not sentences:
        sentences.append(Sentence(start, len(text), len(sentences)))
    return tuple(sentences)


# Each looks at a few characters beside a full stop, in place: a slice of the rest of the reply
# at every full stop made a long reply quadratic.
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\s])")
_NEXT_NAME_RE = re.compile(r"[ \t]+[A-ZÆØÅ][a-zæøå]")
_WORD_BEFORE_RE = re.compile(r"(\w+)$")
_NEXT_NUMBER_RE = re.compile(r"\s*\d")
NUMBER_ABBREVIATIONS = frozenset({"no", "nr"})
# Enough characters before a full stop to tell an abbreviation (at most five letters) from a
# longer word, which a window this wide cuts to a string no abbreviation is.
_ABBREVIATION_WINDOW = 40


def _continues_lowercase(text: str, end: int) -> bool:
    """A full stop followed by a lower-case word ("7. trinn", "ca. ti") does not end a sentence."""
    following = _NEXT_WORD_RE.match(text, end)
    return following is not None and following.group(1).islower()


def _is_initial(text: str, dot: int, end: int) -> bool:
    """"O. Hansen", "Kari O. Hansen": a single capital, a full stop and a capitalised word."""
    letter = INITIAL_RE.search(text[max(0, dot - 2) : dot])
    if not letter or not _NEXT_NAME_RE.match(text, end):
        return False
    return not LABEL_BEFORE_INITIAL_RE.search(text[max(0, dot - 20) : dot - 1])


def _is_abbreviation(text: str, dot: int) -> bool:
    """"kl.", "f.eks." …; "no." and "nr." only before a number ("no. 5"): "Vi har strødd trappa no. Er du
    skadd, …" (nynorsk "now") and "No. The road is closed." end their sentences."""
    word = _WORD_BEFORE_RE.search(text, max(0, dot - _ABBREVIATION_WINDOW), dot)
    if word is None or word.group(1).lower() not in ABBREVIATIONS:
        return False
    return word.group(1).lower() not in NUMBER_ABBREVIATIONS or bool(_NEXT_NUMBER_RE.match(text, dot + 1))

"""Does an answer answer? Whether a team's reply or post addresses what a comment asked.

The drill's one account (`drill.account`) says whether an item *was answered*: a reply, a
reply later in its thread, a correction or a post that names it. That is what the console
counts. The score asks more: an answer earns credit only if it addresses the comment. A pasted
"Takk for innspill" under every question, or a polite line that says nothing, is an answer in
the account and no answer in the score, and the report names it.

The test is deliberately simple enough to explain to a team in one sentence each, with the
word lists as data (`scoring/data/answers.yaml`):

- **subject**: the reply shares a content word with the comment (lemmas, or one word inside a
  compound of the other: "gass" in "gasslekkasjen");
- **information**: it gives something concrete, a link, a phone number, an e-mail address, a
  time or a number;
- **referral**: it names a specific place to turn to (legevakten, servicetorget, the inbox);
- for a **claim**, it must also say whether the claim is true, or share its subject; a reply
  that only says the claim is being looked into ("vi sjekker dette") corrects nothing yet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict
from ruamel.yaml import YAML

from scoring.tone.loader import load_ruleset
from scoring.tone.text import TOKEN_RE, lemma

_CONCRETE = re.compile(
    r"https?://|www\.|\b[\w.-]+\.(?:no|com|org)(?:/\S*)?\b|[\w.+-]+@[\w-]+\.\w+"  # link or e-mail
    r"|\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b|\b\d{3}\s?\d{2}\s?\d{3}\b"  # phone number
    r"|\b(?:kl\.?|klokka|klokken|at)\s*\d{1,2}(?:[.:]\d{2})?\b|\b\d{1,2}[.:]\d{2}\b"  # a time
    r"|\b\d+(?:[.,]\d+)?\s*(?:%|prosent|percent|km|m|meter|metres|meters|timer|hours|minutter|minutes|dager|days)\b",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def analysis_language(language: str) -> str:
    """The rules a text in `language` is read with. The analysers have Norwegian and English
    rules; a nynorsk drill is read with the Norwegian ones, as its pages mix both written forms."""
    return "en" if language == "en" else "nb"


class _WordLists(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    nb: frozenset[str]
    en: frozenset[str]

    def of(self, language: str) -> frozenset[str]:
        return self.en if analysis_language(language) == "en" else self.nb


class AnswerRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_stem: int
    pasted_min_items: int
    generic: _WordLists
    verdict: _WordLists
    channels: _WordLists
    affirms: tuple[str, ...]
    negations: frozenset[str]
    hedges: tuple[str, ...]
    greetings: _WordLists
    second_person: _WordLists
    deferrals: _WordLists


@lru_cache(maxsize=1)
def answer_rules() -> AnswerRules:
    text = resources.files("scoring").joinpath("data/answers.yaml").read_text(encoding="utf-8")
    return AnswerRules.model_validate(YAML(typ="safe").load(text))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """First names greet and sign ("Hei Anne", "Hilsen Kari"); they are nobody's subject."""
    return frozenset(n.lower() for lang in ("nb", "en") for n in load_ruleset(lang).lexicon.given_names)


@dataclass(frozen=True)
class Verdict:
    """Whether one text addresses one comment, and the reason a trainer can be shown."""

    addresses: bool
    reason: str
    """"subject", "information", "referral", "verdict"; or, when it does not, "agrees" (it
    agreed with a false claim, or leaned to it in a hedge), "deferred" (it only said a claim is
    being looked into) or ""."""


_SUFFIXES = {"nb": ("ene", "en", "et", "a", "er", "ar", "ane"), "en": ("s", "es", "ed", "ing")}


_SIGNATURE = re.compile(r"(?is)\b(?:med vennleg helsing|med vennlig hilsen|vennlig hilsen|hilsen|helsing|mvh"
                        r"|best regards|kind regards|regards|best wishes)\b.*$")


def _starts_sentence(text: str, at: int) -> bool:
    """Does a word at `at` begin a sentence: the text's start, a new line, or after ". ", "! ",
    "? " or ": " (any run of white space)? Read backwards from the word, so a long reply is not
    scanned from its start for every capitalised word."""
    if at == 0 or text[at - 1] == "\n":
        return True
    start = at
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return 0 < start < at and text[start - 1] in ".!?:"


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """Words that carry no subject. Pages of Norwegian municipalities mix languages: no
    politeness word in either does, nor a first name."""
    rules = answer_rules()
    return rules.generic.nb | rules.generic.en | _given_names()


@dataclass(frozen=True)
class _Words:
    words: frozenset[str]
    """Content words, matched also inside compounds and by a shared stem."""
    names: frozenset[str]
    """Capitalised words inside a sentence (names of people and places): matched only whole."""


@lru_cache(maxsize=65536)
def _content(text: str, language: str) -> _Words:
    """Content words of a text: each word's lemma, its own form, its parts when hyphenated, and
    the form without a common inflection ending (simplemma turns "gassen" into "gasse").

    The signature is left out, and a capitalised word inside a sentence only matches whole:
    "Hei Anne" shares nothing with "annen", nor "Storholmen" with "stor"."""
    generic = _generic()
    text = _SIGNATURE.sub("", text)
    tokens = list(TOKEN_RE.finditer(text))
    words = [match.group() for match in tokens]
    capitals = [index for index, word in enumerate(words) if word[0].isupper()]
    greeted = _greeted(text, tokens, words, capitals, language) if capitals else set()
    names: set[str] = set()
    plain: set[str] = set()  # each lower-cased word once: most words recur within a reply
    for index in capitals:
        if index in greeted:
            continue
        if _starts_sentence(text, tokens[index].start()):
            plain.add(words[index].lower())
        elif (name := words[index].lower()) not in generic:
            names.add(name)
    if len(capitals) < len(words):
        capital = set(capitals)
        plain.update(word.lower() for index, word in enumerate(words) if index not in capital)
    found: set[str] = set()
    for word in plain:
        found.update(_forms(word, language))
    return _Words(frozenset(found), frozenset(names))


def _greeted(text: str, tokens: list[re.Match[str]], words: list[str], capitals: list[int],
             language: str) -> set[int]:
    """Indices of the tokens that name whom the text greets: "Hei Else Haugen", "Takk, Else",
    "..., Else." and "Else, vi ringer deg". A greeting names the reader, and the comment gave
    that name itself, so sharing it says nothing about whether the question was answered: "Hei
    Else! Fint vær i dag." does not answer Else's call for help. `capitals`: the indices of the
    capitalised `words`, the only ones that can name anybody."""
    rules = answer_rules()
    greetings = rules.greetings.of(language)
    second_person = rules.second_person.of(language)
    greeted: set[int] = set()
    next_free = 0
    for index in capitals:
        if index < next_free or words[index].lower() in greetings:
            continue
        last = index  # a run of capitalised words with only spaces between: one name
        while last + 1 < len(tokens) and words[last + 1][0].isupper() \
                and not text[tokens[last].end():tokens[last + 1].start()].strip():
            last += 1
        next_free = last + 1
        before = text[tokens[index - 1].end():tokens[index].start()] if index else text[:tokens[index].start()]
        final = last + 1 == len(tokens)
        after = text[tokens[last].end():] if final else text[tokens[last].end():tokens[last + 1].start()]
        opener = before.strip(" ,") == "" and index > 0 and words[index - 1].lower() in greetings
        closing = before.strip() == "," and (after.strip()[:1] in (".", "!", "?") or (final and not after.strip()))
        addressed = index == 0 and after.strip()[:1] in (",", "!") and _speaks_to_reader(
            text, tokens[last + 1:], words[last + 1:], second_person)
        if opener or closing or addressed:
            greeted.update(range(index, last + 1))
    return greeted


def _speaks_to_reader(text: str, tokens: list[re.Match[str]], words: list[str], second_person: frozenset[str]) -> bool:
    """Does the sentence these tokens continue say "you" ("Else, vi ringer deg")?"""
    if not tokens:
        return False
    end = _sentence_end(text, tokens[0].start())
    return any(word.lower() in second_person for match, word in zip(tokens, words) if match.start() < end)


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence that holds `at` ends (the next ".", "!" or "?", or the text's end)."""
    ends = [i for i in (text.find(mark, at) for mark in ".!?") if i >= 0]
    return min(ends) if ends else len(text)


@lru_cache(maxsize=65536)
def _forms(token: str, language: str) -> frozenset[str]:
    """The content words one lower-cased token gives (see `_content`): a function of the token
    alone, and the same few hundred words make up most replies of a drill."""
    generic = _generic()
    found: set[str] = set()
    for word in {token, *token.split("-")}:
        if not any(c.isalpha() for c in word) or word in generic:
            continue
        base = lemma(word, language)
        if base in generic:
            continue
        forms = {base, word} | {word[: -len(end)] for end in _SUFFIXES[language] if word.endswith(end)}
        found.update(f for f in forms if len(f) >= 3 and f not in generic)
    return frozenset(found)


def _shares_subject(reply: _Words, comment: _Words, min_stem: int) -> bool:
    """A shared lemma or name, one word inside a compound of the other, or a long shared stem
    ("evalueres" / "evalueringen") that the lemmatiser did not bring together."""
    if reply.names & (comment.names | comment.words) or reply.words & (comment.words | comment.names):
        return True
    # Both tests below need the shorter word to have `min_stem` letters: shorter words never match.
    ours = [b for b in reply.words if len(b) >= min_stem]
    theirs = [a for a in comment.words if len(a) >= min_stem]
    if not ours or not theirs:
        return False
    # A word inside the other, or a shared stem of `min_stem` + 2 letters, puts the first
    # `min_stem` letters of one word inside the other: only such pairs are tried, each found
    # with one search of all the other side's words at once.
    their_text, our_text = "\n".join(theirs), "\n".join(ours)
    for b in ours:
        head = b[:min_stem]
        if head in their_text and any(_related(a, b, min_stem) for a in theirs if head in a):
            return True
    for a in theirs:
        head = a[:min_stem]
        if head in our_text and any(_related(a, b, min_stem) for b in ours if head in b):
            return True
    return False


def _related(a: str, b: str, min_stem: int) -> bool:
    """Comment word `a` and reply word `b`: one inside the other, or a long shared stem."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= min_stem and short in long:
        return True
    return len(short) >= min_stem + 2 and _common_prefix(a, b) >= max(min_stem + 2, int(0.75 * len(short)))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=65536)
def addresses(reply: str, comment: str, language: str, *, claim: bool = False) -> Verdict:
    """Does `reply` address `comment`? `claim`: the comment states something to be corrected."""
    rules = answer_rules()
    lang = analysis_language(language)
    if claim and _agrees(reply, rules):
        return Verdict(False, "agrees")
    content, theirs = _content(reply, lang), _content(comment, lang)
    reply_words = content.words
    lowered = set(map(str.lower, TOKEN_RE.findall(reply)))
    says_whether = bool(lowered & rules.verdict.of(lang) or reply_words & rules.verdict.of(lang))
    referral = bool(lowered & rules.channels.of(lang) or reply_words & rules.channels.of(lang))
    if claim:
        # Whether it is true, or who will say (the police own casualty facts, KS p.20). Repeating
        # the claim's words says neither: "Vi har ikke hørt noe om en varebil" is no correction.
        says_whether = says_whether or _denies(reply, theirs, lang, rules)
        if not says_whether and _hedges(reply, rules):
            return Verdict(False, "agrees")
        if not says_whether and _defers(reply, rules.deferrals.of(lang)):
            return Verdict(False, "deferred")
        if says_whether:
            return Verdict(True, "verdict")
        return Verdict(True, "referral") if referral else Verdict(False, "")
    if _shares_subject(content, theirs, rules.min_stem):
        return Verdict(True, "subject")
    if _CONCRETE.search(reply):
        return Verdict(True, "information")
    return Verdict(True, "referral") if referral else Verdict(False, "")


def _denies(reply: str, claim: _Words, language: str, rules: AnswerRules) -> bool:
    """Does the reply deny the claim in the claim's own words? A negation next to a word of the
    claim says it is untrue: right after it ("Det blir ikke privat" to "Det blir privat", "Det var
    ikke sabotasje") or with the claim's subject just before it ("Stranda blir ikke privat" to
    "Stranda blir for hotellgjester"). "Vi har ikke hørt noe om en varebil" only says what the
    team has not heard."""
    words = [m.group().lower() for m in TOKEN_RE.finditer(_SIGNATURE.sub("", reply))]
    theirs = [a for a in claim.words if len(a) >= rules.min_stem]
    for index, word in enumerate(words):
        if word not in rules.negations:
            continue
        for following in (*words[max(0, index - 3):index], *words[index + 1:index + 3]):
            forms = _forms(following, language)
            if forms & claim.words or following in claim.names or any(
                    _related(a, f, rules.min_stem) for f in forms if len(f) >= rules.min_stem for a in theirs):
                return True
    return False


def _defers(reply: str, deferrals: frozenset[str]) -> bool:
    """Does the reply put the question off ("vi sjekker dette og kommer tilbake")? Word forms and
    two-word phrases, matched whole."""
    words = [m.group().lower() for m in TOKEN_RE.finditer(reply)]
    return any(w in deferrals for w in words) or any(f"{a} {b}" in deferrals for a, b in zip(words, words[1:]))


def _agrees(reply: str, rules: AnswerRules) -> bool:
    """Does a sentence of the reply agree with the claim it answers ("Ja, det stemmer")?"""
    for sentence in _SENTENCES.split(reply):
        words = {m.group().lower() for m in TOKEN_RE.finditer(sentence)}
        negated = bool(words & rules.negations) or "n't" in sentence.lower()
        if not negated and any(rx.search(sentence) for rx in _patterns(rules.affirms)):
            return True
    return False


def _hedges(reply: str, rules: AnswerRules) -> bool:
    """Does the reply lean to the claim in a hedge ("det kan godt hende at …")? Unlike a plain yes,
    a hedge agrees whatever negation its sentence holds ("vi vet ikke sikkert, men …")."""
    return any(rx.search(reply) for rx in _patterns(rules.hedges))


@lru_cache(maxsize=4)
def _patterns(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


def normalised(text: str) -> str:
    """The form in which two pasted copies of a text are equal."""
    return _SPACE.sub(" ", text.strip().lower())


@dataclass(frozen=True)
class PastedText:
    """One text the team posted under several different comments."""

    text: str
    reply_ids: tuple[str, ...]
    item_ids: tuple[str, ...]
    addressed: int
    """Under how many of those comments it actually addressed what was asked."""


def pasted_texts(replies: list[tuple[str, str, str, str, bool]], *, min_items: int | None = None) -> list[PastedText]:
    """Texts posted under `min_items` or more comments whose own texts differ.

    `replies`: (reply id, reply text, the comment's id, the comment's text, whether the reply
    addressed the comment).
    The same answer under twenty copies of the same question is answering once for many, not
    pasting; it is the same text under *different* questions that is named.
    """
    threshold = answer_rules().pasted_min_items if min_items is None else min_items
    groups: dict[str, list[tuple[str, str, str, str, bool]]] = defaultdict(list)
    for reply in replies:
        groups[normalised(reply[1])].append(reply)
    found = []
    for members in groups.values():
        if len({normalised(m[3]) for m in members}) < threshold:
            continue
        items = tuple(sorted({m[2] for m in members}))
        found.append(PastedText(members[0][1], tuple(m[0] for m in members), items, sum(1 for m in members if m[4])))
    found.sort(key=lambda p: (-len(p.item_ids), p.text))
    return found

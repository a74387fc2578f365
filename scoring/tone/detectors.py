"""Rules that need a computation rather than a phrase list.

Each detector proposes candidate spans; the engine then applies the rule's conditions to them
exactly as for pattern rules, so detectors stay small and the YAML keeps the last word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from scoring.tone import privacy
from scoring.tone.confidential import ConfidentialityMatcher
from scoring.tone.loader import load_confidentiality
from scoring.tone.ruleset import Lexicon, Rule, Settings
from scoring.tone.text import AnalysedText

Span = tuple[int, int]
# A detector may add, per span, a sentence for each explanation language ("the matter is X,
# the person is Y") that is appended to the rule's explanation.
DetailedSpan = tuple[int, int, dict[str, str]]
# What an ID number, phone number, street address (digits) or e-mail address ("@") cannot lack.
_IDENTIFIER_CHAR_RE = re.compile(r"[\d@]")


@dataclass(frozen=True)
class DetectorInput:
    text: AnalysedText
    lexicon: Lexicon
    settings: Settings
    allow: privacy.Allowances
    context: str | None = None  # the citizen's comment the reply answers, if known

    @cached_property
    def context_ids(self) -> frozenset[str]:
        """The identifiers in the citizen's comment, found only when a reply could repeat one:
        the comment's phone numbers cost a parse each, and most replies hold no digit."""
        return frozenset(privacy.identifiers(self.context, self.allow)) if self.context else frozenset()


def lix(text: AnalysedText) -> float | None:
    """Björnsson's LIX readability index (words per sentence + % long words).

    LIX was made for Scandinavian text and needs no syllable counting, which is why it is used
    here for plain language (T5): below about 40 reads easily, above about 55 is heavy.
    """
    words = text.words
    if not words:
        return None
    sentences = len({text.sentence_at(w.start).index for w in words})
    long_words = sum(1 for w in words if len(w.text) > 6)
    return len(words) / max(sentences, 1) + 100 * long_words / len(words)


def _number(rule: Rule, name: str, default: float | None = None) -> float:
    """A numeric detector parameter from the rule data (the rule file's schema allows any value)."""
    value = rule.params.get(name, default)
    if not isinstance(value, (int, float)):
        raise ValueError(f"rule {rule.id}: parameter {name!r} must be a number, not {value!r}")
    return float(value)


def _whole(text: AnalysedText) -> list[Span]:
    return [(0, len(text.text))]


def _lix_below(rule: Rule, data: DetectorInput) -> list[Span]:
    value = lix(data.text)
    enough = len(data.text.words) >= _number(rule, "min_words", 8)
    return _whole(data.text) if enough and value is not None and value <= _number(rule, "max") else []


def _lix_above(rule: Rule, data: DetectorInput) -> list[Span]:
    value = lix(data.text)
    enough = len(data.text.words) >= _number(rule, "min_words", 8)
    return _whole(data.text) if enough and value is not None and value >= _number(rule, "min") else []


def _caps(rule: Rule, data: DetectorInput) -> list[Span]:
    """Runs of words in capitals (acronyms such as NAV or FHI excepted).

    A capitalised label is normal in a warning ("VIKTIG:", "VIKTIG MELDING TIL ALLE:"); a run
    of several words that is not such a label reads as shouting.
    """
    acronyms = {a.upper() for a in data.settings.caps_acronyms}
    min_run = int(_number(rule, "min_run", 3))
    text = data.text.text
    runs: list[list[Span]] = [[]]
    for word in data.text.words:
        if len(word.text) >= 2 and word.text.isupper() and word.text not in acronyms:
            runs[-1].append((word.start, word.end))
        elif runs[-1]:
            runs.append([])
    spans: list[Span] = []
    for run in runs:
        if len(run) < min_run:
            continue
        start, end = run[0][0], run[-1][1]
        if text[end:].lstrip(" ").startswith(":"):
            continue  # a label such as "VIKTIG MELDING:"
        spans.append((start, end))
    return spans


def _absent(rule: Rule, data: DetectorInput) -> list[Span]:
    return _whole(data.text)


def _fodselsnummer(rule: Rule, data: DetectorInput) -> list[Span]:
    labelled_only = rule.params.get("kind") == "labelled"
    return list(privacy.id_numbers(data.text.text, data.settings, labelled_only=labelled_only, asked=data.context))


def _phone(rule: Rule, data: DetectorInput) -> list[Span]:
    mobile = rule.params.get("kind") == "mobile"
    return list(privacy.phone_numbers(data.text.text, data.allow, data.settings, mobile=mobile,
                                      language=data.text.language))


def _email(rule: Rule, data: DetectorInput) -> list[Span]:
    free = rule.params.get("kind") == "free_mail"
    return list(privacy.emails(data.text.text, data.allow, data.settings, free_mail=free))


def _street(rule: Rule, data: DetectorInput) -> list[Span]:
    return list(privacy.street_addresses(data.text.text))


def _repeated(rule: Rule, data: DetectorInput) -> list[Span]:
    """An identifier from the comment said again. A street address the comment gave is a place
    the reply may speak of ("Alle i Storgata 11 er evakuert", "Bjørklivegen 34 er vurdert å
    liggje utanfor fareområdet"); it is personal data again only where the reply ties a
    person to it in the same sentence ("Randi Moe i Skolegata 12", "mora di i Storgata 8")."""
    if not _IDENTIFIER_CHAR_RE.search(data.text.text):
        return []  # every identifier privacy.repeated_identifiers looks for holds a digit or an "@"
    spans = list(privacy.repeated_identifiers(data.text.text, set(data.context_ids)))
    if not spans:
        return []
    matcher = confidentiality_matcher(data.text.language)
    return [(s, e) for s, e in spans
            if not privacy.STREET_RE.fullmatch(data.text.text[s:e]) or matcher.person_in_sentence(data.text, s, e)]


@lru_cache(maxsize=None)
def confidentiality_matcher(language: str) -> ConfidentialityMatcher:
    return ConfidentialityMatcher(load_confidentiality(language))


def _confidential(rule: Rule, data: DetectorInput) -> list[DetailedSpan]:
    """A confidential matter and a reference to a person in one clause (confidential.py)."""
    found = confidentiality_matcher(data.text.language).find(data.text, data.context)
    return [(hit.start, hit.end, hit.detail) for hit in found]


def _not_yet(rule: Rule, data: DetectorInput) -> list[Span]:
    """A bare "not yet" to a question about one person (ConfidentialityMatcher.pending_told)."""
    found = confidentiality_matcher(data.text.language).pending_told(data.text.text, data.context)
    return [found] if found else []


DETECTOR_FUNCTIONS: dict[str, Callable[[Rule, DetectorInput], list[Span] | list[DetailedSpan]]] = {
    "absent": _absent,
    "lix_below": _lix_below,
    "lix_above": _lix_above,
    "caps": _caps,
    "fodselsnummer": _fodselsnummer,
    "phone": _phone,
    "email": _email,
    "street_address": _street,
    "repeated_from_context": _repeated,
    "confidential": _confidential,
    "not_yet": _not_yet,
}

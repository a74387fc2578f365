"""Schema of the rule files in `scoring/tone/rules/`.

Tone rules are data, not code, so a trainer can read why a reply lost points and a scenario
author can see (and argue with) every phrase and weight. The schema is strict (unknown keys are
errors) because a misspelt key in a rule file would otherwise silently switch a rule off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scoring.tone.literals import Starts, folds_plainly, heads, leading_literals, required_literals
from scoring.tone.models import Severity

RUBRIC_IDS = frozenset(
    {"S1", "S2", "S3", "S4", "S5", "C1", "C2", "C3", "T1", "T2", "T3", "T4", "T5",
     "M1", "M2", "M3", "M4", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8",
     "A1", "A2", "P1", "P2", "P3"}
)

DETECTORS = frozenset(
    {
        "absent",  # fires once when its conditions hold and nothing was matched
        "lix_below",  # readability: LIX at or below params.max
        "lix_above",  # readability: LIX at or above params.min
        "caps",  # shouting in capital letters
        "fodselsnummer",
        "phone",
        "email",
        "street_address",
        "repeated_from_context",
        "confidential",  # a sensitive matter next to a reference that identifies a person
        "not_yet",  # a bare "not yet" to a question about one person
    }
)


# What a labelled reply can be flagged for (tests/tone/labelled/README.md). Every negative rule
# names the one it counts towards, so `drill tone --eval` maps findings to flags in one place.
LABELLED_FLAGS = (
    "privacy",
    "defensive",
    "dismissive",
    "sarcasm",
    "party_politics",
    "false_reassurance",
    "speculation",
    "casualties",
    "case_processing",
)
# Negative rules about something no labelled flag names: form (shouting, jargon, heavy
# language), missing empathy, and "check this" notes (an unlisted number or address).
OTHER_FLAGS = ("form", "empathy", "check")
Flag = Literal[
    "privacy", "defensive", "dismissive", "sarcasm", "party_politics", "false_reassurance",
    "speculation", "casualties", "case_processing", "form", "empathy", "check",
]


# Regexes already found valid (compiled.py ships those of the committed rule files): checking
# each by compiling it at every start cost about a second. `recording_checked` lists the
# regexes a validation checks, checking each again.
_TRUSTED: set[str] = set()
_RECORDING: list[set[str]] = []


def trust_regexes(regexes: Iterable[str]) -> None:
    _TRUSTED.update(regexes)


@contextmanager
def recording_checked() -> Iterator[set[str]]:
    """The regexes validated inside the block, each compiled however trusted it is."""
    checked: set[str] = set()
    _RECORDING.append(checked)
    try:
        yield checked
    finally:
        _RECORDING.remove(checked)


def _check_regex(text: str) -> None:
    """Turn a regex syntax error into a validation error that names the pattern."""
    if text in _TRUSTED and not _RECORDING:
        return
    try:
        re.compile(text)
    except re.error as error:
        raise ValueError(f"invalid regex {text!r}: {error}") from None
    for checked in _RECORDING:
        checked.add(text)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Explanation(_Strict):
    nb: str = Field(min_length=1)
    nn: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Condition(_Strict):
    """A test on the surroundings of a match (or of the whole reply). Exactly one key is set.

    Regex keys look at: `sentence` the sentence of the match; `nearby` that sentence and the
    next one; `reply` the whole reply; `before`/`after` up to 40 characters on either side in
    the same sentence; `inside` the matched text itself; `context_matches` the citizen comment.
    `context` classifies that comment: "complaint" (complaint or distress), "calm" (present,
    not a complaint) or "present". `finding_in_sentence`/`finding_in_reply` test for other
    rules' findings. `any_of` holds when one of its conditions holds, `all_of` when all do.
    """

    sentence: str | None = None
    nearby: str | None = None
    reply: str | None = None
    before: str | None = None
    after: str | None = None
    inside: str | None = None
    context: Literal["complaint", "calm", "present"] | None = None
    context_matches: str | None = None
    finding_in_sentence: list[str] | None = None
    finding_in_reply: list[str] | None = None
    any_of: list[Condition] | None = None
    all_of: list[Condition] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        given = [k for k, v in self.__dict__.items() if v is not None]
        if len(given) != 1:
            raise ValueError(f"a condition needs exactly one key, got {given or 'none'}")
        for key in ("sentence", "nearby", "reply", "before", "after", "inside", "context_matches"):
            value = getattr(self, key)
            if value is not None:
                _check_regex(value)
        return self

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        text = (
            self.sentence or self.nearby or self.reply or self.before or self.after or self.inside
            or self.context_matches or ""
        )
        return re.compile(text, re.IGNORECASE)

    def referenced_rules(self) -> set[str]:
        found = set(self.finding_in_sentence or ()) | set(self.finding_in_reply or ())
        for inner in [*(self.any_of or ()), *(self.all_of or ())]:
            found |= inner.referenced_rules()
        return found


class Pattern(_Strict):
    """One way a rule can match. Exactly one of the three keys is set.

    * `regex`: searched in the original text (case-insensitive unless `case_sensitive`);
      used for multi-word phrases, punctuation and emoji.
    * `lemmas`: a token matches when its lemma (or its lower-cased form) is in the list;
      this is what makes "beklager", "beklaget" and "beklagelse" one entry.
    * `lemma_seq`: consecutive tokens whose lemmas match element by element; an element
      may list alternatives with "|" and "*" matches any single token.

    A regex group named `name`, `name2`, ... marks a person's name: the match is dropped when
    that name is one capitalised word opening a sentence that is an inflected common noun
    ("Ferja er suspendert"), since Norwegian capitalises every first word.

    `requires` holds conditions for this pattern alone (e.g. praise that is only sarcastic
    next to an eye-roll), on top of the rule's own.
    """

    regex: str | None = None
    lemmas: list[str] | None = None
    lemma_seq: list[str] | None = None
    case_sensitive: bool = False
    requires: list[Condition] = Field(default_factory=list)

    @model_validator(mode="after")
    def _exactly_one(self) -> Pattern:
        given = [k for k in ("regex", "lemmas", "lemma_seq") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("a pattern needs exactly one of regex, lemmas, lemma_seq")
        if self.regex is not None:
            _check_regex(self.regex)
        return self

    @property
    def flags(self) -> int:
        return 0 if self.case_sensitive else re.IGNORECASE

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.regex or "", self.flags)

    @cached_property
    def literals(self) -> frozenset[str] | None:
        """Lower-cased strings one of which every match contains (literals.py), or None."""
        return required_literals(self.regex, self.flags) if self.regex else None

    @cached_property
    def literal_heads(self) -> frozenset[str] | None:
        return heads(self.literals) if self.literals is not None else None

    @cached_property
    def plain_literals(self) -> frozenset[str] | None:
        """`literals` when each is what the regex compares character for character: then, in a
        reply whose lower-case form keeps its offsets (`AnalysedText.aligned`), none of them
        in the reply means no match."""
        found = self.literals
        return found if found is not None and all(folds_plainly(s) for s in found) else None

    @cached_property
    def literal_tests(self) -> tuple[tuple[str, frozenset[str]], ...] | None:
        """`plain_literals`, each with its three-letter pieces: a literal with a piece the reply
        lacks is not in it, and a set test says so without a scan of the reply."""
        found = self.plain_literals
        if found is None:
            return None
        return tuple((s, frozenset(s[i : i + 3] for i in range(len(s) - 2))) for s in sorted(found))

    @cached_property
    def starts(self) -> Starts | None:
        """Lower-cased strings one of which every match starts with (literals.py), or None."""
        found = leading_literals(self.regex, self.flags) if self.regex else None
        return Starts(found) if found is not None else None

    @cached_property
    def name_groups(self) -> tuple[str, ...]:
        return tuple(g for g in self.compiled.groupindex if g.startswith("name"))

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lemmas or ())

    @cached_property
    def seq_sets(self) -> tuple[frozenset[str] | None, ...]:
        """Each element as a set of accepted lemmas; None is the "*" wildcard."""
        return tuple(
            None if element == "*" else frozenset(a.lower() for a in element.split("|"))
            for element in self.lemma_seq or ()
        )


class Rule(_Strict):
    """One tone or privacy rule with its weight, severity, source and explanation."""

    id: str = Field(pattern=r"^[A-Z]\d\.[a-z0-9_]+$")
    rubric: str
    weight: int = Field(ge=-60, le=30)
    severity: Severity
    source: str = Field(min_length=2)
    explanation: Explanation
    patterns: list[Pattern] = Field(default_factory=list)
    detector: str | None = None
    params: dict[str, object] = Field(default_factory=dict)
    negation: Literal["ignore", "skip", "require"] = "ignore"
    requires: list[Condition] = Field(default_factory=list)
    unless: list[Condition] = Field(default_factory=list)
    cap: int | None = Field(default=None, ge=0, le=100)
    flag: Flag | None = Field(
        default=None,
        description="The labelled flag a finding of this rule predicts; every negative rule has one.",
    )

    @field_validator("rubric")
    @classmethod
    def _known_rubric(cls, value: str) -> str:
        if value not in RUBRIC_IDS:
            raise ValueError(f"unknown rubric id {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if not self.id.startswith(self.rubric + "."):
            raise ValueError(f"rule id {self.id!r} must start with its rubric id {self.rubric!r}")
        if bool(self.patterns) == bool(self.detector):
            raise ValueError("a rule needs either patterns or a detector (not both)")
        if self.detector is not None and self.detector not in DETECTORS:
            raise ValueError(f"unknown detector {self.detector!r}")
        if (self.weight > 0) != (self.severity == "info") and self.weight != 0:
            raise ValueError("positive rules have severity 'info'; negative rules a higher severity")
        if self.weight < 0 and self.flag is None:
            raise ValueError("a negative rule needs a flag (what a labelled reply would be flagged for)")
        if self.weight > 0 and self.flag is not None:
            raise ValueError("only negative rules predict a flag")
        return self

    @cached_property
    def reply_gates(self) -> tuple[re.Pattern[str], ...]:
        """The rule's own `reply` requirements: they do not depend on the match, so the engine
        tests them once before searching any pattern."""
        return tuple(c.compiled for c in self.requires if c.reply is not None)

    def referenced_rules(self) -> set[str]:
        found: set[str] = set()
        pattern_conditions = [c for p in self.patterns for c in p.requires]
        for condition in [*self.requires, *self.unless, *pattern_conditions]:
            found |= condition.referenced_rules()
        return found


class Lexicon(_Strict):
    """Word lists a language needs besides the rules themselves."""

    stopwords: list[str]
    negators: list[str]
    complaint: list[str] = Field(description="Regexes that mark a citizen comment as a complaint.")
    given_names: list[str] = Field(
        default_factory=list,
        description="First names the lemmatiser takes for inflected words (Ola, Ida): still names.",
    )

    @cached_property
    def complaint_re(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{c})" for c in self.complaint), re.IGNORECASE)


class KindName(_Strict):
    """What a kind of matter or person reference is called in an explanation."""

    nb: str = Field(min_length=1)
    nn: str = Field(min_length=1)
    en: str = Field(min_length=1)


class MatterKind(_Strict):
    """One kind of confidential matter (health, care services, benefits, ...).

    `terms` are words (`demens`), stems (`hjemmesykepleie*`) or phrases (`sagt opp`);
    `unless` are regexes that, anywhere in the clause, show the word means something else
    ("mistanke om gasslekkasje"); `persons`, if given, limits the reference kinds that make
    the matter identifying (a role such as "læreren" identifies in a personnel matter, not when
    a school service is explained); `asked` keeps everyday words ("kept in overnight", "bor hos
    besteforeldrene") to replies whose comment points at a particular person: alone they are
    too often about anyone.
    """

    name: KindName
    terms: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    persons: list[str] = Field(default_factory=list)
    asked: bool = False

    @model_validator(mode="after")
    def _valid(self) -> MatterKind:
        for regex in self.unless:
            _check_regex(regex)
        return self


class PersonKind(_Strict):
    """One way of pointing at a person (a name, kinship, an age with a place, ...).

    `patterns` are regexes; a group named `name` is checked to be a person's name rather than
    a place or a sentence-opening word. The kind `address` may have no patterns: it uses the
    street-address detector.
    """

    name: KindName
    patterns: list[str] = Field(default_factory=list)
    window: int | None = Field(default=None, ge=0, le=40, description="A tighter window for this kind.")

    @model_validator(mode="after")
    def _valid(self) -> PersonKind:
        for regex in self.patterns:
            _check_regex(regex)
        return self


class Confidentiality(_Strict):
    """Word lists of the confidentiality detector for one language (`confidential-<lang>.yaml`)."""

    language: Literal["nb", "en"]
    window: int = Field(ge=1, le=40, description="Most words between the matter and the person.")
    matters: dict[str, MatterKind]
    persons: dict[str, PersonKind]
    refusals: list[str] = Field(description="Regexes: the clause declines to discuss the matter.")
    general: list[str] = Field(description="Regexes: the clause is general or hypothetical.")
    clause_breaks: list[str] = Field(description="Regexes where a new clause starts (', men', ';').")
    institution_nouns: list[str] = Field(description="After a capitalised word: it names a place, not a person.")
    place_prepositions: list[str] = Field(description="Before a capitalised word: it names a place.")
    place_suffixes: list[str] = Field(default_factory=list, description="Endings of one-word place names.")
    not_names: list[str] = Field(description="Capitalised words that are never a person's name.")
    first_names: list[str] = Field(description="Names that count even when they open a sentence.")
    anaphors: list[str] = Field(default_factory=list, description=(
        "Regexes: a pronoun or definite noun ('gutten', 'the father') that points back at a person "
        "identified in the sentence before or in the citizen's comment."))
    affirmations: list[str] = Field(default_factory=list, description=(
        "Regexes: the reply opens by confirming the citizen's question ('Ja, dessverre', 'Yes')."))
    addressee: list[str] = Field(default_factory=list, description=(
        "Regexes: second-person words ('søknaden din', 'you') that identify the resident when the "
        "reply addresses them by name."))
    institution_suffixes: list[str] = Field(default_factory=list, description=(
        "Endings of capitalised words that name an office or body, not a person ('-avdelingen')."))
    signature_before: list[str] = Field(default_factory=list, description=(
        "Regexes matching just before a name that signs the reply ('Hilsen', '– ')."))
    asserted_openers: list[str] = Field(default_factory=list, description=(
        "Regexes: words that may open a clause before its subject ('Ja, ', 'Sadly ', 'men ')."))
    not_asserted: list[str] = Field(default_factory=list, description=(
        "Regexes: a clause whose subject is the person asked about but that asserts nothing "
        "about them: a modal or referral ('han kan ringe', 'she's welcome to'), thanks, praise."))

    @model_validator(mode="after")
    def _valid(self) -> Confidentiality:
        for regex in [*self.refusals, *self.general, *self.clause_breaks, *self.anaphors,
                      *self.affirmations, *self.addressee, *self.signature_before,
                      *self.asserted_openers, *self.not_asserted]:
            _check_regex(regex)
        for kind, matter in self.matters.items():
            unknown = set(matter.persons) - self.persons.keys() - {"addressee"}  # from `addressee`
            if unknown:
                raise ValueError(f"matters.{kind}.persons: unknown person kinds {sorted(unknown)}")
        return self


class RuleFile(_Strict):
    """One YAML file: rules for a language ("any" = language-independent)."""

    language: Literal["nb", "en", "any"]
    lexicon: Lexicon | None = None
    rules: list[Rule]

    @model_validator(mode="after")
    def _unique_ids(self) -> RuleFile:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} appears twice")
            seen.add(rule.id)
        return self


class Settings(_Strict):
    """Scoring constants and privacy allow-lists, kept in `settings.yaml` so they are visible."""

    baseline: int = Field(ge=0, le=100)
    severity_caps: dict[Severity, int] = Field(default_factory=dict)
    default_official_domain_suffixes: list[str]
    free_mail_domains: list[str]
    service_number_types: list[str]
    caps_acronyms: list[str]
    id_labels: list[str] = Field(description="Regexes that present a number as an ID number (fnr, SSN).")

"""The learned half of the tone analyser: logistic regressions over readable features, and
for privacy boosted trees beside its regression (trees.py), the two probabilities averaged.

The rules name what a reviewer already knows to look for; they miss what they were not written
against. So a small model reads the same reply as features a person can check (words, pieces
of words, word pairs, the rules that fired, the confidentiality detector's matter and person
parts; see features.py) and gives, per target, a probability: that the reply is bad, and that
it carries each labelled flag (privacy, defensive, ...). Its weights are a committed data file
(`model/tone-model.json`) written by `python -m scoring.tone.train`, so every number can be
reviewed and reproduced.

What the model changes, and how it says so:
* the score is a blend of the rules' score and the model's (`blend` in the model file);
  a visible "T2.learned_better" or "T2.learned_worse" finding (two rules, so the scorer
  never counts a lift and a drop as one) carries the difference and the words that moved it;
* a flag the model is confident about and no rule raised becomes a finding of its own
  ("P1.learned", "T2.learned_defensive", ...) whose span is the word that weighed most;
* the confidentiality detector's finding (a matter and a person it ties together; not the
  narrower rules for a stated status, a number or an address) can be overruled when the model
  finds a breach very unlikely (below the flag's `vetoes` level): the finding stays, with its
  span, as a note ("P1.overruled") that counts for nothing. Rules are written against the files they are shown,
  and their exceptions fit those files: on writers they had not seen, half the rules' false
  alarms were replies this model gave under 5 %, against one in a hundred of their true finds.
Nothing is hidden: every rule finding is shown, as a breach or as an overruled note.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from drill.i18n import catalogue
from scoring.tone import prepared_model
from scoring.tone.detectors import confidentiality_matcher
from scoring.tone.features import RELEASED_FEATURE, Features, Span, reply_features
from scoring.tone.models import Severity, ToneFinding
from scoring.tone.text import AnalysedText
from scoring.tone.trees import Forest

QUALITY = "bad"
PRIVACY = "privacy"
# Where a learned flag finding is filed in the rubric, and how severe it is.
FLAG_RUBRIC: dict[str, tuple[str, Severity]] = {
    "privacy": ("P1", "major"),
    "defensive": ("T2", "minor"),
    "dismissive": ("T2", "minor"),
    "sarcasm": ("T2", "minor"),
    "party_politics": ("T4", "minor"),
    "false_reassurance": ("K2", "minor"),
    "speculation": ("K2", "minor"),
    "casualties": ("K5", "major"),
    "case_processing": ("T3", "minor"),
}
SHOWN_WORDS = 3
# A blend that moves the score less than this is not worth a finding of its own.
SHOWN_DELTA = 3

RuleFact = tuple[str, str | None, int, Span]
# The rules the model may overrule: the confidentiality detector's, which ties any matter its
# lists hold to any person reference in the sentence, and so reads general replies as breaches
# (every one of the rules' false alarms on unseen replies that the model overruled was its). The
# narrower rules state the breach in their own pattern (a status, a health fact said of someone,
# an id number, a private phone or address, data repeated from the comment).
OVERRULABLE = frozenset({"P1.confidential"})
# Flags the model does not raise on a reply that carries the feature beside them. Rubric K5 lets
# the municipality repeat what the police or rescue service have released ("Politiet har opplyst
# at fire personer er savnet"), and the casualty rule stands down there; the model, which weighs
# "savnet" and "skadd" as words, must stand down too. Of the 118 development replies that repeat
# such a release, one carries the casualties label.
STANDS_DOWN = {"casualties": RELEASED_FEATURE}


@dataclass(frozen=True)
class Model:
    """The trained weights: one column per target, one row per known feature."""

    index: dict[str, int]
    targets: tuple[str, ...]
    weights: np.ndarray  # (features, targets)
    intercepts: np.ndarray  # (targets,)
    thresholds: dict[str, float]
    blend: float
    flag_weights: dict[str, int]
    vetoes: dict[str, float] = field(default_factory=dict)
    # The privacy model's second reader (trees.py), averaged with its regression.
    privacy_trees: Forest | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls.from_parts(data, *prepared_model.weight_rows(data))

    @classmethod
    def from_parts(cls, data: dict[str, Any], names: Sequence[str], weights: np.ndarray) -> Model:
        """The model from its fields (`data`, whose weights are not read) and its weights, a row
        per name: what the reviewed file and the prepared pair (prepared_model.py) both give."""
        targets = tuple(str(t) for t in data["targets"])
        intercepts: dict[str, float] = data["intercepts"]
        return cls(
            index={sys.intern(name): i for i, name in enumerate(names)},
            targets=targets,
            weights=weights,
            intercepts=np.array([intercepts[t] for t in targets], dtype=np.float64),
            thresholds={str(k): float(v) for k, v in data["thresholds"].items()},
            blend=float(data["blend"]),
            flag_weights={str(k): int(v) for k, v in data["flag_weights"].items()},
            vetoes={str(k): float(v) for k, v in data.get("vetoes", {}).items()},
            privacy_trees=Forest.from_trees(data["privacy_trees"]) if data.get("privacy_trees") else None,
        )

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The feature names by row: what a reply's rows (`probabilities`) stand for, read without
        a second look-up of every feature in the index."""
        names = [""] * len(self.index)
        for name, row in self.index.items():
            names[row] = name
        return tuple(names)

    def probabilities(self, features: Features) -> tuple[dict[str, float], list[int]]:
        """P(target) for every target, and the indices of the features the model knows.

        Looking the names up is most of the cost, and the index (tens of thousands of names)
        is rarely in the processor's cache: its names are interned, as are the word features'
        (features._word_features), so a found name is known by identity without reading the
        index's own copy of it."""
        known = self.index.get
        rows = [row for row in map(known, features.names) if row is not None]
        logits = self.intercepts + (self.weights[rows].sum(axis=0) if rows else 0.0)
        probabilities = {t: 1.0 / (1.0 + math.exp(-float(z))) for t, z in zip(self.targets, logits)}
        if self.privacy_trees is not None:
            ids = self._tree_ids[rows] if rows else np.empty(0, dtype=np.int64)
            trees = self.privacy_trees.probability_of(ids[ids >= 0])
            probabilities[PRIVACY] = (probabilities[PRIVACY] + trees) / 2
        return probabilities, rows

    @cached_property
    def _tree_ids(self) -> np.ndarray:
        """The privacy trees' id of each row's feature (-1: no tree splits on it)."""
        assert self.privacy_trees is not None
        return self.privacy_trees.ids_by_row(self.index)


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The committed model, or None when there is none yet (then the rules stand alone)."""
    text = prepared_model.committed_text()
    if text is None:
        return None
    prepared = prepared_model.load(text)
    if prepared is not None:
        return Model.from_parts(*prepared)
    return Model.from_json(json.loads(text))


@dataclass
class Raised:
    """One target the model speaks up about, with the features that weighed most for it."""

    target: str
    probability: float
    spans: list[Span]


@dataclass
class Verdict:
    score: float
    rule_score: int
    raised: list[Raised] = field(default_factory=list)
    flag_weights: dict[str, int] = field(default_factory=dict)

    def findings(self, text: str, explain: str) -> list[ToneFinding]:
        say = catalogue(explain)
        out = []
        for raised in self.raised:
            first = raised.spans[0] if raised.spans else (0, 0)
            words = ", ".join(say("tone_model.quoted", text=text[s:e]) for s, e in raised.spans)
            if raised.target == QUALITY:
                delta = round(self.score - self.rule_score)
                key = "tone_model.worse" if delta < 0 else "tone_model.better"
                out.append(ToneFinding(
                    rule="T2.learned_worse" if delta < 0 else "T2.learned_better", rubric="T2", span=first if raised.spans else (0, len(text)),
                    matched=text[first[0]:first[1]],
                    explanation=say(key + ("" if raised.spans else "_whole")) if not words else say(key, words=words),
                    severity="info", weight=delta, source="model", flag=None,
                ))
                continue
            rubric, severity = FLAG_RUBRIC[raised.target]
            out.append(ToneFinding(
                rule=f"{rubric}.learned" if raised.target == "privacy" else f"{rubric}.learned_{raised.target}",
                rubric=rubric, span=first if raised.spans else (0, len(text)), matched=text[first[0]:first[1]],
                explanation=say(f"tone_model.flag.{raised.target}", words=words or say("tone_model.whole"),
                                percent=round(100 * raised.probability)),
                severity=severity, weight=self.flag_weights.get(raised.target, -1), source="model",
                flag=raised.target,
            ))
        return out


@dataclass(frozen=True)
class Reading:
    """What the model makes of a reply the rules have read: its features and probabilities."""

    features: Features
    probabilities: dict[str, float]
    rows: list[int]


def read(text: AnalysedText, language: str, rules: Sequence[RuleFact], rule_score: int,
         context: str | None, model: Model) -> Reading:
    features = reply_features(text, language, rules, rule_score, confidentiality_matcher(language), context)
    probabilities, rows = model.probabilities(features)
    return Reading(features, probabilities, rows)


def overruled(model: Model, reading: Reading, rules: Sequence[RuleFact]) -> frozenset[str]:
    """The rule findings the model overrules: every finding that raises a flag whose veto the
    model holds, when all of them read sense (OVERRULABLE) and the model finds the flag very
    unlikely. One form rule (a phone number, say) keeps the breach, and with it every finding."""
    out: set[str] = set()
    for flag, level in model.vetoes.items():
        raising = raised_by(rules, flag)
        # Never above the model's own threshold: what it overrules it would not raise itself.
        if overrules(raising, reading.probabilities[flag], min(level, model.thresholds.get(flag, 1.0))):
            out |= raising
    return frozenset(out)


def raised_by(rules: Sequence[RuleFact], flag: str) -> set[str]:
    """The rules whose findings raise a flag (a negative weight)."""
    return {rule for rule, raised, weight, _ in rules if raised == flag and weight < 0}


def overrules(raising: set[str], probability: float, level: float) -> bool:
    """Whether the model, at `probability` for a flag the rules in `raising` raised, overrules them."""
    return bool(raising) and raising <= OVERRULABLE and probability < level


def overruled_finding(finding: ToneFinding, reading: Reading, explain: str) -> ToneFinding:
    """A rule finding the model overruled, kept where it was as a note that counts for nothing."""
    say = catalogue(explain)
    flag = finding.flag or "privacy"
    return ToneFinding(
        rule=f"{finding.rubric}.overruled", rubric=finding.rubric, span=finding.span, matched=finding.matched,
        explanation=say("tone_model.overruled", words=say("tone_model.quoted", text=finding.matched),
                        percent=round(100 * reading.probabilities[flag])),
        severity="info", weight=0, source="model", flag=None,
    )


def judge(reading: Reading | None, rules: Sequence[RuleFact], rule_score: int, model: Model | None) -> Verdict:
    """The model's verdict on a reply the rules have already read (None: the rules alone)."""
    if model is None or reading is None:
        return Verdict(float(rule_score), rule_score)
    features, probabilities, rows = reading.features, reading.probabilities, reading.rows
    score = (1 - model.blend) * rule_score + model.blend * 100 * (1 - probabilities[QUALITY])
    verdict = Verdict(score, rule_score, flag_weights=model.flag_weights)
    known: list[str] | None = None  # the features the model knows, in order: read only if it speaks up
    raised_flags = {flag for _, flag, weight, _ in rules if flag and weight < 0}
    for column, target in enumerate(model.targets):
        if target == QUALITY:
            if abs(score - rule_score) < SHOWN_DELTA:
                continue
            sign = 1.0 if score < rule_score else -1.0
        else:
            if target in raised_flags or probabilities[target] < model.thresholds[target]:
                continue
            if STANDS_DOWN.get(target) in features.spans:
                continue
            if target == "privacy" and features.answer_to_nobody and model.probabilities(
                    _without(features, features.answer_to_nobody))[0][target] < model.thresholds[target]:
                continue  # the opening yes raised it, answering what the citizen may do
            sign = 1.0
            verdict.score += model.flag_weights.get(target, 0)
        if known is None:
            known = [model.names[row] for row in rows]
        verdict.raised.append(Raised(target, probabilities[target],
                                     _strongest(features, known, (model.weights[rows, column] * sign).tolist())))
    return verdict


def _without(features: Features, names: frozenset[str]) -> Features:
    return Features({name: span for name, span in features.spans.items() if name not in names})


def _strongest(features: Features, known: list[str], weights: list[float]) -> list[Span]:
    """Spans of the features that pushed hardest towards the verdict, in reading order.
    `weights` are the known features' weights for the target (only those rows are read: the
    model has tens of thousands)."""
    # Only features that pushed towards the verdict can be shown: the walk below stops at the
    # first weight not above zero, so the rest (about half) need not be sorted.
    ranked = sorted([(weight, name) for weight, name in zip(weights, known) if weight > 0], reverse=True)
    spans: list[Span] = []
    for _weight, name in ranked:
        span = features.spans[name]
        if len(spans) >= SHOWN_WORDS:
            break
        if span == (0, 0) or any(s < span[1] and span[0] < e for s, e in spans):
            continue
        spans.append(span)
    return sorted(spans)

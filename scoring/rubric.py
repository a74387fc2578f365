"""The rubric (scoring/data/rubric.yaml) as typed data, and the thresholds a scenario ends up with.

The rules, their honest sources and their default thresholds live in YAML so a trainer can
read and discuss them without reading code; the scorer only looks them up here. A scenario's
`expectations` override the defaults, and the report says which value was used and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from ruamel.yaml import YAML

from drill.scenario.models import Scenario

Dimension = Literal["speed", "coverage", "tone", "moderation", "crisis", "archiving", "privacy"]
DIMENSIONS: tuple[Dimension, ...] = ("speed", "coverage", "tone", "moderation", "crisis", "archiving", "privacy")
Lang = Literal["nb", "nn", "en"]
LANGUAGES: tuple[Lang, ...] = ("nb", "nn", "en")
"""The report languages: every rubric text exists in each (a missing one is a load error)."""


def _in(texts: "_Frozen", lang: str) -> str:
    """The text of `lang` (nb, nn or en) from a model that has one field per language."""
    if lang not in LANGUAGES:
        raise ValueError(f"no rubric texts in language {lang!r} (have: {', '.join(LANGUAGES)})")
    return str(getattr(texts, lang))
Severity = Literal["info", "minor", "major", "critical"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "minor": 1, "major": 2, "critical": 3}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(_Frozen):
    nb: str
    nn: str
    en: str

    def __call__(self, lang: str) -> str:
        return _in(self, lang)


class RuleSpec(_Frozen):
    dimension: Dimension
    severity: Severity
    """The worst a shortcoming of this rule can be, set by the harm it does."""
    severity_reason: LocalText
    weight: float = Field(ge=0)
    source: LocalText
    nb: str
    nn: str
    en: str
    action: LocalText
    thresholds: dict[str, float] = Field(default_factory=dict)
    params: dict[str, float] = Field(default_factory=dict)
    """The rule's other policy numbers (partial credit, costs, shares)."""
    critical_when: list[str] = Field(default_factory=list)
    """Tone rule ids that make this rule's finding critical while an incident is active."""
    patterns: list[str] = Field(default_factory=list)

    def text(self, lang: str) -> str:
        return _in(self, lang)

    def param(self, name: str) -> float:
        """A policy number of this rule; a missing one is a rubric error, not a silent default."""
        return self.params[name]

    def capped(self, severity: Severity) -> Severity:
        """`severity`, but never above this rule's ceiling."""
        return severity if SEVERITY_RANK[severity] <= SEVERITY_RANK[self.severity] else self.severity


class DimensionSpec(_Frozen):
    weight: float = Field(ge=0)
    nb: str
    nn: str
    en: str

    def label(self, lang: str) -> str:
        return _in(self, lang)


class GradeSpec(_Frozen):
    min: float
    nb: tuple[str, str]
    nn: tuple[str, str]
    en: tuple[str, str]

    def words(self, lang: str) -> tuple[str, str]:
        """The grade's label and description in `lang`."""
        if lang not in LANGUAGES:
            raise ValueError(f"no rubric texts in language {lang!r}")
        words: tuple[str, str] = getattr(self, lang)
        return words


class Verdicts(_Frozen):
    strength_from: float
    improvement_below: float


class SeverityBand(_Frozen):
    min: float
    severity: Severity


class CriticalCaps(_Frozen):
    dimension: float = Field(ge=0, le=100)
    total: float = Field(ge=0, le=100)


class EarlyEnd(_Frozen):
    unplayed_time_weight: float = Field(ge=0, le=1)


class ToneSummary(_Frozen):
    good_from: float
    weak_below: float


class PolicyTexts(_Frozen):
    capped: LocalText
    """The grade's note when a critical finding caps it; {finding} is the finding's title."""
    played: LocalText
    """The grade's note when a drill was ended early; {played}, {planned}, {share}."""


class Policy(_Frozen):
    """How rule scores become verdicts and severities, and what a critical shortcoming caps."""

    verdicts: Verdicts
    severity_from_score: list[SeverityBand]
    critical_caps: CriticalCaps
    early_end: EarlyEnd
    strength_min_points: float
    tone_summary: ToneSummary
    texts: PolicyTexts

    def severity_for(self, score: float) -> Severity:
        for band in sorted(self.severity_from_score, key=lambda b: -b.min):
            if score >= band.min:
                return band.severity
        return "critical"


class Rubric(_Frozen):
    dimensions: dict[Dimension, DimensionSpec]
    grades: list[GradeSpec]
    policy: Policy
    rules: dict[str, RuleSpec]

    def rule(self, rule_id: str) -> RuleSpec:
        return self.rules[rule_id]

    def compiled(self, rule_id: str) -> list[re.Pattern[str]]:
        return _compiled(tuple(self.rules[rule_id].patterns))


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns]


@lru_cache(maxsize=1)
def load_rubric() -> Rubric:
    """The shipped rubric; parsed once per process (it is immutable)."""
    text = resources.files("scoring").joinpath("data/rubric.yaml").read_text(encoding="utf-8")
    return Rubric.model_validate(YAML(typ="safe").load(text))


@dataclass(frozen=True)
class Thresholds:
    """The time targets in force for one scenario, in simulated seconds.

    `origin` says for each target whether it came from the scenario or the rubric default, so
    a report can tell the team "target 15 min (scenario)" versus "(rubric default, GP)".
    """

    incident_active: bool
    reply_within: float
    reply_in_office_time: bool
    acknowledge_within: float
    max_wait: float
    first_post_within: float
    first_post_at_most: float
    update_every: float
    correction_within: float
    parallel_window: float
    peak_window: float
    peak_min_items: int
    removal_within: float
    origin: dict[str, Literal["scenario", "rubric"]]


def thresholds_for(scenario: Scenario, rubric: Rubric | None = None) -> Thresholds:
    rubric = rubric or load_rubric()
    exp = scenario.expectations
    active = scenario.incident_active
    origin: dict[str, Literal["scenario", "rubric"]] = {}

    def pick(name: str, override: float | None, default: float) -> float:
        origin[name] = "scenario" if override is not None else "rubric"
        return float(override) if override is not None else float(default)

    s1 = rubric.rule("S1").thresholds
    reply_default = s1["reply_within_incident"] if active else s1["reply_within_normal"]
    reply_within = pick("reply_within", exp.reply_within, reply_default)
    k2 = rubric.rule("K2").thresholds
    first_within = pick("first_post_within", exp.first_official_post_within, k2["first_post_within"])
    return Thresholds(
        incident_active=active,
        reply_within=reply_within,
        reply_in_office_time=not active,
        acknowledge_within=pick("acknowledge_within", exp.acknowledge_within, reply_within),
        max_wait=rubric.rule("S2").thresholds["max_wait"],
        first_post_within=first_within,
        first_post_at_most=max(first_within, k2["first_post_at_most"]),
        update_every=pick("update_every", exp.update_every, rubric.rule("K3").thresholds["update_every"]),
        correction_within=pick("correction_within", exp.correction_within,
                               rubric.rule("K6").thresholds["correction_within"]),
        parallel_window=rubric.rule("C2").thresholds["parallel_window"],
        peak_window=rubric.rule("S5").thresholds["peak_window"],
        peak_min_items=int(rubric.rule("S5").thresholds["peak_min_items"]),
        removal_within=rubric.rule("P3").thresholds["removal_within"],
        origin=origin,
    )

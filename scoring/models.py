"""What `score()` returns: dimension scores, findings that explain them, and the measurements.

Plain pydantic models so the app, the CLI and the report renderers share one shape, and the
JSON report (`drill report --format json`) is this shape dumped as-is, documented by the
committed JSON Schema (docs/report-schema.json).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from scoring.rubric import SEVERITY_RANK, Dimension, Severity, load_rubric

__all__ = ["SEVERITY_RANK", "Severity", "Verdict"]

Verdict = Literal["strength", "improvement", "note"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ItemRef(_Model):
    """An item (or a team reply/post) a finding is about, with enough text to recognise it."""

    id: str
    at: str = Field(description="Clock time in the scenario's time zone, e.g. 11:04.")
    t: float = Field(description="Simulated seconds since the drill started.")
    quote: str = Field(description="The text, shortened to at most 90 characters.")
    kind: str = Field(default="", description="Ground-truth kind of a citizen item, or reply/post.")


class Finding(_Model):
    rule: str = Field(description="Rubric rule id, e.g. S1, M2, K6.")
    dimension: Dimension
    title: str = Field(description="The rule in one line, in the report language.")
    verdict: Verdict
    severity: Severity = Field(description="How grave a shortcoming is: from the rule's score, never above the "
                                           "ceiling the rubric sets for the rule by the harm it does.")
    severity_reason: str = Field(default="", description="Why the rule's ceiling is what it is (report language).")
    points: float = Field(description="Effect on the dimension score: + for strengths, − for shortcomings.")
    what: str = Field(description="What happened, with exact numbers.")
    recommendation: str = Field(description="What the rubric recommends (the rule's text).")
    action: str = Field(description="A concrete corrective action (empty for strengths).")
    source: str = Field(description="Honest source tag of the rule, e.g. 'KS s. 15' or 'GP'.")
    items: list[ItemRef] = Field(default_factory=list)
    rule_score: float | None = Field(default=None, description="The rule's own score 0–100, when it is scored.")
    metrics: dict[str, float] = Field(default_factory=dict, description="The numbers behind `what`.")


class DimensionScore(_Model):
    dimension: Dimension
    label: str
    score: float | None = Field(description="0–100, or null when nothing in the drill could be judged.")
    uncapped: float | None = Field(default=None, description="The score before a critical finding capped it "
                                                             "(null when no cap applied).")
    weight: float = Field(description="Weight in the total (rubric default or the scenario's override).")
    summary: str
    findings: list[Finding]


class Grade(_Model):
    label: str
    description: str = Field(description="The band's description, then what capped it and how much was played.")
    min: float
    capped_by: str | None = Field(default=None, description="Rule id of the worst finding when it is critical; "
                                                            "the description names it.")


class PlayedTime(_Model):
    """How much of the planned drill was played: an early end is scored as what it is."""

    planned_s: float = Field(description="The scenario's planned duration, simulated seconds.")
    played_s: float = Field(description="Simulated seconds played before the drill ended (or the session stopped).")
    share: float = Field(description="played_s / planned_s, 0–1.")
    ended_early: bool
    end_reason: str | None = Field(description="time_up, ended_by_team, ended_by_trainer, or null if never ended.")
    unplayed: dict[str, int] = Field(default_factory=dict, description="What the scenario planned for the unplayed "
                                                                         "time, counted as not done (needs_reply, "
                                                                         "false_claims, archive_worthy, ...).")


class ResponseTime(_Model):
    """One item that needed a reply: when it came, when the team first responded, the target."""

    item_id: str
    kind: str
    t: float
    at: str
    responded_after: float | None = Field(description="Seconds (simulated, or office time outside an incident); null: never.")
    target: float
    within_target: bool
    credit: float = Field(default=0.0, description="S1 credit 0–100: full within the target, then falling on the "
                                                   "rubric's curve (same working day, or a few times the target in "
                                                   "an incident).")
    by_acknowledgement: bool = False


class RumourReach(_Model):
    """A rumour's reach and, when the spread model provided it, what the correction changed."""

    item_id: str
    quote: str
    t: float
    reached: int
    corrected_at: float | None
    corrected_at_clock: str | None
    without_correction: int | None = None
    with_earlier_correction: int | None = None
    earlier_by: float | None = None

    @property
    def prevented(self) -> int | None:
        if self.without_correction is None:
            return None
        return max(0, self.without_correction - self.reached)


class ScoreReport(_Model):
    """The whole verdict on one drill session."""

    scenario_id: str
    scenario_title: str
    language: Literal["nb", "nn", "en"]
    total: float | None = Field(description="Weighted mean of the scored dimensions, 0–100, after caps.")
    uncapped_total: float | None = Field(default=None, description="The weighted mean of the dimensions before the "
                                                                   "early-end share and the critical-finding cap "
                                                                   "(null when neither applied).")
    grade: Grade | None
    dimensions: list[DimensionScore]
    response_times: list[ResponseTime]
    rumours: list[RumourReach]
    thresholds: dict[str, float] = Field(description="Targets in force (seconds), after scenario overrides.")
    threshold_origin: dict[str, str]
    incident_active: bool
    played: PlayedTime | None = None

    def dimension(self, name: str) -> DimensionScore:
        return next(d for d in self.dimensions if d.dimension == name)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.dimensions for f in d.findings]

    def impact(self, finding: Finding) -> float:
        """A finding's points as they weigh in the total (its dimension's share of the weights)."""
        weights = {d.dimension: d.weight for d in self.dimensions if d.score is not None}
        total = sum(weights.values())
        return finding.points * weights.get(finding.dimension, 0.0) / total if total else 0.0

    def top_findings(self, n: int = 5, verdict: Verdict | None = "improvement") -> list[Finding]:
        """The findings that matter most: most severe first, then the most points at stake in the total."""
        chosen = [f for f in self.findings if verdict is None or f.verdict == verdict]
        chosen.sort(key=lambda f: (-SEVERITY_RANK[f.severity], -abs(self.impact(f)), f.rule))
        return chosen[:n]

    def strengths(self, n: int = 5) -> list[Finding]:
        """What went well, best first; strengths worth less than two points are left out."""
        least = load_rubric().policy.strength_min_points
        chosen = [f for f in self.findings if f.verdict == "strength" and f.points >= least]
        chosen.sort(key=lambda f: (-f.points, f.rule))
        return chosen[:n]

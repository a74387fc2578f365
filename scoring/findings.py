"""From a rule's measurement to a `Finding`, and from findings to a dimension score.

Each dimension scorer measures rules and returns `RuleResult`s. The dimension score is the
weighted mean of the scored rules' scores (0–100); a finding's points are its share of that
mean measured from the midpoint, so "dimension score = 50 + the sum of its findings' points"
holds exactly and a trainer can see where every point came from.

Severity follows the rule's score, but never rises above the ceiling the rubric sets for the
rule by the harm it does. A critical shortcoming caps its dimension (rubric `policy`); the
points the cap takes off are booked on that finding, so the sum above still holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from scoring.context import ScoringContext
from scoring.models import SEVERITY_RANK, DimensionScore, Finding, ItemRef, Severity, Verdict
from scoring.rubric import Dimension, Rubric


@dataclass
class RuleResult:
    rule: str
    what: str
    score: float | None = None
    """0–100 when the rule is scored; None for a note that does not move the score."""
    items: list[ItemRef] = field(default_factory=list)
    severity: Severity | None = None
    """Severity of a shortcoming; derived from the score when not given."""
    metrics: Mapping[str, float] = field(default_factory=dict)
    verdict: Verdict | None = None
    points: float | None = None
    """Set only by dimensions that are not a weighted mean of rule scores (tone)."""
    weight: float | None = None
    """Overrides the rubric weight (e.g. 0 when a rule is measured but not applicable)."""


@dataclass
class DimensionResult:
    dimension: Dimension
    results: list[RuleResult]
    summary: str
    score: float | None = None
    """Only for dimensions whose score is not the weighted mean of their rules (tone)."""


def _verdict_for(score: float, rubric: Rubric) -> Verdict:
    verdicts = rubric.policy.verdicts
    if score >= verdicts.strength_from:
        return "strength"
    if score < verdicts.improvement_below:
        return "improvement"
    return "note"


def _weighted(results: list[RuleResult], rubric: Rubric) -> list[tuple[RuleResult, float]]:
    """The scored rules that count, with their weights (the rule's own, else the rubric's)."""
    scored = [(r, r.weight if r.weight is not None else rubric.rule(r.rule).weight)
              for r in results if r.score is not None]
    return [(r, w) for r, w in scored if w > 0]


def weighted_mean(results: list[RuleResult], rubric: Rubric) -> float | None:
    """What a dimension made of `results` scores (None: no rule that counts)."""
    scored = _weighted(results, rubric)
    total_weight = sum(w for _, w in scored)
    return sum(w * float(r.score or 0.0) for r, w in scored) / total_weight if total_weight else None


def build_dimension(ctx: ScoringContext, result: DimensionResult, weight: float) -> DimensionScore:
    rubric = ctx.rubric
    scored = _weighted(result.results, rubric)
    total_weight = sum(w for _, w in scored)
    shares = {id(r): w / total_weight for r, w in scored} if total_weight else {}
    score = result.score
    if score is None:
        score = weighted_mean(result.results, rubric)
    findings = []
    for r in result.results:
        spec = rubric.rule(r.rule)
        share = shares.get(id(r))
        if r.points is not None:
            points = r.points
        elif share is not None and r.score is not None:
            points = share * (r.score - 50.0)
        else:
            points = 0.0
        if r.verdict is not None:
            verdict = r.verdict
        elif r.score is not None:
            verdict = _verdict_for(r.score, rubric)
        else:
            verdict = "note"
        severity: Severity = r.severity or (rubric.policy.severity_for(r.score) if r.score is not None else "info")
        severity = "info" if verdict == "strength" else spec.capped(severity)
        findings.append(Finding(
            rule=r.rule, dimension=result.dimension, title=spec.text(ctx.lang), verdict=verdict, severity=severity,
            severity_reason=spec.severity_reason(ctx.lang) if verdict != "strength" else "",
            points=points, what=r.what, recommendation=spec.text(ctx.lang),
            action=spec.action(ctx.lang) if verdict != "strength" else "", source=spec.source(ctx.lang),
            items=r.items, rule_score=None if r.score is None else round(r.score, 1), metrics=dict(r.metrics),
        ))
    uncapped = None if score is None else max(0.0, min(100.0, score))
    final = uncapped
    critical = [f for f in findings if f.verdict == "improvement" and f.severity == "critical"]
    cap = rubric.policy.critical_caps.dimension
    if uncapped is not None and critical and uncapped > cap:
        final = cap
        # The cap's cut is booked on the worst critical finding, so 50 + points still adds up.
        worst = max(critical, key=lambda f: (SEVERITY_RANK[f.severity], -f.points))
        index = findings.index(worst)
        findings[index] = worst.model_copy(update={"points": worst.points - (uncapped - cap)})
    findings = [f.model_copy(update={"points": round(f.points, 1)}) for f in findings]
    return DimensionScore(
        dimension=result.dimension, label=rubric.dimensions[result.dimension].label(ctx.lang),
        score=None if final is None else round(final, 1), weight=weight,
        uncapped=round(uncapped, 1) if final != uncapped and uncapped is not None else None,
        summary=result.summary, findings=findings,
    )

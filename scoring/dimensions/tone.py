"""Tone and form (T1–T5): the tone analyser's verdict on every public text of the team.

The dimension score is the mean analyser score (0–100) over all public replies and official
posts. Findings group the analyser's rule hits by rubric rule; a finding's points are the
average points that rule added or took per text, so the sum shows what moved the mean away
from the analyser's neutral baseline (caps for severe hits aside).
"""

from __future__ import annotations

from collections import defaultdict

from scoring.context import ScoringContext, TeamText
from scoring.findings import DimensionResult, RuleResult
from scoring.models import SEVERITY_RANK, Severity, Verdict
from scoring.texts import quoted, say, say_n, share

TONE_RUBRIC = ("T1", "T2", "T3", "T4", "T5")


def score_tone(ctx: ScoringContext) -> DimensionResult:
    lang = ctx.lang
    texts = ctx.team_texts
    if not texts:
        return DimensionResult("tone", [RuleResult("T2", say(lang, "findings.tone.no_texts"))],
                               say(lang, "findings.tone.summary_none"))
    mean = sum(t.tone.score for t in texts) / len(texts)
    results = [r for rubric_id in TONE_RUBRIC if (r := _rubric_finding(ctx, rubric_id, texts))]
    bands = ctx.rubric.policy.tone_summary
    good_from, weak_below = f"{bands.good_from:g}", f"{bands.weak_below:g}"
    good = sum(1 for t in texts if t.tone.score >= bands.good_from)
    poor = sum(1 for t in texts if t.tone.score < bands.weak_below)
    summary = say_n(lang, "findings.tone.summary", len(texts), mean=f"{mean:.0f}", good=good, poor=poor,
                    good_from=good_from, weak_below=weak_below)
    return DimensionResult("tone", results, summary, score=mean)


def _rubric_finding(ctx: ScoringContext, rubric_id: str, texts: list[TeamText]) -> RuleResult | None:
    lang = ctx.lang
    hits: dict[str, list[TeamText]] = defaultdict(list)
    weights: dict[str, float] = {}
    explanations: dict[str, str] = {}
    matched: dict[str, str] = {}
    severities: dict[str, Severity] = {}
    for text, finding in ctx.tone_hits.get(rubric_id, []):
        if not hits[finding.rule] or hits[finding.rule][-1] is not text:
            hits[finding.rule].append(text)
        weights[finding.rule] = finding.weight
        explanations[finding.rule] = finding.explanation
        severities[finding.rule] = finding.severity
        if finding.matched and finding.rule not in matched:
            matched[finding.rule] = finding.matched
    if not hits:
        return None
    negatives = sorted((r for r in hits if weights[r] < 0), key=lambda r: weights[r] * len(hits[r]))
    positives = sorted((r for r in hits if weights[r] > 0), key=lambda r: -weights[r] * len(hits[r]))
    points = sum(weights[r] * len(hits[r]) for r in hits) / len(texts)
    sentences = []
    for rule in negatives + positives:
        example = f" ({quoted(matched[rule], lang)})" if rule in matched else ""
        sentences.append(say_n(lang, "findings.tone.rule", len(texts), share=share(len(hits[rule]), len(texts), lang),
                               explanation=explanations[rule].rstrip("."), example=example))
    worst = negatives[0] if negatives else None
    verdict: Verdict = "improvement" if worst and points < 0 else ("strength" if points > 0 else "note")
    severity = max((severities[r] for r in negatives), key=SEVERITY_RANK.__getitem__, default=None)
    examples = [ctx.text_ref(t) for t in (hits[worst] if worst else hits[positives[0]])[:5]]
    return RuleResult(rubric_id, " ".join(sentences), items=examples, severity=severity,
                      verdict=verdict, points=points,
                      metrics={f"{r}.texts": len(hits[r]) for r in hits} | {"texts": len(texts)})

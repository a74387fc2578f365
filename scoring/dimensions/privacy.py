"""Privacy (P1–P3): personal data in the team's public texts, client status confirmed, and
citizens' posts exposing other people's data left on the page.

P1 and P2 come from the tone analyser's privacy findings on each public reply (it is given
the answered comment, so data repeated from it is caught). P3 compares the page with the
ground truth: items labelled as carrying personal data must be hidden or deleted in time.
"""

from __future__ import annotations

from scoring.context import ScoringContext, TeamText
from scoring.findings import DimensionResult, RuleResult
from scoring.models import Severity, Verdict
from scoring.planned import unplayed_for
from scoring.texts import duration, quoted, say, say_n, share


def _costs(ctx: ScoringContext, rubric_id: str) -> dict[str, float]:
    """Points off per text by the analyser finding's severity (rubric params): one breach of
    confidentiality is serious on its own; a street name that may be a public place is a reminder."""
    spec = ctx.rubric.rule(rubric_id)
    return {"critical": spec.param("cost_critical"), "major": spec.param("cost_major"),
            "minor": spec.param("cost_minor"), "info": 0.0}


def score_privacy(ctx: ScoringContext) -> DimensionResult:
    lang = ctx.lang
    results = [_from_tone(ctx, "P1"), _from_tone(ctx, "P2")]
    p3 = _p3(ctx)
    if p3:
        results.append(p3)
    breaches = sum(int(r.metrics.get("texts_flagged", 0)) for r in results[:2])
    summary = say_n(lang, "findings.privacy.summary", breaches)
    return DimensionResult("privacy", results, summary)


def _from_tone(ctx: ScoringContext, rubric_id: str) -> RuleResult:
    lang = ctx.lang
    texts = ctx.team_texts
    _COST = _costs(ctx, rubric_id)
    flagged: list[tuple[TeamText, Severity, str, str]] = []
    negative = ctx.texts_with(rubric_id, negative=True)
    for text in texts:
        hits = negative.get(text.id)
        if hits:
            top = max(hits, key=lambda f: _COST[f.severity])
            flagged.append((text, top.severity, top.matched, top.explanation))
    if not texts:
        return RuleResult(rubric_id, say(lang, "findings.privacy.no_texts"))
    if not flagged:
        what = (say_n(lang, "findings.privacy.p1_clean", len(texts)) if rubric_id == "P1" else
                say(lang, "findings.privacy.p2_clean"))
        return RuleResult(rubric_id, what, score=100.0, metrics={"texts_flagged": 0, "texts": len(texts)})
    cost = sum(_COST[sev] for _, sev, _, _ in flagged)
    text, severity, matched, explanation = flagged[0]
    example = f" {quoted(matched, lang)}" if matched else ""
    what = say_n(lang, "findings.privacy.flagged", len(texts), share=share(len(flagged), len(texts), lang),
                 at=ctx.clock.label(text.t), example=example, explanation=explanation)
    worst = max((sev for _, sev, _, _ in flagged), key=lambda s: _COST[s])
    # Any flagged text is at least worth a look, however small its cost in points.
    verdict: Verdict = "note" if worst == "minor" else "improvement"
    return RuleResult(rubric_id, what, score=max(0.0, 100.0 - cost), severity=worst,
                      verdict=verdict,
                      items=[ctx.text_ref(t) for t, *_ in flagged[:6]],
                      metrics={"texts_flagged": len(flagged), "texts": len(texts)})


def _p3(ctx: ScoringContext) -> RuleResult | None:
    lang, within = ctx.lang, ctx.thresholds.removal_within
    exposing = [i for i in ctx.items if i.is_comment and i.labels.to_hide_for_privacy]
    unplayed = unplayed_for(ctx).personal_data
    if not exposing and not unplayed:
        return None
    total = len(exposing) + unplayed
    in_time = [i for i in exposing if i.removed_at is not None and i.removed_at - i.t <= within]
    late = [i for i in exposing if i.removed_at is not None and i.removed_at - i.t > within]
    left = [i for i in exposing if i.visibility == "visible"]
    score = 100.0 * (len(in_time) + ctx.rubric.rule("P3").param("late_credit") * len(late)) / total
    what = say_n(lang, "findings.privacy.p3", total, share=share(len(in_time), total, lang),
                 within=duration(within, lang), left=len(left))
    if unplayed:
        what += say(lang, "findings.privacy.p3_unplayed", n=unplayed)
    return RuleResult("P3", what, score=score, severity="critical" if left else None,
                      verdict="improvement" if left else None,
                      items=[ctx.ref(i) for i in left + late],
                      metrics={"exposing": total, "removed_in_time": len(in_time), "left_visible": len(left)}
                      | ({"unplayed": unplayed} if unplayed else {}))

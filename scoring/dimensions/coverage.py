"""Coverage and routines (C1–C3): was everyone answered, by one person on duty, and were
factual errors corrected and praise acknowledged?

A drill ended early counts what the scenario planned for the unplayed time as not done: the
inquiries as unanswered, the false claims as uncorrected, the praise as unacknowledged.
"""

from __future__ import annotations

from drill.account import is_handled
from drill.scenario.models import ItemKind
from scoring.context import ScoringContext
from scoring.dimensions.speed import needs_reply_items
from scoring.findings import DimensionResult, RuleResult
from scoring.planned import unplayed_for
from scoring.texts import duration, quote, quoted, say, say_n, share

_ACTORS_NOT_TEAM = {"system", "trainer"}


def score_coverage(ctx: ScoringContext) -> DimensionResult:
    results = [_c1(ctx)]
    c2 = _c2(ctx)
    if c2:
        results.append(c2)
    c3 = _c3(ctx)
    if c3:
        results.append(c3)
    c1 = results[0]
    summary = c1.what.split(".")[0] + "." if c1.score is not None else c1.what
    unplayed = int(c1.metrics.get("unplayed", 0))
    if unplayed:  # the debrief shows speed (played only) beside this count: say it holds the planned ones too
        summary += say(ctx.lang, "findings.coverage.c1_unplayed", n=unplayed)
    return DimensionResult("coverage", results, summary)


def _c1(ctx: ScoringContext) -> RuleResult:
    lang = ctx.lang
    items = needs_reply_items(ctx)
    unplayed = unplayed_for(ctx)
    total = len(items) + unplayed.needs_reply
    if not total:
        return RuleResult("C1", say(lang, "findings.coverage.c1_none"))
    # Credit only for what addresses the inquiry (scoring/answers.py), not for any text under it.
    answered = [i for i in items if ctx.addressed_at(i) is not None]
    negative = [i for i in items if i.labels.kind == ItemKind.complaint]
    negative_answered = [i for i in negative if ctx.addressed_at(i) is not None]
    missed = [i for i in items if ctx.addressed_at(i) is None]
    unaddressed = [i for i in missed if ctx.response_at(i) is not None]
    negatives = len(negative) + unplayed.complaints
    what = say_n(lang, "findings.coverage.c1", total, share=share(len(answered), total, lang))
    if unplayed.needs_reply:
        what += say(lang, "findings.coverage.c1_unplayed", n=unplayed.needs_reply)
    if negatives:
        what += say(lang, "findings.coverage.c1_complaints", share=share(len(negative_answered), negatives, lang))
    if unaddressed:
        what += say(lang, "findings.coverage.c1_unaddressed", n=len(unaddressed))
    # A standard answer that answers every comment it stands under is answering, not pasting;
    # the text named is one that left some of them unanswered (it is what a team should change).
    pasted = sorted((p for p in ctx.pasted if p.addressed < len(p.item_ids)), key=lambda p: -len(p.item_ids))
    if pasted:
        top = pasted[0]
        what += say(lang, "findings.coverage.c1_pasted", n=len(top.item_ids), quote=quoted(quote(top.text, 70), lang))
    silenced = [i for i in missed if i.visibility == "deleted"]
    if silenced:
        what += say(lang, "findings.coverage.c1_silenced", n=len(silenced))
    # Unanswered criticism first: KS p.15 stresses the negative ones.
    missed.sort(key=lambda i: (i.labels.kind != ItemKind.complaint, i.t))
    return RuleResult("C1", what, score=100.0 * len(answered) / total, items=[ctx.ref(i) for i in missed[:8]],
                      metrics={"answered": len(answered), "total": total, "complaints": negatives,
                               "complaints_answered": len(negative_answered)} | _unplayed_metric(unplayed.needs_reply)
                      | ({"not_addressed": len(unaddressed)} if unaddressed else {})
                      | ({"pasted_under": len(pasted[0].item_ids)} if pasted else {}))


def _unplayed_metric(n: int) -> dict[str, float]:
    """The count of planned-but-unplayed items, only when there were any (full drills keep their metrics)."""
    return {"unplayed": n} if n else {}


def _c2(ctx: ScoringContext) -> RuleResult | None:
    """One person on duty: actions by others, and two members answering one thread at once."""
    lang, window = ctx.lang, ctx.thresholds.parallel_window
    if not ctx.has_duty_roster:
        return None
    actions = [(r.t, r.author, r.item_id, r.reply_id) for r in ctx.state.replies.values()
               if r.author not in _ACTORS_NOT_TEAM]
    posts = [(p.t, p.author) for p in ctx.state.official_posts if p.author not in _ACTORS_NOT_TEAM]
    total = len(actions) + len(posts)
    if not total:
        return None
    off_duty = [a for a in actions if a[1] != ctx.on_duty_at(a[0])]
    off_posts = [p for p in posts if p[1] != ctx.on_duty_at(p[0])]
    parallel = []
    by_thread: dict[str, list[tuple[float, str, str]]] = {}
    for t, author, item_id, reply_id in sorted(actions):
        thread = ctx.state.items[item_id].thread_id
        for prev_t, prev_author, _ in by_thread.get(thread, []):
            if prev_author != author and t - prev_t <= window:
                parallel.append(item_id)
                break
        by_thread.setdefault(thread, []).append((t, author, reply_id))
    members = sorted({a[1] for a in actions} | {p[1] for p in posts})
    bad = len(off_duty) + len(off_posts) + len(parallel)
    what = say_n(lang, "findings.coverage.c2", len(members), members=len(members),
                 share=share(total - len(off_duty) - len(off_posts), total, lang))
    if parallel:
        what += say_n(lang, "findings.coverage.c2_parallel", len(parallel), window=duration(window, lang))
    items = [ctx.ref(ctx.state.items[a[2]]) for a in off_duty[:5]]
    items += [ctx.ref(ctx.state.items[i]) for i in parallel[:5]]
    return RuleResult("C2", what, score=max(0.0, 100.0 * (1 - bad / total)), items=items,
                      metrics={"actions": total, "off_duty": len(off_duty) + len(off_posts),
                               "parallel": len(parallel), "members": len(members)})


def _c3(ctx: ScoringContext) -> RuleResult | None:
    """Factual errors corrected and positive mentions acknowledged (like or reply)."""
    lang = ctx.lang
    claims = [i for i in ctx.items if i.is_comment and i.labels.false_claim and not ctx.removed_justly(i)]
    praise = [i for i in ctx.items if i.is_comment and i.labels.kind == ItemKind.praise]
    unplayed = unplayed_for(ctx)
    n_claims, n_praise = len(claims) + unplayed.false_claims, len(praise) + unplayed.praise
    if not n_claims and not n_praise:
        return None
    corrected = [i for i in claims if ctx.addressed_at(i) is not None]
    thanked = [i for i in praise if is_handled(i)]
    parts, scores = [], []
    if n_claims:
        scores.append(len(corrected) / n_claims)
        parts.append(say_n(lang, "findings.coverage.c3_claims", n_claims, share=share(len(corrected), n_claims, lang)))
    if n_praise:
        scores.append(len(thanked) / n_praise)
        parts.append(say_n(lang, "findings.coverage.c3_praise", n_praise, share=share(len(thanked), n_praise, lang)))
    if unplayed.false_claims or unplayed.praise:
        parts.append(say(lang, "findings.coverage.c3_unplayed", n=unplayed.false_claims + unplayed.praise))
    done = {i.item_id for i in corrected} | {i.item_id for i in thanked}
    missed = [i for i in claims + praise if i.item_id not in done]
    return RuleResult("C3", " ".join(parts), score=100.0 * sum(scores) / len(scores),
                      items=[ctx.ref(i) for i in missed[:8]],
                      metrics={"false_claims": n_claims, "corrected": len(corrected), "praise": n_praise,
                               "praise_acknowledged": len(thanked)})

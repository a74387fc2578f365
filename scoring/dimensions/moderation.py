"""Moderation (M1–M4): the team's hides and deletions against the ground truth.

The comparison is a confusion matrix of "removed" against `labels.deletion_justified`.
Wrongly removing legitimate criticism is the worst outcome (KS p.15: it feels like
censorship), so it weighs most and is quoted item by item; missing an attack, a named third
person, personal data or illegal content comes next.
"""

from __future__ import annotations

from drill.scenario.models import DeletionReason, ItemKind
from drill.state import ItemView
from scoring.context import Removal, ScoringContext
from scoring.findings import DimensionResult, RuleResult
from scoring.planned import SERIOUS_KINDS as _SERIOUS
from scoring.planned import unplayed_for
from scoring.texts import say, say_n, share


def _wrongful_cost(ctx: ScoringContext, action: str, criticism: bool) -> float:
    """Points off M2 per wrongful removal (rubric M2 params): deleting criticism costs most; hiding is gentler."""
    verb = "delete" if action == "deleted" else "hide"
    return ctx.rubric.rule("M2").param(f"{verb}_{'criticism' if criticism else 'other'}")

# Reasons that may stand for one another (personal data about someone else is also a third-party matter).
_COMPATIBLE = {
    DeletionReason.personal_data: {DeletionReason.third_party},
    DeletionReason.third_party: {DeletionReason.personal_data},
}


def matrix(ctx: ScoringContext) -> dict[str, list[ItemView]]:
    """Comment items by outcome: removed justly, removed wrongly, missed, rightly left."""
    out: dict[str, list[ItemView]] = {"true_removed": [], "wrongly_removed": [], "missed": [], "rightly_left": []}
    for item in ctx.items:
        if not item.is_comment:
            continue
        removed = item.visibility != "visible"
        justified = bool(item.labels.deletion_justified)
        key = ("true_removed" if justified else "wrongly_removed") if removed else ("missed" if justified else "rightly_left")
        out[key].append(item)
    return out


def score_moderation(ctx: ScoringContext) -> DimensionResult:
    lang = ctx.lang
    m = matrix(ctx)
    results = [_m2(ctx, m), _m1(ctx, m)]
    m3 = _m3(ctx)
    if m3:
        results.append(m3)
    m4 = _m4(ctx)
    if m4:
        results.append(m4)
    summary = say(lang, "findings.moderation.summary", right=len(m["true_removed"]), wrong=len(m["wrongly_removed"]),
                  missed=len(m["missed"]))
    return DimensionResult("moderation", results, summary)


def _last_removal(ctx: ScoringContext, item_id: str) -> Removal | None:
    found = [r for r in ctx.removals if r.item_id == item_id]
    return found[-1] if found else None


def _m2(ctx: ScoringContext, m: dict[str, list[ItemView]]) -> RuleResult:
    lang = ctx.lang
    wrong = m["wrongly_removed"]
    if not any(m.values()):
        return RuleResult("M2", say(lang, "findings.moderation.m2_nothing"))
    # Legitimate comments removed and later put back: the page saw the removal, but the team
    # corrected its own mistake, so it costs half.
    wrong_ids = {i.item_id for i in wrong}
    restored = [ctx.state.items[i] for i in dict.fromkeys(r.item_id for r in ctx.removals)
                if i in ctx.state.items and i not in wrong_ids and ctx.state.items[i].visibility == "visible"
                and not ctx.state.items[i].labels.deletion_justified]
    if not ctx.removals and m["missed"]:
        # Censoring nothing is no merit in a team that removed nothing while attacks and named
        # people stood: there was no judgement to credit (M1 counts what stood).
        return RuleResult("M2", say(lang, "findings.moderation.m2_untried"))
    if not wrong and not restored:
        return RuleResult("M2", say(lang, "findings.moderation.m2_clean"), score=100.0)
    cost = 0.0
    criticism = 0
    for item in wrong:
        is_criticism = item.labels.kind == ItemKind.complaint
        criticism += is_criticism
        cost += _wrongful_cost(ctx, item.visibility, is_criticism)
    for item in restored:
        is_criticism = item.labels.kind == ItemKind.complaint
        criticism += is_criticism
        last = _last_removal(ctx, item.item_id)
        cost += _wrongful_cost(ctx, last.action if last else "hidden", is_criticism) \
            * ctx.rubric.rule("M2").param("restored_share")
    deleted = sum(1 for i in wrong if i.visibility == "deleted")
    total = len(wrong) + len(restored)
    counts = [(deleted, "deleted"), (len(wrong) - deleted, "hidden"), (len(restored), "restored")]
    parts = ", ".join(say(lang, f"findings.moderation.{word}", n=n) for n, word in counts if n)
    what = say_n(lang, "findings.moderation.m2", total, parts=parts, criticism=criticism)
    reacting = {t.id for t in ctx.scenario.triggers if t.when.wrongful_deletion}
    outcry = [p for _, p in ctx.triggers if p.trigger_id in reacting]
    if outcry:
        what += say(lang, "findings.moderation.m2_outcry")
    # Any wrongful removal is a shortcoming, however few points it costs.
    return RuleResult("M2", what, score=max(0.0, 100.0 - cost), severity="critical" if criticism else "major",
                      verdict="improvement",
                      items=[ctx.ref(i) for i in wrong + restored],
                      metrics={"wrongly_removed": total, "criticism_removed": criticism, "deleted": deleted,
                               "restored": len(restored)})


def _m1(ctx: ScoringContext, m: dict[str, list[ItemView]]) -> RuleResult:
    lang = ctx.lang
    unplayed = unplayed_for(ctx)
    should = m["true_removed"] + m["missed"]
    n_should = len(should) + unplayed.should_remove
    if not n_should:
        return RuleResult("M1", say(lang, "findings.moderation.m1_none"))
    serious = [i for i in should if i.labels.kind in _SERIOUS or i.labels.personal_data]
    missed_serious = [i for i in m["missed"] if i.labels.kind in _SERIOUS or i.labels.personal_data]
    serious_ids = {i.item_id for i in missed_serious}
    missed_other = [i for i in m["missed"] if i.item_id not in serious_ids]
    removed = len(m["true_removed"])
    # Serious misses weigh more than missed spam or off-topic noise; what the drill never got to counts as missed.
    heavy = ctx.rubric.rule("M1").param("serious_weight")
    n_serious = len(serious) + unplayed.serious_remove
    weight_total = heavy * n_serious + (n_should - n_serious)
    lost = heavy * (len(missed_serious) + unplayed.serious_remove) + len(missed_other) \
        + (unplayed.should_remove - unplayed.serious_remove)
    what = say_n(lang, "findings.moderation.m1", n_should, share=share(removed, n_should, lang))
    if unplayed.should_remove:
        what += say(lang, "findings.unplayed_of_them", n=unplayed.should_remove)
    if missed_serious:
        what += say(lang, "findings.moderation.m1_serious", n=len(missed_serious))
    return RuleResult("M1", what, score=100.0 * (1 - lost / weight_total) if weight_total else 100.0,
                      severity="major" if missed_serious else None,
                      verdict="improvement" if missed_serious else None,
                      items=[ctx.ref(i) for i in (missed_serious + missed_other)],
                      metrics={"should_remove": n_should, "removed": removed, "missed_serious": len(missed_serious),
                               "missed_other": len(missed_other)}
                      | ({"unplayed": unplayed.should_remove} if unplayed.should_remove else {}))


def _m3(ctx: ScoringContext) -> RuleResult | None:
    """Personal data and harassment: hiding keeps the message for follow-up and the archive."""
    lang = ctx.lang
    sensitive = [i for i in ctx.items if i.is_comment and i.visibility != "visible"
                 and (i.labels.kind == ItemKind.personal_data or i.labels.personal_data)]
    if not sensitive:
        return None
    hidden = [i for i in sensitive if i.visibility == "hidden"]
    deleted = [i for i in sensitive if i.visibility == "deleted"]
    what = say_n(lang, "findings.moderation.m3", len(sensitive), share=share(len(hidden), len(sensitive), lang))
    return RuleResult("M3", what, score=100.0 * len(hidden) / len(sensitive), severity="minor" if deleted else None,
                      items=[ctx.ref(i) for i in deleted[:5]], metrics={"hidden": len(hidden), "deleted": len(deleted)})


def _m4(ctx: ScoringContext) -> RuleResult | None:
    """Every removal should carry the right reason and a note of what was removed."""
    lang = ctx.lang
    removals = [r for r in ctx.removals if r.item_id in ctx.state.items]
    if not removals:
        return None
    spec = ctx.rubric.rule("M4")
    reason_share, note_share = spec.param("reason_share"), spec.param("note_share")
    points = 0.0
    matching = noted = 0
    wrong = []
    for removal in removals:
        expected = ctx.state.items[removal.item_id].labels.deletion_reason
        ok = expected is not None and (removal.reason == expected or removal.reason in _COMPATIBLE.get(expected, set()))
        if ok:
            matching += 1
            points += reason_share
        else:
            wrong.append(removal)
        if removal.note.strip():
            noted += 1
            points += note_share
    what = say_n(lang, "findings.moderation.m4", len(removals), share=share(matching, len(removals), lang),
                 noted=share(noted, len(removals), lang))
    score = 100.0 * points / len(removals)
    # Record keeping matters, but a missing note is never as grave as a wrong removal itself (M4's ceiling).
    return RuleResult("M4", what, score=score,
                      items=[ctx.ref(ctx.state.items[r.item_id]) for r in wrong[:6]],
                      metrics={"removals": len(removals), "reason_matches": matching, "noted": noted})

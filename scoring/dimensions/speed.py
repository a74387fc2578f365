"""Speed (S1–S5): how long people waited for the team's first response.

Waiting time is simulated time during an active incident and office time otherwise (S3). S1
gives credit on a curve from the rubric: full within the target, then falling — on a normal
day to a floor at the close of the same working day (KS p.12), in an incident to nothing at a
few times the target. An acknowledgement ("we are looking into it and will come back") counts
as the first response (S2), but a promise must be kept: by a later reply in the thread, a
correction, or a later official post. S2's "never more than two days" is counted in calendar
time, as Gran's guideline says it.

A drill ended early counts what the scenario planned for the unplayed time as never answered.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from statistics import median

from drill.state import ItemView
from scoring.context import ScoringContext
from scoring.findings import DimensionResult, RuleResult
from scoring.models import ResponseTime
from scoring.planned import played_for, unplayed_for
from scoring.texts import duration, say, say_n, share


def needs_reply_items(ctx: ScoringContext) -> list[ItemView]:
    return ctx.memo("needs_reply_items", lambda: _needs_reply_items(ctx))


def _needs_reply_items(ctx: ScoringContext) -> list[ItemView]:
    """Items the team should have answered and could have answered by the end of the drill.

    Justly removed items are left out (a removed attack needs no answer). When the drill ran
    its full time, items that arrived too late to be overdue at the end are left out too, so a
    drill is not judged on what the team had no time to do; when it was ended early, the team
    chose not to take that time, and they count.
    """
    chosen = []
    early = played_for(ctx).ended_early
    for item in ctx.items:
        if not item.labels.needs_reply or ctx.removed_justly(item):
            continue
        if not early and ctx.first_response_at(item) is None \
                and _waited(ctx, item, ctx.end) < ctx.thresholds.reply_within:
            continue
        chosen.append(item)
    return chosen


def _waited(ctx: ScoringContext, item: ItemView, until: float) -> float:
    if ctx.thresholds.reply_in_office_time:
        return ctx.clock.office_seconds(item.t, until)
    return max(0.0, until - item.t)


def _same_day_close(ctx: ScoringContext, t: float) -> float:
    """Simulated time of the close of the working day an item arriving at t belongs to: that
    day's close if it came before closing on a weekday, else the next working day's close."""
    clock = ctx.clock
    moment = clock.at(t)
    day = moment.date()
    if moment.weekday() >= 5 or moment.time() >= clock.closes:
        day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    close = datetime.combine(day, clock.closes, tzinfo=moment.tzinfo)
    return t + (close - moment).total_seconds()


def credit(ctx: ScoringContext, item: ItemView, after: float | None) -> float:
    """S1 credit (0–100) for a first response `after` seconds (office or plain time) on the curve."""
    if after is None:
        return 0.0
    target = ctx.thresholds.reply_within
    if after <= target:
        return 100.0
    s1 = ctx.rubric.rule("S1")
    if ctx.thresholds.incident_active:
        zero_at = target * s1.param("incident_zero_at_multiple")
        return max(0.0, 100.0 * (zero_at - after) / (zero_at - target)) if zero_at > target else 0.0
    floor = s1.param("same_day_credit")
    day_end = max(target, _waited(ctx, item, _same_day_close(ctx, item.t)))
    if after > day_end or day_end <= target:
        return 0.0
    return 100.0 - (100.0 - floor) * (after - target) / (day_end - target)


def response_times(ctx: ScoringContext) -> list[ResponseTime]:
    target = ctx.thresholds.reply_within
    rows = []
    for item in needs_reply_items(ctx):
        # Only what addresses the question (or promises to come back to it) is a response.
        at = ctx.first_response_at(item)
        after = None if at is None else _waited(ctx, item, at)
        rows.append(ResponseTime(
            item_id=item.item_id, kind=str(item.labels.kind), t=item.t, at=ctx.clock.label(item.t),
            responded_after=after, target=target, within_target=after is not None and after <= target,
            credit=round(credit(ctx, item, after), 1), by_acknowledgement=ctx.acknowledged_at(item) is not None,
        ))
    return rows


def score_speed(ctx: ScoringContext, rows: list[ResponseTime]) -> DimensionResult:
    lang, th = ctx.lang, ctx.thresholds
    results = [_s1(ctx, rows), _s3(ctx)]
    s2 = _s2(ctx, rows)
    if s2:
        results.append(s2)
    s4 = _s4(ctx)
    if s4:
        results.append(s4)
    s5 = _s5(ctx, rows)
    if s5:
        results.append(s5)
    within = sum(1 for r in rows if r.within_target)
    summary = say_n(lang, "findings.speed.summary", len(rows), share=share(within, len(rows), lang),
                    target=duration(th.reply_within, lang))
    return DimensionResult("speed", results, summary if rows else say(lang, "findings.speed.summary_none"))


def _s1(ctx: ScoringContext, rows: list[ResponseTime]) -> RuleResult:
    lang, target = ctx.lang, ctx.thresholds.reply_within
    unplayed = unplayed_for(ctx).needs_reply
    if not rows and not unplayed:
        return RuleResult("S1", say(lang, "findings.speed.s1_none"))
    if not rows:
        return RuleResult("S1", _unplayed_sentence(lang, unplayed), score=0.0, metrics={"unplayed": unplayed})
    within = [r for r in rows if r.within_target]
    answered = [r.responded_after for r in rows if r.responded_after is not None]
    late = sorted((r for r in rows if not r.within_target),
                  key=lambda r: -(r.responded_after if r.responded_after is not None else float("inf")))
    unit = say(lang, "findings.speed.office_time") if ctx.thresholds.reply_in_office_time else ""
    what = say_n(lang, "findings.speed.s1_within", len(rows), share=share(len(within), len(rows), lang),
                 target=duration(target, lang), unit=unit, origin=_origin(ctx, "reply_within"))
    if answered:
        what += say(lang, "findings.speed.s1_median", median=duration(median(answered), lang),
                    longest=duration(max(answered), lang))
    never = sum(1 for r in rows if r.responded_after is None)
    if never:
        what += say(lang, "findings.speed.s1_never", n=never)
    partial = [r for r in rows if not r.within_target and r.credit > 0]
    if partial:
        key = "s1_partial_incident" if ctx.thresholds.incident_active else "s1_partial_day"
        what += say(lang, f"findings.speed.{key}", n=len(partial))
    if unplayed:
        what += " " + _unplayed_sentence(lang, unplayed)
    by_id = ctx.state.items
    earned = sum(r.credit for r in rows)
    return RuleResult("S1", what, score=earned / (len(rows) + unplayed),
                      items=[ctx.ref(by_id[r.item_id]) for r in late[:8]],
                      metrics={"within": len(within), "total": len(rows), "never": never, "partial": len(partial),
                               "unplayed": unplayed,
                               "median_s": round(median(answered), 1) if answered else -1.0,
                               "target_s": target})


def _unplayed_sentence(lang: str, n: int) -> str:
    return say_n(lang, "findings.speed.unplayed", n)


def _origin(ctx: ScoringContext, name: str) -> str:
    where = ctx.thresholds.origin.get(name, "rubric")
    return say(ctx.lang, "findings.speed.origin_scenario" if where == "scenario" else "findings.speed.origin_rubric")


def _promise_kept(ctx: ScoringContext, item: ItemView) -> bool:
    """An acknowledgement's promise is kept by a later reply in the thread (to this item or
    another), a correction, or a later official post (the update people were promised)."""
    acknowledged_at = item.replies[0].t
    addressed = ctx.addressed_at(item)
    if addressed is not None and addressed > acknowledged_at:
        return True
    if item.corrected_at is not None:
        return True
    thread = set(ctx.state.threads.get(item.thread_id, ())) | {item.item_id}
    if any(r.public and r.t > acknowledged_at and r.item_id in thread and r.text != item.replies[0].text
           for r in ctx.state.replies.values()):
        return True
    return any(p.t > acknowledged_at for p in ctx.state.official_posts)


def _s2(ctx: ScoringContext, rows: list[ResponseTime]) -> RuleResult | None:
    """Promises kept: acknowledged items got a real answer; nobody waited beyond two calendar days."""
    lang, max_wait = ctx.lang, ctx.thresholds.max_wait
    items = ctx.state.items
    acknowledged = [items[r.item_id] for r in rows if r.by_acknowledgement]
    broken = [i for i in acknowledged if not _promise_kept(ctx, i)]

    def calendar_wait(item: ItemView) -> float:
        at = ctx.first_response_at(item)
        return (at if at is not None else ctx.end) - item.t

    too_long = [items[r.item_id] for r in rows if calendar_wait(items[r.item_id]) > max_wait]
    if not acknowledged and not too_long:
        return None
    checks = len(acknowledged) + len(too_long)
    bad = len(broken) + len(too_long)
    parts = []
    if acknowledged:
        parts.append(say_n(lang, "findings.speed.s2_acknowledged", len(acknowledged),
                           kept=len(acknowledged) - len(broken)))
    if too_long:
        parts.append(say(lang, "findings.speed.s2_too_long", n=len(too_long), max_wait=duration(max_wait, lang)))
    return RuleResult("S2", " ".join(parts), score=100.0 * (checks - bad) / checks,
                      items=[ctx.ref(i) for i in (broken + too_long)[:8]],
                      metrics={"acknowledged": len(acknowledged), "promises_broken": len(broken),
                               "over_two_days": len(too_long)})


def _s3(ctx: ScoringContext) -> RuleResult:
    lang = ctx.lang
    outside = sum(1 for i in ctx.items if i.labels.needs_reply and not ctx.clock.in_office_hours(i.t))
    hours = ctx.scenario.municipality.office_hours
    key = "findings.speed.s3_incident" if ctx.thresholds.incident_active else "findings.speed.s3_normal"
    what = say_n(lang, key, outside, hours=hours)
    return RuleResult("S3", what, metrics={"outside_office_hours": outside})


def _s4(ctx: ScoringContext) -> RuleResult | None:
    """Only for everyday scenarios: in an incident, K3's "next update at" plays this role."""
    if ctx.thresholds.incident_active or not ctx.official_posts:
        return None
    lang = ctx.lang
    patterns = ctx.rubric.compiled("S4")
    telling = [p for p in ctx.official_posts if any(rx.search(p.text) for rx in patterns)]
    if telling:
        return RuleResult("S4", say_n(lang, "findings.speed.s4_telling", len(telling)),
                          score=100.0, items=[ctx.text_ref(p) for p in telling[:3]])
    return RuleResult("S4", say(lang, "findings.speed.s4_none"), score=0.0)


def _s5(ctx: ScoringContext, rows: list[ResponseTime]) -> RuleResult | None:
    """The busiest window of the drill: did the response target hold when it mattered most?"""
    th, lang = ctx.thresholds, ctx.lang
    if len(rows) < th.peak_min_items:
        return None
    times = sorted(r.t for r in rows)
    best_start, best_count, j = times[0], 0, 0
    for i, start in enumerate(times):
        while j < len(times) and times[j] < start + th.peak_window:
            j += 1
        if j - i > best_count:
            best_start, best_count = start, j - i
    if best_count < th.peak_min_items:
        return None
    in_peak = [r for r in rows if best_start <= r.t < best_start + th.peak_window]
    ok = sum(1 for r in in_peak if r.within_target)
    earned = sum(r.credit for r in in_peak)
    span = f"{ctx.clock.label(best_start)}–{ctx.clock.label(best_start + th.peak_window)}"
    what = say_n(lang, "findings.speed.s5", len(in_peak), span=span, share=share(ok, len(in_peak), lang),
                 target=duration(th.reply_within, lang))
    late = [ctx.state.items[r.item_id] for r in in_peak if not r.within_target]
    return RuleResult("S5", what, score=earned / len(in_peak), items=[ctx.ref(i) for i in late[:5]],
                      metrics={"peak_items": len(in_peak), "peak_within": ok, "peak_start_s": best_start})

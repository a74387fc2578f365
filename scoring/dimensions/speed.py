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
from scoring.texts import duration, pick, share


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
    summary = pick(lang,
                   f"{share(within, len(rows), lang)} henvendelser fikk svar innen {duration(th.reply_within, lang)}.",
                   f"{share(within, len(rows), lang)} inquiries were answered within {duration(th.reply_within, lang)}.")
    return DimensionResult("speed", results, summary if rows else pick(lang, "Ingen henvendelser å måle.",
                                                                         "No inquiries to measure."))


def _s1(ctx: ScoringContext, rows: list[ResponseTime]) -> RuleResult:
    lang, target = ctx.lang, ctx.thresholds.reply_within
    unplayed = unplayed_for(ctx).needs_reply
    if not rows and not unplayed:
        return RuleResult("S1", pick(lang, "Ingen henvendelser trengte svar i denne øvelsen.",
                                     "No inquiry needed a reply in this drill."))
    if not rows:
        return RuleResult("S1", _unplayed_sentence(lang, unplayed), score=0.0, metrics={"unplayed": unplayed})
    within = [r for r in rows if r.within_target]
    answered = [r.responded_after for r in rows if r.responded_after is not None]
    late = sorted((r for r in rows if not r.within_target),
                  key=lambda r: -(r.responded_after if r.responded_after is not None else float("inf")))
    unit = pick(lang, " kontortid", " office time") if ctx.thresholds.reply_in_office_time else ""
    origin = _origin(ctx, "reply_within")
    what = pick(lang,
                f"{share(len(within), len(rows), lang)} henvendelser fikk svar innen {duration(target, lang)}{unit} "
                f"(mål {origin}).",
                f"{share(len(within), len(rows), lang)} inquiries got a response within {duration(target, lang)}{unit} "
                f"(target {origin}).")
    if answered:
        what += pick(lang, f" Mediantid til første svar: {duration(median(answered), lang)}; lengste: "
                           f"{duration(max(answered), lang)}.",
                     f" Median time to first response: {duration(median(answered), lang)}; longest: "
                     f"{duration(max(answered), lang)}.")
    never = sum(1 for r in rows if r.responded_after is None)
    if never:
        what += pick(lang, f" {never} fikk aldri svar.", f" {never} never got a response.")
    partial = [r for r in rows if not r.within_target and r.credit > 0]
    if partial:
        what += (pick(lang, f" {len(partial)} fikk delvis uttelling for svar samme arbeidsdag.",
                      f" {len(partial)} earned partial credit for an answer the same working day.")
                 if not ctx.thresholds.incident_active else
                 pick(lang, f" {len(partial)} fikk delvis uttelling for svar litt over målet.",
                      f" {len(partial)} earned partial credit for a response a little over the target."))
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
    return pick(lang, f"{n} henvendelser som scenariet hadde planlagt, kom aldri fordi øvelsen ble avsluttet "
                      f"før tiden; de teller som ubesvart.",
                f"{n} inquiries the scenario had planned never came because the drill was ended early; they count "
                f"as unanswered.")


def _origin(ctx: ScoringContext, name: str) -> str:
    where = ctx.thresholds.origin.get(name, "rubric")
    return pick(ctx.lang, "fra scenariet" if where == "scenario" else "etter rubrikkens standard",
                "set by the scenario" if where == "scenario" else "set by the rubric's default")


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
        parts.append(pick(lang,
                          f"{len(acknowledged)} henvendelser fikk først en bekreftelse; {len(acknowledged) - len(broken)} "
                          f"av dem fikk senere et fullt svar.",
                          f"{len(acknowledged)} inquiries first got an acknowledgement; {len(acknowledged) - len(broken)} "
                          f"of them later got a full answer."))
    if too_long:
        parts.append(pick(lang, f"{len(too_long)} ventet mer enn {duration(max_wait, lang)} på svar.",
                          f"{len(too_long)} waited more than {duration(max_wait, lang)} for an answer."))
    return RuleResult("S2", " ".join(parts), score=100.0 * (checks - bad) / checks,
                      items=[ctx.ref(i) for i in (broken + too_long)[:8]],
                      metrics={"acknowledged": len(acknowledged), "promises_broken": len(broken),
                               "over_two_days": len(too_long)})


def _s3(ctx: ScoringContext) -> RuleResult:
    lang = ctx.lang
    outside = sum(1 for i in ctx.items if i.labels.needs_reply and not ctx.clock.in_office_hours(i.t))
    hours = ctx.scenario.municipality.office_hours
    if ctx.thresholds.incident_active:
        what = pick(lang,
                    f"En hendelse pågikk, så svartiden ble målt i vanlig tid uten lettelse utenfor kontortid "
                    f"({hours}); {outside} henvendelser kom utenfor kontortid.",
                    f"An incident was active, so response times were measured in plain time with no relaxation "
                    f"outside office hours ({hours}); {outside} inquiries arrived outside office hours.")
    else:
        what = pick(lang,
                    f"Ingen hendelse pågikk: svartiden ble målt i kontortid ({hours}, mandag–fredag); "
                    f"{outside} henvendelser kom utenfor kontortid.",
                    f"No incident was active: response times were measured in office time ({hours}, "
                    f"Monday–Friday); {outside} inquiries arrived outside office hours.")
    return RuleResult("S3", what, metrics={"outside_office_hours": outside})


def _s4(ctx: ScoringContext) -> RuleResult | None:
    """Only for everyday scenarios: in an incident, K3's "next update at" plays this role."""
    if ctx.thresholds.incident_active or not ctx.official_posts:
        return None
    lang = ctx.lang
    patterns = ctx.rubric.compiled("S4")
    telling = [p for p in ctx.official_posts if any(rx.search(p.text) for rx in patterns)]
    if telling:
        return RuleResult("S4", pick(lang, f"{len(telling)} offisielle innlegg sa hvilken svartid folk kan vente.",
                                     f"{len(telling)} official posts told people what response time to expect."),
                          score=100.0, items=[ctx.text_ref(p) for p in telling[:3]])
    return RuleResult("S4", pick(lang, "Ingen offisielle innlegg sa hvilken svartid folk kan vente.",
                                 "No official post told people what response time to expect."), score=0.0)


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
    what = pick(lang,
                f"I den travleste perioden ({span}, {len(in_peak)} henvendelser) fikk {share(ok, len(in_peak), lang)} "
                f"svar innen {duration(th.reply_within, lang)}.",
                f"In the busiest period ({span}, {len(in_peak)} inquiries) {share(ok, len(in_peak), lang)} got a "
                f"response within {duration(th.reply_within, lang)}.")
    late = [ctx.state.items[r.item_id] for r in in_peak if not r.within_target]
    return RuleResult("S5", what, score=earned / len(in_peak), items=[ctx.ref(i) for i in late[:5]],
                      metrics={"peak_items": len(in_peak), "peak_within": ok, "peak_start_s": best_start})

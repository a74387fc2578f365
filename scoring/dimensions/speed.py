"""Speed (S1–S5): how long people waited for the team's first response.

Waiting time is simulated time during an active incident and office time otherwise (S3). An
acknowledgement ("we are looking into it and will come back") counts as the first response
(S2), but a promise must be kept: acknowledged items that never got an answer are reported.
"""

from __future__ import annotations

from statistics import median

from drill.state import ItemView
from scoring.context import ScoringContext
from scoring.findings import DimensionResult, RuleResult
from scoring.models import ResponseTime
from scoring.texts import duration, pick, share

_ACK_RUBRIC = "S2"


def needs_reply_items(ctx: ScoringContext) -> list[ItemView]:
    return ctx.memo("needs_reply_items", lambda: _needs_reply_items(ctx))


def _needs_reply_items(ctx: ScoringContext) -> list[ItemView]:
    """Items the team should have answered and could have answered by the end of the drill.

    Justly removed items are left out (a removed attack needs no answer); items that arrived
    too late to be overdue at the end are left out too, so a drill is not judged on what the
    team had no time to do.
    """
    chosen = []
    for item in ctx.items:
        if not item.labels.needs_reply or ctx.removed_justly(item):
            continue
        if ctx.response_at(item) is None and _waited(ctx, item, ctx.end) < ctx.thresholds.reply_within:
            continue
        chosen.append(item)
    return chosen


def _waited(ctx: ScoringContext, item: ItemView, until: float) -> float:
    if ctx.thresholds.reply_in_office_time:
        return ctx.clock.office_seconds(item.t, until)
    return max(0.0, until - item.t)


def _is_acknowledgement(ctx: ScoringContext, item: ItemView) -> bool:
    first = item.replies[0] if item.replies else None
    if first is None or not first.public:
        return False
    tone = ctx.tone_of_reply(first.reply_id) or ctx.tone(first.text, None)
    return any(f.rubric == _ACK_RUBRIC and f.weight > 0 for f in tone.findings)


def response_times(ctx: ScoringContext) -> list[ResponseTime]:
    target = ctx.thresholds.reply_within
    rows = []
    for item in needs_reply_items(ctx):
        at = ctx.response_at(item)
        after = None if at is None else _waited(ctx, item, at)
        rows.append(ResponseTime(
            item_id=item.item_id, kind=str(item.labels.kind), t=item.t, at=ctx.clock.label(item.t),
            responded_after=after, target=target, within_target=after is not None and after <= target,
            by_acknowledgement=_is_acknowledgement(ctx, item),
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
    if not rows:
        return RuleResult("S1", pick(lang, "Ingen henvendelser trengte svar i denne øvelsen.",
                                     "No inquiry needed a reply in this drill."))
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
    by_id = ctx.state.items
    return RuleResult("S1", what, score=100.0 * len(within) / len(rows),
                      items=[ctx.ref(by_id[r.item_id]) for r in late[:8]],
                      metrics={"within": len(within), "total": len(rows), "never": never,
                               "median_s": round(median(answered), 1) if answered else -1.0,
                               "target_s": target})


def _origin(ctx: ScoringContext, name: str) -> str:
    where = ctx.thresholds.origin.get(name, "rubric")
    return pick(ctx.lang, "fra scenariet" if where == "scenario" else "etter rubrikkens standard",
                "set by the scenario" if where == "scenario" else "set by the rubric's default")


def _s2(ctx: ScoringContext, rows: list[ResponseTime]) -> RuleResult | None:
    """Promises kept: acknowledged items got a real answer; nobody waited beyond two days."""
    lang = ctx.lang
    acknowledged = [ctx.state.items[r.item_id] for r in rows if r.by_acknowledgement]
    broken = [i for i in acknowledged if len(i.replies) < 2 and i.corrected_at is None]
    too_long = [ctx.state.items[r.item_id] for r in rows
                if (r.responded_after is None and _waited(ctx, ctx.state.items[r.item_id], ctx.end) > ctx.thresholds.max_wait)
                or (r.responded_after is not None and r.responded_after > ctx.thresholds.max_wait)]
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
        parts.append(pick(lang, f"{len(too_long)} ventet mer enn to dager.", f"{len(too_long)} waited more than two days."))
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
    span = f"{ctx.clock.label(best_start)}–{ctx.clock.label(best_start + th.peak_window)}"
    what = pick(lang,
                f"I den travleste perioden ({span}, {len(in_peak)} henvendelser) fikk {share(ok, len(in_peak), lang)} "
                f"svar innen {duration(th.reply_within, lang)}.",
                f"In the busiest period ({span}, {len(in_peak)} inquiries) {share(ok, len(in_peak), lang)} got a "
                f"response within {duration(th.reply_within, lang)}.")
    late = [ctx.state.items[r.item_id] for r in in_peak if not r.within_target]
    return RuleResult("S5", what, score=100.0 * ok / len(in_peak), items=[ctx.ref(i) for i in late[:5]],
                      metrics={"peak_items": len(in_peak), "peak_within": ok, "peak_start_s": best_start})

"""Building the after-action report from a scenario and its events (pure, like scoring).

The report follows exercise-evaluation practice: a summary and grade, strengths, areas for
improvement with concrete corrective actions, the removals to review one by one, a timeline,
and the series behind the charts. `--compare` adds a second session's scores side by side.
"""

from __future__ import annotations

from drill.events import (
    ArchiveMarked,
    DrillEnded,
    DrillStarted,
    DutyHandedOver,
    Event,
    ItemDeleted,
    ItemHidden,
    ItemLiked,
    ItemPosted,
    ItemRestored,
    ItemUnhidden,
    ObserverNote,
    OfficialPostPublished,
    ReplyPosted,
    TriggerFired,
)
from drill.scenario.models import Scenario
from scoring.context import ScoringContext
from scoring.dimensions.crisis import reach_sentence
from scoring.dimensions.moderation import matrix
from scoring.models import Finding, ScoreReport
from scoring.report.model import (
    AfterActionReport,
    CompareRow,
    Comparison,
    CorrectiveAction,
    ReachPoint,
    ReachSeries,
    RemovalReview,
    RuleChange,
    ScenarioInfo,
    SessionInfo,
    TimelineEntry,
    TimelineFlag,
    TimelineKind,
    VolumeBucket,
)
from scoring.report.catalogue import label
from scoring.report.moments import moments_for
from scoring.scorer import score, scored
from scoring.texts import quote, quoted

BUCKET_S = 300.0


def build_report(scenario: Scenario, events: list[Event], *, language: str | None = None, file_name: str = "",
                 other: tuple[str, Scenario, list[Event]] | None = None) -> AfterActionReport:
    report, ctx = scored(scenario, events, language=language)
    lang = report.language
    started = next((e.payload for e in events if isinstance(e.payload, DrillStarted)), None)
    ended = next((e.payload for e in events if isinstance(e.payload, DrillEnded)), None)
    improvements = report.top_findings(len(report.findings))
    comparison = None
    if other is not None:
        other_name, other_scenario, other_events = other
        comparison = compare(report, score(other_scenario, other_events, language=lang), other_name)
    return AfterActionReport(
        language=lang,
        scenario=ScenarioInfo(id=scenario.id, title=scenario.title, kind=str(scenario.kind),
                              municipality=scenario.municipality.name, starts=scenario.starts.isoformat(),
                              duration_s=float(scenario.duration), official_link=scenario.municipality.official_link),
        session=SessionInfo(file=file_name, seed=started.seed if started else None, language=lang,
                            team=list(started.team) if started else list(scenario.team), events=len(events),
                            ended=ended.reason if ended else None, simulated_s=ctx.end),
        score=report,
        strengths=report.strengths(8),
        did=moments_for(ctx, report.strengths(8)),
        improvements=improvements,
        corrective_actions=_actions(improvements),
        removals_to_review=_removals(ctx),
        timeline=timeline(ctx),
        volume=volume(ctx),
        reach=reach_series(ctx, report),
        comparison=comparison,
    )


def _actions(improvements: list[Finding]) -> list[CorrectiveAction]:
    seen: set[str] = set()
    actions = []
    for finding in improvements:
        if finding.rule in seen or not finding.action:
            continue
        seen.add(finding.rule)
        actions.append(CorrectiveAction(rule=finding.rule, action=finding.action, source=finding.source,
                                        why=finding.what))
    return actions


def _removals(ctx: ScoringContext) -> list[RemovalReview]:
    m = matrix(ctx)
    lang = ctx.lang
    rows = []
    for item in m["wrongly_removed"]:
        given = str(item.removal_reason or "")
        detail = label("removed_as", lang, action=label(f"action_{item.visibility}", lang),
                       reason=reason_label(given, lang))
        rows.append(RemovalReview(item=ctx.ref(item), outcome="wrongful", action=item.visibility,
                                  reason_given=given, detail=detail))
    for item in m["missed"]:
        justified = str(item.labels.deletion_reason or "")
        rows.append(RemovalReview(item=ctx.ref(item), outcome="missed", action="", justified_reason=justified,
                                  detail=reason_label(justified, lang)))
    return rows


def reason_label(reason: str, lang: str) -> str:
    """A removal reason as a person reads it ("personangrep", not `personal_attack`)."""
    return label(f"reason_{reason}" if reason else "reason_none", lang)


def timeline(ctx: ScoringContext) -> list[TimelineEntry]:
    """The drill's story: injects, the team's posts and replies to them, moderation, triggers and
    the observers' notes (so a trainer's remarks appear where they were made)."""
    entries: list[TimelineEntry] = []
    items = ctx.state.items
    posts = {post.post_id: post for post in ctx.state.official_posts}
    lang = ctx.lang
    key_items = {i.item_id for i in items.values() if i.source not in ("stream", "post", "reaction")}
    # The crowd's reactions stand beside the replies and posts in the story that caused them.
    shown = {r.reply_id for r in ctx.state.replies.values() if r.item_id in key_items}
    shown |= {post.post_id for post in ctx.state.official_posts}
    key_items |= {i.item_id for i in items.values() if i.source == "reaction" and i.caused_by in shown}
    for event in ctx.events:
        p, t, at = event.payload, event.t, ctx.clock.label(event.t)
        if isinstance(p, ItemPosted) and p.item_id in key_items:
            kind: TimelineKind = "item" if p.channel == "comment" else "message"
            flag: TimelineFlag = "casualty" if p.labels.casualty_facts else ""
            entries.append(TimelineEntry(t=t, at=at, kind=kind, who=p.author, text=quote(p.text, 140),
                                         item_id=p.item_id, flag=flag))
        elif isinstance(p, ReplyPosted) and p.item_id in key_items:
            entries.append(TimelineEntry(t=t, at=at, kind="reply", who=event.actor, text=quote(p.text, 140),
                                         item_id=p.item_id))
        elif isinstance(p, OfficialPostPublished):
            entries.append(TimelineEntry(t=t, at=at, kind="post", who=event.actor, text=quote(p.text, 140)))
        elif isinstance(p, (ItemHidden, ItemDeleted)):
            item = items.get(p.item_id)
            justified = bool(item and item.labels.deletion_justified)
            entries.append(TimelineEntry(
                t=t, at=at, kind="hidden" if isinstance(p, ItemHidden) else "deleted", who=event.actor,
                text=quote(item.text, 140) if item else p.item_id, item_id=p.item_id,
                flag="justified" if justified else "wrongful"))
        elif isinstance(p, (ItemRestored, ItemUnhidden)):
            item = items.get(p.item_id)
            entries.append(TimelineEntry(t=t, at=at, kind="restored", who=event.actor,
                                         text=quote(item.text, 140) if item else p.item_id, item_id=p.item_id))
        elif isinstance(p, ArchiveMarked):
            marked = posts.get(p.item_id) if p.post else items.get(p.item_id)
            entries.append(TimelineEntry(t=t, at=at, kind="archived", who=event.actor,
                                         text=quote(marked.text, 140) if marked else p.item_id, item_id=p.item_id))
        elif isinstance(p, TriggerFired):
            entries.append(TimelineEntry(t=t, at=at, kind="trigger", who="system",
                                         text=_trigger_text(ctx, p),
                                         item_id=p.items[0] if p.items else None))
        elif isinstance(p, DutyHandedOver):
            entries.append(TimelineEntry(t=t, at=at, kind="handover", who=event.actor,
                                         text=f"{p.from_member or '–'} → {p.to_member}"))
        elif isinstance(p, ObserverNote):
            entries.append(TimelineEntry(t=t, at=at, kind="note", who=event.actor, text=quote(p.text, 200),
                                         item_id=p.item_id))
        elif isinstance(p, ItemLiked) and p.item_id in key_items:
            item = items[p.item_id]
            entries.append(TimelineEntry(t=t, at=at, kind="liked", who=event.actor, text=quote(item.text, 140),
                                         item_id=p.item_id))
    return [e.model_copy(update={"kind_label": label(f"kind_{e.kind}", lang), "who_label": _who(e.who, lang)})
            for e in entries]


def _who(actor: str, lang: str) -> str:
    """The scenario and the trainer by name in the report's language; team members as they are called."""
    return label(f"who_{actor}", lang) if actor in ("system", "trainer") else actor


def _trigger_text(ctx: ScoringContext, fired: TriggerFired) -> str:
    """What a trigger made happen: the comment it posted, quoted (its id means nothing to a team)."""
    posted = [ctx.state.items[i].text for i in fired.items if i in ctx.state.items]
    return quoted(quote(posted[0], 140), ctx.lang) if posted else label("kind_trigger", ctx.lang)


def volume(ctx: ScoringContext) -> list[VolumeBucket]:
    end = max(ctx.end, BUCKET_S)
    count = int(end // BUCKET_S) + (1 if end % BUCKET_S else 0)
    comments = [0] * count
    replies = [0] * count
    for item in ctx.state.items.values():
        if item.is_comment:
            comments[min(count - 1, int(item.t // BUCKET_S))] += 1
    for reply in ctx.state.replies.values():
        if reply.public:
            replies[min(count - 1, int(reply.t // BUCKET_S))] += 1
    return [VolumeBucket(t=i * BUCKET_S, at=ctx.clock.label(i * BUCKET_S), comments=comments[i], replies=replies[i])
            for i in range(count)]


def _correction_of(ctx: ScoringContext, item_id: str) -> str | None:
    """The first reply or official post that corrects the rumour (or, failing that, answers it)."""
    marked = [(r.t, r.reply_id) for r in ctx.state.replies.values() if item_id in r.corrects]
    marked += [(p.t, p.post_id) for p in ctx.state.official_posts if item_id in p.corrects]
    if marked:
        return min(marked)[1]
    item = ctx.state.items.get(item_id)
    public = [r for r in item.replies if r.public] if item else []
    return public[0].reply_id if public else None


def reach_series(ctx: ScoringContext, report: ScoreReport) -> list[ReachSeries]:
    rows = []
    for rumour in report.rumours:
        points = [ReachPoint(t=t, reached=n) for t, n in ctx.reach_series.get(rumour.item_id, [])]
        if not points and rumour.without_correction is None:
            continue
        correction = _correction_of(ctx, rumour.item_id)
        correction_points = [ReachPoint(t=t, reached=n) for t, n in ctx.reach_series.get(correction or "", [])]
        cf = ctx.counterfactuals.get(rumour.item_id)
        without = [ReachPoint(t=t, reached=n) for t, n in (cf.without_curve if cf else [])]
        if cf and not without and rumour.corrected_at is None:
            without = points  # never corrected: what happened is the run without a correction
        earlier = [ReachPoint(t=t, reached=n) for t, n in (cf.earlier_curve if cf else [])]
        rows.append(ReachSeries(item_id=rumour.item_id, quote=rumour.quote, t=rumour.t, reached=rumour.reached,
                                points=points, correction_id=correction, correction_points=correction_points,
                                corrected_at=rumour.corrected_at, without_correction=rumour.without_correction,
                                with_earlier_correction=rumour.with_earlier_correction,
                                without_points=without, earlier_points=earlier, earlier_by=rumour.earlier_by,
                                sentence=reach_sentence(ctx, rumour)))
    return rows


def compare(this: ScoreReport, other: ScoreReport, other_name: str) -> Comparison:
    rows = []
    for mine in this.dimensions:
        theirs = other.dimension(mine.dimension)
        change = None if mine.score is None or theirs.score is None else round(mine.score - theirs.score, 1)
        rows.append(CompareRow(dimension=mine.dimension, label=mine.label, this=mine.score, other=theirs.score,
                               change=change))
    my_issues = {f.rule: f.title for f in this.findings if f.verdict == "improvement"}
    their_issues = {f.rule: f.title for f in other.findings if f.verdict == "improvement"}
    return Comparison(
        other_file=other_name, other_total=other.total, this_total=this.total, rows=rows,
        resolved=[RuleChange(rule=r, title=t) for r, t in sorted(their_issues.items()) if r not in my_issues],
        new=[RuleChange(rule=r, title=t) for r, t in sorted(my_issues.items()) if r not in their_issues],
    )

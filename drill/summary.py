"""A short, plain account of a drill: what happened and what the team did.

Printed by `drill run` and at the end of `make play`'s headless demo; counts only, no
judgement (judging is the scorer's job).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drill.events import CounterfactualReach, Event
from drill.scenario.durations import clock_label
from drill.state import DrillState


@dataclass(frozen=True)
class DrillSummary:
    minutes: float
    items: int
    comments: int
    messages: int
    replies: int
    official_posts: int
    hidden: int
    deleted: int
    archived: int
    handovers: int
    triggers: list[str]
    unanswered: int
    events: int
    reach: dict[str, int]
    """Final reach of each item that spread (people), largest first."""
    rumours: list[CounterfactualReach]
    """Each rumour's reach, with what it would have been without the team's correction."""


def summarise(events: list[Event]) -> DrillSummary:
    state = DrillState.from_events(events)
    types = Counter(e.type for e in events)
    return DrillSummary(
        minutes=state.now / 60,
        items=len(state.items),
        comments=sum(1 for i in state.items.values() if i.is_comment),
        messages=sum(1 for i in state.items.values() if not i.is_comment),
        replies=len(state.replies),
        official_posts=len(state.official_posts),
        hidden=sum(1 for i in state.items.values() if i.visibility == "hidden"),
        deleted=sum(1 for i in state.items.values() if i.visibility == "deleted"),
        archived=sum(1 for i in state.items.values() if i.archived),
        handovers=types["duty_handed_over"],
        triggers=list(state.triggers_fired),
        unanswered=state.waiting_count,
        events=len(events),
        reach=dict(sorted(((k, v[0]) for k, v in state.reach.items()), key=lambda kv: -kv[1])),
        rumours=[e.payload for e in events if isinstance(e.payload, CounterfactualReach)],
    )


def summary_lines(summary: DrillSummary) -> list[str]:
    lines = [
        f"Simulated time:     {clock_label(summary.minutes * 60)}",
        f"Items posted:       {summary.items} ({summary.comments} comments, {summary.messages} calls/messages)",
        f"Replies:            {summary.replies} ({summary.unanswered} still waiting for an answer)",
        f"Official posts:     {summary.official_posts}",
        f"Hidden / deleted:   {summary.hidden} / {summary.deleted}",
        f"Marked for archive: {summary.archived}",
        f"Duty handovers:     {summary.handovers}",
        f"Triggers fired:     {', '.join(summary.triggers) or 'none'}",
    ]
    if summary.reach:
        top = ", ".join(f"{item} {people:,}" for item, people in list(summary.reach.items())[:5])
        lines.append(f"Reach (people):     {top}")
    for rumour in sorted(summary.rumours, key=lambda r: -r.without_correction):
        if rumour.corrected_at is None:
            effect = (f"never corrected; a correction {rumour.earlier_by / 60:.0f} min after it appeared "
                      f"would have held it to {rumour.with_earlier_correction:,}")
        else:
            effect = (f"without the correction at {clock_label(rumour.corrected_at)}: "
                      f"{rumour.without_correction:,}, so it kept {rumour.without_correction - rumour.actual:,} people from it")
        lines.append(f"Rumour {rumour.item_id}: {rumour.actual:,} people reached ({effect})")
    lines.append(f"Events recorded:    {summary.events}")
    return lines

"""A short, plain account of a drill: what happened and what the team did.

Printed by `drill run` (in its words, `drill.commands.run`) and shown by the app's debrief;
counts only, no judgement (judging is the scorer's job).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drill.account import is_answered, needs_answer
from drill.events import CounterfactualReach, Event
from drill.i18n import number, plural, t
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
    needing_answer: int
    """Items that need an answer (`drill.account.needs_answer`): what the console's counts are of."""
    answered: int
    """Of those, answered in the account, however (`drill.account.is_answered`)."""
    events: int
    reach: dict[str, int]
    """Final reach of each item that spread (people), largest first."""
    rumours: list[CounterfactualReach]
    """Each rumour's reach, with what it would have been without the team's correction."""


def items_in_words(summary: DrillSummary) -> str:
    """`505 (498 kommentarer, 7 henvendelser)`, each count in its own plural form: the debrief
    and `drill run` say it alike (the debrief once read '1 henvendelser')."""
    return t("cli.summary.items_value", n=number(summary.items),
             comments=plural("cli.count.comments", summary.comments),
             messages=plural("cli.count.messages", summary.messages))


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
        archived=sum(1 for i in state.items.values() if i.archived) + sum(1 for p in state.official_posts if p.archived),
        handovers=types["duty_handed_over"],
        triggers=list(state.triggers_fired),
        unanswered=state.waiting_count,
        needing_answer=sum(1 for i in state.items.values() if needs_answer(i)),
        answered=sum(1 for i in state.items.values() if needs_answer(i) and is_answered(i)),
        events=len(events),
        reach=dict(sorted(((k, v[0]) for k, v in state.reach.items()), key=lambda kv: -kv[1])),
        rumours=[e.payload for e in events if isinstance(e.payload, CounterfactualReach)],
    )

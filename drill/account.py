"""The one account of a drill: what needs an answer, what answered it, what is still waiting.

Every screen, count, trigger, summary and score asks these questions. They used to be
answered four ways (a direct reply only; a reply to a later item; any later reply in the
thread; a reply or a correction), so the status bar, the trainer overview and the score could
disagree about the same drill. Here each derived fact has one definition, and
`drill.state.DrillState` keeps them up to date event by event so reading them is cheap.

What an item needs follows its ground-truth labels, the same labels the score is built on:

- **answer**: questions, complaints, claims and press calls (`needs_reply`). Answered by a
  team reply to it (written for it, sent to its whole group of similar comments, or pointing
  to an official post), a team reply later in the same thread, a reply elsewhere that names it
  as corrected, or an official post that names it.
- **moderate**: attacks, spam, third-party names, personal data and illegal content
  (`deletion_justified`). Handled by hiding or deleting it, not by replying.
- **acknowledge**: praise. Handled by a like or a thanks (any reply).
- **nothing**: chatter and information.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from drill.scenario.models import ItemKind, Labels

if TYPE_CHECKING:
    from drill.state import ItemView

AnswerHow = Literal["reply", "group", "link", "thread", "correction", "post"]
"""How an item was answered: a reply to it; one text sent to a group of similar comments
(`drill.grouping`), each member getting it as a reply in its own thread; a reply pointing to
an official post ("see our update at 11:02"); a later reply in its thread; a reply elsewhere
that names it as corrected; an official post that names it."""


class Need(StrEnum):
    answer = "answer"
    moderate = "moderate"
    acknowledge = "acknowledge"
    nothing = "nothing"


@dataclass(frozen=True)
class Answer:
    """The team's first answer to an item."""

    how: AnswerHow
    at: float
    by: str
    """The reply or post id that answered it."""


def need_of(labels: Labels) -> Need:
    """What an item asks of the team, from its ground truth (an explicit `needs_reply` wins)."""
    if labels.needs_reply:
        return Need.answer
    if labels.deletion_justified:
        return Need.moderate
    if labels.kind == ItemKind.praise:
        return Need.acknowledge
    return Need.nothing


def needs_answer(item: ItemView) -> bool:
    return item.need is Need.answer


def is_answered(item: ItemView) -> bool:
    return item.answer is not None


def answered_at(item: ItemView) -> float | None:
    return item.answer.at if item.answer is not None else None


def is_removed(item: ItemView) -> bool:
    return item.visibility != "visible"


def is_waiting(item: ItemView) -> bool:
    """Still waiting for an answer: on the page, needs one, has none.

    A removed item no longer waits (nobody can read it); whether removing it was right is the
    score's question (moderation), not this one.
    """
    return item.need is Need.answer and item.visibility == "visible" and item.answer is None


def is_handled(item: ItemView) -> bool:
    """The team did what the item asked for: answered, moderated or acknowledged it."""
    need = item.need
    if need is Need.answer:
        return item.answer is not None
    if need is Need.moderate:
        return item.visibility != "visible"
    if need is Need.acknowledge:
        return item.liked or item.answer is not None
    return True


def is_overdue(item: ItemView, now: float, within: float) -> bool:
    """Waiting longer than `within` seconds of simulated time."""
    return is_waiting(item) and now - item.t > within


@dataclass
class DutyLog:
    """Who held the duty from when: the roster as the events tell it."""

    times: list[float]
    members: list[str | None]

    def at(self, t: float) -> str | None:
        """Who held the duty at simulated time t (a handover at t counts from t on)."""
        index = bisect_right(self.times, t) - 1
        return self.members[index] if index >= 0 else None

    def record(self, t: float, member: str | None) -> None:
        self.times.append(t)
        self.members.append(member)

    @property
    def has_roster(self) -> bool:
        return any(self.members)

"""The drill as it stands after a sequence of events: items, threads, replies, who is on duty.

One reducer serves everyone: the engine checks actions against it, the app renders it, the
scorer and the report read it. Because it is rebuilt from events alone, a replay or a second
terminal sees exactly what the team saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drill.events import (
    ArchiveMarked,
    ClockChanged,
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
    ReachUpdated,
    ReplyPosted,
    TriggerFired,
)
from drill.scenario.models import Channel, DeletionReason, Labels

Visibility = Literal["visible", "hidden", "deleted"]


@dataclass
class ReplyView:
    reply_id: str
    item_id: str
    t: float
    author: str
    text: str
    public: bool
    corrects: list[str]


@dataclass
class ItemView:
    item_id: str
    t: float
    channel: Channel
    author: str
    author_role: str
    text: str
    thread_id: str
    parent_id: str | None
    labels: Labels
    source: str
    source_id: str
    spreads: bool
    visibility: Visibility = "visible"
    removal_reason: DeletionReason | None = None
    removed_at: float | None = None
    replies: list[ReplyView] = field(default_factory=list)
    liked: bool = False
    archived: bool = False
    reach: int = 0
    shares: int = 0
    corrected_at: float | None = None
    last_activity: float = 0.0

    @property
    def is_comment(self) -> bool:
        return self.channel == Channel.comment

    @property
    def answered(self) -> bool:
        return bool(self.replies)

    @property
    def first_reply_at(self) -> float | None:
        return self.replies[0].t if self.replies else None


@dataclass
class OfficialPostView:
    post_id: str
    t: float
    author: str
    text: str
    link: str | None
    corrects: list[str]


@dataclass
class DrillState:
    scenario_id: str = ""
    seed: int = 0
    language: str = "nb"
    team: list[str] = field(default_factory=list)
    on_duty: str | None = None
    now: float = 0.0
    speed: float = 1.0
    paused: bool = False
    started: bool = False
    ended: bool = False
    end_reason: str | None = None
    items: dict[str, ItemView] = field(default_factory=dict)
    threads: dict[str, list[str]] = field(default_factory=dict)
    """Top-level item id -> ids of the items posted inside its thread, in order."""
    official_posts: list[OfficialPostView] = field(default_factory=list)
    notes: list[ObserverNote] = field(default_factory=list)
    triggers_fired: list[str] = field(default_factory=list)
    replies: dict[str, ReplyView] = field(default_factory=dict)
    reach: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Item or post id -> (people reached, shares), for everything that spreads."""

    @classmethod
    def from_events(cls, events: list[Event]) -> DrillState:
        state = cls()
        for event in events:
            state.apply(event)
        return state

    def apply(self, event: Event) -> None:
        self.now = max(self.now, event.t)
        handler = _HANDLERS.get(type(event.payload))
        if handler:
            handler(self, event)

    # --- views -------------------------------------------------------------------------

    def comments(self) -> list[ItemView]:
        return [i for i in self.items.values() if i.is_comment]

    def unanswered(self) -> list[ItemView]:
        """Visible items with no reply yet: what the status bar counts (no hidden labels used)."""
        return [i for i in self.items.values() if i.visibility == "visible" and not i.answered]

    def oldest_waiting(self) -> float | None:
        waiting = [self.now - i.t for i in self.unanswered() if i.is_comment]
        return max(waiting) if waiting else None

    def thread_root(self, item_id: str) -> str:
        return self.items[item_id].thread_id


def _started(state: DrillState, event: Event) -> None:
    p: DrillStarted = event.payload  # type: ignore[assignment]
    state.started = True
    state.scenario_id, state.seed, state.language = p.scenario_id, p.seed, p.language
    state.team, state.on_duty = list(p.team), p.on_duty


def _posted(state: DrillState, event: Event) -> None:
    p: ItemPosted = event.payload  # type: ignore[assignment]
    thread_id = p.thread_id or p.item_id
    state.items[p.item_id] = ItemView(
        item_id=p.item_id, t=event.t, channel=p.channel, author=p.author, author_role=p.author_role,
        text=p.text, thread_id=thread_id, parent_id=p.parent_id, labels=p.labels, source=p.source,
        source_id=p.source_id, spreads=p.spreads, last_activity=event.t,
    )
    state.threads.setdefault(thread_id, [])
    if p.thread_id:
        state.threads[thread_id].append(p.item_id)
        root = state.items.get(thread_id)
        if root:
            root.last_activity = event.t


def _replied(state: DrillState, event: Event) -> None:
    p: ReplyPosted = event.payload  # type: ignore[assignment]
    reply = ReplyView(p.reply_id, p.item_id, event.t, event.actor, p.text, p.public, list(p.corrects))
    state.replies[p.reply_id] = reply
    item = state.items[p.item_id]
    item.replies.append(reply)
    item.last_activity = event.t
    root = state.items.get(item.thread_id)
    if root:
        root.last_activity = event.t
    for rumour in p.corrects:
        _mark_corrected(state, rumour, event.t)


def _official(state: DrillState, event: Event) -> None:
    p: OfficialPostPublished = event.payload  # type: ignore[assignment]
    state.official_posts.append(OfficialPostView(p.post_id, event.t, event.actor, p.text, p.link, list(p.corrects)))
    for rumour in p.corrects:
        _mark_corrected(state, rumour, event.t)


def _mark_corrected(state: DrillState, item_id: str, t: float) -> None:
    item = state.items.get(item_id)
    if item and item.corrected_at is None:
        item.corrected_at = t


def _removed(state: DrillState, event: Event) -> None:
    p = event.payload
    item = state.items[p.item_id]  # type: ignore[union-attr]
    item.visibility = "hidden" if isinstance(p, ItemHidden) else "deleted"
    item.removal_reason = p.reason  # type: ignore[union-attr]
    item.removed_at = event.t


def _shown(state: DrillState, event: Event) -> None:
    item = state.items[event.payload.item_id]  # type: ignore[union-attr]
    item.visibility = "visible"
    item.removal_reason = None
    item.removed_at = None


def _liked(state: DrillState, event: Event) -> None:
    state.items[event.payload.item_id].liked = True  # type: ignore[union-attr]


def _archived(state: DrillState, event: Event) -> None:
    state.items[event.payload.item_id].archived = True  # type: ignore[union-attr]


def _handover(state: DrillState, event: Event) -> None:
    p: DutyHandedOver = event.payload  # type: ignore[assignment]
    state.on_duty = p.to_member
    if p.to_member not in state.team:
        state.team.append(p.to_member)


def _note(state: DrillState, event: Event) -> None:
    state.notes.append(event.payload)  # type: ignore[arg-type]


def _clock(state: DrillState, event: Event) -> None:
    p: ClockChanged = event.payload  # type: ignore[assignment]
    state.speed, state.paused = p.speed, p.paused


def _fired(state: DrillState, event: Event) -> None:
    state.triggers_fired.append(event.payload.trigger_id)  # type: ignore[union-attr]


def _reach(state: DrillState, event: Event) -> None:
    p: ReachUpdated = event.payload  # type: ignore[assignment]
    state.reach[p.item_id] = (p.reached, p.shares)
    item = state.items.get(p.item_id)
    if item:
        item.reach, item.shares = p.reached, p.shares


def _ended(state: DrillState, event: Event) -> None:
    state.ended = True
    state.end_reason = event.payload.reason  # type: ignore[union-attr]


_HANDLERS = {
    DrillStarted: _started,
    ItemPosted: _posted,
    ReplyPosted: _replied,
    OfficialPostPublished: _official,
    ItemHidden: _removed,
    ItemDeleted: _removed,
    ItemUnhidden: _shown,
    ItemRestored: _shown,
    ItemLiked: _liked,
    ArchiveMarked: _archived,
    DutyHandedOver: _handover,
    ObserverNote: _note,
    ClockChanged: _clock,
    TriggerFired: _fired,
    ReachUpdated: _reach,
    DrillEnded: _ended,
}

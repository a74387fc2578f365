"""The drill as it stands after a sequence of events: items, threads, replies, who is on duty.

One reducer serves everyone: the engine checks actions against it, the app renders it, the
scorer and the report read it. Because it is rebuilt from events alone, a replay or a second
terminal sees exactly what the team saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from drill.account import Answer, AnswerHow, DutyLog, Need, is_waiting, need_of
from drill.grouping import Group, Grouper

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
    ReplyLiked,
    ReplyPosted,
    TriggerFired,
)
from drill.scenario.models import Channel, DeletionReason, Labels

Visibility = Literal["visible", "hidden", "deleted"]


@dataclass(slots=True)
class ReplyView:
    reply_id: str
    item_id: str
    t: float
    author: str
    text: str
    public: bool
    corrects: list[str]
    group: str | None = None
    """The group reply it was part of (one text for many similar comments)."""
    post: str | None = None
    """The official post it points to."""
    likes: int = 0
    """Citizens who liked it."""


@dataclass(slots=True)
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
    template: str | None = None
    on_post: str | None = None
    """The official post it was written under."""
    caused_by: str | None = None
    """The team reply or post a citizen's reaction answers."""
    visibility: Visibility = "visible"
    removal_reason: DeletionReason | None = None
    removed_at: float | None = None
    need: Need = Need.nothing
    """What the item asks of the team (`drill.account.need_of` its labels)."""
    answer: Answer | None = None
    """The team's first answer to it, however it came (`drill.account`)."""
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
        return self.answer is not None

    @property
    def first_reply_at(self) -> float | None:
        return self.replies[0].t if self.replies else None


@dataclass(slots=True)
class OfficialPostView:
    post_id: str
    t: float
    author: str
    text: str
    link: str | None
    corrects: list[str]
    archived: bool = False
    """Marked for the archive (a post is replaced, never changed in place: forks share posts)."""


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
    """Top-level item id -> ids of the items posted inside its thread, in order (a thread with
    nothing posted inside it has no entry: a storm's 100,000 lone comments need no empty lists)."""
    official_posts: list[OfficialPostView] = field(default_factory=list)
    post_comments: dict[str, list[str]] = field(default_factory=dict)
    """Official post id -> the citizens' comments under it, in order (each starts its own thread)."""
    reactions: dict[str, list[str]] = field(default_factory=dict)
    """Team reply or post id -> the citizen items reacting to it, in order."""
    notes: list[ObserverNote] = field(default_factory=list)
    triggers_fired: list[str] = field(default_factory=list)
    replies: dict[str, ReplyView] = field(default_factory=dict)
    reach: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Item or post id -> (people reached, shares), for everything that spreads."""
    duty: DutyLog = field(default_factory=lambda: DutyLog([], []))
    """Who held the duty from when."""
    grouper: Grouper = field(default_factory=Grouper)
    """Similar comments that need an answer, grouped (`drill.grouping`); read it through
    `groups()` and `group_of()`."""
    _waiting: dict[str, float] = field(default_factory=dict)
    """Items still waiting for an answer -> when they were posted (`drill.account.is_waiting`),
    oldest first (the first is the longest-waiting without a look at the others).
    Kept event by event so the console's counts cost nothing per tick."""

    @classmethod
    def from_events(cls, events: list[Event]) -> DrillState:
        state = cls()
        for event in events:
            state.apply(event)
        return state

    def apply(self, event: Event) -> None:
        self.now = max(self.now, event.t)
        t, p = event.t, event.payload
        match p:
            case DrillStarted():
                self.started = True
                self.scenario_id, self.seed, self.language = p.scenario_id, p.seed, p.language
                self.team, self.on_duty = list(p.team), p.on_duty
                self.duty.record(t, p.on_duty)
            case ItemPosted():
                self._posted(p, t)
            case ReplyPosted():
                self._replied(p, t, event.actor)
            case ReplyLiked():
                self.replies[p.reply_id].likes += 1
            case OfficialPostPublished():
                self.official_posts.append(OfficialPostView(p.post_id, t, event.actor, p.text, p.link, list(p.corrects)))
                for rumour in p.corrects:
                    self._corrected(rumour, t, "post", p.post_id)
            case ItemHidden() | ItemDeleted():
                item = self.items[p.item_id]
                item.visibility = "hidden" if isinstance(p, ItemHidden) else "deleted"
                item.removal_reason, item.removed_at = p.reason, t
                self._track(item)
            case ItemUnhidden() | ItemRestored():
                item = self.items[p.item_id]
                item.visibility, item.removal_reason, item.removed_at = "visible", None, None
                self._track(item)
            case ItemLiked():
                self.items[p.item_id].liked = True
            case ArchiveMarked(post=True):
                self.official_posts = [replace(post, archived=True) if post.post_id == p.item_id else post
                                       for post in self.official_posts]
            case ArchiveMarked():
                self.items[p.item_id].archived = True
            case DutyHandedOver():
                self.on_duty = p.to_member
                if p.to_member not in self.team:
                    self.team.append(p.to_member)
                self.duty.record(t, p.to_member)
            case ObserverNote():
                self.notes.append(p)
            case ClockChanged():
                self.speed, self.paused = p.speed, p.paused
            case TriggerFired():
                self.triggers_fired.append(p.trigger_id)
            case ReachUpdated():
                self.reach[p.item_id] = (p.reached, p.shares)
                reached = self.items.get(p.item_id)
                if reached:
                    reached.reach, reached.shares = p.reached, p.shares
            case DrillEnded():
                self.ended, self.end_reason = True, p.reason
            case _:
                pass

    def fork(self) -> DrillState:
        """An independent copy that further events can be applied to separately.

        The app's console reads its own copy while the engine, on a worker thread, moves the
        original on; both are then fed the same events. Copying is far cheaper than rebuilding
        from the events (no grouping again), and shares what never changes: texts, labels,
        answers, official posts, group signatures.
        """
        replies = {reply_id: replace(reply) for reply_id, reply in self.replies.items()}
        items = {}
        for item_id, item in self.items.items():
            copied = replace(item)
            if item.replies:
                copied.replies = [replies[r.reply_id] for r in item.replies]
            else:
                copied.replies = []
            items[item_id] = copied
        return DrillState(
            scenario_id=self.scenario_id, seed=self.seed, language=self.language, team=list(self.team),
            on_duty=self.on_duty, now=self.now, speed=self.speed, paused=self.paused, started=self.started,
            ended=self.ended, end_reason=self.end_reason, items=items,
            threads={root: list(ids) for root, ids in self.threads.items()},
            official_posts=list(self.official_posts),
            post_comments={post: list(ids) for post, ids in self.post_comments.items()},
            reactions={cause: list(ids) for cause, ids in self.reactions.items()},
            notes=list(self.notes), triggers_fired=list(self.triggers_fired), replies=replies,
            reach=dict(self.reach), duty=DutyLog(list(self.duty.times), list(self.duty.members)),
            grouper=self.grouper.fork(), _waiting=dict(self._waiting),
        )

    # --- views -------------------------------------------------------------------------

    def comments(self) -> list[ItemView]:
        return [i for i in self.items.values() if i.is_comment]

    def waiting(self) -> list[ItemView]:
        """Items still waiting for an answer (`drill.account.is_waiting`), oldest first."""
        return sorted((self.items[i] for i in self._waiting), key=lambda i: (i.t, i.item_id))

    @property
    def waiting_count(self) -> int:
        return len(self._waiting)

    def is_waiting(self, item_id: str) -> bool:
        return item_id in self._waiting

    def oldest_waiting(self, now: float | None = None) -> float | None:
        """How long the longest-waiting item has waited at `now` (default: the last event)."""
        now = self.now if now is None else now
        return now - next(iter(self._waiting.values())) if self._waiting else None

    def thread_root(self, item_id: str) -> str:
        return self.items[item_id].thread_id

    def groups(self, min_count: int = 1) -> list[Group]:
        """Groups of similar comments with at least `min_count` members still waiting for an
        answer, longest-waiting first. Each has `group_id`, `count` (waiting members),
        `waiting` (their ids -> when posted, oldest first), `representative` and `oldest_t`."""
        return self.grouper.waiting_groups(min_count)

    def post(self, post_id: str | None) -> OfficialPostView | None:
        """The team's official post with this id (None for no id or another id)."""
        return next((p for p in self.official_posts if p.post_id == post_id), None) if post_id else None

    def group_of(self, item_id: str) -> Group | None:
        """The group of similar comments an item belongs to (None: it needs no answer, or is
        not a comment on the page)."""
        return self.grouper.group_of(item_id)


    # --- the reducer's steps ------------------------------------------------------------

    def _posted(self, p: ItemPosted, t: float) -> None:
        thread_id = p.thread_id or p.item_id
        item = ItemView(
            item_id=p.item_id, t=t, channel=p.channel, author=p.author, author_role=p.author_role,
            text=p.text, thread_id=thread_id, parent_id=p.parent_id, labels=p.labels, source=p.source,
            source_id=p.source_id, spreads=p.spreads, template=p.template, on_post=p.on_post,
            caused_by=p.caused_by, last_activity=t, need=need_of(p.labels),
        )
        if p.on_post is not None:
            self.post_comments.setdefault(p.on_post, []).append(p.item_id)
        if p.caused_by is not None:
            self.reactions.setdefault(p.caused_by, []).append(p.item_id)
        self.items[p.item_id] = item
        # A reaction ("that was no answer to my question") asks about its own thread: never grouped.
        if item.need is Need.answer and item.is_comment and item.source != "reaction":
            self.grouper.add(item.item_id, item.text, item.template)
        if p.thread_id:
            self.threads.setdefault(thread_id, []).append(p.item_id)
            root = self.items.get(thread_id)
            if root:
                root.last_activity = t
        self._track(item)

    def _replied(self, p: ReplyPosted, t: float, actor: str) -> None:
        reply = ReplyView(p.reply_id, p.item_id, t, actor, p.text, p.public, list(p.corrects), p.group, p.post)
        self.replies[p.reply_id] = reply
        item = self.items[p.item_id]
        item.replies.append(reply)
        item.last_activity = t
        self._answer(item, "link" if p.post else "group" if p.group else "reply", t, p.reply_id)
        root = self.items.get(item.thread_id)
        if root:
            root.last_activity = t
        # A reply in a thread answers everything posted in it before the reply.
        for other_id in (item.thread_id, *self.threads.get(item.thread_id, ())):
            other = self.items.get(other_id)
            if other is not None and other.t <= t:
                self._answer(other, "thread", t, p.reply_id)
        for rumour in p.corrects:
            self._corrected(rumour, t, "correction", p.reply_id)

    def _corrected(self, item_id: str, t: float, how: AnswerHow, by: str) -> None:
        item = self.items.get(item_id)
        if item is None:
            return
        if item.corrected_at is None:
            item.corrected_at = t
        self._answer(item, how, t, by)

    def _answer(self, item: ItemView, how: AnswerHow, t: float, by: str) -> None:
        if item.answer is None:
            item.answer = Answer(how, t, by)
            self._track(item)

    def _track(self, item: ItemView) -> None:
        """Keep the waiting index in step with `drill.account.is_waiting`, oldest first."""
        if is_waiting(item):
            if item.item_id not in self._waiting:
                newest = next(reversed(self._waiting.values()), None)
                self._waiting[item.item_id] = item.t
                if newest is not None and item.t < newest:  # a restored older comment waits again
                    self._waiting = dict(sorted(self._waiting.items(), key=lambda kv: (kv[1], kv[0])))
            self.grouper.wait(item.item_id, item.t)
        else:
            self._waiting.pop(item.item_id, None)
            self.grouper.settle(item.item_id)


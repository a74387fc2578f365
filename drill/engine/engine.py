"""The drill engine: a scenario, a seed and the team's actions in; events out.

Pure and deterministic: no I/O, no wall clock. Everything that will happen is kept in one
priority queue ordered by (simulated time, kind, insertion order); `advance_to(t)` works
through it, `apply(action)` turns a team action into events at the current time. The same
inputs give the same events whether the clock is driven by the app's timer in small steps
or by `drill run` jumping from one happening to the next, because every decision is taken
at a scheduled instant, never at "whenever advance_to happened to be called".
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drill.account import needs_answer
from drill.engine.actions import (
    Action,
    Archive,
    Delete,
    EndDrill,
    FireInject,
    GroupReply,
    Handover,
    Hide,
    Like,
    Note,
    OfficialPost,
    PostInject,
    Reply,
    Restore,
    SetClock,
    Unhide,
)
from drill.engine.reactions import REACTED_REPLIES, CitizenReactions, Planned, ReplyJudge
from drill.engine.seeds import derive_seed
from drill.engine.spread_port import Progress, SpreadPort
from drill.engine.streams import GeneratedComment, StreamGenerator
from drill.errors import DrillError
from drill.events import (
    SYSTEM,
    TRAINER,
    ArchiveMarked,
    ClockChanged,
    CounterfactualReach,
    DrillEnded,
    InjectRequested,
    DrillStarted,
    DutyHandedOver,
    Event,
    ItemDeleted,
    ItemHidden,
    ItemLiked,
    ItemPosted,
    ItemSource,
    ItemRestored,
    ItemUnhidden,
    ObserverNote,
    OfficialPostPublished,
    Payload,
    ReachUpdated,
    ReplyLiked,
    ReplyPosted,
    TriggerFired,
)
from drill.post_ids import official_post_id
from drill.scenario.models import (
    CHANNEL_KIND,
    Channel,
    DeletionReason,
    InjectContent,
    ItemKind,
    Labels,
    Scenario,
    SpreadSpec,
    Trigger,
)
from drill.state import DrillState, ItemView
from drill.voices import VoiceWriter

ENGINE_VERSION = 6
"""2: a team post's draws are keyed by what it answers and when; repeating triggers are bounded.
3: citizens comment under official posts and react to replies and corrections.
4: a reply under a rumour corrects it only when it says whether the claim is true.
5: so does a reply or post that names a rumour as corrected.
6: a comment labelled as showing personal data may be removed for it: hiding it sets off no censorship
   outcry; a hedged guess that leans to a rumour ("det kan godt hende at …") corrects nothing, nor does
   a reply that shares its words but neither says whether it is true nor who will say."""
SPREAD_TICK = 60.0
"""Simulated seconds between reach updates (and between reach-driven comment batches)."""

# Order of happenings that fall on the same instant.
_INJECT, _STREAM, _DRIVEN, _REACT, _CHECK, _FIRE, _TICK, _END = range(8)

SpreadFactory = Callable[[Scenario, int], SpreadPort]

_CROWD = frozenset({"citizen", "local_profile", "troll", "journalist"})
"""Who answers back on the page (the police or the mayor commenting do not react to a reply)."""


class ActionRejected(DrillError):
    """The action does not fit the drill as it stands (e.g. replying to a deleted comment).

    `reason` names the rule in a few words (`already_liked`) and `details` holds its values, so a
    screen can say the same in the team's language; the message itself is plain English for
    logs and team scripts.
    """

    def __init__(self, message: str, *, reason: str = "", **details: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.details = details


@dataclass(order=True)
class _Due:
    t: float
    order: int
    counter: int
    kind: str
    key: Any = None


class DrillEngine:
    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        *,
        scenario_hash: str = "",
        spread_factory: SpreadFactory | None = None,
        defer_impacts: bool = False,
        judge: ReplyJudge | None = None,
    ) -> None:
        self.scenario = scenario
        self.judge = judge
        """Whether a team reply was good or poor, for the citizens' reactions to it (none without)."""
        self._citizens = CitizenReactions(scenario, seed)
        self._depth: dict[str, int] = {}
        """Reaction items -> how many reactions deep they are (reactions stop at `MAX_DEPTH`)."""
        self.defer_impacts = defer_impacts
        """When the drill ends, leave the counterfactual replays to the caller (``compute_impacts``
        then ``complete_end``), so an app can run them off its UI loop. The events are the same."""
        self._ending: tuple[str, str] | None = None
        self.seed = seed
        self.scenario_hash = scenario_hash
        self.state = DrillState()
        self.events: list[Event] = []
        self.keep_events = True
        """Keep every event in `events`. A live drill lets its session file keep them instead
        (`LiveDrill.let_go_of_events`): 100,000 events are 180 MB of Python objects."""
        self._emitted = 0
        self._queue: list[_Due] = []
        self._counter = 0
        self._fresh: list[Event] = []
        self._spread = spread_factory(scenario, seed) if spread_factory else None
        self._streams = [StreamGenerator(s, scenario, seed) for s in scenario.streams]
        self._voice = VoiceWriter(
            derive_seed(seed, "inject-voice") % (2**31),
            scenario.language,
            scenario.municipality.name,
            scenario.municipality.places,
        )
        self._fired: set[str] = set()
        self._driver_reach: dict[int, int] = {}
        """Reach of each driven stream's driver at the last tick (its new reach drives comments)."""
        self._early: set[str] = set()
        """Injects the trainer posted ahead of their time; skipped when their time comes."""
        self._pending_fire: set[str] = set()
        self._fire_count: dict[str, int] = {}
        self._next_fire_allowed: dict[str, float] = {}
        self._draw_keys: dict[str, int] = {}
        self._post_count: dict[str, int] = {}
        self._replies = 0
        self._posts = 0

    # --- time ----------------------------------------------------------------------------

    @property
    def now(self) -> float:
        return self.state.now

    @property
    def duration(self) -> float:
        return float(self.scenario.duration)

    @property
    def has_spread(self) -> bool:
        return self._spread is not None

    @property
    def ending(self) -> bool:
        """The drill is over but its counterfactuals are still to be recorded (``defer_impacts``)."""
        return self._ending is not None

    def start(self) -> list[Event]:
        if self.state.started:
            raise ActionRejected("The drill has already started.", reason="already_started")
        team = list(self.scenario.team)
        self._emit(
            SYSTEM,
            DrillStarted(
                scenario_id=self.scenario.id,
                scenario_title=self.scenario.title,
                scenario_hash=self.scenario_hash,
                seed=self.seed,
                language=self.scenario.language.value,
                team=team,
                on_duty=team[0] if team else None,
                engine_version=ENGINE_VERSION,
            ),
        )
        for index, inject in enumerate(self.scenario.injects):
            if inject.at is not None:
                self._schedule(inject.at, _INJECT, "inject", index)
        for index, generator in enumerate(self._streams):
            first = generator.next_time()
            if first is not None:
                self._schedule(first, _STREAM, "stream", index)
        for index, trigger in enumerate(self.scenario.triggers):
            if trigger.when.no_official_post_by is not None:
                self._schedule(trigger.when.no_official_post_by, _CHECK, "check", index)
        if self._spread is not None or any(s.driven_by for s in self.scenario.streams):
            tick = 0.0
            while tick < self.duration:
                self._schedule(tick, _TICK, "tick")
                tick += SPREAD_TICK
        self._schedule(self.duration, _END, "end")
        return self._take()

    def next_time(self) -> float | None:
        """When the next scheduled happening is due (None once the drill has ended)."""
        if self.state.ended or self._ending is not None or not self._queue:
            return None
        return self._queue[0].t

    def advance_to(self, t: float) -> list[Event]:
        if not self.state.started:
            raise ActionRejected("Start the drill first.", reason="not_started")
        self._run_due(t)
        return self._take()

    def _run_due(self, t: float) -> None:
        target = round(min(t, self.duration), 3)
        while self._queue and self._queue[0].t <= target and not self.state.ended and self._ending is None:
            due = heapq.heappop(self._queue)
            self.state.now = max(self.state.now, due.t)
            self._handle(due)
        if not self.state.ended and self._ending is None:
            self.state.now = max(self.state.now, target)

    # --- team actions ----------------------------------------------------------------------

    def apply(self, action: Action, by: str | None = None) -> list[Event]:
        if not self.state.started:
            raise ActionRejected("The drill has not started yet.", reason="not_started")
        if self.state.ended or self._ending is not None:
            raise ActionRejected("The drill has ended; nothing more can be done in it.", reason="ended")
        # Whatever is due at this instant happens first (the comment exists before the answer),
        # exactly as a replay that advances to the action's time and then applies it.
        self._run_due(self.now)
        if self.state.ended or self._ending is not None:
            raise ActionRejected("The drill has ended; nothing more can be done in it.", reason="ended")
        actor = by or self.state.on_duty or "team"
        handler = getattr(self, f"_do_{action.type}")
        handler(action, actor)
        return self._take()

    def _do_reply(self, action: Reply, actor: str) -> None:
        item = self._replyable(action.item)
        self._check_post(action.post)
        self._reply(item, action.text, self._corrections(action.corrects, item, action.text, action.post), actor,
                    post=action.post)

    def _do_group_reply(self, action: GroupReply, actor: str) -> None:
        """One event per member, each in its own thread, all naming the first reply as the group:
        the log says plainly who got the answer, and a replay re-sends exactly those."""
        first = self._replyable(action.item)
        self._check_post(action.post)
        if action.items is not None:
            members = [self._replyable(i) for i in dict.fromkeys(action.items)]
        else:
            group = self.state.group_of(first.item_id)
            waiting = list(group.waiting) if group is not None else []
            members = [first] + [self.state.items[i] for i in waiting if i != first.item_id]
        group_id = f"r{self._replies + 1:04d}"
        for index, member in enumerate(members):
            named = action.corrects if index == 0 else []
            self._reply(member, action.text, self._corrections(named, member, action.text, action.post), actor,
                        post=action.post,
                        group=group_id)

    def _replyable(self, item_id: str) -> ItemView:
        item = self._item(item_id)
        if item.visibility == "deleted":
            raise ActionRejected(f"Comment {item.item_id} is deleted; restore it before replying.", reason="reply_deleted")
        return item

    def _check_post(self, post_id: str | None) -> None:
        if post_id is not None and self.state.post(post_id) is None:
            raise ActionRejected(f"There is no official post '{post_id}'.", reason="no_post")

    def _reply(self, item: ItemView, text: str, corrects: list[str], actor: str, *, post: str | None = None,
               group: str | None = None) -> None:
        self._replies += 1
        reply_id = f"r{self._replies:04d}"
        uncorrected = self._uncorrected(corrects)
        self._emit(
            actor,
            ReplyPosted(
                reply_id=reply_id, item_id=item.item_id, thread_id=item.thread_id, text=text,
                public=item.is_comment, corrects=corrects, group=group, post=post,
            ),
        )
        self._react_to_reply(item, reply_id, text, post)
        self._react_to_corrections(uncorrected, reply_id)
        # A reply travels with the thread it answers: only a thread that spreads carries it.
        root = self.state.items.get(item.thread_id)
        if self._spread is not None and root is not None and root.spreads and corrects:
            self._spread.start(
                reply_id, at=self.now, role="correction", corrects=corrects,
                key=self._draw_key(f"reply:{item.item_id}"),
            )
        self._event_triggers(lambda c: c.replied_to == item.item_id)

    def _do_official_post(self, action: OfficialPost, actor: str) -> None:
        corrects = self._corrections(action.corrects, None, action.text)
        self._posts += 1
        post_id = official_post_id(self._posts)
        uncorrected = self._uncorrected(corrects)
        self._emit(
            actor,
            OfficialPostPublished(post_id=post_id, text=action.text, link=action.link, corrects=corrects),
        )
        for planned in self._citizens.under_post(post_id, self.now, self.duration):
            self._schedule(planned.t, _REACT, "react", (planned, 0))
        self._react_to_corrections(uncorrected, post_id)
        if self._spread is not None:
            # Posted on the page: the followers' feeds carry it (no single author shares it).
            # It spreads as the municipality's voice even when it names no rumour.
            self._spread.start(
                post_id, at=self.now, role="correction", corrects=corrects,
                key=self._draw_key("post:" + ("+".join(sorted(corrects)) or "-")),
            )
        self._event_triggers(lambda c: bool(c.official_post))

    # --- citizens answering back (drill/engine/reactions.py) -----------------------------

    def _react_to_reply(self, item: ItemView, reply_id: str, text: str, post: str | None) -> None:
        if self.judge is None or not item.is_comment or item.author_role not in _CROWD:
            return
        if len(item.replies) > REACTED_REPLIES:
            return  # people answer back to the first replies they get, not to the tenth
        post_text = self._post_text(post)
        verdict = self.judge(text, item.text, claim=bool(item.labels.false_claim), post=post_text,
                             asked=needs_answer(item))
        depth = self._depth.get(item.item_id, 0)
        for planned in self._citizens.to_reply(item.item_id, item.author, reply_id, verdict, self.now,
                                               len(item.replies), depth, waited=self.now - item.t):
            self._schedule(planned.t, _REACT, "react", (planned, depth + 1))

    def _uncorrected(self, corrects: list[str]) -> list[str]:
        return [r for r in corrects if r in self.state.items and self.state.items[r].corrected_at is None]

    def _react_to_corrections(self, rumours: list[str], by: str) -> None:
        """Someone whose rumour was corrected for the first time may accept it or dispute it."""
        for rumour_id in rumours:
            rumour = self.state.items[rumour_id]
            if rumour.author_role not in _CROWD or not rumour.is_comment:
                continue
            depth = self._depth.get(rumour_id, 0)
            for planned in self._citizens.to_correction(rumour_id, rumour.author, by, self.now):
                self._schedule(planned.t, _REACT, "react", (planned, depth + 1))

    def _post_reaction(self, planned: Planned, depth: int) -> None:
        if planned.like:
            if planned.caused_by in self.state.replies:
                self._emit(SYSTEM, ReplyLiked(reply_id=planned.caused_by, author=planned.author))
            return
        thread_id = parent_id = None
        if planned.thread_of is not None:
            parent = self.state.items.get(planned.thread_of)
            root = self.state.items.get(parent.thread_id) if parent is not None else None
            if parent is None or parent.visibility == "deleted" or (root is not None and root.visibility == "deleted"):
                return  # nobody answers in a thread that is gone
            thread_id, parent_id = parent.thread_id, parent.item_id
        self._depth[planned.item_id] = depth
        self._emit(
            SYSTEM,
            ItemPosted(
                item_id=planned.item_id, channel=Channel.comment, author=planned.author, author_role="citizen",
                text=planned.text, thread_id=thread_id, parent_id=parent_id, source=planned.source,
                source_id=planned.source_id, labels=planned.labels, on_post=planned.on_post,
                caused_by=planned.caused_by, template=planned.template,
            ),
        )

    def _do_hide(self, action: Hide, actor: str) -> None:
        item = self._item(action.item)
        if item.visibility != "visible":
            raise ActionRejected(f"Comment {item.item_id} is already {item.visibility}.", reason=f"already_{item.visibility}")
        self._check_reason(action.reason, action.note)
        self._emit(actor, ItemHidden(item_id=item.item_id, reason=action.reason, note=action.note))
        self._removed(item)

    def _do_unhide(self, action: Unhide, actor: str) -> None:
        item = self._item(action.item)
        if item.visibility != "hidden":
            raise ActionRejected(f"Comment {item.item_id} is not hidden.", reason="not_hidden")
        self._emit(actor, ItemUnhidden(item_id=item.item_id))

    def _do_delete(self, action: Delete, actor: str) -> None:
        item = self._item(action.item)
        if item.visibility == "deleted":
            raise ActionRejected(f"Comment {item.item_id} is already deleted.", reason="already_deleted")
        self._check_reason(action.reason, action.note)
        self._emit(actor, ItemDeleted(item_id=item.item_id, reason=action.reason, note=action.note))
        self._removed(item)
        self._event_triggers(lambda c: c.deleted == item.item_id)

    def _do_restore(self, action: Restore, actor: str) -> None:
        item = self._item(action.item)
        if item.visibility != "deleted":
            raise ActionRejected(f"Comment {item.item_id} is not deleted.", reason="not_deleted")
        self._emit(actor, ItemRestored(item_id=item.item_id))

    def _do_like(self, action: Like, actor: str) -> None:
        item = self._item(action.item)
        if item.liked:
            raise ActionRejected(f"Comment {item.item_id} is already liked.", reason="already_liked")
        self._emit(actor, ItemLiked(item_id=item.item_id))

    def _do_archive(self, action: Archive, actor: str) -> None:
        """A citizen item, or else one of the team's own posts (its id, p001 …), marked for the archive."""
        post = None if action.item in self.state.items else self.state.post(action.item)
        if post is not None:
            if post.archived:
                raise ActionRejected(f"Post {post.post_id} is already marked for the archive.",
                                     reason="already_archived")
            self._emit(actor, ArchiveMarked(item_id=post.post_id, note=action.note, post=True))
            return
        item = self._item(action.item)
        if item.archived:
            raise ActionRejected(f"Item {item.item_id} is already marked for the archive.", reason="already_archived")
        self._emit(actor, ArchiveMarked(item_id=item.item_id, note=action.note))

    def _do_handover(self, action: Handover, actor: str) -> None:
        if action.to == self.state.on_duty:
            raise ActionRejected(f"{action.to} is already on duty.", reason="already_on_duty", member=action.to)
        self._emit(actor, DutyHandedOver(from_member=self.state.on_duty, to_member=action.to))

    def _do_note(self, action: Note, actor: str) -> None:
        if action.item is not None:
            self._item(action.item)
        self._emit(actor, ObserverNote(text=action.text, item_id=action.item))

    def _do_set_clock(self, action: SetClock, actor: str) -> None:
        self._emit(actor, ClockChanged(speed=action.speed, paused=action.paused))

    def _do_end(self, action: EndDrill, actor: str) -> None:
        self._finish(actor, "ended_by_trainer" if actor == TRAINER else "ended_by_team")

    def _draw_key(self, base: str) -> str:
        """What a team post's random draws are keyed by: what it answers or corrects, and the minute.

        Not its running number: an unrelated earlier reply would shift every later number and
        with it every later draw, so reach compared across teams would mostly measure that.
        A second post with the same key in the same minute gets `#2`, counted only among those.
        """
        key = f"{base}@{int(self.now // 60)}"
        count = self._draw_keys.get(key, 0) + 1
        self._draw_keys[key] = count
        return key if count == 1 else f"{key}#{count}"

    def _finish(self, actor: str, reason: str) -> None:
        """Record what the corrections were worth, then the end itself.

        With ``defer_impacts`` the replays are left to the caller: the drill stops here and
        ``complete_end`` records the same events once ``compute_impacts`` has run.
        """
        self._queue.clear()
        self._ending = (actor, reason)
        if self._spread is not None:
            self._report_reach(self.now)  # the final reach, so it matches the counterfactuals' "actual"
            if self.defer_impacts and self._spread.rumours_to_replay():
                return
        self._record_end(self.compute_impacts())

    def compute_impacts(self, progress: Progress | None = None) -> list[CounterfactualReach]:
        """The counterfactual events of the drill as it ended. Reads the spread model only, so it
        may run on a worker thread while the engine waits in ``ending``."""
        if self._spread is None:
            return []
        from drill.engine.impact import rumour_impacts

        target = self.scenario.expectations.correction_within
        return rumour_impacts(self._spread, self.now, target=target, progress=progress)

    def complete_end(self, impacts: list[CounterfactualReach]) -> list[Event]:
        """Record the counterfactuals and the end of a drill that is ``ending``; returns the new events."""
        if self._ending is None:
            raise ActionRejected("The drill is not ending.", reason="not_ending")
        self._record_end(impacts)
        return self._take()

    def _record_end(self, impacts: list[CounterfactualReach]) -> None:
        assert self._ending is not None
        actor, reason = self._ending
        self._ending = None
        for impact in impacts:
            self._emit(SYSTEM, impact)
        self._emit(actor, DrillEnded(reason=reason))  # type: ignore[arg-type]

    def _do_fire_inject(self, action: FireInject, actor: str) -> None:
        inject = self.scenario.inject(action.inject)
        if inject is None:
            raise ActionRejected(f"The scenario has no inject '{action.inject}'.", reason="no_inject")
        if inject.id in self._early or inject.id in self.state.items:
            raise ActionRejected(f"Inject '{inject.id}' has already been posted.", reason="inject_posted")
        item_id = self._fresh_id(inject.id, always_number=False)
        self._early.add(inject.id)
        self._emit(actor, InjectRequested(inject_id=inject.id, item_id=item_id))
        self._post_content(inject, item_id, source="inject", source_id=inject.id)

    def _do_post_inject(self, action: PostInject, actor: str) -> None:
        if action.content.thread is not None:
            self._item(action.content.thread)
        item_id = self._fresh_id("adhoc", always_number=True)
        self._emit(actor, InjectRequested(content=action.content, item_id=item_id))
        self._post_content(action.content, item_id, source="trainer", source_id=item_id)

    def _item(self, item_id: str) -> ItemView:
        item = self.state.items.get(item_id)
        if item is None:
            raise ActionRejected(f"There is no item '{item_id}' (yet).", reason="no_item")
        return item

    def _check_reason(self, reason: DeletionReason, note: str) -> None:
        if reason == DeletionReason.other and not note.strip():
            raise ActionRejected("With reason 'other', write a note saying which rule applies.", reason="note_needed")

    def _corrections(self, named: list[str], item: ItemView | None, text: str = "",
                     post: str | None = None) -> list[str]:
        """Rumours an answer corrects: those the team names and the rumour it answers (and its
        thread's), each only when the answer says whether that claim is true (`_says_whether`).
        Naming a rumour is the team's claim about its own text, and a claim is not taken on trust:
        "we are looking into it" with the rumour ticked stops nothing and answers nothing, as the
        score reads it."""
        corrects: list[str] = []
        for item_id in named:
            rumour = self._item(item_id)
            if self._says_whether(text, rumour, post):
                corrects.append(item_id)
        if item is not None:
            root = self.state.items.get(item.thread_id)
            for candidate in (item, root):
                if candidate is not None and candidate.labels.false_claim and self._says_whether(text, candidate, post):
                    corrects.append(candidate.item_id)
        return sorted(set(corrects), key=corrects.index)

    def _post_text(self, post: str | None) -> str | None:
        """The text of the official post a reply points to (None when it points to none)."""
        found = self.state.post(post)
        return found.text if found is not None else None

    def _says_whether(self, text: str, claim: ItemView, post: str | None) -> bool:
        """Whether a reply under a rumour corrects it, as the score reads it: it addresses the claim
        (says whether it is true, or who will say), where "we are looking into it" and "yes, that
        is right" do not. The judge reads it; an engine without one takes every reply for one."""
        if self.judge is None:
            return True
        post_text = self._post_text(post)
        return self.judge(text, claim.text, claim=True, post=post_text) != "unanswered"

    def _removed(self, item: ItemView) -> None:
        if self._spread is not None and item.spreads:
            self._spread.stop(item.item_id, at=self.now)
        if item.labels.deletion_justified is False:
            self._event_triggers(lambda c: bool(c.wrongful_deletion))

    # --- scheduled happenings --------------------------------------------------------------

    def _schedule(self, t: float, order: int, kind: str, key: Any = None) -> None:
        self._counter += 1
        # Millisecond resolution everywhere, so a time recorded in the log can be replayed exactly.
        heapq.heappush(self._queue, _Due(round(float(t), 3), order, self._counter, kind, key))

    def _handle(self, due: _Due) -> None:
        if due.kind == "inject":
            inject = self.scenario.injects[due.key]
            if inject.id in self._early:
                return  # the trainer already posted it
            self._post_content(inject, inject.id, source="inject", source_id=inject.id)
        elif due.kind == "stream":
            generator = self._streams[due.key]
            self._post_generated(generator, generator.pop_base())
            following = generator.next_time()
            if following is not None:
                self._schedule(following, _STREAM, "stream", due.key)
        elif due.kind == "driven":
            generator = self._streams[due.key]
            self._post_generated(generator, generator.make_at(due.t))
        elif due.kind == "react":
            self._post_reaction(*due.key)
        elif due.kind == "check":
            self._deadline(due.key)
        elif due.kind == "fire":
            self._fire(due.key)
        elif due.kind == "tick":
            self._tick(due.t)
        elif due.kind == "end":
            self._finish(SYSTEM, "time_up")

    def _post_content(self, content: InjectContent, item_id: str, *, source: ItemSource, source_id: str) -> None:
        persona = self.scenario.persona(content.from_)
        if persona is not None:
            author, role = persona.name, persona.role.value
        else:
            # A citizen costs one name draw whether the scenario names them or not, so naming one
            # (a comment that says who wrote it: "Jeg heter Liv Aasen") renames no citizen after it.
            drawn = self._voice.author()
            author, role = content.from_ or drawn, "citizen"
        labels = content.labels or Labels(kind=CHANNEL_KIND.get(content.type, ItemKind.info))
        thread_id = parent_id = None
        if content.thread is not None:
            parent = self.state.items.get(content.thread)
            if parent is None:
                return  # the thread's first comment never appeared (a trigger that did not fire)
            thread_id, parent_id = parent.thread_id, parent.item_id
        spec = content.spread or (SpreadSpec(share_probability=0.08) if labels.false_claim else None)
        spreads = spec is not None and self._spread is not None and content.type == Channel.comment
        self._emit(
            SYSTEM,
            ItemPosted(
                item_id=item_id, channel=content.type, author=author, author_role=role, text=content.text,
                thread_id=thread_id, parent_id=parent_id, source=source, source_id=source_id,
                labels=labels, spreads=spreads,
            ),
        )
        if spreads and spec is not None and self._spread is not None:
            self._spread.start(
                item_id, at=self.now, role="rumour" if labels.false_claim else "neutral",
                share_probability=spec.share_probability, seeds=spec.seeds, influential=spec.influential,
            )
        for index, trigger in enumerate(self.scenario.triggers):
            condition = trigger.when
            watched = condition.no_reply_to or condition.not_corrected
            # Scheduled and trigger-posted injects both carry the inject's id as source_id.
            if watched == source_id == item_id and condition.within is not None:
                self._schedule(self.now + condition.within, _CHECK, "check", index)

    def _post_generated(self, generator: StreamGenerator, comment: GeneratedComment) -> None:
        stream = generator.stream
        thread_id = parent_id = None
        if stream.thread is not None:
            parent = self.state.items.get(stream.thread)
            if parent is None or parent.visibility == "deleted":
                return
            thread_id, parent_id = parent.thread_id, parent.item_id
        self._emit(
            SYSTEM,
            ItemPosted(
                item_id=comment.item_id, channel=Channel.comment, author=comment.author, author_role="citizen",
                text=comment.text, thread_id=thread_id, parent_id=parent_id, source="stream",
                source_id=stream.id, labels=comment.labels, template=comment.template,
            ),
        )

    def _report_reach(self, t: float) -> None:
        assert self._spread is not None
        for snapshot in sorted(self._spread.advance(t), key=lambda s: s.item_id):
            self._emit(SYSTEM, ReachUpdated(item_id=snapshot.item_id, reached=snapshot.reached, shares=snapshot.shares))

    def _tick(self, t: float) -> None:
        if self._spread is not None:
            self._report_reach(t)
            for index, trigger in enumerate(self.scenario.triggers):
                condition = trigger.when
                if condition.reach_above is not None and condition.of is not None:
                    reached = self.state.reach.get(condition.of, (0, 0))[0]
                    if reached > condition.reach_above:
                        self._arm(index)
        for index, generator in enumerate(self._streams):
            driver = generator.stream.driven_by
            if driver is None:
                continue
            reached = self.state.reach.get(driver, (0, 0))[0]
            newly = reached - self._driver_reach.get(index, 0)
            self._driver_reach[index] = reached
            for when in generator.driven_times(t, t + SPREAD_TICK, newly):
                self._schedule(when, _DRIVEN, "driven", index)

    # --- triggers ---------------------------------------------------------------------------

    def _deadline(self, index: int) -> None:
        condition = self.scenario.triggers[index].when
        if condition.no_official_post_by is not None:
            met = not self.state.official_posts
        elif condition.no_reply_to is not None:
            item = self.state.items.get(condition.no_reply_to)
            met = item is not None and not item.answered
        elif condition.not_corrected is not None:
            item = self.state.items.get(condition.not_corrected)
            met = item is not None and item.corrected_at is None and item.visibility == "visible"
        else:
            met = False
        if met:
            self._arm(index)

    def _event_triggers(self, matches: Callable[[Any], bool]) -> None:
        for index, trigger in enumerate(self.scenario.triggers):
            if matches(trigger.when):
                self._arm(index)

    def _arm(self, index: int) -> None:
        trigger = self.scenario.triggers[index]
        at = self.now + trigger.after
        if trigger.repeat:
            # A repeating trigger is bounded: a cooldown between firings and a cap in all.
            cooldown, cap = trigger.repeat_limits()
            count = self._fire_count.get(trigger.id, 0)
            if (cap is not None and count >= cap) or at < self._next_fire_allowed.get(trigger.id, -1.0):
                return
            self._fire_count[trigger.id] = count + 1
            self._next_fire_allowed[trigger.id] = at + cooldown
        elif trigger.id in self._fired or trigger.id in self._pending_fire:
            return
        self._pending_fire.add(trigger.id)
        self._schedule(at, _FIRE, "fire", index)

    def _fire(self, index: int) -> None:
        trigger: Trigger = self.scenario.triggers[index]
        self._pending_fire.discard(trigger.id)
        if not trigger.repeat and trigger.id in self._fired:
            return
        self._fired.add(trigger.id)
        planned: list[tuple[str, InjectContent, str]] = []
        for ref in trigger.fire:
            inject = self.scenario.inject(ref)
            if inject is not None:
                planned.append((self._fresh_id(inject.id, always_number=False), inject, inject.id))
        for content in trigger.then:
            planned.append((self._fresh_id(trigger.id, always_number=True), content, trigger.id))
        self._emit(SYSTEM, TriggerFired(trigger_id=trigger.id, items=[item_id for item_id, _, _ in planned]))
        for item_id, content, source_id in planned:
            self._post_content(content, item_id, source="trigger", source_id=source_id)

    def _fresh_id(self, base: str, *, always_number: bool) -> str:
        count = self._post_count.get(base, 0) + 1
        self._post_count[base] = count
        if not always_number and count == 1:
            return base
        return f"{base}-{count}"

    # --- recording ------------------------------------------------------------------------

    def _emit(self, actor: str, payload: Payload) -> None:
        self._emitted += 1
        event = Event(seq=self._emitted, t=round(self.now, 3), actor=actor, payload=payload)  # type: ignore[arg-type]
        if self.keep_events:
            self.events.append(event)
        self._fresh.append(event)
        self.state.apply(event)

    def _take(self) -> list[Event]:
        fresh, self._fresh = self._fresh, []
        return fresh

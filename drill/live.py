"""A drill being played: the engine wired to its session file.

Every batch of events the engine produces is committed before the caller sees it, so what is
on screen is always on disk. Resuming rebuilds the engine from the scenario text stored in
the file and the team's recorded actions; because the engine is deterministic, that yields
the recorded events again, which is checked before play goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
from drill.engine.engine import DrillEngine, SpreadFactory
from drill.engine.spread_port import Progress
from drill.errors import DrillError
from drill.events import (
    ArchiveMarked,
    ClockChanged,
    CounterfactualReach,
    DrillEnded,
    DutyHandedOver,
    Event,
    InjectRequested,
    ItemDeleted,
    ItemHidden,
    ItemLiked,
    ItemRestored,
    ItemUnhidden,
    ObserverNote,
    OfficialPostPublished,
    ReplyPosted,
)
from drill.scenario import LoadedScenario
from drill.state import DrillState
from drill.store import SessionStore
from scoring.judge import judge_for

Listener = Callable[[list[Event]], None]


def default_spread_factory() -> SpreadFactory | None:
    """The audience network model, when the spread package provides one."""
    try:
        from drill.engine.spread.adapter import spread_for_scenario
    except ImportError:
        return None
    return spread_for_scenario


class LiveDrill:
    def __init__(self, loaded: LoadedScenario, store: SessionStore, seed: int,
                 spread_factory: SpreadFactory | None = None) -> None:
        self.loaded = loaded
        self.store = store
        self.engine = DrillEngine(
            loaded.scenario, seed, scenario_hash=loaded.content_hash,
            spread_factory=spread_factory if spread_factory is not None else default_spread_factory(),
            judge=judge_for(loaded.scenario.language.value, loaded.scenario.official_numbers,
                            loaded.scenario.official_domains),
        )
        self.listeners: list[Listener] = []

    @classmethod
    def create(cls, loaded: LoadedScenario, out: Path | str, seed: int, *, overwrite: bool = False,
               spread_factory: SpreadFactory | None = None) -> LiveDrill:
        store = SessionStore.create(
            out, scenario_text=loaded.text, scenario_path=loaded.path, scenario_hash=loaded.content_hash,
            seed=seed, overwrite=overwrite,
        )
        drill = cls(loaded, store, seed, spread_factory)
        drill._record(drill.engine.start())
        return drill

    @classmethod
    def resume(cls, path: Path | str, spread_factory: SpreadFactory | None = None) -> LiveDrill:
        store = SessionStore.open(path)
        recorded = store.events()
        loaded = store.stored_scenario()
        drill = cls(loaded, store, store.seed, spread_factory)
        engine = drill.engine
        engine.start()
        for t, actor, action in actions_from_events(recorded):
            engine.advance_to(t)
            engine.apply(action, by=actor)
        if recorded:
            engine.advance_to(recorded[-1].t)
        replayed = [e.deterministic_view() for e in engine.events]
        expected = [e.deterministic_view() for e in recorded]
        if replayed[: len(expected)] != expected:
            raise DrillError(
                f"{path}: this session cannot be resumed: replaying it gives different events "
                "(was it recorded by another version of drill?). It can still be scored and replayed."
            )
        # Anything the engine produced beyond what was recorded (the interrupted tail) is saved now.
        store.append(engine.events[len(recorded):])
        return drill

    @property
    def state(self) -> DrillState:
        return self.engine.state

    @property
    def ended(self) -> bool:
        return self.engine.state.ended

    @property
    def ending(self) -> bool:
        """Over, with the counterfactuals still to compute (an engine with ``defer_impacts``)."""
        return self.engine.ending

    def compute_impacts(self, progress: Progress | None = None) -> list[CounterfactualReach]:
        """The end-of-drill counterfactuals; safe on a worker thread while the drill is ``ending``."""
        return self.engine.compute_impacts(progress)

    def complete_end(self, impacts: list[CounterfactualReach]) -> list[Event]:
        """Record the counterfactuals and the end (on the thread that owns the drill)."""
        return self._record(self.engine.complete_end(impacts))

    def advance_to(self, t: float) -> list[Event]:
        return self._record(self.engine.advance_to(t))

    def act(self, action: Action, by: str | None = None) -> list[Event]:
        return self._record(self.engine.apply(action, by=by))

    def let_go_of_events(self) -> None:
        """From now on the session file alone keeps the events (read them back with
        `store.iter_events`); the engine's `events` stay empty. A drill that runs for hours under
        a storm would otherwise hold every event as a Python object as well as on disk."""
        self.engine.keep_events = False
        self.engine.events.clear()

    def close(self) -> None:
        self.store.close()

    def _record(self, events: list[Event]) -> list[Event]:
        self.store.append(events)
        for listener in self.listeners:
            listener(events)
        return events


def actions_from_events(events: list[Event]) -> list[tuple[float, str, Action]]:
    """The team's actions, recovered from the events they caused (for resume and replay)."""
    actions: list[tuple[float, str, Action]] = []
    groups: dict[str, list[str]] = {}
    for event in events:
        if isinstance(event.payload, ReplyPosted) and event.payload.group is not None:
            groups.setdefault(event.payload.group, []).append(event.payload.item_id)
    for event in events:
        p = event.payload
        action: Action | None = None
        if isinstance(p, ReplyPosted) and p.group is not None:
            if p.group == p.reply_id:  # the group's first reply stands for the whole group reply
                action = GroupReply(item=p.item_id, text=p.text, corrects=p.corrects, post=p.post,
                                    items=groups[p.group])
        elif isinstance(p, ReplyPosted):
            action = Reply(item=p.item_id, text=p.text, corrects=p.corrects, post=p.post)
        elif isinstance(p, OfficialPostPublished):
            action = OfficialPost(text=p.text, link=p.link, corrects=p.corrects)
        elif isinstance(p, ItemHidden):
            action = Hide(item=p.item_id, reason=p.reason, note=p.note)
        elif isinstance(p, ItemUnhidden):
            action = Unhide(item=p.item_id)
        elif isinstance(p, ItemDeleted):
            action = Delete(item=p.item_id, reason=p.reason, note=p.note)
        elif isinstance(p, ItemRestored):
            action = Restore(item=p.item_id)
        elif isinstance(p, ItemLiked):
            action = Like(item=p.item_id)
        elif isinstance(p, ArchiveMarked):
            action = Archive(item=p.item_id, note=p.note)
        elif isinstance(p, DutyHandedOver):
            action = Handover(to=p.to_member)
        elif isinstance(p, ObserverNote):
            action = Note(text=p.text, item=p.item_id)
        elif isinstance(p, ClockChanged):
            action = SetClock(speed=p.speed, paused=p.paused)
        elif isinstance(p, InjectRequested):
            if p.inject_id:
                action = FireInject(inject=p.inject_id)
            elif p.content is not None:
                action = PostInject(content=p.content)
            else:  # the engine records one or the other
                raise ValueError(f"event {event.seq}: an inject request with neither an inject id nor content")
        elif isinstance(p, DrillEnded) and p.reason != "time_up":
            action = EndDrill()
        if action is not None:
            actions.append((event.t, event.actor, action))
    return actions

"""The one seam between the terminal app and a drill: `DrillConnection`.

The app never touches the engine, the store or the clock directly. It asks a connection
for the drill as it stands, hands it the wall time that passed, sends it the team's actions
and listens for new events. Today there are two implementations: `LocalConnection` runs
the drill in this process (the host's seat) and `ReplayConnection` replays a recorded
session read-only. A later seat that follows a shared session file from another terminal
only has to implement the same protocol.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from drill.engine.actions import Action, SetClock
from drill.engine.clock import target_after
from drill.engine.engine import ActionRejected
from drill.engine.spread_port import Progress
from drill.events import CounterfactualReach, DrillEnded, Event
from drill.live import LiveDrill
from drill.scenario.models import Scenario
from drill.state import DrillState
from drill.store import SessionStore

EventListener = Callable[[list[Event]], None]
"""Called with each batch of new events, on the thread that caused them (the app's)."""


@runtime_checkable
class DrillConnection(Protocol):
    """What a seat at the drill can see and do."""

    @property
    def scenario(self) -> Scenario: ...

    @property
    def state(self) -> DrillState:
        """The drill as it stands (read it, never change it)."""

    @property
    def events(self) -> Sequence[Event]:
        """Every event so far, in order."""

    @property
    def now(self) -> float:
        """Simulated seconds since the drill started, as this seat shows it."""

    @property
    def speed(self) -> float: ...

    @property
    def paused(self) -> bool: ...

    @property
    def ended(self) -> bool: ...

    @property
    def read_only(self) -> bool:
        """True when actions other than the clock's are refused (a replay, an observer)."""

    @property
    def session_path(self) -> Path | None: ...

    def tick(self, wall_seconds: float) -> list[Event]:
        """Let `wall_seconds` of real time pass at the current speed; returns the new events."""

    def apply(self, action: Action, by: str | None = None) -> list[Event]:
        """Do something in the drill; raises ActionRejected with a message for the team."""

    def add_listener(self, listener: EventListener) -> None: ...

    def close(self) -> None: ...


class LocalConnection:
    """The drill running in this process: a LiveDrill driven by the app's wall-clock ticks."""

    def __init__(self, live: LiveDrill) -> None:
        self._live = live
        # The app computes the end-of-drill counterfactuals in a worker, off its UI loop.
        live.engine.defer_impacts = True

    @property
    def live(self) -> LiveDrill:
        return self._live

    @property
    def scenario(self) -> Scenario:
        return self._live.loaded.scenario

    @property
    def state(self) -> DrillState:
        return self._live.state

    @property
    def events(self) -> Sequence[Event]:
        return self._live.engine.events

    @property
    def now(self) -> float:
        return self._live.state.now

    @property
    def speed(self) -> float:
        return self._live.state.speed

    @property
    def paused(self) -> bool:
        return self._live.state.paused

    @property
    def ended(self) -> bool:
        return self._live.ended

    @property
    def read_only(self) -> bool:
        return False

    @property
    def session_path(self) -> Path | None:
        return self._live.store.path

    @property
    def ending(self) -> bool:
        """Over, with the counterfactuals still being computed (see ``compute_impacts``)."""
        return self._live.ending

    def compute_impacts(self, progress: Progress | None = None) -> list[CounterfactualReach]:
        """The end-of-drill counterfactuals; the app calls this on a worker thread."""
        return self._live.compute_impacts(progress)

    def complete_end(self, impacts: list[CounterfactualReach]) -> list[Event]:
        """Record the counterfactuals and the end; on the app's thread."""
        return self._live.complete_end(impacts)

    def tick(self, wall_seconds: float) -> list[Event]:
        if self.ended or self.ending:
            return []
        state = self._live.state
        target = target_after(state.now, state.speed, state.paused, wall_seconds)
        if target <= state.now:
            return []
        return self._live.advance_to(target)

    def apply(self, action: Action, by: str | None = None) -> list[Event]:
        # Whatever is due at this very moment happens before the team acts, as it will when the
        # session is resumed (advance to the recorded time, then act). Right after the start the
        # t=0 injects are still queued; acting first would make the session unresumable.
        self._live.advance_to(self._live.state.now)
        return self._live.act(action, by=by)

    def add_listener(self, listener: EventListener) -> None:
        self._live.listeners.append(listener)

    def close(self) -> None:
        self._live.close()


class ReplayConnection:
    """A recorded session played back read-only, at any speed, forwards or backwards.

    No engine is involved: the recorded events are re-applied to a fresh DrillState up to
    the playback position, which is exactly what the team saw at that moment.
    """

    def __init__(self, scenario: Scenario, events: Sequence[Event], path: Path | None = None) -> None:
        self._scenario = scenario
        self._all = list(events)
        self._path = path
        self._state = DrillState()
        self._shown: list[Event] = []
        self._now = 0.0
        self._speed = 10.0
        self._paused = True
        self._listeners: list[EventListener] = []
        self._end = self._all[-1].t if self._all else 0.0
        self._play_until(0.0)

    @classmethod
    def open(cls, path: Path | str) -> ReplayConnection:
        with SessionStore.open(path) as store:
            events = store.events()
            loaded = store.stored_scenario()
        return cls(loaded.scenario, events, Path(path))

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def state(self) -> DrillState:
        return self._state

    @property
    def events(self) -> Sequence[Event]:
        return self._shown

    @property
    def recorded(self) -> Sequence[Event]:
        return self._all

    @property
    def now(self) -> float:
        return self._now

    @property
    def end_time(self) -> float:
        return self._end

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def ended(self) -> bool:
        """True once playback has shown the whole recording."""
        return len(self._shown) == len(self._all)

    @property
    def recorded_end_reason(self) -> str | None:
        """How the recorded drill ended; None if it was interrupted."""
        ends = [e.payload.reason for e in self._all if isinstance(e.payload, DrillEnded)]
        return ends[-1] if ends else None

    @property
    def read_only(self) -> bool:
        return True

    @property
    def session_path(self) -> Path | None:
        return self._path

    def tick(self, wall_seconds: float) -> list[Event]:
        if self._paused or wall_seconds <= 0 or self.ended:
            return []
        return self._play_until(self._now + wall_seconds * self._speed)

    def step(self) -> list[Event]:
        """Jump to the next recorded moment (all events sharing its simulated time)."""
        if self.ended:
            return []
        return self._play_until(self._all[len(self._shown)].t)

    def seek(self, t: float) -> list[Event]:
        """Show the drill as it stood at simulated time `t`.

        Going backwards rebuilds the state from the start without telling listeners (the
        events shown so far are no longer a prefix of what they saw); the caller redraws.
        """
        if t < self._now:
            self._state = DrillState()
            self._shown = []
            self._now = 0.0
            self._play_until(max(0.0, t), notify=False)
            return list(self._shown)
        return self._play_until(t)

    def apply(self, action: Action, by: str | None = None) -> list[Event]:
        if isinstance(action, SetClock):
            self._speed, self._paused = action.speed, action.paused
            return []
        raise ActionRejected("This is a replay of a recorded drill; nothing can be changed in it.", reason="read_only")

    def add_listener(self, listener: EventListener) -> None:
        self._listeners.append(listener)

    def close(self) -> None:
        self._listeners.clear()

    def _play_until(self, t: float, *, notify: bool = True) -> list[Event]:
        t = min(t, self._end)
        fresh: list[Event] = []
        index = len(self._shown)
        while index < len(self._all) and self._all[index].t <= t:
            event = self._all[index]
            self._state.apply(event)
            fresh.append(event)
            index += 1
        self._shown.extend(fresh)
        self._now = max(self._now, t)
        if notify and fresh:
            self._notify(fresh)
        return fresh

    def _notify(self, events: list[Event]) -> None:
        for listener in self._listeners:
            listener(events)

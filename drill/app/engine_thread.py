"""The drill's engine on a thread of its own, so a flood of comments never holds up a keypress.

At 60x a storm brings hundreds of comments a wall second, and the engine's work for them (the
citizens' texts, the event log's commits, the reducer) used to run between the console's
keypresses. `ThreadedConnection` is a `LocalConnection` whose engine advances on a worker
thread (the app runs `run` in a Textual thread worker). The console reads its own copy of the
drill (`DrillState.fork`), fed with the engine's events in order on the app's thread, so what
it draws is always the state after some whole number of events, never half of one.

Determinism is the engine's: it is the only one that acts on the drill, under one lock, so
the team's actions land at the engine's simulated time in the order they were sent, and are
recorded with that time; a replay or a resume applies them at the same instants. Every batch
is committed to the session file before the console sees it, as before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import takewhile
from pathlib import Path
from typing import overload

from drill.app.connection import EventListener, LocalConnection
from drill.engine.actions import Action
from drill.engine.clock import target_after
from drill.events import CounterfactualReach, Event
from drill.live import LiveDrill
from drill.state import DrillState
from drill.store import SessionStore

SLICE = 2.0
"""Simulated seconds the engine advances at a time: the longest a team action waits for the
engine to let go of the drill, and how often the console hears of new events under a storm."""
MAX_AHEAD = 0.5
"""Wall seconds of drill time the engine may run ahead of what the console has applied. When
either cannot keep up with a very high speed the clock runs slower instead of piling up work
(and events waiting for the console)."""
WAKE_AFTER = 0.1
"""Wall seconds after the console last applied the engine's events before the engine wakes it for
more (the app's own tick comes as often). Each batch the console applies is a redraw of the feed,
the counts and the status bar and a frame of the whole screen; woken after every slice of a 60x
storm it spent most of its time on them, and a key waited behind them for its frame."""


class RecordedEvents(Sequence[Event]):
    """The first `count` events of a session, read back from its file whenever they are asked
    for (the console's rebuilds and the debrief: a few times a drill), never held in memory."""

    def __init__(self, path: Path, count: int) -> None:
        self._path = path
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Event]:
        if self._count == 0:
            return
        with SessionStore.open(self._path) as store:  # a reader of its own: the engine writes meanwhile
            yield from takewhile(lambda e: e.seq <= self._count, store.iter_events())

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> list[Event]: ...

    def __getitem__(self, index: int | slice) -> Event | list[Event]:
        return list(self)[index]


class ThreadedConnection(LocalConnection):
    def __init__(self, live: LiveDrill) -> None:
        super().__init__(live)
        self._lock = threading.Lock()
        self._state = live.state.fork()
        self._applied = live.store.last_seq()
        """The last event the console's copy has applied (everything before it is on disk)."""
        live.let_go_of_events()
        self._listeners: list[EventListener] = []
        self._outbox: list[Event] = []
        """Events the engine made that the console has not applied yet, in order (under the lock)."""
        self._engine_now = live.state.now
        self._target = live.state.now
        """Simulated time the engine is asked to reach."""
        self._wanted = threading.Event()
        self._woken = False
        """A wake-up is on its way to the app's thread (one is enough until it is handled)."""
        self._drained_at = time.monotonic()
        self._closed = False

    # --- what the console reads (its own copy) -----------------------------------------

    @property
    def state(self) -> DrillState:
        return self._state

    @property
    def events(self) -> Sequence[Event]:
        """Every event the console has applied, read back from the session file when iterated."""
        return RecordedEvents(self._live.store.path, self._applied)

    @property
    def now(self) -> float:
        return self._state.now

    @property
    def speed(self) -> float:
        return self._state.speed

    @property
    def paused(self) -> bool:
        return self._state.paused

    @property
    def ended(self) -> bool:
        return self._state.ended

    @property
    def ending(self) -> bool:
        with self._lock:
            return self._live.ending and not self._outbox

    def add_listener(self, listener: EventListener) -> None:
        self._listeners.append(listener)

    # --- the app's thread ----------------------------------------------------------------

    def tick(self, wall_seconds: float) -> list[Event]:
        """Ask the engine for `wall_seconds` more of drill time; returns what it made meanwhile."""
        fresh = self.drain()
        state = self._state
        if state.ended or self.ending:
            return fresh
        with self._lock:
            start = max(self._target, state.now)
            target = target_after(start, state.speed, state.paused, wall_seconds)
            # The engine keeps time to the millisecond (what the log records and a replay reaches).
            target = round(min(target, state.now + state.speed * MAX_AHEAD), 3)
            if target > self._target:
                self._target = target
                self._wanted.set()
        return fresh

    def apply(self, action: Action, by: str | None = None) -> list[Event]:
        """Act now, at the engine's simulated time; waits at most one slice of the engine's work."""
        with self._lock:
            live = self._live
            self._outbox += live.advance_to(live.state.now)
            fresh = live.act(action, by=by)
            self._outbox += fresh
            self._engine_now = live.state.now
            self._target = max(self._target, live.state.now)
        self.drain()
        return fresh

    def complete_end(self, impacts: list[CounterfactualReach]) -> list[Event]:
        with self._lock:
            fresh = self._live.complete_end(impacts)
            self._outbox += fresh
        self.drain()
        return fresh

    def drain(self) -> list[Event]:
        """Apply the engine's new events to the console's copy and tell the listeners."""
        with self._lock:
            batch, self._outbox = self._outbox, []
            engine_now = self._engine_now
            self._woken = False
            self._drained_at = time.monotonic()
        state = self._state
        for event in batch:
            state.apply(event)
        state.now = max(state.now, engine_now)
        if batch:
            self._applied = batch[-1].seq
        if batch:
            for listener in self._listeners:
                listener(batch)
        return batch

    def _wake_due(self) -> bool:
        """Under the lock: is a wake-up for the app due now? (Then it is on its way.)"""
        notify = bool(self._outbox) and not self._woken and time.monotonic() - self._drained_at >= WAKE_AFTER
        self._woken = self._woken or notify
        return notify

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._live.close()

    # --- the engine's thread ---------------------------------------------------------------

    def run(self, wake: Callable[[], None], cancelled: Callable[[], bool]) -> None:
        """The engine's loop: advance to each asked-for time a slice at a time, then `wake` the
        app (from this thread; it must be thread-safe, like Textual's `post_message`)."""
        while not cancelled():
            if not self._wanted.wait(0.05):
                continue
            self._wanted.clear()
            while not cancelled():
                with self._lock:
                    live = self._live
                    before = live.state.now
                    if self._closed or live.ended or live.ending or self._target <= before:
                        break
                    self._outbox += live.advance_to(min(self._target, before + SLICE))
                    self._engine_now = live.state.now
                    if live.state.now <= before:
                        break  # the end of the drill's time (the engine stops there)
                    notify = self._wake_due()
                if notify:
                    wake()
            with self._lock:
                notify = self._wake_due()
            if notify:
                wake()

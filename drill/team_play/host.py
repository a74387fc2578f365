"""The host: the one process that runs a shared drill's clock and writes its events.

Every ~100 ms the host advances the simulated clock by the wall time that passed at the
drill's speed (honouring pauses and speed changes, which are ClockChanged events like any
other), then applies the seats' pending requests in the order they were sent, then
refreshes its heartbeat. Because it is the single writer, the log has no gaps, no
duplicates and one order that everybody sees. If the host dies, nothing advances: the
seats see the heartbeat stop, and `drill host --resume` carries on from the log.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from drill.engine.actions import SetClock
from drill.engine.clock import target_after
from drill.engine.engine import ActionRejected, SpreadFactory
from drill.errors import DrillError
from drill.events import TRAINER, DrillStarted, Event
from drill.live import LiveDrill
from drill.scenario import LoadedScenario
from drill.store import SessionStore
from drill.team_play.database import connect
from drill.team_play.presence import HostBeacon, HostBeat, HostRunning
from drill.team_play.requests import RequestQueue
from drill.team_play.roles import actor_for, refusal
from drill.team_play.texts import say

LOOP_INTERVAL = 0.1
"""Seconds between host steps; seats see each other's actions well within a second."""

WallClock = Callable[[], float]
EventSink = Callable[[list[Event]], None]


class TeamHost:
    def __init__(self, live: LiveDrill, db: sqlite3.Connection, *, clock: WallClock = time.monotonic) -> None:
        self.live = live
        self._db = db
        self._queue = RequestQueue(db)
        self._beacon = HostBeacon(db)
        self._clock = clock
        self._last = clock()
        self.instance = uuid.uuid4().hex
        self.listeners: list[EventSink] = []
        self.rejected_on_start = 0
        """Requests sent while no host ran, refused at start so nobody's stale click lands late."""

    # --- starting --------------------------------------------------------------------------

    @classmethod
    def create(cls, loaded: LoadedScenario, out: Path | str, seed: int, *, speed: float = 1.0,
               overwrite: bool = False, spread_factory: SpreadFactory | None = None,
               clock: WallClock = time.monotonic) -> TeamHost:
        live = LiveDrill.create(loaded, out, seed, overwrite=overwrite, spread_factory=spread_factory)
        host = cls(live, connect(out), clock=clock)
        host._claim()
        if speed != live.state.speed:
            # What is due at 0 comes first, as it will when the log is replayed on resume.
            live.advance_to(0.0)
            live.act(SetClock(speed=speed), by=TRAINER)
        host._beat()
        return host

    @classmethod
    def resume(cls, path: Path | str, *, speed: float | None = None, spread_factory: SpreadFactory | None = None,
               clock: WallClock = time.monotonic) -> TeamHost:
        with SessionStore.open(path) as store:  # plain messages for missing, foreign or damaged files
            last_seq = store.last_seq()
            first = next(store.iter_events(0), None)
        language = first.payload.language if first is not None and isinstance(first.payload, DrillStarted) else "nb"
        db = connect(path)
        try:
            previous = HostBeacon(db).read()
            if previous is not None and previous.alive(time.time()):
                raise HostRunning(
                    f"Another host (process {previous.pid}) is running this drill. Only one host may run a "
                    "drill's clock; join it as a seat, or stop that host first."
                )
            # Before the resumed drill writes anything, settle what the crashed host left half done.
            RequestQueue(db).recover(last_seq, language)
        finally:
            # Opening the store reads the file's header through a plain file handle, and closing
            # any handle on the file drops every SQLite lock this process holds on it (POSIX locks
            # belong to the process). Holding no connection meanwhile keeps the others' WAL safe.
            db.close()
        live = LiveDrill.resume(path, spread_factory=spread_factory)
        db = connect(path)
        host = cls(live, db, clock=clock)
        previous = host._claim()
        host.rejected_on_start = host._queue.reject_pending(say("refusal.no_host", live.state.language))
        if previous is not None and previous.now > live.state.now and not live.ended:
            # Carry on from where the clock stood, not from the last event before the crash.
            live.advance_to(previous.now)
        if speed is not None and speed != live.state.speed and not live.ended:
            live.act(SetClock(speed=speed, paused=live.state.paused), by=TRAINER)
        host._beat()
        return host

    # --- running ---------------------------------------------------------------------------

    def step(self) -> list[Event]:
        """One turn of the loop: clock, requests, heartbeat. Returns the events it wrote."""
        moment = self._clock()
        elapsed, self._last = moment - self._last, moment
        fresh: list[Event] = []
        state = self.live.state
        target = target_after(state.now, state.speed, state.paused, elapsed)
        if not state.ended and target > state.now:
            fresh += self.live.advance_to(target)
        fresh += self._serve_requests()
        self._beat()
        if fresh:
            for listener in self.listeners:
                listener(fresh)
        return fresh

    def run(self, stop: threading.Event, interval: float = LOOP_INTERVAL) -> None:
        """Step until `stop` is set; each step starts `interval` after the previous one started."""
        while not stop.is_set():
            started = time.monotonic()
            self.step()
            stop.wait(max(0.0, interval - (time.monotonic() - started)))

    def close(self) -> None:
        """Stop on purpose: seats show the drill as paused because the host left."""
        try:
            self._beacon.stop(self.instance)
        except DrillError:
            pass  # a full disk or a busy file: the heartbeat goes stale and seats see the host gone
        finally:
            self._db.close()
            self.live.close()

    # --- internals -------------------------------------------------------------------------

    def _serve_requests(self) -> list[Event]:
        fresh: list[Event] = []
        for request in self._queue.pending():
            try:
                action = request.action()
            except ValueError as error:
                self._queue.reject(request.id, str(error))
                continue
            reason = refusal(request.role, action, self.live.state.language)
            if reason is not None:
                self._queue.reject(request.id, reason)
                continue
            # A resumed drill replays each action after everything due at its instant; so here too.
            fresh += self.live.advance_to(self.live.state.now)
            self._queue.claim(request.id, after_seq=len(self.live.engine.events))
            try:
                events = self.live.act(action, by=actor_for(request.seat, request.role))
            except ActionRejected as error:
                self._queue.reject(request.id, str(error))
                continue
            self._queue.done(request.id, events[0].seq, events[-1].seq)
            fresh += events
        return fresh

    def _claim(self) -> HostBeat | None:
        state = self.live.state
        return self._beacon.claim(self.instance, state.now, state.speed, state.paused, state.ended)

    def _beat(self) -> None:
        state = self.live.state
        if not self._beacon.beat(self.instance, state.now, state.speed, state.paused, state.ended):
            raise HostRunning("Another host has taken over this drill; this one stops.")

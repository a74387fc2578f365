"""The host: the one process that runs a shared drill's clock and writes its events.

Every ~100 ms the host advances the simulated clock by the wall time that passed at the
drill's speed (honouring pauses and speed changes, which are ClockChanged events like any
other), then applies the seats' pending requests in the order they were sent, then
refreshes its heartbeat. Because it is the single writer, the log has no gaps, no
duplicates and one order that everybody sees. If the host dies, nothing advances: the
seats see the heartbeat stop, and `drill host --resume` carries on from the log.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any
from pathlib import Path

from drill.engine.actions import Handover, SetClock
from drill.engine.clock import target_after
from drill.engine.engine import ActionRejected, SpreadFactory
from drill.errors import DrillError
from drill.events import TRAINER, DrillStarted, Event
from drill.live import LiveDrill
from drill.scenario import LoadedScenario
from drill.store import SessionStore
from drill.team_play.database import connect, read_meta, write_meta
from drill.team_play.grants import GrantRefused, create_host_key, read_host_key
from drill.team_play.joining import GrantBook
from drill.team_play.presence import ROLE_SEAT, ROLE_TRAINER, HostBeacon, HostBeat, HostRunning, PresenceBoard
from drill.team_play.requests import RequestQueue
from drill.team_play.roles import actor_for, refusal
from drill.i18n import DEFAULT_LANGUAGE, LANGUAGES
from drill.team_play.texts import because, say

LOOP_INTERVAL = 0.1
"""Seconds between host steps; seats see each other's actions well within a second."""

WallClock = Callable[[], float]
EventSink = Callable[[list[Event]], None]


LOBBY = "lobby"
"""team_meta key: "1" while the host waits for the trainer to start the drill."""

START_DRILL = "start_drill"
ASSIGN = "assign_member"
CONTROLS = frozenset({START_DRILL, ASSIGN})
"""Team-play requests that are not engine actions: the lobby's start and the roster mapping."""

NoticeSink = Callable[[str], None]


class TeamHost:
    def __init__(self, live: LiveDrill, db: sqlite3.Connection, master: bytes, *,
                 clock: WallClock = time.monotonic) -> None:
        self.live = live
        self._db = db
        self._queue = RequestQueue(db)
        self._beacon = HostBeacon(db)
        self._board = PresenceBoard(db)
        self._clock = clock
        self._last = clock()
        self.instance = uuid.uuid4().hex
        self.listeners: list[EventSink] = []
        self.notices: list[NoticeSink] = []
        """Lines for the host's log that are not events: joins refused, forged requests."""
        self.rejected_on_start = 0
        """Requests sent while no host ran, refused at start so nobody's stale click lands late."""
        language = live.state.language or live.loaded.scenario.language.value
        self.grants = GrantBook(db, master, list(live.loaded.scenario.team), language)
        self.grants.last_counter.update(self._queue.last_counters())
        self.lobby = read_meta(db, LOBBY) == "1"

    # --- starting --------------------------------------------------------------------------

    @classmethod
    def create(cls, loaded: LoadedScenario, out: Path | str, seed: int, *, speed: float = 1.0,
               overwrite: bool = False, spread_factory: SpreadFactory | None = None,
               clock: WallClock = time.monotonic, lobby: bool = False) -> TeamHost:
        """A new hosted drill; with `lobby` the clock stands still until the trainer starts it."""
        live = LiveDrill.create(loaded, out, seed, overwrite=overwrite, spread_factory=spread_factory)
        master = create_host_key(out)
        db = connect(out)
        if lobby:
            write_meta(db, LOBBY, "1")
        host = cls(live, db, master, clock=clock)
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
            master = _host_key(path, db)
            previous = HostBeacon(db).read()
            if previous is not None and previous.running(time.time()):
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
        host = cls(live, db, master, clock=clock)
        previous = host._claim()
        host.rejected_on_start = host._queue.reject_pending(because("team.refusal.no_host"))
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
        if not self.lobby and not state.ended and target > state.now:
            fresh += self.live.advance_to(target)
        for line in self.grants.answer_joins({p.seat for p in self._board.present()}):
            self._notice(line)
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

    def _notice(self, line: str) -> None:
        for sink in self.notices:
            sink(line)

    def _serve_requests(self) -> list[Event]:
        fresh: list[Event] = []
        language = self.live.state.language
        for request in self._queue.pending():
            grant = self.grants.verify(request)
            if isinstance(grant, str):
                self._queue.refuse_forged(request.id, grant)
                self._notice(say("host.forged", language, id=request.id, seat=request.seat[:60],
                                 role=request.role[:20], why=grant))
                continue
            control = _control(request.action_json)
            if control is not None:
                self._control(request.id, grant.role, control)
                continue
            try:
                action = request.action()
            except ValueError:
                self._queue.reject(request.id, because("team.refusal.bad_control"))
                continue
            reason = refusal(grant.role, action)
            if reason is None and self.lobby and grant.role != ROLE_TRAINER:
                reason = because("team.refusal.lobby")
            if reason is not None:
                self._queue.reject(request.id, reason)
                continue
            # A resumed drill replays each action after everything due at its instant; so here too.
            fresh += self.live.advance_to(self.live.state.now)
            self._queue.claim(request.id, after_seq=len(self.live.engine.events))
            try:
                events = self.live.act(action, by=actor_for(grant.member, grant.role))
            except ActionRejected as error:
                self._queue.reject(request.id, _reason(error))
                continue
            self._queue.done(request.id, events[0].seq, events[-1].seq)
            fresh += events
        return fresh

    def _control(self, request_id: int, role: str, control: dict[str, Any]) -> None:
        """The lobby's start and the trainer's roster mapping: only the trainer, and no events but duty."""
        language = self.live.state.language
        if role != ROLE_TRAINER:
            self._queue.reject(request_id, because("team.refusal.trainer_only", action=control.get("type")))
            return
        try:
            mapping = control.get("mapping") or {}
            if not isinstance(mapping, dict):
                raise ValueError
            for member, grant_id in mapping.items():
                self.grants.assign(str(member), None if grant_id is None else int(grant_id))
        except GrantRefused as refused:
            self._queue.reject(request_id, refused.reason)
            return
        except (TypeError, ValueError):
            self._queue.reject(request_id, because("team.refusal.bad_control"))
            return
        events: list[Event] = []
        if control.get("type") == START_DRILL and self.lobby:
            self.live.advance_to(self.live.state.now)
            self._queue.claim(request_id, after_seq=len(self.live.engine.events))
            self.lobby = False
            write_meta(self._db, LOBBY, "0")
            self._last = self._clock()  # the clock starts now, not when the host started
            events = self._duty_to_someone_present()
        if events:
            self._queue.done(request_id, events[0].seq, events[-1].seq)
        else:
            self._queue.done_without_events(request_id)

    def _duty_to_someone_present(self) -> list[Event]:
        """Duty goes to a member who is at the drill: the roster's order, then whoever joined first."""
        present = {p.seat for p in self._board.present()}
        holders = [g for g in self.grants.active() if g.role == ROLE_SEAT and g.seat in present]
        members = [g.member for g in holders]
        on_duty = self.live.state.on_duty
        if not members or on_duty in members:
            return []
        rostered = [m for m in self.live.loaded.scenario.team if m in members]
        chosen = (rostered or members)[0]
        return self.live.act(Handover(to=chosen), by=TRAINER)

    def _claim(self) -> HostBeat | None:
        state = self.live.state
        return self._beacon.claim(self.instance, state.now, state.speed, state.paused, state.ended)

    def _beat(self) -> None:
        state = self.live.state
        if not self._beacon.beat(self.instance, state.now, state.speed, state.paused, state.ended):
            raise HostRunning("Another host has taken over this drill; this one stops.")


def _control(action_json: str) -> dict[str, Any] | None:
    """A team-play control request (start the drill, map the roster), or None for an engine action."""
    try:
        data = json.loads(action_json)
    except ValueError:
        return None
    if isinstance(data, dict) and data.get("type") in CONTROLS:
        return data
    return None


def _host_key(path: Path | str, db: sqlite3.Connection) -> bytes:
    """The master key this drill's grants were made with; a drill that granted nothing yet may get a new one."""
    try:
        return read_host_key(path)
    except DrillError:
        granted = db.execute("SELECT COUNT(*) FROM grants").fetchone()[0]
        if granted:
            raise
        return create_host_key(path)


def _reason(error: ActionRejected) -> str:
    """The engine's refusal as a reason the seat words in its language (its English text if none fits)."""
    if not error.reason or f"refusal.{error.reason}" not in LANGUAGES[DEFAULT_LANGUAGE]:
        return str(error)
    values = dict(error.details)
    if "member" in values:
        values["name"] = values.pop("member").split(",")[0]
    return because(f"refusal.{error.reason}", **values)

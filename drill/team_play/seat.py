"""A seat at a shared drill: follows the session file and asks the host to act.

`SeatConnection` implements the app's `DrillConnection` protocol for a process that is not
the host. It rebuilds the drill's state from the log (a late or restarted seat catches up
from the first event), polls for new events on every tick, sends actions as requests and
waits briefly for the host's verdict, and keeps its presence row (heartbeat and what it is
typing) current. The drill's clock is the host's: the seat shows the time from the host's
heartbeat and shows the drill as paused when that heartbeat stops.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from drill.engine.actions import Action
from drill.engine.engine import ActionRejected
from drill.events import TRAINER, Event
from drill.scenario.models import Scenario
from drill.state import DrillState
from drill.store import SessionStore
from drill.team_play.database import connect, read_meta, wall_now
from drill.team_play.grants import (
    TRAINER_GRANT,
    Credentials,
    GrantRefused,
    is_reserved,
    load_credentials,
    read_trainer_key,
    save_credentials,
)
from drill.team_play.presence import (
    ACTIVITY_IDLE,
    ROLE_SEAT,
    ROLE_TRAINER,
    HostBeacon,
    HostBeat,
    Presence,
    PresenceBoard,
)
from drill.team_play.joining import request_grant
from drill.team_play.requests import Request, RequestQueue
from drill.team_play.roles import actor_for
from drill.i18n import active_language
from drill.team_play.texts import say, worded

EventListener = Callable[[list[Event]], None]
LOBBY = "lobby"
"""team_meta key the host sets while it waits for the trainer to start (see host.py)."""

PRESENCE_EVERY = 1.0
"""Seconds between a seat's heartbeats."""
ANSWER_WAIT = 3.0
"""How long `apply` waits for the host's verdict before telling the seat it is still queued."""
_POLL = 0.02


class SeatConnection:
    def __init__(self, path: Path | str, seat: str, role: str = ROLE_SEAT, *,
                 credentials: Credentials | None = None, answer_wait: float = ANSWER_WAIT,
                 trainer_key: bytes | None = None, remember: bool = False) -> None:
        """Take a seat. Without `credentials` a seat asks the host for a grant first (this waits
        for the host; the app does that in a worker and passes the credentials in), and the
        trainer's console signs with the trainer key from `trainer_key` or the key file."""
        seat = " ".join(seat.split())
        if not seat:
            raise ActionRejected(say("seat.need_name", "en"))
        self._path = Path(path)
        if credentials is None:
            credentials = _credentials(self._path, seat, role, trainer_key, remember)
        self.credentials = credentials
        self._counter = 0
        # The store first: its header check opens and closes a plain file handle, which would
        # drop the SQLite locks of any connection this process already holds on the file.
        self._store = SessionStore.open(self._path)
        self._db = connect(self._path)
        self._queue = RequestQueue(self._db)
        self._board = PresenceBoard(self._db)
        self._beacon = HostBeacon(self._db)
        self._scenario = self._store.stored_scenario().scenario
        self._language = self._scenario.language.value
        self.seat, self.role, self.instance = seat, role, uuid.uuid4().hex
        self._member = credentials.member
        self._lobby = False
        self.answer_wait = answer_wait
        self._state = DrillState()
        self._events: list[Event] = []
        self._listeners: list[EventListener] = []
        self._host: HostBeat | None = None
        self._activity: tuple[str, str | None] = (ACTIVITY_IDLE, None)
        self._last_beat = 0.0
        self._closed = False
        try:
            self._board.join(seat, role, self.instance)
        except Exception:
            self._close_files()
            raise
        self._last_beat = wall_now()
        self._host = self._beacon.read()
        self._read_lobby()
        self._catch_up()

    # --- the DrillConnection protocol -------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def state(self) -> DrillState:
        return self._state

    @property
    def events(self) -> Sequence[Event]:
        return self._events

    @property
    def now(self) -> float:
        if self._host is None:
            return self._state.now
        return min(max(self._state.now, self._host.estimated_now(wall_now())), float(self._scenario.duration))

    @property
    def speed(self) -> float:
        return self._state.speed

    @property
    def paused(self) -> bool:
        """Paused by the trainer, or because the host is not running."""
        return self._state.paused or not self.host_alive

    @property
    def ended(self) -> bool:
        return self._state.ended

    @property
    def read_only(self) -> bool:
        return False

    @property
    def session_path(self) -> Path | None:
        return self._path

    def tick(self, wall_seconds: float = 0.0) -> list[Event]:
        """Pick up what the host wrote since the last tick; keep this seat's heartbeat going."""
        self._host = self._beacon.read()
        if wall_now() - self._last_beat >= PRESENCE_EVERY:
            self._board.beat(self.seat, self.instance)
            self._last_beat = wall_now()
            self._read_lobby()
        fresh = self._catch_up()
        # The drill as it stands *now* (waiting times, the status bar), not at the last event.
        self._state.now = self.now
        return fresh

    def apply(self, action: Action, by: str | None = None) -> list[Event]:
        """Send the action to the host and wait for its verdict.

        `by` is ignored: a seat always acts under its own name (the trainer's console as
        `trainer`), so the log says who did what.
        """
        request_id = self.submit(action)
        return self.settle(self._await(request_id))

    def add_listener(self, listener: EventListener) -> None:
        self._listeners.append(listener)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._board.leave(self.seat, self.instance)
        finally:
            self._close_files()

    # --- team play ------------------------------------------------------------------------

    @property
    def actor(self) -> str:
        """The name this seat's actions carry in the log (the host's record decides it)."""
        if self.role == ROLE_TRAINER:
            return actor_for(self.seat, self.role)
        return self._member

    @property
    def in_lobby(self) -> bool:
        """The host waits for the trainer to start the drill; the clock stands still."""
        return self._lobby

    def members(self) -> dict[str, str]:
        """Seat name -> the name its actions carry, as the host recorded it (for display)."""
        rows = self._db.execute("SELECT seat, member FROM grants WHERE active = 1 AND role = 'seat'").fetchall()
        return {str(seat): str(member) for seat, member in rows}

    def grants(self) -> list[tuple[int, str, str]]:
        """(grant id, seat, member) of every seat the host has granted, for the trainer's lobby."""
        rows = self._db.execute(
            "SELECT id, seat, member FROM grants WHERE active = 1 AND role = 'seat' ORDER BY id"
        ).fetchall()
        return [(int(grant), str(seat), str(member)) for grant, seat, member in rows]

    def forged(self, after_id: int = 0) -> list[Request]:
        """Requests the host refused as forged or unsigned (the trainer's console shows them)."""
        return self._queue.forged(after_id)

    def forged_count(self) -> int:
        return self._queue.forged_count()

    def submit(self, action: Action | dict) -> int:
        """Queue an action (or a lobby control) signed with this seat's key; returns the request id."""
        self._host = self._beacon.read()
        if not self.host_alive:
            raise ActionRejected(say("seat.no_host", self._language))
        # Counters must grow across restarts of the same grant: milliseconds of wall time, then +1.
        self._counter = max(self._counter + 1, int(wall_now() * 1000))
        return self._queue.submit(self.seat, self.role, action, grant_id=self.credentials.grant_id,
                                  key=self.credentials.key, counter=self._counter)

    def wait_for(self, request_id: int, timeout: float | None = None) -> Request | None:
        """Wait for the host's verdict on its own connection, so a worker thread may call it."""
        db = connect(self._path)
        try:
            queue = RequestQueue(db)
            deadline = time.monotonic() + (self.answer_wait if timeout is None else timeout)
            request = queue.get(request_id)
            while request is not None and not request.settled and time.monotonic() < deadline:
                time.sleep(_POLL)
                request = queue.get(request_id)
            return request
        finally:
            db.close()

    def settle(self, request: Request | None) -> list[Event]:
        """The events a verdict brought, or ActionRejected with the host's message (UI thread)."""
        self._catch_up()
        if request is None or not request.settled:
            raise ActionRejected(say("seat.unconfirmed", self._language))
        if request.state in ("rejected", "forged"):
            raise ActionRejected(worded(request.message, self._language))
        first, last = request.first_seq or 0, request.last_seq or 0
        return [e for e in self._events[first - 1:last] if first <= e.seq <= last]

    @property
    def host(self) -> HostBeat | None:
        return self._host

    @property
    def host_alive(self) -> bool:
        return self._host is not None and self._host.alive(wall_now())

    def set_activity(self, activity: str, item_id: str | None = None) -> None:
        """Tell the others what this seat is doing ("reply" on an item), or "" when idle."""
        if (activity, item_id) == self._activity:
            return
        self._activity = (activity, item_id)
        self._board.beat(self.seat, self.instance, activity, item_id)
        self._last_beat = wall_now()

    def seats(self) -> list[Presence]:
        """Everyone at the drill now (the trainer's console included), in the order they joined."""
        return self._board.present()

    def busy_with(self, item_id: str) -> list[Presence]:
        """Other seats working on this item or its thread right now."""
        thread = self._state.items[item_id].thread_id if item_id in self._state.items else item_id
        busy = []
        for presence in self.seats():
            if presence.instance == self.instance or not presence.activity or presence.item_id is None:
                continue
            other = self._state.items.get(presence.item_id)
            if presence.item_id == item_id or (other is not None and other.thread_id == thread):
                busy.append(presence)
        return busy

    # --- internals -------------------------------------------------------------------------

    def _await(self, request_id: int) -> Request | None:
        deadline = time.monotonic() + self.answer_wait
        request = self._queue.get(request_id)
        while request is not None and not request.settled and time.monotonic() < deadline:
            time.sleep(_POLL)
            request = self._queue.get(request_id)
        return request

    def _read_lobby(self) -> None:
        self._lobby = read_meta(self._db, LOBBY) == "1"
        if self.role == ROLE_SEAT:
            row = self._db.execute("SELECT member FROM grants WHERE id = ? AND active = 1",
                                   (self.credentials.grant_id,)).fetchone()
            if row is not None:
                self._member = str(row[0])  # the trainer mapped this seat to a roster name

    def _catch_up(self) -> list[Event]:
        after = self._events[-1].seq if self._events else 0
        fresh = list(self._store.iter_events(after))
        for event in fresh:
            self._state.apply(event)
        self._events.extend(fresh)
        if fresh:
            for listener in self._listeners:
                listener(fresh)
        return fresh

    def _close_files(self) -> None:
        self._db.close()
        self._store.close()


def _credentials(path: Path, seat: str, role: str, trainer_key: bytes | None, remember: bool) -> Credentials:
    """The key this process signs with: the trainer's, or a seat's granted by the host now."""
    with SessionStore.open(path) as store:
        # Plain messages for missing, foreign or damaged files before anything is written.
        for _ in store.iter_events():
            pass
    if role == ROLE_TRAINER:
        key = trainer_key or read_trainer_key(path)
        if key is None:
            raise GrantRefused(say("seat.no_trainer_key", active_language(), path=path))
        return Credentials(TRAINER_GRANT, key, TRAINER)
    if is_reserved(seat):
        raise GrantRefused(say("join.reserved", active_language(), name=seat))
    saved = load_credentials(path, seat) if remember else None
    if saved is not None:
        try:
            return request_grant(path, seat, saved=saved)
        except GrantRefused:
            pass  # handed to someone else meanwhile: ask as a newcomer
    credentials = request_grant(path, seat)
    if remember:
        save_credentials(path, seat, credentials)
    return credentials

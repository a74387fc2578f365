"""Who is at the drill and what they are doing, and whether the host is alive.

Every seat refreshes its row in `presence` about once a second and says what it is busy
with ("reply" on item bomb-rumour), so two people do not answer the same comment (KS C2).
The host keeps a single `host_heartbeat` row current with its clock; a row that stops
moving means the host is gone and the drill is paused for everyone until it comes back.
The host row is also a lease: a second host refuses to start while the first is beating.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

from drill.errors import DrillError
from drill.team_play.database import Transaction, Wall, wall_now

SEAT_STALE_AFTER = 5.0
"""Seconds without a heartbeat after which a seat counts as gone."""
HOST_STALE_AFTER = 2.0
"""Seconds without a host heartbeat after which seats show the drill as paused."""

EXTRAPOLATE_AT_MOST = 0.5
"""Wall seconds a seat runs its clock on past the host's last heartbeat (it beats every 0.1 s)."""

ROLE_SEAT = "seat"
ROLE_TRAINER = "trainer"

ACTIVITY_IDLE = ""
ACTIVITY_REPLY = "reply"
ACTIVITY_HIDE = "hide"
ACTIVITY_DELETE = "delete"
ACTIVITY_POST = "official_post"


def process_exists(pid: int) -> bool:
    """Whether a process with this id exists on this machine (hosts and seats share one machine)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but it exists
    except OSError:
        return True
    return True


class SeatTaken(DrillError):
    """Someone else is already at the drill under this name."""


class HostRunning(DrillError):
    """Another host process is running this drill's clock."""


@dataclass(frozen=True)
class Presence:
    seat: str
    role: str
    instance: str
    activity: str
    item_id: str | None
    joined: Wall
    heartbeat: Wall
    active: bool

    def alive(self, now: Wall) -> bool:
        return self.active and now - self.heartbeat <= SEAT_STALE_AFTER


class PresenceBoard:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def join(self, seat: str, role: str, instance: str) -> None:
        """Take a seat; refuses a name another live process is using (a crashed one may rejoin)."""
        now = wall_now()
        with Transaction(self._db) as db:
            row = db.execute("SELECT instance, heartbeat, active FROM presence WHERE seat = ?", (seat,)).fetchone()
            if row and row[0] != instance and row[2] and now - row[1] <= SEAT_STALE_AFTER:
                raise SeatTaken(
                    f"Someone is already at the drill as '{seat}'. Choose another name "
                    f"(or wait {SEAT_STALE_AFTER:.0f} seconds if that was you before a crash)."
                )
            db.execute(
                "INSERT INTO presence (seat, role, instance, activity, item_id, joined, heartbeat, active) "
                "VALUES (?, ?, ?, '', NULL, ?, ?, 1) "
                "ON CONFLICT (seat) DO UPDATE SET role = excluded.role, instance = excluded.instance, "
                "activity = '', item_id = NULL, heartbeat = excluded.heartbeat, active = 1",
                (seat, role, instance, now, now),
            )

    def beat(self, seat: str, instance: str, activity: str | None = None, item_id: str | None = None) -> None:
        """Refresh the heartbeat; with `activity`, also say what this seat is doing now."""
        with Transaction(self._db) as db:
            if activity is None:
                db.execute("UPDATE presence SET heartbeat = ? WHERE seat = ? AND instance = ?",
                           (wall_now(), seat, instance))
            else:
                db.execute(
                    "UPDATE presence SET heartbeat = ?, activity = ?, item_id = ? WHERE seat = ? AND instance = ?",
                    (wall_now(), activity, item_id, seat, instance),
                )

    def leave(self, seat: str, instance: str) -> None:
        with Transaction(self._db) as db:
            db.execute("UPDATE presence SET active = 0, activity = '', item_id = NULL WHERE seat = ? AND instance = ?",
                       (seat, instance))

    def everyone(self) -> list[Presence]:
        rows = self._db.execute(
            "SELECT seat, role, instance, activity, item_id, joined, heartbeat, active FROM presence ORDER BY joined"
        ).fetchall()
        return [
            Presence(seat, role, instance, activity, item_id, joined, heartbeat, bool(active))
            for seat, role, instance, activity, item_id, joined, heartbeat, active in rows
        ]

    def present(self, now: Wall | None = None) -> list[Presence]:
        now = wall_now() if now is None else now
        return [p for p in self.everyone() if p.alive(now)]


@dataclass(frozen=True)
class HostBeat:
    instance: str
    pid: int
    started: Wall
    heartbeat: Wall
    now: float
    """The drill's simulated time at the heartbeat."""
    speed: float
    paused: bool
    ended: bool
    stopped: bool
    """The host stopped on purpose (Ctrl+C), rather than vanished."""

    def alive(self, at: Wall) -> bool:
        return not self.stopped and at - self.heartbeat <= HOST_STALE_AFTER

    def running(self, at: Wall) -> bool:
        """Alive, and its process still exists: a crashed host is seen at once, not after the heartbeat."""
        return self.alive(at) and process_exists(self.pid)

    def estimated_now(self, at: Wall) -> float:
        """Simulated time at wall time `at`, extrapolated from the last heartbeat."""
        if self.paused or self.ended or not self.alive(at):
            return self.now
        return self.now + min(max(0.0, at - self.heartbeat), EXTRAPOLATE_AT_MOST) * self.speed


class HostBeacon:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def read(self) -> HostBeat | None:
        row = self._db.execute(
            "SELECT instance, pid, started, heartbeat, now, speed, paused, ended, stopped FROM host_heartbeat WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        instance, pid, started, heartbeat, now, speed, paused, ended, stopped = row
        return HostBeat(instance, pid, started, heartbeat, now, speed, bool(paused), bool(ended), bool(stopped))

    def claim(self, instance: str, now: float, speed: float, paused: bool, ended: bool) -> HostBeat | None:
        """Become the host; returns the previous host's last beat (None for a first start)."""
        at = wall_now()
        with Transaction(self._db) as db:
            previous = self.read()
            if previous is not None and previous.instance != instance and previous.running(at):
                raise HostRunning(
                    f"Another host (process {previous.pid}) is running this drill. Only one host may "
                    "run a drill's clock; join it as a seat, or stop that host first."
                )
            db.execute(
                "INSERT INTO host_heartbeat (id, instance, pid, started, heartbeat, now, speed, paused, ended, stopped) "
                "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
                "ON CONFLICT (id) DO UPDATE SET instance = excluded.instance, pid = excluded.pid, "
                "started = excluded.started, heartbeat = excluded.heartbeat, now = excluded.now, "
                "speed = excluded.speed, paused = excluded.paused, ended = excluded.ended, stopped = 0",
                (instance, os.getpid(), at, at, now, speed, int(paused), int(ended)),
            )
        return previous

    def beat(self, instance: str, now: float, speed: float, paused: bool, ended: bool) -> bool:
        """Refresh the row; False when another host has taken over (this one must stop)."""
        with Transaction(self._db) as db:
            cursor = db.execute(
                "UPDATE host_heartbeat SET heartbeat = ?, now = ?, speed = ?, paused = ?, ended = ? "
                "WHERE id = 1 AND instance = ?",
                (wall_now(), now, speed, int(paused), int(ended), instance),
            )
        return cursor.rowcount == 1

    def stop(self, instance: str) -> None:
        with Transaction(self._db) as db:
            db.execute("UPDATE host_heartbeat SET stopped = 1 WHERE id = 1 AND instance = ?", (instance,))

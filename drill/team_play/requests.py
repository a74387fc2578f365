"""The request queue: how seats ask the host to act, and learn what became of it.

Seats never write events. A seat inserts a request (its action as JSON, who it is, in which
role); the host takes pending requests in id order, applies each through the drill and
marks it done (with the sequence numbers of the events it caused) or rejected (with the
engine's message). The id order is the order of the log, so every seat's actions appear
exactly once and in the order they were sent.

A request is claimed (state `applying`, with the last event sequence before it) before the
host applies it. If the host dies between writing the events and marking the request, the
claim tells the restarted host whether the events made it to disk, so nothing is applied
twice and nothing is lost.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Literal

from pydantic import TypeAdapter, ValidationError

from drill.engine.actions import Action
from drill.team_play.database import Transaction, Wall, wall_now
from drill.team_play.grants import sign
from drill.team_play.texts import because

RequestState = Literal["pending", "applying", "done", "rejected", "forged"]

action_adapter: TypeAdapter[Action] = TypeAdapter(Action)


@dataclass(frozen=True)
class Request:
    id: int
    wall: Wall
    seat: str
    role: str
    action_json: str
    state: RequestState
    message: str = ""
    after_seq: int | None = None
    first_seq: int | None = None
    last_seq: int | None = None
    grant_id: int | None = None
    counter: int | None = None
    mac: str | None = None

    def action(self) -> Action:
        """The action as sent; raises ValueError when it cannot be read."""
        try:
            return action_adapter.validate_json(self.action_json)
        except ValidationError as error:
            raise ValueError(f"the request cannot be read as an action ({error.error_count()} problems)") from None

    @property
    def settled(self) -> bool:
        return self.state in ("done", "rejected", "forged")


_COLUMNS = "id, wall, seat, role, action, state, message, after_seq, first_seq, last_seq, grant_id, counter, mac"


class RequestQueue:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    # --- seats -------------------------------------------------------------------------

    def submit(self, seat: str, role: str, action: Action | dict, *, grant_id: int | None = None,
               key: bytes | None = None, counter: int = 0) -> int:
        """Queue an action signed with the seat's key (`seat` and `role` are shown, never trusted).

        `action` is an engine action, or a team-play control (the lobby's start) as a dict.
        """
        payload = action_adapter.dump_json(action).decode() if not isinstance(action, dict) else json.dumps(action)
        mac = sign(key, grant_id, counter, payload) if key is not None and grant_id is not None else None
        with Transaction(self._db) as db:
            cursor = db.execute(
                "INSERT INTO requests (wall, seat, role, action, grant_id, counter, mac) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (wall_now(), seat, role, payload, grant_id, counter, mac),
            )
        return int(cursor.lastrowid or 0)

    def get(self, request_id: int) -> Request | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM requests WHERE id = ?", (request_id,)).fetchone()
        return _request(row) if row else None

    # --- the host ----------------------------------------------------------------------

    def pending(self, limit: int = 100) -> list[Request]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM requests WHERE state = 'pending' ORDER BY id LIMIT ?", (limit,)
        ).fetchall()
        return [_request(row) for row in rows]

    def claim(self, request_id: int, after_seq: int) -> None:
        """About to apply: `after_seq` is the last event in the log before the request's events."""
        with Transaction(self._db) as db:
            db.execute(
                "UPDATE requests SET state = 'applying', after_seq = ? WHERE id = ? AND state = 'pending'",
                (after_seq, request_id),
            )

    def done(self, request_id: int, first_seq: int, last_seq: int) -> None:
        self._settle(request_id, "done", "", first_seq, last_seq)

    def done_without_events(self, request_id: int) -> None:
        """A team-play control (the roster mapping) that changed the host's record, not the log."""
        self._settle(request_id, "done", "", None, None)

    def reject(self, request_id: int, message: str) -> None:
        self._settle(request_id, "rejected", message, None, None)

    def refuse_forged(self, request_id: int, message: str) -> None:
        """Not signed by a key the host issued: refused, and kept apart for the trainer to see."""
        self._settle(request_id, "forged", message, None, None)

    def forged(self, after_id: int = 0, limit: int = 50) -> list[Request]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM requests WHERE state = 'forged' AND id > ? ORDER BY id DESC LIMIT ?",
            (after_id, limit),
        ).fetchall()
        return [_request(row) for row in reversed(rows)]

    def forged_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM requests WHERE state = 'forged'").fetchone()[0])

    def last_counters(self) -> dict[int, int]:
        """The highest counter each grant has used, so a resumed host refuses replayed rows too."""
        rows = self._db.execute(
            "SELECT grant_id, MAX(counter) FROM requests WHERE grant_id IS NOT NULL AND state IN ('done', 'rejected', "
            "'applying') GROUP BY grant_id"
        ).fetchall()
        return {int(grant): int(counter or 0) for grant, counter in rows}

    def reject_pending(self, message: str) -> int:
        """Refuse everything still waiting (sent while no host was running); returns how many."""
        with Transaction(self._db) as db:
            cursor = db.execute(
                "UPDATE requests SET state = 'rejected', message = ?, handled_wall = ? WHERE state = 'pending'",
                (message, wall_now()),
            )
        return cursor.rowcount

    def recover(self, last_seq: int, language: str = "nb") -> list[Request]:
        """Settle requests a crashed host had claimed, judging by what reached the log.

        The host claims one request at a time and writes nothing else until it is settled,
        so the events after its `after_seq` (if any) are exactly that request's events.
        """
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM requests WHERE state = 'applying' ORDER BY id").fetchall()
        settled: list[Request] = []
        for request in (_request(row) for row in rows):
            after = request.after_seq or 0
            if last_seq > after:
                self.done(request.id, after + 1, last_seq)
            else:
                self.reject(request.id, because("team.refusal.interrupted"))
            settled.append(self.get(request.id))  # type: ignore[arg-type]
        return settled

    def _settle(self, request_id: int, state: RequestState, message: str,
                first_seq: int | None, last_seq: int | None) -> None:
        with Transaction(self._db) as db:
            db.execute(
                "UPDATE requests SET state = ?, message = ?, first_seq = ?, last_seq = ?, handled_wall = ? "
                "WHERE id = ?",
                (state, message, first_seq, last_seq, wall_now(), request_id),
            )


def _request(row: tuple) -> Request:
    return Request(*row)

"""Joining a hosted drill: the seat asks, the host grants (or refuses) and keeps the record.

See `grants.py` for why. The host's `GrantBook` is its own record of who holds which grant;
it is kept in memory and written to the `grants` table sealed with the master key, so a
resumed host reads back only rows it wrote itself. `request_grant` is the seat's half: it
writes a join row and waits for the answer, which may take a moment, so the app calls it in
a worker.
"""

from __future__ import annotations

import hmac
import sqlite3
import time
from dataclasses import dataclass, replace
from pathlib import Path

from drill.events import TRAINER
from drill.team_play.database import Transaction, connect, wall_now
from drill.team_play.grants import (
    MAX_NAME,
    TRAINER_GRANT,
    Credentials,
    Grant,
    GrantRefused,
    KeyPair,
    check_value,
    is_reserved,
    name_key,
    record_tag,
    seal,
    seat_key,
    sign,
    trainer_key,
    unseal,
)
from drill.team_play.presence import ROLE_SEAT, ROLE_TRAINER, HostBeacon, PresenceBoard
from drill.team_play.requests import Request
from drill.team_play.texts import because, say, worded

JOIN_WAIT = 10.0
"""Seconds a seat waits for the host to answer its join."""


class GrantBook:
    """The host's record of grants: who may sign, in which role, under which name."""

    def __init__(self, db: sqlite3.Connection, master: bytes, roster: list[str], language: str) -> None:
        self._db = db
        self._master = master
        self.roster = list(roster)
        self._language = language
        self.grants: dict[int, Grant] = {}
        self.last_counter: dict[int, int] = {}
        self.ignored_rows = 0
        """Rows in the grants table without the host's seal (edited by someone else)."""
        self._load()

    # --- reading the record back ------------------------------------------------------------

    def _load(self) -> None:
        for grant_id, seat, member, role, active, tag in self._db.execute(
            "SELECT id, seat, member, role, active, tag FROM grants ORDER BY id"
        ):
            grant = Grant(int(grant_id), str(seat), str(member), str(role), bool(active))
            if hmac.compare_digest(str(tag), record_tag(self._master, grant)):
                self.grants[grant.id] = grant
            else:
                self.ignored_rows += 1

    def _store(self, grant: Grant) -> None:
        self.grants[grant.id] = grant
        with Transaction(self._db) as db:
            db.execute(
                "INSERT INTO grants (id, seat, member, role, active, tag) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET seat = excluded.seat, member = excluded.member, role = excluded.role, "
                "active = excluded.active, tag = excluded.tag",
                (grant.id, grant.seat, grant.member, grant.role, int(grant.active), record_tag(self._master, grant)),
            )

    # --- who holds what ----------------------------------------------------------------------

    def active(self) -> list[Grant]:
        return [g for g in self.grants.values() if g.active]

    def roster_name(self, name: str) -> str | None:
        key = name_key(name)
        return next((member for member in self.roster if name_key(member) == key), None)

    def holder_of(self, member: str) -> Grant | None:
        key = name_key(member)
        return next((g for g in self.active() if name_key(g.member) == key), None)

    def seated_as(self, seat: str) -> Grant | None:
        key = name_key(seat)
        return next((g for g in self.active() if name_key(g.seat) == key), None)

    # --- joins ----------------------------------------------------------------------------------

    def answer_joins(self, present: set[str]) -> list[str]:
        """Answer every pending join; returns lines for the host's log. `present`: live seat names."""
        lines: list[str] = []
        rows = self._db.execute(
            "SELECT id, name, public, rejoin, proof FROM joins WHERE state = 'pending' ORDER BY id LIMIT 50"
        ).fetchall()
        for join_id, name, public, rejoin, proof in rows:
            try:
                if rejoin is not None:
                    grant, key = self._rejoin(int(rejoin), str(proof or ""), str(public))
                else:
                    grant, key = self._grant(int(join_id), str(name), present)
                pair = KeyPair.new()
                shared = pair.shared(int(str(public), 16))
            except GrantRefused as refused:
                self._answer(join_id, "refused", refused.reason)
                lines.append(say("host.join_refused", self._language, name=str(name)[:MAX_NAME], why=str(refused)))
                continue
            except ValueError:
                self._answer(join_id, "refused", because("team.join.bad_request"))
                continue
            with Transaction(self._db) as db:
                db.execute(
                    "UPDATE joins SET state = 'granted', host_public = ?, sealed = ?, checked = ?, grant_id = ?, "
                    "member = ? WHERE id = ? AND state = 'pending'",
                    (format(pair.public, "x"), seal(key, shared), check_value(key, int(join_id)), grant.id,
                     grant.member, join_id),
                )
        return lines

    def _grant(self, join_id: int, name: str, present: set[str]) -> tuple[Grant, bytes]:
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise GrantRefused.saying("join.bad_name", self._language, n=MAX_NAME)
        if is_reserved(name):
            raise GrantRefused.saying("join.reserved", self._language, name=name)
        member = self.roster_name(name) or name
        holder = self.holder_of(member) or self.seated_as(name)
        if holder is not None:
            if self.roster_name(member) is not None or holder.seat in present:
                raise GrantRefused.saying("join.held", self._language, name=member)
            self._store(replace(holder, active=False))  # a free name whose seat is gone
        grant = Grant(join_id, name, member, ROLE_SEAT)
        self._store(grant)
        return grant, seat_key(self._master, grant.id)

    def _rejoin(self, grant_id: int, proof: str, public: str) -> tuple[Grant, bytes]:
        grant = self.grants.get(grant_id)
        key = seat_key(self._master, grant_id)
        if grant is None or not grant.active or not hmac.compare_digest(proof, sign(key, grant_id, 0, public)):
            raise GrantRefused.saying("join.rejoin_refused", self._language)
        return grant, key

    def _answer(self, join_id: int, state: str, message: str) -> None:
        with Transaction(self._db) as db:
            db.execute("UPDATE joins SET state = ?, message = ? WHERE id = ? AND state = 'pending'",
                       (state, message, join_id))

    # --- the trainer's mapping ------------------------------------------------------------------

    def assign(self, member: str, grant_id: int | None) -> None:
        """Give roster `member` to the seat holding `grant_id` (None: to nobody)."""
        roster = self.roster_name(member)
        if roster is None:
            raise GrantRefused.saying("lobby.not_on_roster", self._language, name=member)
        holder = self.holder_of(roster)
        if holder is not None and holder.id != grant_id:
            self._store(replace(holder, member=holder.seat if self.roster_name(holder.seat) is None else
                                f"{holder.seat} ({holder.id})"))
        if grant_id is None:
            return
        grant = self.grants.get(grant_id)
        if grant is None or not grant.active or grant.role != ROLE_SEAT:
            raise GrantRefused.saying("lobby.no_such_seat", self._language)
        self._store(replace(grant, member=roster))

    # --- requests -------------------------------------------------------------------------------

    def verify(self, request: Request) -> Grant | str:
        """The grant a request was signed under, or why it is refused as forged."""
        if request.grant_id is None or not request.mac:
            return say("forged.unsigned", self._language)
        if request.grant_id == TRAINER_GRANT:
            grant: Grant | None = Grant(TRAINER_GRANT, request.seat, TRAINER, ROLE_TRAINER)
            key = trainer_key(self._master)
        else:
            grant = self.grants.get(request.grant_id)
            key = seat_key(self._master, request.grant_id)
        if grant is None or not grant.active:
            return say("forged.no_grant", self._language)
        counter = request.counter or 0
        if not hmac.compare_digest(request.mac, sign(key, request.grant_id, counter, request.action_json)):
            return say("forged.bad_signature", self._language)
        if counter <= self.last_counter.get(request.grant_id, 0):
            return say("forged.replayed", self._language)
        self.last_counter[request.grant_id] = counter
        return grant


# --- the seat's side --------------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinTicket:
    """A join asked for and not yet answered: the row's id and this seat's half of the handshake."""

    join_id: int
    pair: KeyPair


def ask_to_join(db: sqlite3.Connection, name: str, *, saved: Credentials | None = None,
                language: str = "nb") -> JoinTicket:
    """Write the join row (a host must be running to answer it)."""
    host = HostBeacon(db).read()
    if host is None or not host.alive(wall_now()):
        raise GrantRefused.saying("join.no_host", language)
    pair = KeyPair.new()
    public = format(pair.public, "x")
    with Transaction(db) as tx:
        cursor = tx.execute(
            "INSERT INTO joins (wall, name, public, rejoin, proof) VALUES (?, ?, ?, ?, ?)",
            (wall_now(), name, public, saved.grant_id if saved else None,
             sign(saved.key, saved.grant_id, 0, public) if saved else None),
        )
    return JoinTicket(int(cursor.lastrowid or 0), pair)


def collect_grant(db: sqlite3.Connection, ticket: JoinTicket, language: str = "nb") -> Credentials | None:
    """The credentials once the host has answered (None while it has not); a refusal raises."""
    row = db.execute(
        "SELECT state, message, host_public, sealed, checked, grant_id, member FROM joins WHERE id = ?",
        (ticket.join_id,),
    ).fetchone()
    if row is None:
        raise GrantRefused.saying("join.lost", language)
    state, message, host_public, sealed, checked, grant_id, member = row
    if state == "refused":
        raise GrantRefused(worded(str(message), language))
    if state != "granted":
        return None
    try:
        key = unseal(str(sealed), ticket.pair.shared(int(str(host_public), 16)))
    except ValueError:
        raise GrantRefused.saying("join.lost", language) from None
    if not hmac.compare_digest(str(checked), check_value(key, ticket.join_id)):
        raise GrantRefused.saying("join.lost", language)
    return Credentials(int(grant_id), key, str(member))


def request_grant(path: Path | str, name: str, *, saved: Credentials | None = None, wait: float = JOIN_WAIT,
                  language: str = "nb") -> Credentials:
    """Ask the host for a seat under `name`; blocks until it answers (the app calls it in a worker)."""
    db = connect(path)
    try:
        ticket = ask_to_join(db, name, saved=saved, language=language)
        deadline = time.monotonic() + wait
        while True:
            credentials = collect_grant(db, ticket, language)
            if credentials is not None:
                return credentials
            if time.monotonic() > deadline:
                with Transaction(db) as tx:
                    tx.execute("UPDATE joins SET state = 'abandoned' WHERE id = ? AND state = 'pending'",
                               (ticket.join_id,))
                raise GrantRefused.saying("join.no_answer", language, seconds=int(wait))
            time.sleep(0.05)
    finally:
        db.close()


def live_seat_names(board: PresenceBoard) -> set[str]:
    return {p.seat for p in board.present()}

"""The team-play tables inside a session file, and connections to them.

The tables sit next to the event log in the same SQLite file, so a drill's shared state
travels with the drill and needs no server. They are created on first use with
`CREATE TABLE IF NOT EXISTS`, so session files recorded before team play existed open
unchanged, and readers that know nothing of team play ignore the tables.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from drill.store import BUSY_TIMEOUT_MS, SessionFileError, write_failure

_TABLES = """
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    wall REAL NOT NULL,
    seat TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    message TEXT NOT NULL DEFAULT '',
    after_seq INTEGER,
    first_seq INTEGER,
    last_seq INTEGER,
    handled_wall REAL
);
CREATE INDEX IF NOT EXISTS requests_by_state ON requests (state, id);
CREATE TABLE IF NOT EXISTS presence (
    seat TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    instance TEXT NOT NULL,
    activity TEXT NOT NULL DEFAULT '',
    item_id TEXT,
    joined REAL NOT NULL,
    heartbeat REAL NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS host_heartbeat (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    instance TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started REAL NOT NULL,
    heartbeat REAL NOT NULL,
    now REAL NOT NULL,
    speed REAL NOT NULL,
    paused INTEGER NOT NULL,
    ended INTEGER NOT NULL,
    stopped INTEGER NOT NULL DEFAULT 0
);
"""

LOCK_WAIT = BUSY_TIMEOUT_MS / 1000
"""Seconds a write waits for another process's lock before the user is told the file is busy."""

Wall = float
"""Seconds since the epoch (time.time()); heartbeats are compared across processes."""


def wall_now() -> Wall:
    return time.time()


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection for the team-play tables, creating them if the file has none yet.

    The file must already be a drill session (open it with `SessionStore.open` first, which
    gives the plain messages for missing, foreign or damaged files).
    """
    path = Path(path)
    try:
        connection = sqlite3.connect(path, timeout=LOCK_WAIT, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT * 1000)}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        if not _has_tables(connection):
            connection.executescript(f"BEGIN IMMEDIATE; {_TABLES} COMMIT;")
    except sqlite3.OperationalError as error:
        raise SessionFileError(f"{path}: the session file is busy or locked ({error}); try again.") from None
    except sqlite3.DatabaseError as error:
        raise SessionFileError(f"{path}: the session file is damaged ({error}).") from None
    return connection


def _has_tables(connection: sqlite3.Connection) -> bool:
    names = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('requests', 'presence', 'host_heartbeat')"
        )
    }
    return len(names) == 3


class Transaction:
    """One immediate write transaction; a lock held too long becomes a plain message."""

    def __init__(self, connection: sqlite3.Connection, what: str | None = None) -> None:
        self.db, self._what = connection, what

    @property
    def what(self) -> str:
        """The file's name for messages (asked of SQLite only when something went wrong)."""
        if self._what is None:
            try:
                rows = self.db.execute("PRAGMA database_list").fetchall()
                self._what = next((str(row[2]) for row in rows if row[1] == "main" and row[2]), "the session file")
            except sqlite3.Error:
                self._what = "the session file"
        return self._what

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise write_failure(self.what, error) from None
        return self.db

    def __exit__(self, exc_type: object, exc: object, *rest: object) -> None:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.Error as error:
                exc = error
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite may have rolled back on its own (a full disk does)
        if isinstance(exc, sqlite3.OperationalError):
            raise write_failure(self.what, exc) from None

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

from drill.store import BUSY_TIMEOUT_MS, Transaction, busy, damaged

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
    handled_wall REAL,
    grant_id INTEGER,
    counter INTEGER,
    mac TEXT
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
CREATE TABLE IF NOT EXISTS joins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    wall REAL NOT NULL,
    name TEXT NOT NULL,
    public TEXT NOT NULL,
    rejoin INTEGER,
    proof TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    message TEXT NOT NULL DEFAULT '',
    host_public TEXT,
    sealed TEXT,
    checked TEXT,
    grant_id INTEGER,
    member TEXT
);
CREATE TABLE IF NOT EXISTS grants (
    id INTEGER PRIMARY KEY,
    seat TEXT NOT NULL,
    member TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL,
    tag TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS team_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS join_attempts (wall REAL NOT NULL, client TEXT NOT NULL, ok INTEGER NOT NULL);
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


def read_meta(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM team_meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def write_meta(connection: sqlite3.Connection, key: str, value: str) -> None:
    with Transaction(connection) as db:
        db.execute("INSERT INTO team_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   (key, value))


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
            _add_signature_columns(connection)
    except sqlite3.OperationalError as error:
        raise busy(path) from None
    except sqlite3.DatabaseError as error:
        raise damaged(path, error) from None
    return connection


def was_hosted(path: Path | str) -> bool:
    """Whether a host ever ran this drill (`drill host`): such a drill goes on with `drill host
    --resume`, not `drill play`. Read only; a file without team-play tables was never hosted."""
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=LOCK_WAIT)
    except sqlite3.Error:
        return False
    try:
        return connection.execute("SELECT 1 FROM host_heartbeat WHERE id = 1").fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        connection.close()


_TABLE_NAMES = ("requests", "presence", "host_heartbeat", "joins", "grants", "team_meta", "join_attempts")
_SIGNATURE_COLUMNS = {"grant_id": "INTEGER", "counter": "INTEGER", "mac": "TEXT"}


def _has_tables(connection: sqlite3.Connection) -> bool:
    names = {
        row[0]
        for row in connection.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ({', '.join('?' * len(_TABLE_NAMES))})",
            _TABLE_NAMES,
        )
    }
    return len(names) == len(_TABLE_NAMES) and not _missing_columns(connection)


def _missing_columns(connection: sqlite3.Connection) -> list[str]:
    have = {row[1] for row in connection.execute("PRAGMA table_info(requests)")}
    return [name for name in _SIGNATURE_COLUMNS if name not in have]


def _add_signature_columns(connection: sqlite3.Connection) -> None:
    """Requests are signed; files from before signing get the columns (their old rows stay unsigned)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for name in _missing_columns(connection):
            connection.execute(f"ALTER TABLE requests ADD COLUMN {name} {_SIGNATURE_COLUMNS[name]}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")



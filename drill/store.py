"""The session file: an append-only event log in SQLite, one file per drill.

Every event is committed the moment it happens (WAL mode, one transaction per batch), so a
crash or Ctrl+C loses nothing that was shown or done. The file also keeps the scenario's
full text, its hash and the seed, so it is self-describing: it can be scored, reported,
replayed or resumed without the original scenario file. Several processes may open the
same file; SQLite's locking keeps their appends whole.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from drill.errors import DrillError
from drill.events import Event, payload_adapter
from drill.scenario import LoadedScenario, parse_scenario

FORMAT = "drill-session"
FORMAT_VERSION = 1
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    t REAL NOT NULL,
    wall TEXT NOT NULL,
    actor TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL
);
"""


class SessionFileError(DrillError):
    """The file is missing, not a drill session, from a newer drill, locked or damaged."""


class SessionStore:
    def __init__(self, path: Path, connection: sqlite3.Connection, meta: dict[str, str]) -> None:
        self.path = path
        self._db = connection
        self.meta = meta

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path | str, *, scenario_text: str, scenario_path: str, scenario_hash: str, seed: int,
        overwrite: bool = False,
    ) -> SessionStore:
        path = Path(path)
        if path.exists():
            if not overwrite:
                raise SessionFileError(
                    f"{path}: a session file with this name exists already. "
                    "Choose another name, or resume it."
                )
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = _connect(path)
        meta = {
            "format": FORMAT,
            "format_version": str(FORMAT_VERSION),
            "created": _wall_now(),
            "scenario_path": scenario_path,
            "scenario_hash": scenario_hash,
            "scenario_text": scenario_text,
            "seed": str(seed),
        }
        connection.executescript(_SCHEMA)
        with _writing(path, connection):
            connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        return cls(path, connection, meta)

    @classmethod
    def open(cls, path: Path | str) -> SessionStore:
        path = Path(path)
        if not path.exists():
            raise SessionFileError(f"{path}: no such session file.")
        if path.is_dir():
            raise SessionFileError(f"{path}: this is a folder, not a session file.")
        # No peeking at the header with a plain file handle: closing any descriptor of a file
        # drops every SQLite lock this process holds on it, which lets another process delete
        # the write-ahead log under a live connection. SQLite itself says "not a database".
        connection = _connect(path)
        try:
            rows = connection.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as error:
            connection.close()
            if "locked" in str(error):
                raise SessionFileError(f"{path}: the session file is locked by another program; try again.") from None
            raise SessionFileError(f"{path}: not a drill session file ({error}).") from None
        meta = dict(rows)
        if meta.get("format") != FORMAT:
            connection.close()
            raise SessionFileError(f"{path}: an SQLite database, but not a drill session file.")
        version = int(meta.get("format_version", "0"))
        if version > FORMAT_VERSION:
            connection.close()
            raise SessionFileError(
                f"{path}: written by a newer version of drill (session format {version}; "
                f"this drill reads up to {FORMAT_VERSION}). Update drill to open it."
            )
        return cls(path, connection, meta)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- meta --------------------------------------------------------------------------

    @property
    def seed(self) -> int:
        return int(self.meta["seed"])

    @property
    def scenario_text(self) -> str:
        return self.meta["scenario_text"]

    @property
    def scenario_path(self) -> str:
        return self.meta.get("scenario_path", "")

    def stored_scenario(self) -> LoadedScenario:
        """The scenario exactly as it was when the drill started, from the text kept in the file."""
        text = self.meta.get("scenario_text")
        if not text:
            raise SessionFileError(f"{self.path}: the session file holds no scenario text.")
        origin = f"{self.scenario_path or self.path} (stored in {self.path.name})"
        try:
            return parse_scenario(text, origin)
        except DrillError as error:
            raise SessionFileError(f"{self.path}: the scenario stored in the session file is not valid:\n{error}") from None

    # --- events ------------------------------------------------------------------------

    def append(self, events: Iterable[Event]) -> None:
        """Commit the events now; they are on disk when this returns."""
        rows = [
            (e.seq, e.t, e.wall or _wall_now(), e.actor, e.type, e.payload.model_dump_json())
            for e in events
        ]
        if not rows:
            return
        with _writing(self.path, self._db):
            try:
                self._db.executemany(
                    "INSERT INTO events (seq, t, wall, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?)", rows
                )
            except sqlite3.IntegrityError:
                raise SessionFileError(
                    f"{self.path}: another program has written the same events; "
                    "only one host may run a drill's clock."
                ) from None

    def events(self, after_seq: int = 0) -> list[Event]:
        return list(self.iter_events(after_seq))

    def iter_events(self, after_seq: int = 0) -> Iterator[Event]:
        try:
            cursor = self._db.execute(
                "SELECT seq, t, wall, actor, payload FROM events WHERE seq > ? ORDER BY seq", (after_seq,)
            )
            for seq, t, wall, actor, payload in cursor:
                yield Event(seq=seq, t=t, wall=wall, actor=actor, payload=payload_adapter.validate_json(payload))
        except sqlite3.DatabaseError as error:
            raise SessionFileError(f"{self.path}: the session file is damaged ({error}).") from None
        except ValueError as error:
            raise SessionFileError(f"{self.path}: an event in the session file cannot be read ({error}).") from None

    def last_seq(self) -> int:
        row = self._db.execute("SELECT MAX(seq) FROM events").fetchone()
        return int(row[0] or 0)


def export_jsonl(events: Iterable[Event]) -> Iterator[str]:
    """One JSON object per event, for other tools (`drill export`)."""
    for event in events:
        yield json.dumps(event.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise SessionFileError(f"{path}: not a drill session file (it is not an SQLite database).") from None
        raise SessionFileError(f"{path}: cannot open the session file ({error}).") from None
    return connection


class _writing:
    """One immediate transaction; a lock held too long becomes a plain message."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path, self.db = path, connection

    def __enter__(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise SessionFileError(f"{self.path}: the session file is busy or locked ({error}); try again.") from None

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _wall_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")

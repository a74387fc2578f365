"""The session file: an append-only event log in SQLite, one file per drill.

Every event is committed the moment it happens (WAL mode, one transaction per batch), so a
crash or Ctrl+C loses nothing that was shown or done. The file also keeps the scenario's
full text, its hash and the seed, so it is self-describing: it can be scored, reported,
replayed or resumed without the original scenario file. Several processes may open the
same file; SQLite's locking keeps their appends whole.
"""

from __future__ import annotations

import errno
import hashlib
import json
import math
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from drill.errors import DrillError
from drill.events import Event, payload_adapter
from drill.i18n import message
from drill.scenario import LoadedScenario, parse_scenario

FORMAT = "drill-session"
FORMAT_VERSION = 1
BUSY_TIMEOUT_MS = 5000
MAX_EVENT_TIME = 1e7
"""Seconds: an event later than this (about 115 days into a drill) can only be damage."""

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
    """The file is missing, not a drill session, from a newer drill, locked or damaged.

    `reason` says which, for callers that list files by what is wrong with them (`drill
    history`): the message itself is in the user's language and no place to look for words.
    """

    def __init__(self, text: str, reason: str = "damaged") -> None:
        super().__init__(text)
        self.reason = reason


def damaged(path: Path | str, error: BaseException | None = None) -> SessionFileError:
    """"The session file is damaged", with SQLite's reason in words when it is one people meet."""
    problem = _sqlite_problem(error) if error is not None else None
    if problem is None:
        return SessionFileError(message("walk.session.damaged", path=path))
    return SessionFileError(message("walk.session.damaged_because", path=path, problem=problem))


def busy(path: Path | str) -> SessionFileError:
    return SessionFileError(message("walk.session.busy", path=path), reason="busy")


def _sqlite_problem(error: BaseException) -> str | None:
    """SQLite's words for what is wrong, in the user's language; None for the rare rest."""
    text = str(error)
    for marker, key in (("malformed", "walk.problem.malformed"), ("not a database", "walk.problem.not_a_database"),
                        ("unable to open", "walk.problem.cannot_open"),
                        ("I/O", "walk.problem.disk_io"), ("readonly", "walk.problem.read_only"),
                        ("read-only", "walk.problem.read_only"), ("full", "walk.problem.disk_full")):
        if marker in text:
            return message(key)
    return None


_OS_PROBLEMS = {
    errno.EACCES: "walk.problem.no_permission", errno.EPERM: "walk.problem.no_permission",
    errno.EROFS: "walk.problem.read_only", errno.ENOSPC: "walk.problem.disk_full",
    errno.ENOTDIR: "walk.problem.not_a_folder", errno.ENAMETOOLONG: "walk.problem.name_too_long",
    errno.ENOENT: "walk.problem.no_such_folder", errno.EIO: "walk.problem.disk_io",
    errno.EEXIST: "walk.problem.not_a_folder",
}


def os_problem(error: OSError) -> str:
    """Why the operating system refused a file, in the user's language (its own words for the rare rest)."""
    key = _OS_PROBLEMS.get(error.errno or 0)
    return message(key) if key else str(error.strerror or error)


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
                raise SessionFileError(message("walk.session.exists", path=path), reason="exists")
            holder = in_use_by(path)
            if holder:
                raise SessionFileError(message("walk.session.in_use", path=path, holder=holder), reason="busy")
        try:
            if path.exists():
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True)  # a file in the way: EEXIST
        except OSError as error:
            raise SessionFileError(message("walk.session.cannot_write_here", path=path, problem=os_problem(error)),
                                   reason="cannot_write") from None
        try:
            return cls._create(path, scenario_text=scenario_text, scenario_path=scenario_path,
                               scenario_hash=scenario_hash, seed=seed)
        except sqlite3.Error as error:
            raise write_failure(path, error) from None

    @classmethod
    def _create(cls, path: Path, *, scenario_text: str, scenario_path: str, scenario_hash: str,
                seed: int) -> SessionStore:
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
        with Transaction(connection, path):
            connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        return cls(path, connection, meta)

    @classmethod
    def open(cls, path: Path | str) -> SessionStore:
        path = Path(path)
        if not path.exists():
            raise SessionFileError(message("input.session_missing", path=path), reason="missing")
        if path.is_dir():
            raise SessionFileError(message("input.session_folder", path=path), reason="not_a_session")
        # No peeking at the header with a plain file handle: closing any descriptor of a file
        # drops every SQLite lock this process holds on it, which lets another process delete
        # the write-ahead log under a live connection. SQLite itself says "not a database".
        connection = _connect(path)
        try:
            rows = connection.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as error:
            connection.close()
            if "locked" in str(error):
                raise SessionFileError(message("input.session_locked", path=path), reason="busy") from None
            if "no such table" in str(error):
                raise SessionFileError(message("input.session_not_drill", path=path), reason="not_a_session") from None
            if "not a database" in str(error):
                raise SessionFileError(message("input.session_not_sqlite", path=path), reason="not_a_session") from None
            raise damaged(path, error) from None
        meta = {str(key): str(value) for key, value in rows}
        try:
            _check_meta(path, meta, connection)
        except BaseException:
            connection.close()
            raise
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

    @property
    def team_name(self) -> str | None:
        """The team's own name (`--team-name`), or None for sessions recorded without one."""
        return self.meta.get("team_name") or None

    def record_team_name(self, name: str) -> None:
        """Keep who played, so `drill history` can follow one team across drills."""
        with Transaction(self._db, self.path):
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('team_name', ?)", (name,))
        self.meta["team_name"] = name

    def stored_scenario(self) -> LoadedScenario:
        """The scenario exactly as it was when the drill started, from the text kept in the file."""
        text = self.meta.get("scenario_text")
        if not text:
            raise SessionFileError(message("walk.session.no_scenario", path=self.path))
        origin = message("walk.session.stored_in", origin=self.scenario_path or self.path, name=self.path.name)
        try:
            return parse_scenario(text, origin)
        except DrillError as error:
            raise SessionFileError(message("walk.session.scenario_invalid", path=self.path, problems=error)) from None

    # --- events ------------------------------------------------------------------------

    def append(self, events: Iterable[Event]) -> None:
        """Commit the events now; they are on disk when this returns."""
        rows = [
            (e.seq, e.t, e.wall or _wall_now(), e.actor, e.type, e.payload.model_dump_json())
            for e in events
        ]
        if not rows:
            return
        with Transaction(self._db, self.path):
            try:
                self._db.executemany(
                    "INSERT INTO events (seq, t, wall, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?)", rows
                )
            except sqlite3.IntegrityError:
                raise SessionFileError(message("walk.session.same_events", path=self.path), reason="busy") from None

    def events(self, after_seq: int = 0) -> list[Event]:
        return list(self.iter_events(after_seq))

    def iter_events(self, after_seq: int = 0) -> Iterator[Event]:
        """The log after `after_seq`, checked as it is read: every reader of the file comes here.

        The sequence must go on without gaps and time must be a finite number that never goes
        back, so a damaged or hand-edited file is named here with the event that is wrong,
        instead of surfacing later as a crash in whatever consumes the events.
        """
        expected, last_t, seq = after_seq + 1, 0.0, after_seq + 1
        try:
            cursor = self._db.execute(
                "SELECT seq, t, wall, actor, payload FROM events WHERE seq > ? ORDER BY seq", (after_seq,)
            )
            for seq, t, wall, actor, payload in cursor:
                if seq != expected:
                    raise SessionFileError(message("walk.session.event_missing", path=self.path, expected=expected,
                                                   found=seq))
                if not isinstance(t, (int, float)) or not 0 <= t <= MAX_EVENT_TIME or t < last_t:
                    raise SessionFileError(message("walk.session.event_time", path=self.path, seq=seq,
                                                   time=_shown_time(t)))
                expected, last_t = seq + 1, float(t)
                yield Event(seq=seq, t=t, wall=wall, actor=actor, payload=payload_adapter.validate_json(payload))
        except sqlite3.DatabaseError as error:
            raise damaged(self.path, error) from None
        except (ValueError, TypeError):
            raise SessionFileError(message("walk.session.event_unreadable", path=self.path, seq=seq)) from None

    def fingerprint(self) -> str:
        """A digest of the drill as recorded: the scenario, the seed and every event but its wall time.

        Two files with the same fingerprint score the same, so a tool that reads many sessions
        (`drill history`) scores each recorded drill once; reading the raw rows costs a fraction
        of parsing them.
        """
        digest = hashlib.sha256()
        digest.update(f"{self.meta.get('scenario_text', '')}\0{self.meta.get('seed', '')}\0".encode())
        try:
            cursor = self._db.execute("SELECT seq, t, actor, payload FROM events ORDER BY seq")
            while rows := cursor.fetchmany(2000):
                digest.update(repr(rows).encode())  # one C-level repr per batch: a fraction of a loop
        except sqlite3.DatabaseError as error:
            raise damaged(self.path, error) from None
        return digest.hexdigest()

    def last_seq(self) -> int:
        try:
            row = self._db.execute("SELECT MAX(seq) FROM events").fetchone()
            return int(row[0] or 0)
        except (sqlite3.DatabaseError, ValueError, TypeError) as error:
            raise damaged(self.path, error) from None


def in_use_by(path: Path) -> str | None:
    """Who holds the file open, in words, or None: asked before a file is overwritten.

    Two ways, because each sees what the other cannot: SQLite's own lock (every drill process
    reads the file as soon as it opens it, and a reading connection in WAL mode keeps a shared
    lock that an exclusive probe runs into, whoever owns the process), and the open file
    descriptors in /proc (this user's processes, including ones that never used SQLite).
    """
    try:
        probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        probe = None
    if probe is not None:
        try:
            probe.execute("PRAGMA locking_mode = EXCLUSIVE")
            probe.execute("BEGIN EXCLUSIVE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                return message("walk.session.held_by_program")
        except sqlite3.DatabaseError:
            pass  # not an SQLite file at all: nobody is using it as a session
        finally:
            probe.close()
    for pid in _pids_holding(path):
        return message("walk.session.held_by_process", pid=pid)
    return None


def _pids_holding(path: Path) -> Iterator[int]:
    try:
        targets = {str(Path(f"{path}{suffix}").resolve()) for suffix in ("", "-wal", "-shm")}
        processes = list(Path("/proc").iterdir())
    except OSError:
        return
    for process in processes:
        if not process.name.isdigit() or int(process.name) == os.getpid():
            continue
        try:
            descriptors = list((process / "fd").iterdir())
        except OSError:
            continue  # gone, or another user's
        for descriptor in descriptors:
            try:
                if os.readlink(descriptor) in targets:
                    yield int(process.name)
                    break
            except OSError:
                continue


def _check_meta(path: Path, meta: dict[str, str], connection: sqlite3.Connection) -> None:
    """Refuse a file whose header rows or tables are not what drill writes, naming what is wrong."""
    if meta.get("format") != FORMAT:
        raise SessionFileError(message("input.session_not_drill", path=path), reason="not_a_session")
    version_text = meta.get("format_version", "0")
    try:
        version = int(version_text)
    except ValueError:
        raise SessionFileError(message("walk.session.version_not_number", path=path,
                                       shown=repr(version_text[:40]))) from None
    if version > FORMAT_VERSION:
        raise SessionFileError(message("walk.session.newer", path=path, version=version, supported=FORMAT_VERSION),
                               reason="newer")
    seed_text = meta.get("seed", "0")
    try:
        int(seed_text)
    except ValueError:
        raise SessionFileError(message("walk.session.seed_not_number", path=path, shown=repr(seed_text[:40]))) from None
    try:
        found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone()
    except sqlite3.DatabaseError as error:
        raise damaged(path, error) from None
    if found is None:
        raise SessionFileError(message("walk.session.no_events", path=path))


def export_jsonl(events: Iterable[Event]) -> Iterator[str]:
    """One JSON object per event, for other tools (`drill export`)."""
    for event in events:
        yield json.dumps(event.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        # The app's engine thread appends to a store opened on the app's thread; its users take
        # turns (drill.app.engine_thread holds one lock around every use).
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                     check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise SessionFileError(message("input.session_not_sqlite", path=path), reason="not_a_session") from None
        problem = _sqlite_problem(error) or message("walk.problem.cannot_open")
        raise SessionFileError(message("walk.session.cannot_open", path=path, problem=problem),
                               reason="cannot_write") from None
    return connection


def write_failure(path: Path | str, error: sqlite3.Error) -> SessionFileError:
    """The plain message for a write that SQLite refused; a full disk says so.

    A refused transaction is rolled back whole, so what was committed before stays readable:
    the message says so, because "is my drill lost?" is the first thing a trainer asks.
    """
    name = getattr(error, "sqlite_errorname", "")
    if name == "SQLITE_FULL" or "full" in str(error):
        return SessionFileError(message("walk.session.disk_full", path=path), reason="cannot_write")
    if name.startswith("SQLITE_IOERR") or "I/O" in str(error):
        return SessionFileError(message("walk.session.write_failed_kept", path=path,
                                        problem=message("walk.problem.disk_io")), reason="cannot_write")
    if "locked" in str(error) or "busy" in str(error):
        return busy(path)
    problem = _sqlite_problem(error)
    if problem is None:
        return SessionFileError(message("walk.session.write_refused", path=path), reason="cannot_write")
    return SessionFileError(message("walk.session.write_failed", path=path, problem=problem), reason="cannot_write")


class Transaction:
    """One immediate write transaction on a session file, shared by the event log and team play.

    A lock held too long, a full disk or a damaged file becomes a plain `SessionFileError`
    naming the file; a constraint violation (a row written twice) is left to the caller.
    """

    def __init__(self, connection: sqlite3.Connection, what: Path | str | None = None) -> None:
        self.db, self._what = connection, what

    @property
    def what(self) -> Path | str:
        """The file's name for messages (asked of SQLite only when something went wrong)."""
        if self._what is None:
            try:
                rows = self.db.execute("PRAGMA database_list").fetchall()
                self._what = next((str(row[2]) for row in rows if row[1] == "main" and row[2]),
                                  message("walk.session.the_file"))
            except sqlite3.Error:
                self._what = message("walk.session.the_file")
        return self._what

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise write_failure(self.what, error) from None
        return self.db

    def __exit__(self, exc_type: object, exc: object, *rest: object) -> None:
        failed_commit: sqlite3.Error | None = None
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.Error as error:
                exc = failed_commit = error
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite may have rolled back on its own (a full disk does)
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.IntegrityError):
            raise write_failure(self.what, exc) from None
        if failed_commit is not None:
            raise failed_commit


def _shown_time(t: object) -> str:
    """An event's broken time as the user can read it: a number plainly, anything else quoted."""
    if isinstance(t, float) and math.isfinite(t):
        return f"{t:g}"
    return repr(t)


def _wall_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")

"""A seat's or a host's hold on the shared file survives its own start-up.

SQLite's locks are POSIX locks, which belong to a process: closing *any* file handle on the
database drops all of that process's locks on it. The store's header check opens and closes
such a handle. If a process did that beside a live connection, the next connection to close
elsewhere would think it was the last one, fold the WAL into the file and delete it under the
others' feet, and the session file would be damaged. These tests catch that.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
from pathlib import Path

import pytest

from drill.live import LiveDrill

sys.path.insert(0, str(Path(__file__).resolve().parent))
import team_play_workers as workers  # noqa: E402


def _wal_survives_another_connection_closing(path: Path, holder) -> bool:
    spawn = multiprocessing.get_context("spawn")
    ready, release = spawn.Event(), spawn.Event()
    process = spawn.Process(target=holder, args=(str(path), ready, release), daemon=True)
    process.start()
    try:
        assert ready.wait(30), "the holder did not start"
        probe = sqlite3.connect(path)
        probe.execute("SELECT COUNT(*) FROM events").fetchone()
        probe.close()
        return Path(f"{path}-wal").exists()
    finally:
        release.set()
        process.join(20)
        if process.is_alive():
            process.terminate()


@pytest.fixture
def session(tmp_path: Path, gas) -> Path:
    path = tmp_path / "shared.db"
    drill = LiveDrill.create(gas, path, 1)
    drill.advance_to(90)
    drill.close()
    return path


def test_the_check_itself_sees_a_process_that_lost_its_locks(session: Path):
    assert not _wal_survives_another_connection_closing(session, workers.hold_then_reopen_store)


def test_a_terminal_seat_keeps_its_hold(session: Path):
    assert _wal_survives_another_connection_closing(session, workers.hold_seat_app)


def test_a_resumed_host_keeps_its_hold(session: Path):
    assert _wal_survives_another_connection_closing(session, workers.hold_resumed_host)

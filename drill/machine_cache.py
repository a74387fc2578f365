"""The folder where this machine keeps what drill remembers between runs.

One place for it, below both the scorer (its tone analyses) and the history (its summaries), so
neither has to import the other to find it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def cache_folder() -> Path:
    """`$DRILL_CACHE_DIR`, else `$XDG_CACHE_HOME/drill`, else `~/.cache/drill`."""
    explicit = os.environ.get("DRILL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "drill"


def open_cache(file_name: str, tables: tuple[str, ...], folder: Path | None = None) -> sqlite3.Connection | None:
    """The SQLite file `file_name` in the cache folder with `tables` made, or None when it cannot
    be opened: a cache that fails is only work done again, never a reason to stop. Writes are not
    synced (a write lost in a crash is only worked out again), and WAL lets two processes share it."""
    try:
        folder = folder or cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(folder / file_name, timeout=2, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = OFF")
        for table in tables:
            db.execute(f"CREATE TABLE IF NOT EXISTS {table}")
        return db
    except (OSError, sqlite3.Error):
        return None

"""Score summaries remembered between runs of `drill history`, so a folder scores each drill once.

Scoring a drill from scratch takes up to a second or two (the tone analysis of every reply);
a trainer who runs the history every quarter over a growing folder should pay that only for
the new drills. A summary is kept under the drill's fingerprint (its scenario, seed and events,
not its file name or date), the language, and a digest of the scoring code and data, so a copied
or moved file is found again and a changed scorer scores afresh. A file's fingerprint is kept
too, under its path, size and modification time, so an unchanged file is not even re-read. The cache is a small SQLite
file in the user's cache folder (`$DRILL_CACHE_DIR`, else `$XDG_CACHE_HOME/drill`, else
`~/.cache/drill`); if it cannot be opened or written the history is simply made without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import asdict
from functools import cache
from pathlib import Path

import scoring
from drill.history.model import Example
from drill.history.sessions import FindingNote, Scored

CACHE_FILE = "history-v1.sqlite"


def cache_folder() -> Path:
    explicit = os.environ.get("DRILL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "drill"


@cache
def scoring_digest() -> str:
    """A digest of the scoring code and its data: a summary made by another scorer is not reused."""
    digest = hashlib.sha256()
    root = Path(scoring.__file__).parent
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.yaml"), Path(__file__).with_name("sessions.py")]):
        digest.update(str(path.relative_to(root.parent)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class SummaryCache:
    def __init__(self, folder: Path | None = None) -> None:
        self._db: sqlite3.Connection | None = None
        try:
            folder = folder or cache_folder()
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(folder / CACHE_FILE, timeout=2, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = OFF")  # a cache: a write lost in a crash is only scored again
            self._db.execute("CREATE TABLE IF NOT EXISTS summaries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)")
        except (OSError, sqlite3.Error):
            self._db = None

    def _key(self, fingerprint: str, language: str) -> str:
        return f"{fingerprint}:{language}:{scoring_digest()}"

    def get(self, fingerprint: str, language: str) -> Scored | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM summaries WHERE key = ?",
                                   (self._key(fingerprint, language),)).fetchone()
            return _scored(json.loads(row[0])) if row else None
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return None

    def put(self, fingerprint: str, language: str, scored: Scored) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO summaries (key, value) VALUES (?, ?)",
                             (self._key(fingerprint, language), json.dumps(_plain(scored), ensure_ascii=False)))
        except sqlite3.Error:
            pass  # a full disk or a locked cache only means this drill is scored again next time

    def known_fingerprint(self, key: str) -> str | None:
        """The fingerprint of a file seen before, unchanged since (`file_key` taken before opening it)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT fingerprint FROM files WHERE key = ?", (key,)).fetchone()
            return str(row[0]) if row else None
        except (OSError, sqlite3.Error):
            return None

    def remember_fingerprint(self, key: str, fingerprint: str) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO files (key, fingerprint) VALUES (?, ?)", (key, fingerprint))
        except (OSError, sqlite3.Error):
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def _plain(scored: Scored) -> dict:
    data = asdict(scored)
    data["judged"] = sorted(scored.judged)
    data["findings"] = [{**asdict(f), "example": f.example.model_dump() if f.example else None}
                        for f in scored.findings]
    return data


def _scored(data: dict) -> Scored:
    findings = tuple(FindingNote(rule=f["rule"], title=f["title"], dimension=f["dimension"], action=f["action"],
                                 example=Example(**f["example"]) if f["example"] else None)
                     for f in data["findings"])
    return Scored(total=data["total"], grade=data["grade"], dimensions=data["dimensions"], labels=data["labels"],
                  findings=findings, judged=frozenset(data["judged"]), ended_early=data["ended_early"],
                  played_share=data["played_share"])

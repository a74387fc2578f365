"""Scenarios parsed on this machine, kept under the text they were parsed from.

A session file carries its scenario's YAML. Parsing and validating it takes about a third of a
second; reading back the model parsed before takes a millisecond or two. A drill's file is read
by `drill run` as it ends, then by `drill score`, `drill report` and every history of its folder,
so the YAML of a scenario version is parsed once on a machine and every reader calls
`stored_scenario`.

The key is the content hash of the text the file holds (computed here, never the hash the file
claims) and a digest of the parser, so an edited text or a changed parser parses afresh. The
store is a small SQLite file in the machine's cache folder; if it cannot be opened or written,
the text is simply parsed again.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache
from pathlib import Path

from drill.machine_cache import open_cache
from drill.scenario.loader import content_hash
from drill.scenario.models import Scenario
from drill.store import SessionStore

CACHE_FILE = "scenarios-v1.sqlite"


@cache
def parser_digest() -> str:
    """A digest of the scenario parser and model: a scenario parsed by another version is parsed again."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent / "scenario"
    for path in sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class KeptScenarios:
    """The parsed models, by content hash of their text; open for as long as a reader needs it."""

    def __init__(self, folder: Path | None = None) -> None:
        self._db = open_cache(CACHE_FILE, ("scenarios (key TEXT PRIMARY KEY, value TEXT NOT NULL)",), folder)
        self._here: dict[str, Scenario] = {}  # a history reads many files of few versions

    def get(self, version: str) -> Scenario | None:
        if version in self._here:
            return self._here[version]
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM scenarios WHERE key = ?",
                                   (f"{version}:{parser_digest()}",)).fetchone()
            scenario = Scenario.model_validate_json(row[0]) if row else None
        except (sqlite3.Error, ValueError):
            return None
        if scenario is not None:
            self._here[version] = scenario
        return scenario

    def put(self, version: str, scenario: Scenario) -> None:
        self._here[version] = scenario
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO scenarios (key, value) VALUES (?, ?)",
                             (f"{version}:{parser_digest()}", scenario.model_dump_json()))
        except sqlite3.Error:
            pass  # a full disk or a locked cache only means the text is parsed again next time

    def scenario_of(self, store: SessionStore) -> Scenario:
        """The scenario `store` recorded: kept before, else parsed from its text now and kept."""
        version = content_hash(store.scenario_text)
        scenario = self.get(version)
        if scenario is None:
            scenario = store.stored_scenario().scenario
            self.put(version, scenario)
        return scenario

    def keep(self, store: SessionStore, scenario: Scenario) -> None:
        """Keep `scenario`, which the caller parsed from `store`'s own text, unless it is kept already."""
        version = content_hash(store.scenario_text)
        if self.get(version) is None:
            self.put(version, scenario)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def stored_scenario(store: SessionStore) -> Scenario:
    """The scenario a session file recorded, parsed at most once on this machine."""
    kept = KeptScenarios()
    try:
        return kept.scenario_of(store)
    finally:
        kept.close()

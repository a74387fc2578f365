"""Score summaries remembered on this machine, so a drill is scored once: when it ends.

Scoring a drill from scratch takes up to a second or two (the tone analysis of every reply).
Every command that ends or scores a drill (the app's debrief, also in team play, `drill run`,
`drill score`, `drill report`) records the summary it already has with `record_score`, so a
trainer's own folder of drills is summarised from here; `drill history` scores only drills
never scored on this machine (copied from elsewhere) and records them too.

A summary is kept under the drill's fingerprint (its scenario text, seed and events, not its
file name or date) and a digest of the scoring code and data, so a copied or moved file is
found again and a changed scorer scores afresh. Summaries are language-neutral
(`scores.summary_of`), so a drill scored in one language serves a history in any. Only this
cache, written by this machine's scorer, is trusted: nothing a session file says about its
own score is read. A file's fingerprint is kept too, under its path, size and modification
time, so an unchanged file is not even re-read; a version's scenario is parsed once
(`drill.kept_scenarios`, opened with the summaries). The cache is a small SQLite file in the user's
cache folder (`$DRILL_CACHE_DIR`, else `$XDG_CACHE_HOME/drill`, else `~/.cache/drill`); if it
cannot be opened or written, drills are simply scored again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import scoring
from drill.events import Event
from drill.history.scores import Summary, has_ended, summary_of
from drill.kept_scenarios import KeptScenarios
from drill.machine_cache import open_cache
from drill.scenario.models import Scenario
from drill.store import SessionStore
from scoring.models import ScoreReport
from scoring.scorer import score

CACHE_FILE = "history-v2.sqlite"


@cache
def scoring_digest() -> str:
    """A digest of the scoring code and its data (rubric, tone rules and model) and of what a
    summary keeps: a summary made by another scorer is not reused."""
    digest = hashlib.sha256()
    root = Path(scoring.__file__).parent
    files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted([*files, Path(__file__).with_name("scores.py")]):
        digest.update(str(path.relative_to(root.parent)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_key(path: Path) -> str:
    """Where a file is and how it looked, taken before opening it (opening makes a fresh log file):
    the score cache finds an unchanged file's fingerprint by it, and a drill still being played
    changes its log, so its key."""
    parts = [str(path.resolve())]
    for suffix in ("", "-wal"):
        try:
            stat = Path(f"{path}{suffix}").stat()
            parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append("-")
    return "|".join(parts)


class SummaryCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.scenarios = KeptScenarios(folder)
        """The scenarios parsed on this machine, which a history reads its drills' scenarios from."""
        self._db = open_cache(CACHE_FILE, ("summaries (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                                           "files (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)"), folder)

    def _key(self, fingerprint: str) -> str:
        return f"{fingerprint}:{scoring_digest()}"

    def get(self, fingerprint: str) -> Summary | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM summaries WHERE key = ?", (self._key(fingerprint),)).fetchone()
            return dict(json.loads(row[0])) if row else None
        except (sqlite3.Error, ValueError, TypeError):
            return None

    def put(self, fingerprint: str, summary: Summary) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO summaries (key, value) VALUES (?, ?)",
                             (self._key(fingerprint), json.dumps(summary, ensure_ascii=False)))
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
        self.scenarios.close()
        if self._db is not None:
            self._db.close()


def record_score(session: Path | str | None, events: Sequence[Event], report: ScoreReport,
                 scenario: Scenario | None = None) -> None:
    """Remember the score of a drill that has ended, scored by whoever ended or scored it.

    Called where a drill's score is made anyway, so a later history need not score it again;
    the `scenario` parsed from the file's stored text, if the caller has it, is kept too.
    Never fails: a session file or cache that cannot be read or written only means the drill
    is scored again by the next history.
    """
    if session is None or not has_ended(list(events)):
        return
    try:
        key = file_key(Path(session))
        summaries = SummaryCache()
        try:
            # A file this machine fingerprinted before, unchanged since (`drill run` then `drill
            # score` of it), is not read through again: that is a third of a second a large drill.
            fingerprint = summaries.known_fingerprint(key)
            with SessionStore.open(session) as store:
                if fingerprint is None:
                    fingerprint = store.fingerprint()
                    summaries.remember_fingerprint(key, fingerprint)
                if scenario is not None:
                    summaries.scenarios.keep(store, scenario)
            summaries.put(fingerprint, summary_of(report))
        finally:
            summaries.close()
    except Exception:  # noqa: BLE001 - remembering a score must never take a drill's ending down
        return


def score_and_record(session: Path | str, scenario: Scenario, events: Sequence[Event]) -> None:
    """Score a drill that has just ended and remember it: for `drill run`, which shows no score
    but leaves a session file that a trainer's history will read. Scored in the drill's own
    language, as `drill score` and `drill report` of the file score it by default: the
    analyses of its replies, kept on this machine (`scoring.cache`), then serve those too."""
    events = list(events)
    if not has_ended(events):
        return
    try:
        report = score(scenario, events)
    except Exception:  # noqa: BLE001 - the drill is recorded; a scorer's failure only means scoring it later
        return
    record_score(session, events, report, scenario)

"""Tone analyses kept on this machine, so a drill's replies are analysed once, not at every score.

Analysing a reply is what scoring costs (milliseconds a text, thousands of texts in a big drill),
and the same analyses are asked for again and again: the debrief when a drill ends (or `drill
run`'s score of it), then `drill score` and `drill report` of the same file, then a history
that reads it with a team's other drills. `analysed` answers each request from this process's
memo, then from a small SQLite store in the user's cache folder (`cache_folder`, shared with
the history's score summaries), and analyses only what neither has, keeping the new analyses
in both.

An analysis is kept under a digest of everything it is a function of: the request (reply
text, the comment given as context, the reading and explaining languages, the municipality's
own numbers and domains) and the analyser itself (`analyser_digest`: its code, rules, model
and texts). Nothing else is trusted: no session file says what a reply's analysis is, so a
copied or edited file can never bring its own verdicts; a changed analyser finds none of the old
entries and analyses afresh. The store is bounded (`MAX_ENTRIES`, oldest written first out),
shared safely by several processes (SQLite's write-ahead log; a write that finds the store busy
is simply skipped), and an entry that cannot be read back is treated as missing. If the store
cannot be opened at all, replies are analysed as if it were empty: a cache never decides a score.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from drill.machine_cache import open_cache
from scoring.parallel import ordered_map
from scoring.tone.models import ToneResult

ANALYSES_FILE = "analyses-v1.sqlite"
MAX_ENTRIES = 50_000
"""About 30 MB: every reply of a dozen very large drills, or of a few hundred ordinary ones."""
MEMO_ENTRIES = 16_384
"""Analyses kept in a process (a history's worker scores many drills that repeat texts)."""
_BATCH = 500  # keys per SELECT: well under SQLite's limit on bound parameters


class Request(NamedTuple):
    """One analysis the scorer asks for: exactly the arguments of `analyse_reply` it passes."""

    text: str
    context: str | None
    language: str
    numbers: tuple[str, ...]
    domains: tuple[str, ...]
    explain_in: str


@cache
def analyser_digest() -> str:
    """A digest of what an analysis is a function of besides its request: the analyser's code
    and data (`scoring/tone`), the texts its explanations come from (`drill/i18n`) and the
    versions of the libraries it reads words with."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    roots = [here / "tone", here.parent / "drill" / "i18n"]
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    for package in ("simplemma", "phonenumbers", "numpy"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-".encode())
    return digest.hexdigest()[:16]


def request_key(request: Request, digest: str | None = None) -> str:
    """The store's key for one request: the analyser's digest and every argument, hashed."""
    data = json.dumps([digest or analyser_digest(), *request], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()


class AnalysisStore:
    """The machine's store of analyses (see the module docstring). Never raises: a store that
    cannot be read or written behaves as an empty one."""

    def __init__(self, folder: Path | None = None, *, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._db = open_cache(ANALYSES_FILE, ("analyses (key TEXT PRIMARY KEY, value BLOB NOT NULL)",), folder)

    def get_many(self, requests: Iterable[Request]) -> dict[Request, ToneResult]:
        """The analyses kept for those of `requests` the store has (unreadable entries left out)."""
        if self._db is None:
            return {}
        by_key = {request_key(r): r for r in requests}
        found: dict[Request, ToneResult] = {}
        keys = list(by_key)
        try:
            for start in range(0, len(keys), _BATCH):
                chunk = keys[start:start + _BATCH]
                rows = self._db.execute(f"SELECT key, value FROM analyses WHERE key IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall()
                for key, value in rows:
                    result = _decoded(value)
                    if result is not None and key in by_key:
                        found[by_key[key]] = result
        except sqlite3.Error:
            return found
        return found

    def put_many(self, analyses: dict[Request, ToneResult]) -> None:
        """Keep `analyses`, then drop the oldest entries beyond `max_entries`."""
        if self._db is None or not analyses:
            return
        rows = [(request_key(r), zlib.compress(result.model_dump_json().encode(), 1)) for r, result in analyses.items()]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany("INSERT OR REPLACE INTO analyses (key, value) VALUES (?, ?)", rows)
                self._prune()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass  # busy for longer than the timeout, or a full disk: these are analysed again next time

    def _prune(self) -> None:
        """Rows are numbered in the order they were written (a replaced entry gets a new number),
        so the span of numbers bounds the count: everything below the newest `max_entries` goes."""
        assert self._db is not None
        low, high = self._db.execute("SELECT min(rowid), max(rowid) FROM analyses").fetchone()
        if low is not None and high - low + 1 > self.max_entries:
            self._db.execute("DELETE FROM analyses WHERE rowid <= ?", (high - self.max_entries,))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _decoded(value: object) -> ToneResult | None:
    try:
        if not isinstance(value, bytes):
            return None
        return ToneResult.model_validate_json(zlib.decompress(value))
    except (zlib.error, ValidationError, ValueError):
        return None


_MEMO: OrderedDict[Request, ToneResult] = OrderedDict()


def analyse(request: Request) -> ToneResult:
    """One request analysed now, exactly as the scorer asks for it. The analyser is imported
    here: a score whose analyses are all kept need not load it."""
    from scoring.tone.analyse import analyse_reply

    text, context, language, numbers, domains, explain_in = request
    return analyse_reply(text, language=language, context=context, official_numbers=numbers,
                         official_domains=domains, explain_in=explain_in)


def analysed(requests: Iterable[Request], *, store: AnalysisStore | None = None) -> dict[Request, ToneResult]:
    """Every request's analysis: from this process's memo, from the machine's store (`store`, else
    the one in `cache_folder`), or analysed now and kept in both. Duplicate requests are one."""
    wanted = list(dict.fromkeys(requests))
    found: dict[Request, ToneResult] = {}
    missing: list[Request] = []
    for request in wanted:
        result = _MEMO.get(request)
        if result is None:
            missing.append(request)
        else:
            found[request] = result
            _MEMO.move_to_end(request)
    if missing:
        own = store is None
        disk = AnalysisStore() if store is None else store
        try:
            kept = disk.get_many(missing)
            fresh = _analysed_now([r for r in missing if r not in kept])
            disk.put_many(fresh)
        finally:
            if own:
                disk.close()
        for request in missing:
            found[request] = kept[request] if request in kept else fresh[request]
        _remember({**kept, **fresh})
    return found


def _analysed_now(requests: list[Request]) -> dict[Request, ToneResult]:
    """`requests` analysed, on every core when there are many (`scoring.parallel`). The first is
    analysed here: it loads the rules and model, which forked workers then start with."""
    if not requests:
        return {}
    results = [analyse(requests[0]), *ordered_map(analyse, requests[1:])]
    return dict(zip(requests, results))


def _remember(results: dict[Request, ToneResult]) -> None:
    for request, result in results.items():
        _MEMO[request] = result
        _MEMO.move_to_end(request)
    while len(_MEMO) > MEMO_ENTRIES:
        _MEMO.popitem(last=False)


def forget() -> None:
    """Empty this process's memo (the store on disk is kept)."""
    _MEMO.clear()

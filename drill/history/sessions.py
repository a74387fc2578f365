"""Reading many session files one at a time, each reduced to a small summary.

A year of drills may be hundreds of files with thousands of events each, so a file's events
live only while it is scored: what is kept is its `SessionSummary` (a few numbers and the
findings' titles). The stored scenario is parsed once per scenario version, and a drill whose
recorded content was already scored (a copy of a file, the same file given twice) is not
scored again. A file that cannot be read becomes an `Incomparable` with the reason, never an
exception. Between runs, `cache.SummaryCache` keeps the scores of drills already seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drill.errors import DrillError
from drill.events import DrillStarted
from drill.history.cache import file_key
from drill.history.model import Incomparable, IncomparableReason
from drill.history.scores import Scored, Summary, has_ended, score_summary, scored_in
from drill.history.words import Words
from drill.invocation import command_line
from drill.scenario.loader import content_hash
from drill.scenario.models import Scenario
from drill.store import SessionStore
from drill.team_play.database import was_hosted
from scoring.clock import ScenarioClock

if TYPE_CHECKING:
    from drill.history.cache import SummaryCache


SESSION_SUFFIXES = (".db", ".sqlite", ".drill")
"""What a folder is searched for; a file named on the command line is read whatever its name."""


@dataclass
class ReadCounts:
    """How the drills of a history got their scores: from this machine's cache, shared with an
    identical drill read earlier in the same run, or scored now."""

    cached: int = 0
    same: int = 0
    scored: int = 0


@dataclass(frozen=True)
class Pending:
    """A drill not scored yet, with everything its summary needs besides the score."""

    path: Path
    name: str
    fingerprint: str
    date: str
    team: str
    scenario: Scenario
    version: str
    seed: int
    after_hours: bool


@dataclass(frozen=True)
class SessionSummary:
    file: str
    date: str
    team: str
    scenario: Scenario
    version: str
    seed: int
    after_hours: bool
    scored: Scored


def find_session_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The files named, and the session files under the folders named (recursively, sorted);
    a file named twice, or also found in a folder named, is read once."""
    seen: set[Path] = set()
    for path in map(Path, paths):
        found = sorted(p for p in path.rglob("*") if p.suffix in SESSION_SUFFIXES and p.is_file()) \
            if path.is_dir() else [path]
        for file in found:
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield file


class SessionReader:
    """Summarises session files one by one, remembering only what is cheap and shared.

    `read` does a file whole. A caller that scores in other processes splits it: `prepare`
    (cheap: the file's metadata, fingerprint and any score already known) and, for a drill
    never scored, `finish` with what `score_file` gave for it.
    """

    def __init__(self, words: Words, cache: SummaryCache | None = None) -> None:
        self.words = words
        self.cache = cache
        self.counts = ReadCounts()
        self._scenarios: dict[str, Scenario] = {}
        self._scored: dict[str, Scored] = {}

    def read(self, path: Path) -> SessionSummary | Incomparable:
        step = self.prepare(path)
        return self.finish(step, score_file(step.path, step.scenario)) if isinstance(step, Pending) else step

    def prepare(self, path: Path) -> SessionSummary | Incomparable | Pending:
        name = str(path)
        try:
            key = file_key(path) if self.cache is not None else ""
            with SessionStore.open(path) as store:
                return self._prepare(store, path, key)
        except DrillError as error:
            # The store's message names the file in the command's language; the report gives
            # the reason in the reader's language beside the file name, from the store's reason.
            return self._incomparable(name, _reason(error))
        except Exception:  # noqa: BLE001 - one unreadable file is listed, never the end of a year's history
            return self._incomparable(name, "damaged")

    def finish(self, pending: Pending, outcome: Summary | IncomparableReason) -> SessionSummary | Incomparable:
        """The summary of a drill scored by `score_file` (here or in another process), remembered."""
        if isinstance(outcome, str):
            return self._incomparable(pending.name, outcome)
        self.counts.scored += 1
        if self.cache is not None:
            self.cache.put(pending.fingerprint, outcome)
        scored = self._scored[pending.fingerprint] = scored_in(outcome, self.words.language)
        return self._summary(pending, scored)

    def _prepare(self, store: SessionStore, path: Path, key: str) -> SessionSummary | Incomparable | Pending:
        version = content_hash(store.scenario_text)  # the text itself, not the hash the file claims
        scenario = self._scenarios.get(version)
        if scenario is None:
            kept = self.cache.scenarios if self.cache is not None else None
            scenario = kept.scenario_of(store) if kept is not None else store.stored_scenario().scenario
            self._scenarios[version] = scenario
        fingerprint = self.cache.known_fingerprint(key) if self.cache is not None else None
        if fingerprint is None:
            fingerprint = store.fingerprint()
            if self.cache is not None:
                self.cache.remember_fingerprint(key, fingerprint)
        started: DrillStarted | None = None
        date = store.meta.get("created", "")
        first = next(store.iter_events(), None)
        if first is not None and isinstance(first.payload, DrillStarted):
            started, date = first.payload, first.wall or date
        clock = ScenarioClock(scenario.starts, scenario.municipality.office_hours)
        pending = Pending(path=path, name=str(path), fingerprint=fingerprint, date=date,
                          team=self._team(store, started, scenario), scenario=scenario, version=_short(version),
                          seed=store.seed, after_hours=not clock.in_office_hours(0.0))
        scored = self._scored.get(pending.fingerprint)
        if scored is not None:
            self.counts.same += 1
            return self._summary(pending, scored)
        summary = self.cache.get(fingerprint) if self.cache is not None else None
        if summary is None:
            return pending
        self.counts.cached += 1
        scored = self._scored[fingerprint] = scored_in(summary, self.words.language)
        return self._summary(pending, scored)

    def _summary(self, pending: Pending, scored: Scored) -> SessionSummary | Incomparable:
        if scored.ended_early:
            share = round((scored.played_share or 0) * 100)
            return Incomparable(file=pending.name, reason="ended_early",
                                detail=self.words("history.reason.ended_early", share=share))
        return SessionSummary(file=pending.name, date=pending.date, team=pending.team, scenario=pending.scenario,
                              version=pending.version, seed=pending.seed, after_hours=pending.after_hours,
                              scored=scored)

    def _incomparable(self, name: str, reason: IncomparableReason) -> Incomparable:
        # A drill that never ended names the exact command that resumes it, as the app's quit message
        # does: a hosted drill goes on under its host again, with its seats and grants.
        resume = ""
        if reason == "not_ended":
            resume = command_line("host", "--resume", name) if was_hosted(name) else command_line("play", "--out", name)
        return Incomparable(file=name, reason=reason, detail=self.words(f"history.reason.{reason}", command=resume))

    def _team(self, store: SessionStore, started: DrillStarted | None, scenario: Scenario) -> str:
        """The recorded team name; else the roster's names; else the words for an unnamed team."""
        if store.team_name:
            return store.team_name.strip()
        roster = list(started.team) if started else list(scenario.team)
        names = [member.split(",")[0].strip() for member in roster if member.strip()]
        return ", ".join(names) if names else self.words("history.unnamed_team")


def score_file(path: Path, scenario: Scenario | None = None) -> Summary | IncomparableReason:
    """Score one session file from scratch: its language-neutral summary, or why it has none.

    A plain function of a path with a plain result, so it runs in a worker process as well as
    here. `scenario`: the file's stored scenario, parsed already by the reader (`Pending`), so a
    worker need not parse its YAML again (a third of a second per scenario version and worker);
    without it, the stored scenario is parsed once per text in a process.
    """
    try:
        with SessionStore.open(path) as store:
            scenario = scenario or _parsed(store.scenario_text, store)
            events = store.events()
        if not has_ended(events):
            return "not_ended"
        return score_summary(scenario, events)
    except DrillError as error:
        return _reason(error)
    except Exception:  # noqa: BLE001 - one unreadable file is listed, never the end of a year's history
        return "damaged"


def _reason(error: DrillError) -> IncomparableReason:
    """Why a file cannot be compared, from what the store found (its message is in the user's language)."""
    return "not_a_session" if getattr(error, "reason", "") in ("not_a_session", "missing") else "damaged"


_PARSED: dict[str, Scenario] = {}


def _parsed(text: str, store: SessionStore) -> Scenario:
    scenario = _PARSED.get(text)
    if scenario is None:
        if len(_PARSED) >= 32:  # a year's folder has a handful of scenario versions; never grows without end
            _PARSED.clear()
        scenario = _PARSED[text] = store.stored_scenario().scenario
    return scenario


def _short(version: str) -> str:
    return version.removeprefix("sha256:")[:12]

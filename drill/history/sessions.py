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
from drill.events import DrillEnded, DrillStarted
from drill.history.model import Example, Incomparable, IncomparableReason
from drill.history.words import Words
from drill.scenario.loader import content_hash
from drill.scenario.models import Scenario
from drill.store import SessionStore
from scoring.clock import ScenarioClock
from scoring.models import ScoreReport
from scoring.scorer import score

if TYPE_CHECKING:
    from drill.history.cache import SummaryCache


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

SESSION_SUFFIXES = (".db", ".sqlite", ".drill")
"""What a folder is searched for; a file named on the command line is read whatever its name."""


@dataclass(frozen=True)
class FindingNote:
    """One shortcoming of one drill, by rubric rule."""

    rule: str
    title: str
    dimension: str
    action: str
    example: Example | None


@dataclass(frozen=True)
class Scored:
    """What scoring a drill gives, apart from who played it and when (shared by identical drills)."""

    total: float | None
    grade: str | None
    dimensions: dict[str, float | None]
    labels: dict[str, str]
    findings: tuple[FindingNote, ...]
    judged: frozenset[str]
    """Every rule the drill was judged on (a strength, a note or a shortcoming): a rule missing
    here did not apply to this drill, which is not the same as having been done well."""
    ended_early: bool
    played_share: float | None


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
    """Summarises session files one by one, remembering only what is cheap and shared."""

    def __init__(self, words: Words, cache: SummaryCache | None = None) -> None:
        self.words = words
        self.cache = cache
        self._scenarios: dict[str, Scenario] = {}
        self._scored: dict[str, Scored] = {}

    def read(self, path: Path) -> SessionSummary | Incomparable:
        name = str(path)
        try:
            key = file_key(path) if self.cache is not None else ""
            with SessionStore.open(path) as store:
                return self._summarise(store, name, key)
        except DrillError as error:
            # The store's message is English and names the file; the report gives the reason in
            # the reader's language beside the file name.
            reason: IncomparableReason = ("not_a_session" if "not a drill session" in str(error) or "no such" in str(error)
                                          else "damaged")
            return Incomparable(file=name, reason=reason, detail=self.words(f"history.reason.{reason}"))
        except Exception:  # noqa: BLE001 - one unreadable file is listed, never the end of a year's history
            return Incomparable(file=name, reason="damaged", detail=self.words("history.reason.damaged"))

    def _summarise(self, store: SessionStore, name: str, key: str) -> SessionSummary | Incomparable:
        version = content_hash(store.scenario_text)  # the text itself, not the hash the file claims
        scenario = self._scenarios.get(version)
        if scenario is None:
            scenario = self._scenarios[version] = store.stored_scenario().scenario
        fingerprint = self.cache.known_fingerprint(key) if self.cache is not None else None
        if fingerprint is None:
            fingerprint = store.fingerprint()
            if self.cache is not None:
                self.cache.remember_fingerprint(key, fingerprint)
        scored = self._scored.get(fingerprint)
        if scored is None and self.cache is not None:
            scored = self.cache.get(fingerprint, self.words.language)
            if scored is not None:
                self._scored[fingerprint] = scored
        started: DrillStarted | None = None
        date = store.meta.get("created", "")
        if scored is None:
            events = store.events()
            first = events[0] if events else None
            if first is not None and isinstance(first.payload, DrillStarted):
                started, date = first.payload, first.wall or date
            if not any(isinstance(e.payload, DrillEnded) for e in events):
                return Incomparable(file=name, reason="not_ended", detail=self.words("history.reason.not_ended"))
            scored = self._scored[fingerprint] = self._score(scenario, events)
            del events
            if self.cache is not None:
                self.cache.put(fingerprint, self.words.language, scored)
        else:
            first_event = next(store.iter_events(), None)
            if first_event is not None and isinstance(first_event.payload, DrillStarted):
                started, date = first_event.payload, first_event.wall or date
        if scored.ended_early:
            share = round((scored.played_share or 0) * 100)
            return Incomparable(file=name, reason="ended_early",
                                detail=self.words("history.reason.ended_early", share=share))
        clock = ScenarioClock(scenario.starts, scenario.municipality.office_hours)
        return SessionSummary(
            file=name, date=date, team=self._team(store, started, scenario), scenario=scenario,
            version=_short(version), seed=store.seed, after_hours=not clock.in_office_hours(0.0), scored=scored)

    def _team(self, store: SessionStore, started: DrillStarted | None, scenario: Scenario) -> str:
        """The recorded team name; else the roster's names; else the words for an unnamed team."""
        if store.team_name:
            return store.team_name.strip()
        roster = list(started.team) if started else list(scenario.team)
        names = [member.split(",")[0].strip() for member in roster if member.strip()]
        return ", ".join(names) if names else self.words("history.unnamed_team")

    def _score(self, scenario: Scenario, events: list) -> Scored:
        report = _score_in(scenario, events, self.words.language)
        findings = tuple(
            FindingNote(rule=f.rule, title=f.title.strip().rstrip("."), dimension=f.dimension, action=f.action,
                        example=Example(at=f.items[0].at, quote=f.items[0].quote) if f.items else None)
            for f in report.findings if f.verdict == "improvement")
        played = report.played
        return Scored(
            total=report.total, grade=report.grade.label if report.grade else None,
            dimensions={d.dimension: d.score for d in report.dimensions},
            labels={d.dimension: d.label for d in report.dimensions},
            findings=findings, judged=frozenset(f.rule for f in report.findings),
            ended_early=bool(played and played.ended_early),
            played_share=played.share if played else None)


def _score_in(scenario: Scenario, events: list, language: str) -> ScoreReport:
    """Scored in the history's language; nynorsk findings fall back to bokmål where the scorer has none."""
    try:
        return score(scenario, events, language=language)
    except ValueError:
        return score(scenario, events, language="nb")


def _short(version: str) -> str:
    return version.removeprefix("sha256:")[:12]

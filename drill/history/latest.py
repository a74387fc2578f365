"""The latest result per scenario in a folder of session files: what the scenario picker shows.

Reads the folder the same way `drill history` does (one file at a time, scores remembered in
the cache), and keeps only the newest usable drill of each scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drill.history.cache import SummaryCache
from drill.history.sessions import SessionReader, SessionSummary, find_session_files
from drill.history.words import Words


@dataclass(frozen=True)
class LastResult:
    scenario_id: str
    team: str
    total: float | None
    date: str

    def words(self, words: Words) -> str:
        return words("history.picker_last", score=words.score(self.total), team=self.team,
                     date=words.date(self.date))


def latest_results(folder: Path, language: str, cache: SummaryCache | None = None) -> dict[str, LastResult]:
    if not folder.is_dir():
        return {}
    words = Words(language)
    reader = SessionReader(words, cache)
    latest: dict[str, SessionSummary] = {}
    for path in find_session_files([folder]):
        summary = reader.read(path)
        if not isinstance(summary, SessionSummary):
            continue
        known = latest.get(summary.scenario.id)
        if known is None or (summary.date, summary.file) > (known.date, known.file):
            latest[summary.scenario.id] = summary
    return {sid: LastResult(scenario_id=sid, team=s.team, total=s.scored.total, date=s.date)
            for sid, s in latest.items()}

"""The history over many session files, and its JSON form and schema (`drill.history` names these)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from drill.history.analysis import build_history
from drill.history.cache import SummaryCache
from drill.history.model import HistoryReport, Incomparable
from drill.history.reading import read_sessions
from drill.history.sessions import ReadCounts, SessionReader, SessionSummary
from drill.history.words import Words


def history(paths: Iterable[Path | str], language: str = "nb", *, cache: SummaryCache | None = None,
            workers: int = 1, counts: ReadCounts | None = None,
            progress: Callable[[int, ReadCounts], None] | None = None) -> HistoryReport:
    """Read every session file under `paths`, one at a time, and build the history.

    With a `cache`, drills scored before on this machine (when they ended, or by an earlier
    history) are not scored again; the others are scored by `workers` processes. `counts`,
    if given, is filled in with how the drills got their scores.
    """
    words = Words(language)
    reader = SessionReader(words, cache)
    if counts is not None:
        reader.counts = counts
    summaries: list[SessionSummary] = []
    incomparable: list[Incomparable] = []
    files = 0

    def step(done: int) -> None:
        if progress is not None:
            progress(done, reader.counts)

    for result in read_sessions(reader, paths, workers=workers, progress=step):
        files += 1
        if isinstance(result, Incomparable):
            incomparable.append(result)
        else:
            summaries.append(result)
    return build_history(summaries, incomparable, words, files)


def render_json(report: HistoryReport) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def history_schema() -> dict[str, Any]:
    return HistoryReport.model_json_schema()


def history_schema_text() -> str:
    return json.dumps(history_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

"""`drill history`: many session files read one at a time, each team followed over time, and
each exercise several teams ran shown side by side.

`sessions` reads and scores one file at a time (keeping a small summary), `analysis` turns the
summaries into the `HistoryReport` (`model`), and `terminal`, `markdown`, `html` and the JSON
dump lay it out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from drill.history.analysis import build_history
from drill.history.model import HistoryReport, Incomparable
from drill.history.sessions import SessionReader, SessionSummary, find_session_files
from drill.history.words import Words


def history(paths: Iterable[Path], language: str = "nb",
            progress: Callable[[int], None] | None = None) -> HistoryReport:
    """Read every session file under `paths`, one at a time, and build the history."""
    words = Words(language)
    reader = SessionReader(words)
    summaries: list[SessionSummary] = []
    incomparable: list[Incomparable] = []
    files = 0
    for path in find_session_files(paths):
        files += 1
        result = reader.read(path)
        (incomparable if isinstance(result, Incomparable) else summaries).append(result)  # type: ignore[arg-type]
        if progress is not None:
            progress(files)
    return build_history(summaries, incomparable, words, files)


def render_json(report: HistoryReport) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def history_schema() -> dict[str, Any]:
    return HistoryReport.model_json_schema()


def history_schema_text() -> str:
    return json.dumps(history_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

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
from drill.history.cache import SummaryCache
from drill.history.model import HistoryReport, Incomparable
from drill.history.sessions import SessionReader, SessionSummary, find_session_files
from drill.history.words import Words


def history(paths: Iterable[Path | str], language: str = "nb", *, cache: SummaryCache | None = None,
            progress: Callable[[int], None] | None = None) -> HistoryReport:
    """Read every session file under `paths`, one at a time, and build the history.

    With a `cache`, drills scored by an earlier run are not scored again.
    """
    words = Words(language)
    reader = SessionReader(words, cache)
    summaries: list[SessionSummary] = []
    incomparable: list[Incomparable] = []
    files = 0
    for path in find_session_files(paths):
        files += 1
        result = reader.read(path)
        if isinstance(result, Incomparable):
            incomparable.append(result)
        else:
            summaries.append(result)
        if progress is not None:
            progress(files)
    return build_history(summaries, incomparable, words, files)


def render_json(report: HistoryReport) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def history_schema() -> dict[str, Any]:
    return HistoryReport.model_json_schema()


def history_schema_text() -> str:
    return json.dumps(history_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

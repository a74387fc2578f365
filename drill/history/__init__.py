"""`drill history`: many session files read one at a time, each team followed over time, and
each exercise several teams ran shown side by side.

`sessions` reads one file at a time (keeping a small summary; `scores` is what is kept of a
score, `cache` remembers it on this machine), `reading` scores the drills never scored here in
parallel, `analysis` turns the summaries into the `HistoryReport` (`model`), and `terminal`, `markdown`, `html` and the JSON
dump lay it out.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drill.history.overview import history, history_schema, history_schema_text, render_json

__all__ = ["history", "history_schema", "history_schema_text", "render_json"]


def __getattr__(name: str) -> Any:
    """The overview's functions, imported when first named: `drill score` and `drill report`
    remember a score with `drill.history.cache` and need none of the history's report machinery."""
    if name not in __all__:
        raise AttributeError(f"module 'drill.history' has no attribute {name!r}")
    return getattr(import_module("drill.history.overview"), name)

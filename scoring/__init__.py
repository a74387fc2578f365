"""Scoring a drill against the KS roadmap: `score(scenario, events) -> ScoreReport`.

The scorer and its models are imported when first named, not with the package: the reply
analyser (`scoring.tone`, used by `drill tone` and by a running drill's judge) lives in this
package too and should not wait for the whole scorer to load.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.models import DimensionScore, Finding, ScoreReport
    from scoring.scorer import score

__all__ = ["DimensionScore", "Finding", "ScoreReport", "score"]
_HOMES = {"DimensionScore": "scoring.models", "Finding": "scoring.models", "ScoreReport": "scoring.models",
          "score": "scoring.scorer"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    return getattr(import_module(home), name)

"""Scoring a drill against the KS roadmap: `score(scenario, events) -> ScoreReport`."""

from scoring.models import DimensionScore, Finding, ScoreReport
from scoring.scorer import score

__all__ = ["DimensionScore", "Finding", "ScoreReport", "score"]

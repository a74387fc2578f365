"""What a history keeps of a scored drill: a few numbers and rule ids, worded on reading.

The scorer's numbers do not depend on the language its texts are written in (only the
words do), so what is kept of a drill is language-neutral: the total, the grade band, every
dimension's score, the rules the drill fell short on (with the first item's clock time and
quote) and every rule it was judged on. The words (dimension labels, the rule's title and its
corrective action, the grade) come from the rubric in the reader's language. So a drill scored
once, in the debrief in bokmål, gives an English or nynorsk history without being scored again,
and a summary is a small, plain dict that crosses a process boundary or goes into the cache as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from drill.events import DrillEnded, Event
from drill.scenario.models import Scenario
from scoring.models import ScoreReport
from scoring.rubric import load_rubric
from scoring.scorer import score

if TYPE_CHECKING:
    from drill.history.model import Example

Summary = dict[str, Any]
"""A drill's language-neutral score summary (see `summary_of`)."""


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
    """A drill's score in the reader's words, apart from who played it and when (shared by identical drills)."""

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


def has_ended(events: list[Event]) -> bool:
    """Only a drill that ended has a score worth keeping: one still running is resumed, not compared."""
    return any(isinstance(e.payload, DrillEnded) for e in reversed(events))


def summary_of(report: ScoreReport) -> Summary:
    """The language-neutral part of a score report, in JSON-ready types."""
    played = report.played
    return {
        "total": report.total,
        "grade_min": report.grade.min if report.grade else None,
        "dimensions": {d.dimension: d.score for d in report.dimensions},
        "findings": [{"rule": f.rule, "dimension": f.dimension,
                      "at": f.items[0].at if f.items else None, "quote": f.items[0].quote if f.items else None}
                     for f in report.findings if f.verdict == "improvement"],
        "judged": sorted({f.rule for f in report.findings}),
        "ended_early": bool(played and played.ended_early),
        "played_share": played.share if played else None,
    }


def score_summary(scenario: Scenario, events: list[Event]) -> Summary:
    """A drill's summary, scored in its own language: any language gives the same numbers, and
    the analyses of its replies kept on this machine (`scoring.cache`) are then the ones `drill
    score` and `drill report` of the file ask for."""
    return summary_of(score(scenario, events))


def scored_in(summary: Summary, language: str) -> Scored:
    """A summary worded in `language` from the rubric (a KeyError for a rule the rubric lacks:
    the summary came from another scorer, which the cache's key rules out)."""
    from drill.history.model import Example  # the history's report model: not needed to remember a score

    rubric = load_rubric()
    grade = None
    if summary["grade_min"] is not None:
        band = next(b for b in rubric.grades if b.min == summary["grade_min"])
        grade = band.words(language)[0]
    findings = tuple(
        FindingNote(rule=f["rule"], title=rubric.rule(f["rule"]).text(language).strip().rstrip("."),
                    dimension=f["dimension"], action=rubric.rule(f["rule"]).action(language),
                    example=Example(at=f["at"], quote=f["quote"]) if f["at"] is not None else None)
        for f in summary["findings"])
    return Scored(
        total=summary["total"], grade=grade, dimensions=dict(summary["dimensions"]),
        labels={d: rubric.dimensions[d].label(language) for d in summary["dimensions"]},  # type: ignore[index]
        findings=findings, judged=frozenset(summary["judged"]), ended_early=summary["ended_early"],
        played_share=summary["played_share"])

"""What the debrief shows: the score when the scorer is installed, the plain summary always.

The scorer (`scoring`) and the HTML report are separate packages that may be absent or
still growing; the app must end a drill gracefully either way. A failure inside them is
shown as a note on the debrief, never as a crash at the moment the team finishes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drill.events import Event
from drill.app.formatting import excerpt
from drill.scenario.models import Scenario
from drill.state import DrillState
from drill.summary import DrillSummary, summarise


@dataclass(frozen=True)
class Debrief:
    summary: DrillSummary
    score: Any | None
    """A scoring.models.ScoreReport, when the scorer is available and succeeded."""
    score_problem: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    """Item and post ids -> a short quote, so reach figures name what spread."""
    did: dict[str, list[str]] = field(default_factory=dict)
    """For each strength (by rule id): what the team did to earn it, with the clock time."""


def scorer() -> Callable[..., Any] | None:
    """`score(scenario, events, language=...) -> ScoreReport`, when the scorer is installed."""
    try:
        from scoring import score
    except ImportError:
        return None
    return score


def build_debrief(scenario: Scenario, events: Sequence[Event], language: str,
                  session: Path | None = None) -> Debrief:
    """The debrief in the UI's language (the scorer writes its findings in it too); the score
    of the `session` file is remembered for `drill history`."""
    events = list(events)
    summary = summarise(events)
    names = quotes(events)
    score = scorer()
    if score is None:
        return Debrief(summary, None, names=names)
    try:
        report = score(scenario, events, language=language)
        _remember(session, scenario, events, report)
        return Debrief(summary, report, names=names, did=_team_did(scenario, events, report))
    except Exception as error:  # noqa: BLE001 - the scorer's bug must not take the drill's ending down
        return Debrief(summary, None, f"{type(error).__name__}: {error}", names=names)


def _remember(session: Path | None, scenario: Scenario, events: list[Event], report: Any) -> None:
    """The score kept on this machine, so a history of the team's drills need not score it again."""
    try:
        from drill.history.cache import record_score
    except ImportError:
        return
    record_score(session, events, report, scenario)


def _team_did(scenario: Scenario, events: list[Event], report: Any) -> dict[str, list[str]]:
    """The moments behind the strengths, as the report tells them (empty without the report package)."""
    try:
        from scoring.report.moments import team_did
    except ImportError:
        return {}
    moments: dict[str, list[str]] = team_did(scenario, events, report)
    return moments


def quotes(events: Sequence[Event], width: int = 40) -> dict[str, str]:
    """A short quote for every item, team reply and official post, by id (a correction that
    spread is a reply; its id means nothing to the team)."""
    state = DrillState.from_events(list(events))
    names = {item_id: excerpt(item.text, width) for item_id, item in state.items.items()}
    names.update({reply_id: excerpt(reply.text, width) for reply_id, reply in state.replies.items()})
    names.update({post.post_id: excerpt(post.text, width) for post in state.official_posts})
    return names


ReportWriter = Callable[[Path, Path, str], Path]


def report_writer() -> ReportWriter | None:
    """`write(session, out, language) -> path` for the HTML report, if the report package is installed."""
    try:
        from scoring.report.files import write_report
    except ImportError:
        return None

    def write(session: Path, out: Path, language: str) -> Path:
        return write_report(session, out, fmt="html", language=language)

    return write

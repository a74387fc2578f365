"""`drill history` as one pydantic model: what the JSON output is and what the renderers draw.

Two views over many session files: each team's drills in date order (trends, findings that keep
coming back or went away, what has and has not been practised), and each exercise that several
teams ran with the same scenario version and variant (ranks, spread, shared findings). Files
that cannot be compared are listed with the reason. The JSON Schema of this model is committed
as docs/history-schema.json and a test fails when it drifts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT_VERSION = 1

PracticeKind = Literal["crisis", "reputation", "everyday", "after_hours"]
IncomparableReason = Literal["damaged", "not_a_session", "not_ended", "ended_early", "other_version", "other_variant"]
Direction = Literal["better", "worse", "same"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DimensionInfo(_Model):
    id: str = Field(description="Dimension id (speed, coverage, tone, moderation, crisis, archiving, privacy).")
    label: str = Field(description="Its name in the report language.")


class Example(_Model):
    """An item a finding was about, named as a trainer recognises it: clock time and quote."""

    at: str
    quote: str


class DrillResult(_Model):
    """One usable session, reduced to what a history needs."""

    file: str = Field(description="The session file's path as given (or found in a given folder).")
    date: str = Field(description="ISO 8601 wall-clock time the drill was played.")
    team: str = Field(description="The team's name as recorded, or the roster, or the 'unnamed team' words.")
    scenario_id: str
    scenario_title: str
    scenario_version: str = Field(description="Short content hash of the scenario text the drill was played from.")
    seed: int
    kind: Literal["crisis", "reputation", "everyday"]
    after_hours: bool = Field(description="The story starts outside the municipality's office hours.")
    total: float | None
    grade: str | None
    dimensions: dict[str, float | None] = Field(description="Score 0–100 per dimension id (null: not scored).")


class FindingStreak(_Model):
    """A finding (by rubric rule) across a team's drills."""

    rule: str
    title: str
    dimension: str
    drills: int = Field(description="Recurring: drills in a row up to the latest; gone: drills in a row it was "
                                    "seen before it went away.")
    since: str = Field(description="Date (ISO) of the first drill of the run.")
    action: str = Field(description="What to do about it (empty when the rubric gives none).")
    example: Example | None = Field(default=None, description="An item from the latest drill it was seen in.")


class Practice(_Model):
    kind: PracticeKind
    label: str
    drills: int = Field(description="Usable drills of the team of this kind (0: not practised).")
    last: str | None = Field(description="Date (ISO) of the latest such drill.")


class DimensionTrend(_Model):
    dimension: str
    first: float | None
    last: float | None
    change: float | None
    direction: Direction


class TeamHistory(_Model):
    anchor: str = Field(description="Id of the team's section in the HTML report.")
    team: str
    drills: list[DrillResult] = Field(description="Oldest first.")
    trends: list[DimensionTrend] = Field(description="The total (dimension 'total') and every dimension, first to "
                                                     "latest drill.")
    recurring: list[FindingStreak]
    gone: list[FindingStreak]
    practised: list[Practice]
    next_steps: list[str] = Field(description="What to practise next, in plain words, most important first.")


class ExerciseRow(_Model):
    rank: int
    team: str
    anchor: str = Field(description="The team's section in the HTML report.")
    file: str
    total: float | None
    grade: str | None
    dimensions: dict[str, float | None]
    ranks: dict[str, int | None] = Field(description="Rank per dimension id (1 = best; null: not scored).")


class Spread(_Model):
    dimension: str = Field(description="Dimension id, or 'total'.")
    label: str
    values: list[float] = Field(description="Every team's score, lowest first.")
    min: float | None
    median: float | None
    max: float | None


class SharedFinding(_Model):
    rule: str
    title: str
    dimension: str
    teams: int = Field(description="Teams with this finding.")
    share: float = Field(description="teams / teams in the exercise, 0–1.")
    action: str


class Exercise(_Model):
    """Several teams, one scenario version and variant: side by side."""

    anchor: str
    scenario_id: str
    scenario_title: str
    scenario_version: str
    seed: int
    rows: list[ExerciseRow] = Field(description="Ranked by total, best first.")
    spread: list[Spread]
    shared: list[SharedFinding] = Field(description="Findings more than half the teams share: what to teach next.")


class Incomparable(_Model):
    file: str
    reason: IncomparableReason
    detail: str = Field(description="The reason in plain words, in the report language.")


class HistoryReport(_Model):
    format: Literal["drill-history"] = "drill-history"
    format_version: int = FORMAT_VERSION
    language: Literal["nb", "nn", "en"]
    files: int = Field(description="Session files read.")
    usable: int = Field(description="Session files in the history.")
    dimensions: list[DimensionInfo]
    teams: list[TeamHistory]
    exercises: list[Exercise]
    incomparable: list[Incomparable]

    @property
    def left_out(self) -> int:
        """Files read but not in the history (damaged, unfinished, ended early). Files in the
        history but kept out of one exercise's comparison are listed in `incomparable` too, so
        its length is not this count."""
        return self.files - self.usable

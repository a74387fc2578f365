"""The after-action report as one pydantic model: what the JSON output is, and what the
Markdown and HTML renderers draw from.

Building it is pure (scenario + events -> report); the renderers only lay it out. The JSON
Schema of this model is committed as docs/report-schema.json and a test fails when it drifts.
"""

from __future__ import annotations

from typing import Literal

TimelineKind = Literal["item", "message", "reply", "post", "hidden", "deleted", "restored", "archived", "trigger",
                       "handover", "liked", "note"]
TimelineFlag = Literal["", "wrongful", "justified", "late", "privacy", "casualty"]

from pydantic import BaseModel, ConfigDict, Field

from scoring.models import Finding, ItemRef, ScoreReport

FORMAT_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ScenarioInfo(_Model):
    id: str
    title: str
    kind: str
    municipality: str
    starts: str = Field(description="ISO 8601 date and time the story begins, with time zone.")
    duration_s: float
    official_link: str | None


class SessionInfo(_Model):
    file: str = Field(description="The session file's name (no directories).")
    seed: int | None = Field(description="The seed; reports show it to people as the scenario's variant number.")
    language: Literal["nb", "nn", "en"]
    team: list[str]
    events: int
    ended: str | None = Field(description="Why the drill ended, or null if it did not end.")
    simulated_s: float


class CorrectiveAction(_Model):
    rule: str
    action: str
    source: str
    why: str = Field(description="The finding that calls for it.")


class TimelineEntry(_Model):
    t: float
    at: str = Field(description="Clock time, e.g. 11:04.")
    kind: TimelineKind
    who: str
    text: str
    item_id: str | None = None
    flag: TimelineFlag = ""
    kind_label: str = Field(default="", description="The kind of entry, in the report language.")
    who_label: str = Field(default="", description="Who, as a person reads it (the scenario, the trainer, a "
                                                   "team member's name).")


class RemovalReview(_Model):
    item: ItemRef
    outcome: Literal["wrongful", "missed"]
    action: str = Field(description="hidden / deleted, or empty for a missed removal.")
    reason_given: str = ""
    justified_reason: str = ""
    detail: str = Field(default="", description="What was done and why (or why it should have been removed), in "
                                                "the report language.")


class VolumeBucket(_Model):
    t: float = Field(description="Start of the bucket, simulated seconds.")
    at: str
    comments: int
    replies: int


class ReachPoint(_Model):
    t: float
    reached: int


class ReachSeries(_Model):
    item_id: str
    quote: str
    t: float = Field(description="When the rumour was posted, simulated seconds.")
    reached: int = Field(description="Final (actual) reach in people.")
    points: list[ReachPoint]
    correction_id: str | None = Field(default=None, description="The reply or post that corrected it.")
    correction_points: list[ReachPoint] = Field(default_factory=list, description="The correction's own reach.")
    corrected_at: float | None
    without_correction: int | None
    with_earlier_correction: int | None
    without_points: list[ReachPoint] = Field(default_factory=list,
                                             description="The rumour's reach over time had nobody corrected it.")
    earlier_points: list[ReachPoint] = Field(default_factory=list,
                                             description="The rumour's reach over time with the correction "
                                                         "`earlier_by` seconds sooner.")
    earlier_by: float | None = Field(default=None, description="How much sooner the earlier correction came, "
                                                               "seconds.")
    sentence: str | None = Field(description="The report's sentence on what the correction prevented.")


class CompareRow(_Model):
    dimension: str
    label: str
    this: float | None
    other: float | None
    change: float | None


class RuleChange(_Model):
    rule: str
    title: str


class Comparison(_Model):
    other_file: str
    other_total: float | None
    this_total: float | None
    rows: list[CompareRow]
    resolved: list[RuleChange] = Field(default_factory=list,
                                       description="Rules that needed improvement in the other session, not in this.")
    new: list[RuleChange] = Field(default_factory=list,
                                  description="Rules that need improvement in this session, not in the other.")


class AfterActionReport(_Model):
    format: Literal["drill-after-action-report"] = "drill-after-action-report"
    format_version: int = FORMAT_VERSION
    language: Literal["nb", "nn", "en"]
    scenario: ScenarioInfo
    session: SessionInfo
    score: ScoreReport
    strengths: list[Finding]
    did: dict[str, list[str]] = Field(default_factory=dict,
                                      description="For each strength (by rule id): what the team did to earn it, "
                                                  "with the clock time, in the report language.")
    improvements: list[Finding]
    corrective_actions: list[CorrectiveAction]
    removals_to_review: list[RemovalReview]
    timeline: list[TimelineEntry]
    volume: list[VolumeBucket]
    reach: list[ReachSeries]
    comparison: Comparison | None = None


def distinct_examples(items: list[ItemRef]) -> list[ItemRef]:
    """A finding's examples with each text once (the first time it stood), as the report lists them.

    A reply pasted under four questions at 11:07 is one example, not four lines of the same quote.
    """
    seen: set[str] = set()
    chosen = []
    for item in items:
        key = " ".join(item.quote.split()).casefold()
        if key not in seen:
            seen.add(key)
            chosen.append(item)
    return chosen


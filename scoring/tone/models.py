"""Result types returned by the tone analysis.

They are frozen pydantic models so a result can be cached, compared in tests and dumped to
JSON (`model_dump(mode="json")`) by the CLI and by the score report without extra code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["info", "minor", "major", "critical"]
Language = Literal["nb", "nn", "en"]

SEVERITY_ORDER: dict[str, int] = {"info": 0, "minor": 1, "major": 2, "critical": 3}


class ToneFinding(BaseModel):
    """One rule that fired on one place in the reply.

    `span` indexes the analysed text (Python string offsets, end exclusive). Findings about
    something *missing* (e.g. no empathy in reply to a complaint) span the whole reply and
    carry an empty `matched`.
    """

    model_config = ConfigDict(frozen=True)

    rule: str = Field(description='Rule id, e.g. "T2.sarcasm".')
    rubric: str = Field(description='Rubric id from ks-rubric.md, e.g. "T2".')
    span: tuple[int, int]
    matched: str
    explanation: str = Field(description="Why this matters, in the requested language.")
    severity: Severity
    weight: int = Field(description="Points added to (or taken from) the score; counted once per rule.")
    source: str = Field(description='Honest source tag, e.g. "KS p.15" or "GP".')
    flag: str | None = Field(
        default=None,
        description='What a labelled reply with this finding is flagged for ("privacy", "defensive", ...); '
        "None for positive findings.",
    )


class ToneResult(BaseModel):
    """The whole verdict on one reply: a 0-100 score and the findings that explain it."""

    model_config = ConfigDict(frozen=True)

    score: int = Field(ge=0, le=100)
    language: Language
    findings: list[ToneFinding] = Field(description="In reading order (by start offset).")

    @property
    def rules(self) -> set[str]:
        """Ids of the rules that fired, for quick membership checks."""
        return {f.rule for f in self.findings}

    @property
    def privacy_findings(self) -> list[ToneFinding]:
        """Findings under P1/P2: these must be acted on before anything else."""
        return [f for f in self.findings if f.rubric in {"P1", "P2"}]

    @property
    def worst_severity(self) -> Severity:
        """The most severe negative finding, or "info" when there is none."""
        worst: Severity = "info"
        for finding in self.findings:
            if finding.weight < 0 and SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[worst]:
                worst = finding.severity
        return worst

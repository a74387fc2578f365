"""The labelled development replies as the tone tests read them, in one place.

Read once a process, and shared by the tests that ask about every development reply. The
equivalence checks (an index against the expression it stands in for) take an even spread of a
fixed size rather than every reply, so their cost stays put as files are added: they once read
all of them, and the suite's time grew with each quarter of labels.
The held-back part (holdout-*.jsonl) is never read here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from scoring.tone.evaluation import LabelledReply, read_labelled

LABELLED = Path(__file__).parent / "labelled"


@cache
def development_items() -> tuple[LabelledReply, ...]:
    return tuple(item for path in sorted(LABELLED.glob("dev*.jsonl")) for item in read_labelled(path))


def development_sample(language: str, size: int) -> list[LabelledReply]:
    """`size` replies spread evenly over every development file, English or Norwegian (bokmål and
    nynorsk together, as the Norwegian rules read both), the same ones every run."""
    items = [item for item in development_items() if (item.language == "en") == (language == "en")]
    step = max(1, len(items) // size)
    return items[::step][:size]

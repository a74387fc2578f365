"""The analyser on the development part of the labelled replies (tests/tone/labelled/).

The targets of issue 11 (on held-back data: AUC >= 0.95, >= 95 % of privacy cases found,
<= 2 % of good replies flagged for privacy) are asserted where the development set already
meets them; where it does not yet (bokmål AUC and privacy recall), the floor is what the rules
reach today, so a regression fails while the gap stays visible here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from scoring.tone.evaluation import Evaluation, evaluate, read_labelled

LABELLED = Path(__file__).parent / "labelled"

# file -> (language for AUC, AUC floor, privacy-recall floor, most good replies flagged for privacy)
FLOORS = {
    "dev-en.jsonl": ("en", 0.95, 0.95, 0.02),
    "dev.jsonl": ("nb", 0.92, 0.87, 0.02),  # below the 0.95 targets: see the module docstring
}


@cache
def _evaluation(name: str) -> Evaluation:
    return evaluate(read_labelled(LABELLED / name), source=name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_set_meets_its_floor(name: str) -> None:
    if not (LABELLED / name).exists():
        pytest.skip(f"{name} is not there yet")
    language, auc_floor, recall_floor, good_rate = FLOORS[name]
    report = _evaluation(name)
    assert report.auc[language] is not None and report.auc[language] >= auc_floor, report.auc
    assert report.privacy_recall is not None and report.privacy_recall >= recall_floor, [
        s.item.id for s in report.privacy_missed()
    ]
    assert report.good_privacy_rate is not None and report.good_privacy_rate <= good_rate, [
        s.item.id for s in report.privacy_false_alarms()
    ]

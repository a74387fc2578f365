"""The learned model overruling the confidentiality detector (learned.overruled).

The level comes from training; these tests set it by hand so the mechanism is checked apart
from any one model's weights: what is overruled, what never is, and that nothing is hidden.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from scoring.tone.analyse import combined, rules_only
from scoring.tone.learned import Model, load_model
from scoring.tone.models import ToneFinding

DETECTOR_ONLY = "Naboen din har fått hjelp av barnevernet i høst."
WITH_A_PHONE = "Ring meg på 912 34 567. Faren din på Haugen har fått hjemmesykepleie."


def _model(level: float) -> Model:
    model = load_model()
    assert model is not None
    # A threshold above the level, as training guarantees: the model raises no privacy itself.
    return replace(model, vetoes={"privacy": level}, thresholds={**model.thresholds, "privacy": 1.0})


def _analysed(reply: str, model: Model, explain: str = "nb") -> tuple[int, list[ToneFinding]]:
    text, findings = rules_only(reply, "nb", None)
    return combined(text, "nb", findings, None, explain, model)


def test_an_overruled_finding_stays_in_place_as_a_note_that_costs_nothing() -> None:
    kept_score, kept = _analysed(DETECTOR_ONLY, _model(0.0))
    score, findings = _analysed(DETECTOR_ONLY, _model(1.0))
    breach = next(f for f in kept if f.rule == "P1.confidential")
    note = next(f for f in findings if f.rule == "P1.overruled")
    assert (note.span, note.matched) == (breach.span, breach.matched)
    assert (note.weight, note.severity, note.flag) == (0, "info", None)
    assert "«" + breach.matched + "»" in note.explanation
    assert not [f for f in findings if f.flag == "privacy" and f.weight < 0]
    assert kept_score <= 20 < score  # the breach's cap goes with it


@pytest.mark.parametrize("explain", ["nb", "nn", "en"])
def test_the_note_is_written_in_the_language_asked_for(explain: str) -> None:
    _, findings = _analysed(DETECTOR_ONLY, _model(1.0), explain)
    note = next(f for f in findings if f.rule == "P1.overruled")
    assert {"nb": "Reglene", "nn": "Reglane", "en": "The rules"}[explain] in note.explanation


def test_a_form_rule_in_the_same_reply_keeps_every_finding() -> None:
    """A private phone number is a breach however the reply is worded, so the detector's
    finding beside it is not overruled either."""
    _, findings = _analysed(WITH_A_PHONE, _model(1.0))
    rules = {f.rule for f in findings if f.weight < 0}
    assert {"P1.private_phone", "P1.confidential"} <= rules
    assert "P1.overruled" not in {f.rule for f in findings}


def test_a_model_without_a_level_overrules_nothing() -> None:
    model = load_model()
    assert model is not None
    _, findings = _analysed(DETECTOR_ONLY, replace(model, vetoes={}))
    assert "P1.confidential" in {f.rule for f in findings}
    assert "P1.overruled" not in {f.rule for f in findings}

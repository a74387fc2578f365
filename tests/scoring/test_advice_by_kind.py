"""K7 (actionable advice and expected duration, FHI) is asked of posts about an incident people
must act on, not of a reputation case's statements: a trainer's viral-video drill, with its
incident clock running, marked five good statements down for not saying "close your windows"."""

from __future__ import annotations

from typing import Any

from scoring import score

STATEMENT = ("Vi har sett videoen som deles i dag, og vi tar den svært alvorlig. Saken undersøkes nå. "
             "Neste oppdatering kl. 11.00. Mer på https://www.provevik.kommune.no/krise Hilsen Kari, kommunikasjon")


def _rules(scenario: Any, session: Any, kind: str) -> set[str]:
    events = session().item("q1", 1, "Hva gjør kommunen med dette?").post(5, STATEMENT,
                                                                              link="https://www.provevik.kommune.no/krise").end(60)
    report = score(scenario(kind=kind, expectations={"incident_active": True}), events)
    crisis = next(d for d in report.dimensions if d.dimension == "crisis")
    return {f.rule for f in crisis.findings}


def test_a_reputation_case_is_not_asked_for_advice_on_what_to_do(scenario: Any, session: Any) -> None:
    assert "K7" not in _rules(scenario, session, "reputation")
    assert "K2" in _rules(scenario, session, "reputation")  # its first statement is still timed


def test_a_crisis_and_an_everyday_incident_are(scenario: Any, session: Any) -> None:
    assert "K7" in _rules(scenario, session, "crisis")
    assert "K7" in _rules(scenario, session, "everyday")

"""A municipality's own phone numbers are no privacy slip, whichever field of the scenario
lists them: the switchboard or the service lines in `other_numbers` (the care service's duty
phone, say). The score and the crowd's judge read replies with the same list."""

from __future__ import annotations

from typing import Any

from scoring import score
from scoring.judge import judge_for

SERVICE_LINE = "33 40 21 50"
REPLY = f"Hei Anna. Ring hjemmetjenesten på {SERVICE_LINE}, så hjelper de deg. Hilsen Kari, kommunikasjon"
QUESTION = "Hvordan får jeg tak i hjemmetjenesten om morgenen?"


def _privacy_verdict(scenario: Any, session: Any, number: str) -> str:
    municipality = {"name": "Prøvevik kommune", "followers": 5000, "switchboard": "+47 70 00 00 00",
                    "official_link": "https://www.provevik.kommune.no/krise", "email_domain": "provevik.kommune.no",
                    "other_numbers": [number]}
    events = session().item("q1", 1, QUESTION).reply("q1", 3, REPLY).end(60)
    report = score(scenario(municipality=municipality), events)
    privacy = next(d for d in report.dimensions if d.dimension == "privacy")
    return next(f.verdict for f in privacy.findings if f.rule == "P1")


def test_a_number_the_scenario_lists_as_the_municipalitys_own_is_not_flagged(scenario: Any, session: Any) -> None:
    assert _privacy_verdict(scenario, session, SERVICE_LINE) == "strength"


def test_a_number_nobody_listed_still_is(scenario: Any, session: Any) -> None:
    assert _privacy_verdict(scenario, session, "33 40 99 99") != "strength"


def test_the_crowd_judges_a_reply_with_the_scenarios_numbers_too() -> None:
    """A mobile number given as someone's is a privacy slip the crowd answers back to, unless
    the scenario lists it as the municipality's own (a duty phone)."""
    reply = "Hei Anna. Ring Kari på 915 12 345, så hjelper hun deg. Hilsen Kari, kommunikasjon"
    assert judge_for("nb", ["915 12 345"], ["provevik.kommune.no"])(reply, QUESTION, claim=False) == "good"
    assert judge_for("nb")(reply, QUESTION, claim=False) == "poor"

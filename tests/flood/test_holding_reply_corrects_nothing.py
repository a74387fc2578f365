"""A reply under a rumour corrects it only when it says whether the claim is true. "We are
looking into it" acknowledges the rumour (the score's S2) and corrects nothing: the engine starts
no correction on the network, the account keeps the rumour uncorrected and the score's K6 times
the correction from the reply that does correct it, the same reading everywhere."""

from __future__ import annotations

from functools import cache

from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.events import Event, OfficialPostPublished, ReplyPosted
from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.models import Scenario
from scoring.scorer import scored
from scoring.judge import judge_for

HOLDING = "Hei! Dette sjekker vi nå, og vi svarer deg her så snart vi vet mer. Hilsen Kari, kommunikasjonsavdelingen"
CORRECTING = ("Hei! Det stemmer ikke: politiet bekrefter at det er en gasslekkasje, ikke en bombe. "
              "Hilsen Kari, kommunikasjonsavdelingen")


@cache
def gas() -> Scenario:
    return load_scenario(shipped_dir() / "gasslukt-torget.yaml").scenario


def play(team: list[tuple[float, act.Action]], until: float = 3600.0) -> list[Event]:
    engine = DrillEngine(gas(), 1, judge=judge_for("nb"))
    engine.start()
    for t, action in team:
        engine.advance_to(t)
        engine.apply(action)
    engine.advance_to(until)
    return engine.events


def replies(events: list[Event]) -> list[ReplyPosted]:
    return [e.payload for e in events if isinstance(e.payload, ReplyPosted)]


def test_a_holding_reply_under_a_rumour_is_no_correction() -> None:
    events = play([(420.0, act.Reply(item="bomb-rumour", text=HOLDING)),
                   (900.0, act.Reply(item="bomb-rumour", text=CORRECTING))])
    holding, correcting = replies(events)[:2]
    assert holding.corrects == [] and correcting.corrects == ["bomb-rumour"]
    _, ctx = scored(gas(), events)
    rumour = ctx.state.items["bomb-rumour"]
    assert rumour.corrected_at == 900.0 and ctx.addressed_at(rumour) == 900.0


def test_a_reply_that_says_the_claim_is_false_corrects_it_at_once() -> None:
    events = play([(420.0, act.Reply(item="bomb-rumour", text=CORRECTING))])
    assert replies(events)[0].corrects == ["bomb-rumour"]


def posts(events: list[Event]) -> list[OfficialPostPublished]:
    return [e.payload for e in events if isinstance(e.payload, OfficialPostPublished)]


def test_naming_a_rumour_as_corrected_is_not_taken_on_trust() -> None:
    """The team's "this corrects …" is its own claim about its text: a post or a reply elsewhere
    that names the rumour but only says it is being looked into corrects nothing, in the engine,
    the account and the score alike; one that says the claim is false does."""
    events = play([(420.0, act.OfficialPost(text=HOLDING, corrects=["bomb-rumour"])),
                   (600.0, act.Reply(item="school-question", text=HOLDING, corrects=["bomb-rumour"])),
                   (900.0, act.OfficialPost(text=CORRECTING, corrects=["bomb-rumour"]))])
    holding_post, correcting_post = posts(events)
    assert holding_post.corrects == [] and correcting_post.corrects == ["bomb-rumour"]
    assert next(r for r in replies(events) if r.item_id == "school-question").corrects == []
    _, ctx = scored(gas(), events)
    rumour = ctx.state.items["bomb-rumour"]
    assert rumour.corrected_at == 900.0 and rumour.answer is not None and rumour.answer.at == 900.0

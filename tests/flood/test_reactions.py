"""Official posts draw comments and replies draw reactions: seeded, authored in the scenario, replayable."""

from __future__ import annotations

import re
from functools import cache

import pytest
from faker.providers.person.no_NO import Provider as NorwegianNames
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drill.account import Need, need_of
from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.engine.reactions import CitizenReactions
from drill.events import Event, ItemPosted, ReplyLiked
from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.models import ItemKind, Language, Scenario
from scoring.judge import judge_for
from tests.flood.replies import GOOD

POOR = "Nei."


@cache
def gas() -> Scenario:
    return load_scenario(shipped_dir() / "gasslukt-torget.yaml").scenario


def sure(**reactions: float) -> Scenario:
    """The gas scenario with the given reactions certain (probability 1) and the others off."""
    off = {k: 0.0 for k in ("follow_up", "angrier", "thanks", "like", "accepts", "disputes")}
    return gas().model_copy(update={"reactions": gas().reactions.model_copy(update={**off, **reactions})})


def play(scenario: Scenario, team: list[tuple[float, act.Action]], until: float = 3600.0) -> list[Event]:
    engine = DrillEngine(scenario, 1, judge=judge_for("nb"))
    engine.start()
    for t, action in sorted(team, key=lambda x: x[0]):
        engine.advance_to(t)
        engine.apply(action)
    engine.advance_to(until)
    return engine.events


def posted(events: list[Event], source: str) -> list[ItemPosted]:
    return [e.payload for e in events if isinstance(e.payload, ItemPosted) and e.payload.source == source]


def test_an_official_post_draws_comments_under_it_in_the_scenarios_language() -> None:
    events = play(gas(), [(360.0, act.OfficialPost(text="Gasslekkasje ved Torget. Hold deg unna området."))])
    comments = posted(events, "post")
    assert len(comments) >= 3
    assert {c.on_post for c in comments} == {"p001"} and {c.caused_by for c in comments} == {"p001"}
    assert all(c.thread_id is None and c.author_role == "citizen" for c in comments)
    assert all(e.t >= 360.0 for e in events if isinstance(e.payload, ItemPosted) and e.payload.source == "post")
    assert len({c.text for c in comments}) > 1 and len({c.author for c in comments}) == len(comments)


def test_the_scenario_sets_how_much_a_post_is_commented() -> None:
    quiet = gas().model_copy(update={"official_post_comments": gas().official_post_comments.model_copy(
        update={"rate_per_hour": 0.0})})
    busy = gas().model_copy(update={"official_post_comments": gas().official_post_comments.model_copy(
        update={"rate_per_hour": 120.0})})
    post = [(360.0, act.OfficialPost(text="Oppdatering om Torget."))]
    assert posted(play(quiet, post), "post") == []
    assert len(posted(play(busy, post), "post")) > 3 * len(posted(play(gas(), post), "post"))


def test_a_reply_that_answers_badly_is_not_told_it_missed_the_question() -> None:
    """The gas drill's walk: a reply telling Cecilie that home care and the police will get her
    mother out answers her (`scoring.answers.addresses`, as the score counts it) but confirms a care
    relationship in public, so it is poor; it may anger the crowd, but no follow-up may say
    «Jeg spurte om noe helt annet»."""
    reply = ("Hei Cecilie, takk for at du sier fra. Vi har gitt beskjed til hjemmesykepleien og politiet, som "
             "sørger for at moren din kommer trygt ut, og hjemmesykepleien ringer deg.\n\n"
             "Hilsen Kari, kommunikasjonsavdelingen")
    events = play(sure(follow_up=1.0, angrier=1.0), [(1100.0, act.Reply(item="mother-home-care", text=reply))])
    kinds = [r.source_id for r in posted(events, "reaction") if r.thread_id == "mother-home-care"]
    assert kinds == ["angrier"]


def test_a_poor_reply_brings_a_follow_up_from_the_same_person_and_an_angrier_one() -> None:
    events = play(sure(follow_up=1.0, angrier=1.0), [(420.0, act.Reply(item="school-question", text=POOR))])
    school = next(e.payload for e in events if isinstance(e.payload, ItemPosted) and e.payload.item_id == "school-question")
    reactions = posted(events, "reaction")
    follow = next(r for r in reactions if r.source_id == "follow_up")
    angry = next(r for r in reactions if r.source_id == "angrier")
    assert follow.author == school.author and angry.author != school.author
    assert follow.caused_by == angry.caused_by == "r0001"
    assert follow.thread_id == angry.thread_id == (school.thread_id or "school-question")
    assert follow.labels.needs_reply and angry.labels.kind == ItemKind.complaint


def test_a_good_reply_brings_thanks_or_a_like_and_no_anger() -> None:
    thanked = play(sure(thanks=1.0, follow_up=1.0, angrier=1.0), [(420.0, act.Reply(item="school-question", text=GOOD))])
    assert [r.source_id for r in posted(thanked, "reaction")] == ["thanks"]
    liked = play(sure(like=1.0), [(420.0, act.Reply(item="school-question", text=GOOD))])
    assert [e.payload.reply_id for e in liked if isinstance(e.payload, ReplyLiked)] == ["r0001"]


def test_the_author_of_a_corrected_rumour_accepts_or_disputes() -> None:
    fix = [(560.0, act.Reply(item="bomb-rumour", text="Dette stemmer ikke: det er gass, ikke en bombe. Hilsen Kari"))]
    rumour = next(e.payload for e in play(gas(), []) if isinstance(e.payload, ItemPosted)
                  and e.payload.item_id == "bomb-rumour")
    accepted = [r for r in posted(play(sure(accepts=1.0), fix), "reaction") if r.source_id == "accepts"]
    disputed = [r for r in posted(play(sure(disputes=1.0), fix), "reaction") if r.source_id == "disputes"]
    assert [r.author for r in accepted] == [rumour.author] == [r.author for r in disputed]
    assert disputed[0].labels.needs_reply and not disputed[0].labels.false_claim


def test_the_same_play_meets_the_same_crowd_event_for_event() -> None:
    team = [(360.0, act.OfficialPost(text="Gasslekkasje ved Torget.")), (420.0, act.Reply(item="school-question", text=POOR)),
            (560.0, act.Reply(item="bomb-rumour", text="Det er ikke en bombe. Hilsen Kari")),
            (900.0, act.Reply(item="p001-c001", text=GOOD))]
    first, second = play(gas(), team), play(gas(), team)
    assert [e.deterministic_view() for e in first] == [e.deterministic_view() for e in second]


BASE = [(420.0, act.Reply(item="school-question", text=POOR)),
        (560.0, act.Reply(item="bomb-rumour", text="Det er ikke en bombe. Hilsen Kari")),
        (700.0, act.Reply(item="school-question", text=GOOD))]


def crowd(events: list[Event], causes: set[str]) -> list[tuple]:
    """The reactions caused by the given replies: what was said, by whom, when and where."""
    replies = {e.payload.reply_id: e.payload.item_id for e in events if e.type == "reply_posted"}  # type: ignore[union-attr]
    return [(e.t, p.item_id, p.author, p.text, replies.get(p.caused_by or ""))
            for e in events if isinstance(p := e.payload, ItemPosted) and p.source == "reaction"
            and replies.get(p.caused_by or "") in causes]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(at=st.integers(300, 1700), to=st.sampled_from(["first-alarm", "press-call", "kindergarten-question"]),
       poor=st.booleans())
def test_an_unrelated_reply_leaves_everyone_elses_reactions_as_they_were(at: int, to: str, poor: bool) -> None:
    scenario = sure(follow_up=0.7, angrier=0.5, thanks=0.6, like=0.5, accepts=0.5, disputes=0.5)
    alone = play(scenario, BASE)
    posted_at = {e.payload.item_id: e.t for e in alone if isinstance(e.payload, ItemPosted)}
    assume(to in posted_at and posted_at[to] <= at)
    with_extra = play(scenario, [*BASE, (float(at), act.Reply(item=to, text=POOR if poor else GOOD))])
    causes = {"school-question", "bomb-rumour"}
    assert crowd(alone, causes), "the base play meets some reactions"
    assert crowd(with_extra, causes) == crowd(alone, causes)


@pytest.mark.parametrize("language", list(Language))
def test_a_reaction_in_the_askers_thread_names_nobody_but_the_asker(language: Language) -> None:
    """A thanks, follow-up, acceptance or dispute is posted under the asker's name, so it may not
    sign as anyone else (the gas drill's walk saw «Takk, May her, det hjalp mye.» by Astrid Jørgensen)."""
    scenario = sure(thanks=1.0, follow_up=1.0, accepts=0.5, disputes=1.0).model_copy(update={"language": language})
    people = CitizenReactions(scenario, seed=7)
    asker = "Astrid Jørgensen"
    said: list[str] = []
    for n in range(120):
        for verdict in ("good", "poor", "unanswered"):
            said += [p.text for p in people.to_reply(f"q{n}", asker, f"r{n}", verdict, 60.0, 1, 0, waited=60.0) if p.author == asker]
        said += [p.text for p in people.to_correction(f"rumour{n}", asker, f"post{n}", 60.0) if p.author == asker]
    assert len(said) > 200
    first_names = set(NorwegianNames.first_names) - {"Astrid"}
    assert not [text for text in said if first_names.intersection(re.findall(r"\w+", text))]


def test_a_thanks_reaction_closes_the_dialogue_and_waits_for_nothing() -> None:
    """"Takk for svar" under the team's reply closes a dialogue already answered: it waits for
    nothing in the console and is not a positive mention the score asks the team to thank (C3)."""
    events = play(sure(thanks=1.0), [(420.0, act.Reply(item="school-question", text=GOOD))])
    thanks = [p for p in posted(events, "reaction") if p.source_id == "thanks"]
    assert thanks, [p.source_id for p in posted(events, "reaction")]
    assert all(need_of(p.labels) is Need.nothing for p in thanks)

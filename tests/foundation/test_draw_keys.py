"""A team post's random draws are keyed by what it answers and when, never by its running number.

So an unrelated reply earlier in the drill leaves every other item's reach as it was, and two
teams that correct the same rumour at the same minute see the same correction reach.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.engine.spread.adapter import spread_for_scenario
from drill.events import CounterfactualReach, OfficialPostPublished, ReplyPosted
from drill.scenario import parse_scenario

SCENARIO = """\
id: keyed
title: Keyed draws
kind: crisis
municipality: {name: Testvik kommune, followers: 900}
audience: {model: barabasi_albert, nodes: 3000, mean_degree: 8, seed: 5}
starts: 2026-11-03T10:55:00+01:00
duration: 40m
team: ["Kari, komm"]
injects:
  - {id: bomb, at: 1m, text: "Det er en bombe!", labels: {kind: rumour, false_claim: true}, spread: {share_probability: 0.12, seeds: 3}}
  - {id: poison, at: 2m, text: "Vannet er forgiftet!", labels: {kind: rumour, false_claim: true}, spread: {share_probability: 0.1, seeds: 2}}
  - {id: q1, at: 1m, text: "Hva skjer?", labels: {kind: question}}
  - {id: q2, at: 2m, text: "Er skolen stengt?", labels: {kind: question}}
  - {id: q3, at: 3m, text: "Hvor kan jeg ringe?", labels: {kind: question}}
"""

LOADED = parse_scenario(SCENARIO, "keyed.yaml")
RUMOURS = ("bomb", "poison")
QUESTIONS = ("q1", "q2", "q3")


def play(actions: list[tuple[float, act.Action]]) -> DrillEngine:
    engine = DrillEngine(LOADED.scenario, 7, spread_factory=spread_for_scenario)
    engine.start()
    for at, action in sorted(actions, key=lambda pair: pair[0]):
        engine.advance_to(at)
        engine.apply(action)
    engine.advance_to(engine.duration)
    return engine


def reach_by_identity(engine: DrillEngine) -> dict[tuple, tuple[int, int]]:
    """Final reach of every item, named by what it is (a reply by what it answers and when)."""
    names: dict[str, tuple] = {}
    for event in engine.events:
        p = event.payload
        if isinstance(p, ReplyPosted):
            names[p.reply_id] = ("reply", p.item_id, event.t, p.text)
        elif isinstance(p, OfficialPostPublished):
            names[p.post_id] = ("post", tuple(p.corrects), event.t, p.text)
    return {names.get(item_id, ("item", item_id)): value for item_id, value in engine.state.reach.items()}


corrections = st.lists(
    st.tuples(st.integers(3, 30), st.sampled_from(RUMOURS), st.booleans()), min_size=1, max_size=4,
)


@settings(max_examples=25, deadline=None)
@given(corrections=corrections, unrelated_at=st.integers(4, 30), unrelated_to=st.sampled_from(QUESTIONS))
def test_an_unrelated_earlier_reply_leaves_every_other_reach_unchanged(
    corrections: list[tuple[int, str, bool]], unrelated_at: int, unrelated_to: str
) -> None:
    team: list[tuple[float, act.Action]] = []
    for minute, rumour, as_post in corrections:
        text = f"Det stemmer ikke ({rumour}, {minute})."
        action: act.Action = (
            act.OfficialPost(text=text, corrects=[rumour]) if as_post else act.Reply(item=rumour, text=text)
        )
        team.append((minute * 60.0, action))
    with_unrelated = [*team, (unrelated_at * 60.0 - 30.0, act.Reply(item=unrelated_to, text="Vi ser på saken."))]
    before, after = reach_by_identity(play(team)), reach_by_identity(play(with_unrelated))
    # The unrelated reply corrects nothing, so it does not spread; everything else is as it was.
    assert before == after


def test_two_teams_correcting_at_the_same_minute_get_the_same_correction_reach() -> None:
    fix = act.Reply(item="bomb", text="Det er ingen bombe.")
    quiet = play([(600.0, fix)])
    busy = play([(120.0, act.Reply(item="q1", text="Vi kommer tilbake.")),
                 (180.0, act.Reply(item="q2", text="Nei.")),
                 (600.0, fix)])
    quiet_reach, busy_reach = reach_by_identity(quiet), reach_by_identity(busy)
    key = ("reply", "bomb", 600.0, fix.text)
    assert quiet_reach[key] == busy_reach[key] and quiet_reach[key][0] > 0
    assert quiet_reach[("item", "bomb")] == busy_reach[("item", "bomb")]


def test_deferred_counterfactuals_record_the_same_events() -> None:
    """An app computes the counterfactuals in a worker; the log must not notice."""
    team: list[tuple[float, act.Action]] = [
        (300.0, act.Reply(item="bomb", text="Feil.")),
        (900.0, act.OfficialPost(text="Fakta.", corrects=["poison"])),
    ]
    inline = play(team)
    deferred = DrillEngine(LOADED.scenario, 7, spread_factory=spread_for_scenario, defer_impacts=True)
    deferred.start()
    for at, action in team:
        deferred.advance_to(at)
        deferred.apply(action)
    deferred.advance_to(deferred.duration)
    assert deferred.ending and not deferred.state.ended and deferred.next_time() is None
    progress: list[tuple[int, int]] = []
    deferred.complete_end(deferred.compute_impacts(lambda done, total: progress.append((done, total))))
    assert progress == [(1, 2), (2, 2)]
    assert [e.deterministic_view() for e in deferred.events] == [e.deterministic_view() for e in inline.events]
    assert sum(isinstance(e.payload, CounterfactualReach) for e in inline.events) == 2

"""The engine through its public interface: scenario + seed + timed actions -> events."""

from __future__ import annotations

import pytest

from drill.engine import actions as act
from drill.engine.engine import ActionRejected, DrillEngine
from drill.scenario import load_scenario, parse_scenario
from drill.state import DrillState

SMALL = """\
id: small
title: Small
kind: crisis
municipality: {name: Testvik kommune, followers: 1000}
starts: 2026-11-03T10:55:00+01:00
duration: 30m
team: ["Kari, komm", "Ola, komm"]
injects:
  - {id: q, at: 1m, text: "Hva skjer?", labels: {kind: question}}
  - {id: crit, at: 2m, text: "Dårlig info!", labels: {kind: complaint}}
  - {id: outcry, text: "Sensur!", labels: {kind: complaint}}
streams:
  - {id: s, from: 0m, to: 30m, rate: {peak_per_minute: 3, peak_at: 10m}, mix: {question: 0.5, chatter: 0.5}}
triggers:
  - {id: silence, when: {no_official_post_by: 10m}, then: [{text: "Si noe!", labels: {kind: complaint}}]}
  - {id: censor, when: {wrongful_deletion: true}, after: 1m, fire: [outcry]}
  - {id: ignored, when: {no_reply_to: q, within: 5m}, then: [{text: "Hallo?", thread: q, labels: {kind: complaint}}]}
"""


def engine(seed: int = 1) -> DrillEngine:
    e = DrillEngine(parse_scenario(SMALL, "small.yaml").scenario, seed)
    e.start()
    return e


def play(seed: int, steps: list[float], actions: list[tuple[float, act.Action]]) -> list[dict]:
    """Drive the clock in the given steps, applying each action at its time."""
    e = engine(seed)
    pending = sorted(actions, key=lambda a: a[0])
    for t in steps:
        while pending and pending[0][0] <= t:
            when, action = pending.pop(0)
            e.advance_to(when)
            e.apply(action)
        e.advance_to(t)
    return [ev.deterministic_view() for ev in e.events]


ACTIONS = [
    (90.0, act.Reply(item="q", text="Vi undersøker. Hilsen Kari, komm")),
    (200.0, act.Delete(item="crit", reason="usaklig")),
    (400.0, act.OfficialPost(text="Oppdatering", link="https://x.no")),
]


def test_same_seed_same_events_whatever_the_clock_steps():
    coarse = play(7, [1800.0], ACTIONS)
    fine = play(7, [x * 0.7 for x in range(1, 2600)] + [1800.0], ACTIONS)
    assert coarse == fine
    assert len(coarse) > 40


def test_another_seed_gives_another_drill():
    assert play(1, [1800.0], ACTIONS) != play(2, [1800.0], ACTIONS)


def test_stream_ids_are_stable_and_sequential():
    e = engine()
    e.advance_to(1800)
    ids = [i for i in e.state.items if i.startswith("s-")]
    assert ids[:3] == ["s-0001", "s-0002", "s-0003"]


def test_silence_trigger_fires_only_without_an_official_post():
    quiet = engine()
    quiet.advance_to(1800)
    assert "silence" in quiet.state.triggers_fired
    talkative = engine()
    talkative.advance_to(300)
    talkative.apply(act.OfficialPost(text="Vi vet om saken."))
    talkative.advance_to(1800)
    assert "silence" not in talkative.state.triggers_fired


def test_deleting_criticism_fires_the_censorship_trigger_after_its_delay():
    e = engine()
    e.advance_to(150)
    e.apply(act.Delete(item="crit", reason="usaklig"))
    e.advance_to(150 + 59)
    assert "outcry" not in e.state.items
    e.advance_to(150 + 60)
    assert e.state.items["outcry"].source == "trigger"


def test_unanswered_question_gets_a_follow_up_in_its_thread():
    e = engine()
    e.advance_to(1800)
    follow_up = next(i for i in e.state.items.values() if i.source_id == "ignored")
    assert follow_up.thread_id == "q"
    assert follow_up.t == 60 + 300


def test_answered_question_gets_no_follow_up():
    e = engine()
    e.advance_to(100)
    e.apply(act.Reply(item="q", text="Svar"))
    e.advance_to(1800)
    assert "ignored" not in e.state.triggers_fired


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (act.Reply(item="nope", text="x"), "There is no item 'nope'"),
        (act.Unhide(item="q"), "is not hidden"),
        (act.Restore(item="q"), "is not deleted"),
        (act.Delete(item="q", reason="other"), "write a note"),
        (act.Handover(to="Kari, komm"), "already on duty"),
    ],
)
def test_impossible_actions_are_rejected_with_a_reason(action, message):
    e = engine()
    e.advance_to(200)
    with pytest.raises(ActionRejected, match=message):
        e.apply(action)


def test_reply_to_deleted_comment_is_rejected_and_records_nothing():
    e = engine()
    e.advance_to(200)
    e.apply(act.Delete(item="crit", reason="usaklig"))
    before = len(e.events)
    with pytest.raises(ActionRejected, match="restore it"):
        e.apply(act.Reply(item="crit", text="x"))
    assert len(e.events) == before


def test_drill_ends_at_its_duration_and_refuses_further_actions():
    e = engine()
    e.advance_to(10_000)
    assert e.state.ended and e.state.end_reason == "time_up"
    assert e.events[-1].t == 1800
    with pytest.raises(ActionRejected, match="has ended"):
        e.apply(act.Like(item="q"))


def test_handover_changes_who_acts_by_default():
    e = engine()
    e.advance_to(100)
    e.apply(act.Handover(to="Ola, komm"))
    events = e.apply(act.Reply(item="q", text="Svar"))
    assert events[0].actor == "Ola, komm"


def test_state_rebuilt_from_events_equals_the_engines():
    e = engine()
    e.advance_to(500)
    e.apply(act.Reply(item="q", text="Svar"))
    e.advance_to(1800)
    rebuilt = DrillState.from_events(e.events)
    assert rebuilt.items.keys() == e.state.items.keys()
    assert rebuilt.items["q"].replies[0].text == "Svar"


def test_shipped_scenario_runs_to_its_end(gas_scenario_path):
    loaded = load_scenario(gas_scenario_path)
    e = DrillEngine(loaded.scenario, 3, scenario_hash=loaded.content_hash)
    e.start()
    e.advance_to(loaded.scenario.duration)
    assert e.state.ended
    assert e.events[0].payload.scenario_hash == loaded.content_hash
    kinds = {i.labels.kind for i in e.state.items.values()}
    assert {"question", "complaint", "rumour", "attack"} <= {k.value for k in kinds}


def test_trainer_fires_an_inject_early_and_it_is_not_posted_twice():
    e = engine()
    e.advance_to(10)
    e.apply(act.FireInject(inject="crit"), by="trainer")
    assert e.state.items["crit"].t == 10
    e.advance_to(1800)
    assert sum(1 for ev in e.events if ev.type == "item_posted" and ev.payload.source_id == "crit") == 1
    late = engine()
    late.advance_to(200)
    with pytest.raises(ActionRejected, match="already been posted"):
        late.apply(act.FireInject(inject="crit"))


def test_trainer_writes_an_inject_on_the_fly():
    from drill.scenario.models import InjectContent

    e = engine()
    e.advance_to(30)
    e.apply(act.PostInject(content=InjectContent(type="press_call", text="NRK ringer om to minutter.")), by="trainer")
    item = e.state.items["adhoc-1"]
    assert item.channel == "press_call" and item.source == "trainer"


def test_deadline_triggers_also_watch_items_that_a_trigger_posted():
    text = SMALL + (
        "  - {id: chase, when: {no_reply_to: outcry, within: 3m}, then: [{text: 'Svar da!', labels: {kind: complaint}}]}\n"
    )
    e = DrillEngine(parse_scenario(text, "small.yaml").scenario, 1)
    e.start()
    e.advance_to(150)
    e.apply(act.Delete(item="crit", reason="usaklig"))
    e.advance_to(1800)
    outcry_at = e.state.items["outcry"].t
    chase = next(i for i in e.state.items.values() if i.source_id == "chase")
    assert chase.t == outcry_at + 180


def test_a_template_can_carry_its_own_ground_truth():
    text = SMALL.replace(
        "mix: {question: 0.5, chatter: 0.5}}",
        "mix: {question: 0.5, chatter: 0.5}, templates: {question: ["
        "{text: 'Hvem dekker tapet mitt?', labels: {archive_worthy: true}}, 'Hva skjer?']}}",
    )
    e = DrillEngine(parse_scenario(text, "small.yaml").scenario, 1)
    e.start()
    e.advance_to(1800)
    generated = [i for i in e.state.items.values() if i.source == "stream" and i.labels.kind == "question"]
    flagged = {i.text for i in generated if i.labels.archive_worthy}
    plain = {i.text for i in generated if not i.labels.archive_worthy}
    assert flagged == {"Hvem dekker tapet mitt?"} and plain == {"Hva skjer?"}

"""Similar questions grouped, and answered once for many (drill/grouping.py, GroupReply, reply-by-link)."""

from __future__ import annotations

from functools import cache

import pytest

from drill.engine import actions as act
from drill.engine.engine import ActionRejected, DrillEngine
from drill.events import ReplyPosted
from drill.grouping import Grouper, jaccard, stems
from drill.live import actions_from_events
from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.models import Scenario


@cache
def gas() -> Scenario:
    return load_scenario(shipped_dir() / "gasslukt-torget.yaml").scenario


def test_close_wording_groups_and_other_questions_do_not() -> None:
    grouper = Grouper()
    a = grouper.add("a", "Er skolene i sentrum stengt i dag?")
    b = grouper.add("b", "Er skolen i sentrum stengt nå?")
    c = grouper.add("c", "Hvor kan jeg hente vann på Haugen?")
    assert a is b
    assert c is not a
    assert jaccard(stems("Er skolene i sentrum stengt i dag?"), stems("Er skolen i sentrum stengt nå?")) >= 0.5


def test_same_template_groups_whatever_fills_its_slots() -> None:
    grouper = Grouper()
    first = grouper.add("a", "Er det trygt for barn å leke ute i Strandkaia?", "s/question/3")
    other = grouper.add("b", "Hvem betaler for dette?", "s/question/3")
    assert first is other
    assert first.members == ["a", "b"]


def test_too_short_to_judge_by_wording_stays_alone() -> None:
    grouper = Grouper()
    assert grouper.add("a", "Hallo??") is not grouper.add("b", "Hallo??")


def test_grouping_is_a_function_of_the_comments_and_their_order() -> None:
    texts = [f"Når åpner {place} igjen etter gasslekkasjen?" for place in ("torget", "skolen", "hallen")] * 5
    runs = []
    for _ in range(2):
        grouper = Grouper()
        runs.append([grouper.add(f"i{n}", text).group_id for n, text in enumerate(texts)])
    assert runs[0] == runs[1]


def _drill(minutes: int = 60) -> DrillEngine:
    engine = DrillEngine(gas(), 1)
    engine.start()
    engine.advance_to(minutes * 60)
    return engine


def test_a_group_reply_answers_every_waiting_member_in_its_own_thread() -> None:
    engine = _drill()
    group = engine.state.groups(min_count=2)[0]
    members = list(group.waiting)
    before = engine.state.waiting_count
    events = engine.apply(act.GroupReply(item=members[-1], text="Barn kan leke ute, torget er trygt. Hilsen Kari"))
    replies = [e.payload for e in events if isinstance(e.payload, ReplyPosted)]
    assert [r.item_id for r in replies] == [members[-1], *members[:-1]]
    assert {r.group for r in replies} == {replies[0].reply_id}
    assert all(r.thread_id == engine.state.items[r.item_id].thread_id for r in replies)
    assert engine.state.waiting_count == before - len(members)
    assert group.count == 0 and group not in engine.state.groups()
    assert {engine.state.items[m].answer.how for m in members} == {"group"}  # type: ignore[union-attr]


def test_a_reply_may_point_to_an_official_post_and_only_an_existing_one() -> None:
    engine = _drill()
    item = engine.state.waiting()[0]
    with pytest.raises(ActionRejected) as refused:
        engine.apply(act.Reply(item=item.item_id, text="Se oppdateringen vår.", post="p001"))
    assert refused.value.reason == "no_post"
    engine.apply(act.OfficialPost(text="Torget er stengt til klokka 14.", link="https://eksempel.kommune.no/gass"))
    engine.apply(act.Reply(item=item.item_id, text="Se oppdateringen vår kl. 11:02.", post="p001"))
    answer = engine.state.items[item.item_id].answer
    assert answer is not None and answer.how == "link"
    assert engine.state.replies[answer.by].post == "p001"


def test_a_resumed_drill_resends_a_group_reply_to_exactly_its_members() -> None:
    engine = _drill()
    group = engine.state.groups(min_count=2)[0]
    engine.apply(act.OfficialPost(text="Oppdatering om torget."))
    engine.apply(act.GroupReply(item=group.representative or "", text="Se oppdateringen. Hilsen Kari", post="p001"))
    engine.advance_to(5400)
    replay = DrillEngine(gas(), 1)
    replay.start()
    for t, actor, action in actions_from_events(engine.events):
        replay.advance_to(t)
        replay.apply(action, by=actor)
    replay.advance_to(5400)
    assert [e.deterministic_view() for e in replay.events] == [e.deterministic_view() for e in engine.events]


def test_a_reply_pointing_to_a_post_is_judged_by_the_posts_text_too() -> None:
    from scoring.context import ScoringContext

    def addressed(with_post: bool) -> float | None:
        engine = _drill(10)
        engine.apply(act.OfficialPost(text="Torget skole er ikke berørt av sperringen; elevene er trygge inne."))
        engine.apply(act.Reply(item="school-question", text="Se oppdateringen vår over. Hilsen Kari",
                               post="p001" if with_post else None))
        ctx = ScoringContext(gas(), engine.events, "nb")
        return ctx.addressed_at(ctx.state.items["school-question"])

    assert addressed(with_post=True) is not None
    assert addressed(with_post=False) is None


def test_a_group_reply_that_answers_is_not_named_as_pasted() -> None:
    from scoring.context import ScoringContext

    engine = _drill()
    group = engine.state.groups(min_count=3)[0]
    text = "Hei! Alt vi vet står på fjellvik.kommune.no/krise, ring gjerne 72 40 00 00. Hilsen Kari"
    engine.apply(act.GroupReply(item=group.representative or "", text=text))
    assert ScoringContext(gas(), engine.events, "nb").pasted == []
    pasted_engine = _drill()
    for item in list(pasted_engine.state.groups(min_count=3)[0].waiting):
        pasted_engine.apply(act.Reply(item=item, text="Takk for innspill."))
    assert ScoringContext(gas(), pasted_engine.events, "nb").pasted

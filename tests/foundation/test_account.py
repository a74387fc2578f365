"""One account of the drill: every consumer reports the same derived facts at every instant.

Random team actions drive a shipped scenario; after each step the state's waiting index, the
console's feed model, the trainer overview, the plain console's status line, `drill run`'s
summary and the scorer must agree with each other and with a definition written out here
from the raw events (so the reducer's incremental bookkeeping is checked, not trusted).
"""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill.account import Need, is_handled, is_waiting, need_of
from drill.app.feed_model import FeedModel
from drill.engine import actions as act
from drill.engine.engine import ActionRejected, DrillEngine
from drill.events import Event, ItemPosted, OfficialPostPublished, ReplyPosted
from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.models import ItemKind, Labels, Scenario
from drill.state import DrillState
from drill.summary import summarise
from drill.team_play.overview import build_overview
from scoring.context import ScoringContext


@cache
def gas() -> Scenario:
    return load_scenario(shipped_dir() / "gasslukt-torget.yaml").scenario


def reference_waiting(events: list[Event]) -> set[str]:
    """What waits for an answer, straight from the events and `drill.account`'s docstring."""
    posted: dict[str, tuple[float, str, Labels]] = {}
    threads: dict[str, list[str]] = {}
    visible: dict[str, bool] = {}
    answered: set[str] = set()
    for event in events:
        p = event.payload
        if isinstance(p, ItemPosted):
            root = p.thread_id or p.item_id
            posted[p.item_id] = (event.t, root, p.labels)
            threads.setdefault(root, []).append(p.item_id)
            visible[p.item_id] = True
        elif isinstance(p, ReplyPosted):
            answered.add(p.item_id)
            root = posted[p.item_id][1]
            answered.update(i for i in threads[root] if posted[i][0] <= event.t)
            answered.update(p.corrects)
        elif isinstance(p, OfficialPostPublished):
            answered.update(p.corrects)
        elif event.type in ("item_hidden", "item_deleted"):
            visible[p.item_id] = False  # type: ignore[union-attr]
        elif event.type in ("item_unhidden", "item_restored"):
            visible[p.item_id] = True  # type: ignore[union-attr]
    return {i for i, (_, _, labels) in posted.items()
            if labels.needs_reply and visible[i] and i not in answered}


def test_need_follows_the_ground_truth() -> None:
    assert need_of(Labels(kind=ItemKind.question)) is Need.answer
    assert need_of(Labels(kind=ItemKind.rumour)) is Need.answer
    assert need_of(Labels(kind=ItemKind.complaint)) is Need.answer
    assert need_of(Labels(kind=ItemKind.praise)) is Need.acknowledge
    assert need_of(Labels(kind=ItemKind.spam)) is Need.moderate
    assert need_of(Labels(kind=ItemKind.attack)) is Need.moderate
    assert need_of(Labels(kind=ItemKind.chatter)) is Need.nothing
    assert need_of(Labels(kind=ItemKind.chatter, needs_reply=True)) is Need.answer


def test_praise_is_handled_by_a_like_and_never_waits() -> None:
    engine = DrillEngine(gas(), 3)
    engine.start()
    engine.advance_to(3600)
    praise = [i for i in engine.state.items.values() if i.labels.kind == ItemKind.praise]
    assert praise, "the gas scenario has praise within the first hour"
    assert not any(is_waiting(i) for i in praise)
    engine.apply(act.Like(item=praise[0].item_id))
    assert is_handled(engine.state.items[praise[0].item_id])


_KINDS = st.sampled_from(["reply", "reply", "group", "link", "hide", "delete", "unhide", "restore", "like", "post",
                          "handover", "fire", "fire"])
STEPS = st.lists(st.tuples(st.integers(30, 600), _KINDS, st.integers(0, 10_000)), min_size=3, max_size=14)


def _action(kind: str, pick: int, state: DrillState) -> act.Action | None:
    items = sorted(state.items)
    if not items:
        return None
    item = state.items[items[pick % len(items)]]
    followups = [i for i in items if state.items[i].parent_id is not None]
    if followups and pick % 3 == 0:
        item = state.items[followups[pick % len(followups)]]
    match kind:
        case "fire":
            # Several of the scenario's injects are follow-ups inside a thread.
            injects = [i.id for i in gas().injects]
            return act.FireInject(inject=injects[pick % len(injects)])
        case "reply":
            return act.Reply(item=item.item_id, text="Vi ser på saken. Hilsen Kari, kommunikasjon")
        case "group":
            grouped = state.groups()
            target = grouped[pick % len(grouped)].representative if grouped else item.item_id
            assert target is not None
            return act.GroupReply(item=target, text="Vi svarer alle her: se kommunens nettside. Hilsen Kari")
        case "link":
            posts = state.official_posts
            if not posts:
                return act.OfficialPost(text="Oppdatering fra kommunen: torget er stengt.")
            post = posts[pick % len(posts)]
            return act.Reply(item=item.item_id, text="Se oppdateringen vår. Hilsen Kari", post=post.post_id)
        case "hide":
            return act.Hide(item=item.item_id, reason="usaklig")
        case "delete":
            return act.Delete(item=item.item_id, reason="usaklig")
        case "unhide":
            return act.Unhide(item=item.item_id)
        case "restore":
            return act.Restore(item=item.item_id)
        case "like":
            return act.Like(item=item.item_id)
        case "post":
            rumours = [i for i in items if state.items[i].labels.false_claim]
            named = [rumours[pick % len(rumours)]] if rumours and pick % 2 else []
            return act.OfficialPost(text="Oppdatering fra kommunen.", corrects=named)
        case _:
            return act.Handover(to="Ola")


def _assert_one_account(engine: DrillEngine, feed: FeedModel) -> None:
    state = engine.state
    events = list(engine.events)
    expected = reference_waiting(events)
    assert {i.item_id for i in state.waiting()} == expected
    assert {i for i, item in state.items.items() if is_waiting(item)} == expected
    assert feed.unanswered_count == len(expected)
    assert all(feed.is_unanswered(i) for i in expected)
    overview = build_overview(state, events, [], None, at=0.0)
    assert overview.waiting == len(expected)
    assert summarise(events).unanswered == len(expected)
    ctx = ScoringContext(gas(), events, "nb")
    unanswered_in_score = {i.item_id for i in ctx.items
                           if i.labels.needs_reply and i.visibility == "visible" and ctx.response_at(i) is None}
    assert unanswered_in_score == expected
    # Every waiting comment that can be grouped is waiting in its group, and nothing else is.
    in_groups = {i for g in state.groups() for i in g.waiting}
    assert in_groups == {i for i in expected if state.group_of(i) is not None}
    assert all(g.count > 0 and g.representative == next(iter(g.waiting)) for g in state.groups())
    assert state.groups(min_count=2) == [g for g in state.groups() if g.count >= 2]
    oldest = min((state.items[i].t for i in expected), default=None)
    assert state.oldest_waiting() == (None if oldest is None else state.now - oldest)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS)
def test_every_consumer_reports_the_same_account(steps: list[tuple[int, str, int]]) -> None:
    engine = DrillEngine(gas(), 1)
    engine.start()
    feed = FeedModel(engine.state, engine.events)
    seen = len(engine.events)
    now = 0.0
    for wait, kind, pick in steps:
        now += wait
        engine.advance_to(now)
        action = _action(kind, pick, engine.state)
        if action is not None:
            try:
                engine.apply(action)
            except ActionRejected:
                pass
        feed.apply(engine.events[seen:])
        seen = len(engine.events)
        _assert_one_account(engine, feed)

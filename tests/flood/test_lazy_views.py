"""The console's triage views, worked out only as far as the feed reads them, list exactly what
the account says, in the promised order (drill/app/triage.py `Rows`, drill/app/feed_model.py).

The reference here lists every row the slow, obvious way from `DrillState` (the one account)
and the groups; the console's rows must equal it for every view and order, after a drill
in which the team answered some comments one by one, some as a group, and hid others.
"""

from __future__ import annotations

import random
from functools import cache

import pytest

from drill.app.feed_model import FeedModel
from drill.app.triage import GROUP, SORTS, VIEWS, Sort, View, group_row, is_claim, is_question, to_moderate
from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.models import Scenario
from drill.state import DrillState


@cache
def gas() -> Scenario:
    return load_scenario(shipped_dir() / "gasslukt-torget.yaml").scenario


def played(seed: int) -> tuple[DrillEngine, FeedModel]:
    """Ninety minutes of the gas drill with random single replies, group replies and hides."""
    engine = DrillEngine(gas(), seed)
    model = FeedModel(engine.state, engine.start())
    rng = random.Random(seed)
    for minute in range(2, 90, 3):
        model.apply(engine.advance_to(minute * 60))
        waiting = [i.item_id for i in engine.state.waiting() if i.is_comment]
        if not waiting:
            continue
        choice = rng.random()
        target = rng.choice(waiting)
        if choice < 0.3:
            model.apply(engine.apply(act.Reply(item=target, text="Vi ser på saken. Hilsen Kari, kommunen")))
        elif choice < 0.5:
            model.apply(engine.apply(act.GroupReply(item=target, text="Svar til alle: se nettsiden. Hilsen Kari")))
        elif choice < 0.6:
            model.apply(engine.apply(act.Hide(item=target, reason="personal_attack")))
    return engine, model


def needs_reference(state: DrillState, sort: Sort) -> list[str]:
    """One row per group with a member waiting (its single member when only one waits) and one
    per waiting item in no group, ordered by the member that stands for the row."""
    order = {item_id: n for n, item_id in enumerate(state.items)}
    rows: dict[str, tuple[float, int]] = {}
    for item in state.waiting():
        group = state.group_of(item.item_id)
        if group is None or group.count < 2:
            rows[item.item_id] = (float(item.reach) if sort == "reach" else item.t, order[item.item_id])
        else:
            members = list(group.waiting)
            member = members[0] if sort == "oldest" else members[-1]
            rank = float(state.items[member].reach) if sort == "reach" else state.items[member].t
            rows[group_row(group.group_id)] = (rank, order[member])
    return sorted(rows, key=lambda row: rows[row], reverse=sort != "oldest")


def items_reference(state: DrillState, view: View, sort: Sort) -> list[str]:
    kind = {"questions": is_question, "claims": is_claim, "moderate": to_moderate}[view]
    chosen = [i for i in state.items.values() if kind(i)]
    if sort == "reach":
        spreading = sorted((i for i in chosen if i.reach > 0), key=lambda i: (-i.reach, i.t))
        rest = [i for i in reversed(chosen) if i.reach == 0]
        return [i.item_id for i in spreading + rest]
    ordered = [i.item_id for i in chosen]
    return ordered[::-1] if sort == "newest" else ordered


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("sparse", [0, 10**9], ids=["listed-from-groups", "walked-from-comments"])
def test_every_view_lists_what_the_account_says_in_order(seed: int, sparse: int, monkeypatch) -> None:  # noqa: ANN001
    """Both ways of listing the needs view (from its groups when rows are few for many waiting
    comments, walked from the waiting comments otherwise) list the same rows."""
    monkeypatch.setattr("drill.app.triage.SPARSE", sparse)
    engine, model = played(seed)
    state = engine.state
    assert any(isinstance(r, str) and r.startswith(GROUP) for r in needs_reference(state, "newest"))
    for sort in SORTS:
        model.choose(view="needs", sort=sort)
        assert list(model.rows) == needs_reference(state, sort), sort
        assert len(model.rows) == len(needs_reference(state, sort))
        for view in ("questions", "claims", "moderate"):
            model.choose(view=view, sort=sort)
            assert list(model.rows) == items_reference(state, view, sort), (view, sort)


def test_rows_read_in_part_agree_with_rows_read_whole() -> None:
    engine, model = played(3)
    for view in VIEWS:
        for sort in SORTS:
            model.choose(view=view, sort=sort)
            whole = list(model.rows)
            model.choose(view=view, sort=sort)  # fresh rows, read from the far end first
            rows = model.rows
            assert len(rows) == len(whole)
            if whole:
                assert rows[-1] == whole[-1] and rows[0] == whole[0] and rows[: 5] == whole[:5]
            for index in (0, len(whole) // 2, len(whole) - 1):
                if whole:
                    model.choose(view=view, sort=sort)
                    assert model.row_index(whole[index]) == index
            model.choose(view=view, sort=sort)
            assert model.row_index("no-such-row") == -1 and model.row_index(group_row("g-none")) == -1


def test_an_answered_row_leaves_the_needs_view_at_once() -> None:
    engine, model = played(4)
    model.choose(view="needs", sort="newest")
    top = model.rows[0]
    item = top.removeprefix(GROUP + "g-") if top.startswith(GROUP) else top
    action = act.GroupReply if top.startswith(GROUP) else act.Reply
    model.apply(engine.apply(action(item=item, text="Her er svaret. Hilsen Kari, kommunen")))
    assert model.row_index(top) == -1 and top not in model.rows
    assert list(model.rows) == needs_reference(engine.state, "newest")


def test_the_longest_wait_stays_exact_when_old_comments_are_shown_again() -> None:
    """The account keeps its waiting items oldest first, so the longest wait is read at once;
    a hidden old comment shown again waits again in its place."""
    engine, model = played(5)
    state = engine.state
    rng = random.Random(5)
    hidden: list[str] = []
    for _ in range(12):
        waiting = [i.item_id for i in state.waiting() if i.is_comment]
        if hidden and rng.random() < 0.5:
            engine.apply(act.Unhide(item=hidden.pop(rng.randrange(len(hidden)))))
        elif waiting:
            target = waiting[0] if rng.random() < 0.5 else rng.choice(waiting)
            engine.apply(act.Hide(item=target, reason="personal_attack"))
            hidden.append(target)
        expected = state.now - min(i.t for i in state.waiting()) if state.waiting() else None
        assert state.oldest_waiting() == expected
        assert DrillState.from_events(engine.events).oldest_waiting(state.now) == expected

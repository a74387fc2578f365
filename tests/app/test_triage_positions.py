"""The feed's rows and a row's position, kept up tick after tick, agree with a fresh rebuild.

The console finds the selected row by its position in rows rebuilt on every tick (read at an
index and looked up at once, not walked); under a storm of new comments on top, with replies,
moderation and official posts in between, that position must stay exactly where a model built
from scratch out of the same events puts it, in every view and order.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from drill.app.feed_model import FeedModel
from drill.app.triage import SORTS, VIEWS
from drill.engine.actions import Delete, GroupReply, Hide, OfficialPost, Reply, Restore, Unhide
from drill.engine.engine import ActionRejected
from drill.live import LiveDrill
from drill.scenario import parse_scenario
from drill.scenario.models import DeletionReason

STORM = """
id: test-storm
title: Kommentarstorm
language: nb
kind: crisis
municipality: {name: Prøve kommune, followers: 5000, official_link: https://prove.kommune.no/krise,
               places: [Torget, Sentrum, Havna]}
starts: 2026-11-03T10:00:00+01:00
duration: 2h
team: ["Kari, kommunikasjonsavdelingen"]
injects:
  - {id: first, at: 0s, text: "Hva skjer i sentrum?", labels: {kind: question}}
  - id: rumour
    at: 30s
    text: "Hørte at det er giftig gass i hele sentrum, og at de lyver for oss!"
    labels: {kind: rumour}
    spread: {share_probability: 0.05, seeds: 3}
streams:
  - id: storm
    from: 1s
    to: 2h
    rate: {per_minute: 40}
    mix: {question: 0.5, complaint: 0.2, rumour: 0.1, chatter: 0.1, praise: 0.05, attack: 0.05}
"""


def _act(live: LiveDrill, rng: random.Random) -> None:
    """One thing a team might do now: answer, answer a group, moderate, undo, or post."""
    state = live.state
    waiting = [item.item_id for item in state.waiting()]
    items = list(state.items.values())
    choice = rng.randrange(7)
    try:
        if choice in (0, 1) and waiting:
            live.act(Reply(item=rng.choice(waiting), text="Takk, vi sjekker dette nå."))
        elif choice == 2 and waiting:
            live.act(GroupReply(item=rng.choice(waiting), text="Vi oppdaterer siden jevnlig."))
        elif choice == 3 and items:
            live.act(Hide(item=rng.choice(items).item_id, reason=DeletionReason.usaklig))
        elif choice == 4:
            hidden = [i.item_id for i in items if i.visibility == "hidden"]
            if hidden:
                live.act(Unhide(item=rng.choice(hidden)))
        elif choice == 5 and items:
            if rng.random() < 0.5:
                live.act(Delete(item=rng.choice(items).item_id, reason=DeletionReason.other, note="Brudd på reglene"))
            else:
                deleted = [i.item_id for i in items if i.visibility == "deleted"]
                if deleted:
                    live.act(Restore(item=rng.choice(deleted)))
        elif choice == 6:
            live.act(OfficialPost(text=f"Oppdatering {rng.randrange(100)}: vi følger situasjonen."))
    except ActionRejected:
        pass  # e.g. hiding what is hidden: the engine refuses, the drill goes on


def _agree(kept: FeedModel, fresh: FeedModel, rng: random.Random, selected: dict[str, str]) -> None:
    """Every view and order: same rows, each row found where it is, rows read at an index."""
    assert kept.counts() == fresh.counts()
    for view in VIEWS:
        for sort in SORTS:
            kept.choose(view=view, sort=sort)
            fresh.choose(view=view, sort=sort)
            # Look up before listing, as the feed does after a tick (the selection first).
            key = f"{view}/{sort}"
            if key in selected:
                row = selected[key]
                expected = fresh.row_index(row)
                assert kept.row_index(row) == expected, (key, row)
            length = len(kept.rows)
            probes = [rng.randrange(length) for _ in range(5)] if length else []
            read = {index: kept.rows[index] for index in probes}
            listed = list(fresh.rows)
            assert len(listed) == length, key
            for index, row in read.items():
                assert row == listed[index], (key, index)
            assert list(kept.rows) == listed, key
            assert [kept.row_index(row) for row in listed] == list(range(length)), key
            assert kept.row_index("no-such-row") == -1
            if listed:
                selected[key] = rng.choice(listed)


@pytest.mark.parametrize("seed", [3, 17, 2026])
def test_positions_after_many_updates_match_a_fresh_rebuild(
        tmp_path: Path, fake_spread: Callable[..., object], seed: int) -> None:
    rng = random.Random(seed)
    loaded = parse_scenario(STORM, str(tmp_path / "storm.yaml"))
    live = LiveDrill.create(loaded, tmp_path / "storm.db", seed=seed, spread_factory=fake_spread)  # type: ignore[arg-type]
    kept = FeedModel(live.state)
    live.listeners.append(kept.apply)
    selected: dict[str, str] = {}
    t = 0.0
    for step in range(40):
        t += rng.uniform(5, 90)
        live.advance_to(t)
        for _ in range(rng.randrange(4)):
            _act(live, rng)
        if step % 4 == 3:
            _agree(kept, FeedModel(live.state, live.engine.events), rng, selected)
    _agree(kept, FeedModel(live.state, live.engine.events), rng, selected)
    assert len(live.state.official_posts) > 0 and live.state.waiting_count > 0
    live.close()


def test_a_selected_row_sinks_by_the_rows_landing_above_it(tmp_path: Path, fake_spread: Callable[..., object]) -> None:
    """Newest first, a row keeps its place below the rows that arrived since it was selected."""
    loaded = parse_scenario(STORM, str(tmp_path / "storm.yaml"))
    live = LiveDrill.create(loaded, tmp_path / "storm.db", seed=5, spread_factory=fake_spread)  # type: ignore[arg-type]
    model = FeedModel(live.state)
    live.listeners.append(model.apply)
    live.advance_to(600)
    for view in ("all", "questions"):
        model.choose(view=view, sort="newest")
        row, before = model.rows[3], len(model.rows)
        assert model.row_index(row) == 3
        live.advance_to(live.state.now + 300)
        model.choose(view=view, sort="newest")
        landed = len(model.rows) - before
        assert landed > 0 and model.row_index(row) == 3 + landed
        assert model.rows[3 + landed] == row
    live.close()

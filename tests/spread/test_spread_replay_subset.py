"""A replay of only what a rumour touched gives the reach a replay of the whole drill gives."""

from __future__ import annotations

import math

from drill.engine.spread import SpreadSimulation, build_audience, replay_reach
from drill.engine.spread.counterfactual import rumour_impacts, touched_by
from drill.engine.spread.simulation import StartRecord

AUDIENCE = build_audience("powerlaw_cluster", 4000, 10, 3, followers=1200)
HOUR = 3600.0


def full_replay(history: list, item_id: str, until: float) -> int:
    """The old way: every record of the drill, in time order."""
    sim = SpreadSimulation(AUDIENCE, 5)
    for record in sorted(history, key=lambda r: r.at):
        sim.advance(record.at)
        if isinstance(record, StartRecord):
            sim.replay(record)
        else:
            sim.stop(record.item_id, at=record.at)
    sim.advance(until)
    return sim.reach(item_id)


def drill() -> SpreadSimulation:
    sim = SpreadSimulation(AUDIENCE, 5)
    sim.start("chatter", at=0.0, role="neutral", seeds=4)
    sim.start("bomb", at=60.0, role="rumour", seeds=2, influential=True)
    sim.start("water", at=120.0, role="rumour", share_probability=0.1, seeds=3)
    sim.advance(600.0)
    sim.start("r0001", at=600.0, role="correction", corrects=["bomb"], key="reply:bomb@10")
    sim.start("p001", at=600.0, role="correction", corrects=["bomb", "water"])
    sim.start("news", at=600.0, role="neutral", share_probability=0.05)
    sim.advance(1500.0)
    sim.stop("p001", at=1500.0)
    sim.stop("chatter", at=1500.0)
    sim.advance(HOUR)
    return sim


def test_touched_records_are_the_rumour_and_its_corrections() -> None:
    history = list(drill().history)
    assert {r.item_id for r in touched_by(history, "bomb")} == {"bomb", "r0001", "p001"}
    assert {r.item_id for r in touched_by(history, "water")} == {"water", "p001"}


def test_subset_replay_equals_the_full_replay_and_the_live_drill() -> None:
    sim = drill()
    history = list(sim.history)
    for item_id in ("bomb", "water", "r0001", "p001", "news", "chatter"):
        assert replay_reach(AUDIENCE, 5, history, item_id, HOUR) == full_replay(history, item_id, HOUR) == sim.reach(item_id)


def test_end_of_drill_impacts_are_linear_and_agree_with_full_replays() -> None:
    sim = drill()
    history = list(sim.history)
    seen: list[tuple[int, int]] = []
    impacts = {i.rumour_id: i for i in sim.counterfactuals(HOUR, progress=lambda d, n: seen.append((d, n)))}
    assert seen == [(1, 2), (2, 2)]
    without = [r for r in history if r.item_id not in ("r0001", "p001")]
    assert impacts["bomb"].without_correction == full_replay(without, "bomb", HOUR)
    assert impacts["bomb"].actual == sim.reach("bomb") <= impacts["bomb"].without_correction
    assert impacts["bomb"].corrected_at == 600.0
    assert impacts["water"].with_earlier_correction <= impacts["water"].actual
    results = rumour_impacts(AUDIENCE, 5, history, {"bomb": 1, "water": 2}, HOUR)
    assert [r.actual_reach for r in results] == [1, 2] and all(math.isfinite(r.horizon) for r in results)

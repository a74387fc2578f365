"""Counterfactual replays that read the drill's own corrections, moved, give what fresh replays give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drill.engine.spread import SpreadSimulation, build_audience
from drill.engine.spread.counterfactual import rumour_impacts

AUDIENCE = build_audience("powerlaw_cluster", 4000, 10, 3, followers=1500)


@settings(max_examples=12, deadline=None)
@given(
    seed=st.integers(0, 1000),
    corrections=st.lists(st.tuples(st.integers(1, 40), st.sampled_from(["page", "seeded"])), min_size=1, max_size=3),
    stop=st.booleans(),
)
def test_moved_corrections_read_from_the_drill_equal_fresh_replays(seed: int, corrections: list, stop: bool) -> None:
    sim = SpreadSimulation(AUDIENCE, seed)
    starts = sorted((60.0 * minute, kind, k) for k, (minute, kind) in enumerate(corrections))
    sim.start("rumour", at=0.0, role="rumour", share_probability=0.12, seeds=3)
    t = 0.0
    for at, kind, k in starts:
        sim.advance(at)
        sim.start(f"c{k}", at=at, role="correction", corrects=["rumour"],
                  seeds=[k + 1] if kind == "seeded" else None, key=f"answer-{k}")
    if stop:  # a stopped correction is replayed, not moved
        sim.stop("c0", at=sim.now + 300.0)
    t = sim.now
    while t < 5400.0:
        t += 60.0
        sim.advance(t)
    reused = sim.counterfactuals(t, earlier_by=600.0)
    actual = {"rumour": sim.reach("rumour")}
    fresh = rumour_impacts(AUDIENCE, seed, sim.history, actual, t, earlier_by=600.0)
    assert [(r.actual, r.without_correction, r.with_earlier_correction) for r in reused] == [
        (r.actual_reach, r.reach_without_correction, r.reach_with_earlier_correction) for r in fresh
    ]

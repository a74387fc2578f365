"""The counterfactual chart's three time series come from the spread model's own replays:
the curves are read while the replay runs, end at the totals the report states, and a
correction (earlier or not) can only keep the curve at or below the run without it."""

from __future__ import annotations

from drill.engine.impact import rumour_impacts as recorded_impacts
from drill.engine.spread import SpreadSimulation, build_audience, replay_reach
from drill.engine.spread.counterfactual import curve_times, replay_curve, rumour_impacts

AUDIENCE = build_audience("powerlaw_cluster", 3000, 10, 3, followers=900)
HOUR = 3600.0


def drill() -> SpreadSimulation:
    sim = SpreadSimulation(AUDIENCE, 11)
    sim.start("bomb", at=60.0, role="rumour", seeds=2, influential=True)
    sim.start("water", at=300.0, role="rumour", share_probability=0.1, seeds=3)
    sim.advance(900.0)
    sim.start("reply-1", at=900.0, role="correction", corrects=["bomb"], key="reply:bomb@15")
    sim.advance(HOUR)
    return sim


def test_sampling_the_replay_leaves_its_result_alone_and_matches_shorter_replays() -> None:
    history = list(drill().history)
    times = curve_times(60.0, HOUR, samples=12)
    final, curve = replay_curve(AUDIENCE, 11, history, "bomb", HOUR, samples=times)
    assert final == replay_reach(AUDIENCE, 11, history, "bomb", HOUR)
    assert [t for t, _ in curve] == times
    assert [n for _, n in curve] == sorted(n for _, n in curve), "reach never falls"
    # The value at each sample is the reach of a replay that stops there.
    for t, n in curve[::4]:
        assert n == replay_reach(AUDIENCE, 11, history, "bomb", t)


def test_counterfactual_curves_end_at_the_totals_and_stay_ordered() -> None:
    sim = drill()
    actual = {"bomb": sim.reach("bomb"), "water": sim.reach("water")}
    results = {r.rumour_id: r for r in rumour_impacts(AUDIENCE, 11, list(sim.history), actual, HOUR,
                                                       earlier_by=600.0, target=1200.0)}
    bomb, water = results["bomb"], results["water"]
    assert bomb.curve_without_correction[-1] == (HOUR, bomb.reach_without_correction)
    assert bomb.curve_with_earlier_correction[-1] == (HOUR, bomb.reach_with_earlier_correction)
    pairs = zip(bomb.curve_without_correction, bomb.curve_with_earlier_correction)
    assert all(t1 == t2 and without >= earlier for (t1, without), (t2, earlier) in pairs)
    # Never corrected: the drill was the run without a correction; only the hypothetical one is replayed.
    assert water.corrected_at is None and water.curve_without_correction == ()
    assert water.curve_with_earlier_correction[-1][1] == water.reach_with_earlier_correction


def test_the_recorded_event_carries_the_curves() -> None:
    sim = drill()
    events = {e.item_id: e for e in recorded_impacts(sim, HOUR, earlier_by=600.0, target=1200.0)}
    bomb = events["bomb"]
    assert bomb.without_curve and bomb.without_curve[-1][1] == bomb.without_correction
    assert bomb.earlier_curve and bomb.earlier_curve[-1][1] == bomb.with_earlier_correction

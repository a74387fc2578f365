"""Kernels against answers known in closed form, and against a plain event-queue reference."""

from __future__ import annotations

import heapq
import math

import networkx as nx
import numpy as np
import pytest

from drill.engine.spread import CascadeParams, from_networkx, independent_cascade, sir
from drill.engine.spread.csr import CSRGraph
from drill.engine.spread.draws import ItemDraws, hash_uniform
from drill.engine.spread.kernel import Cascade

RUNS = 4000


def _mean_and_tolerance(sizes: list[int]) -> tuple[float, float]:
    sizes = np.asarray(sizes, dtype=float)
    return float(sizes.mean()), 4.5 * float(sizes.std(ddof=1)) / math.sqrt(sizes.size)


def _path(n: int) -> CSRGraph:
    return from_networkx(nx.path_graph(n))[0]


def _star(leaves: int) -> CSRGraph:
    return from_networkx(nx.star_graph(leaves))[0]


@pytest.mark.parametrize("p", [0.3, 0.7])
def test_ic_on_a_path_reaches_sum_of_powers_of_p(p: float) -> None:
    n = 12
    expected = sum(p**k for k in range(n))
    mean, tol = _mean_and_tolerance([independent_cascade(_path(n), p, [0], 1, r).final_size for r in range(RUNS)])
    assert abs(mean - expected) < tol
    assert tol < 0.08 * expected


def test_ic_on_a_path_activates_node_k_in_generation_k() -> None:
    for run in range(50):
        outcome = independent_cascade(_path(10), 0.8, [0], 3, run)
        assert np.array_equal(outcome.nodes, np.arange(outcome.final_size))
        assert np.array_equal(outcome.times, np.arange(outcome.final_size, dtype=float))


def test_ic_from_the_centre_of_a_star_reaches_one_plus_n_minus_one_p() -> None:
    leaves, p = 30, 0.2
    mean, tol = _mean_and_tolerance([independent_cascade(_star(leaves), p, [0], 2, r).final_size for r in range(RUNS)])
    assert abs(mean - (1 + leaves * p)) < tol


def test_ic_from_a_leaf_of_a_star_must_pass_the_centre() -> None:
    leaves, p = 30, 0.4
    expected = 1 + p * (1 + (leaves - 1) * p)
    mean, tol = _mean_and_tolerance([independent_cascade(_star(leaves), p, [1], 4, r).final_size for r in range(RUNS)])
    assert abs(mean - expected) < tol


def test_ic_on_a_binary_tree_reaches_sum_of_two_p_to_the_depth() -> None:
    depth, p = 6, 0.45
    tree = from_networkx(nx.balanced_tree(2, depth))[0]
    expected = sum((2 * p) ** k for k in range(depth + 1))
    mean, tol = _mean_and_tolerance([independent_cascade(tree, p, [0], 5, r).final_size for r in range(RUNS)])
    assert abs(mean - expected) < tol


def test_sir_on_a_path_transmits_with_probability_tau_over_tau_plus_gamma() -> None:
    tau, gamma, n = 2.0, 1.0, 10
    t = tau / (tau + gamma)
    mean, tol = _mean_and_tolerance([sir(_path(n), tau, gamma, [0], 6, r).final_size for r in range(RUNS)])
    assert abs(mean - sum(t**k for k in range(n))) < tol


def test_sir_from_the_centre_of_a_star_shares_one_recovery_clock() -> None:
    """Mean is linear (1 + n T); the variance shows the leaves' fates are correlated."""
    tau, gamma, leaves = 0.5, 1.0, 40
    sizes = np.array([sir(_star(leaves), tau, gamma, [0], 7, r).final_size for r in range(RUNS)], float)
    t = tau / (tau + gamma)
    mean, tol = _mean_and_tolerance(sizes.tolist())
    assert abs(mean - (1 + leaves * t)) < tol
    # With a shared Exp(gamma) infectious period: P(two given leaves infected) = tau^2 * 2 / ((tau+gamma)(2tau+gamma)).
    pair = 2 * tau * tau / ((tau + gamma) * (2 * tau + gamma))
    variance = leaves * t * (1 - t) + leaves * (leaves - 1) * (pair - t * t)
    assert abs(sizes.var(ddof=1) / variance - 1) < 0.12


def test_adoptions_do_not_depend_on_the_delays_under_common_draws() -> None:
    """Who adopts is decided by the arc coins alone; delays only decide when."""
    graph = from_networkx(nx.barabasi_albert_graph(800, 3, seed=2))[0]
    draws = ItemDraws.for_item(9, "same-item")
    results = []
    for delay in ("constant", "exponential", "lognormal"):
        cascade = Cascade(graph, CascadeParams(share_probability=0.25, delay=delay, mean_delay=60.0), draws)
        cascade.add_sharers(np.array([0, 5]), 0.0)
        cascade.run_until(math.inf)
        results.append(cascade.shares.finite()[0])
    assert results[0].size > 50
    assert all(np.array_equal(results[0], r) for r in results[1:])


def _reference_ic(graph, params, draws, seeds, at, stop_at=math.inf, correction_seen=None, correction_stop=math.inf):
    """Event-queue independent cascade with delays, written without any vectorisation."""
    n = graph.num_nodes
    share = [math.inf] * n
    seen = [math.inf] * n
    queue = [(at, s) for s in seeds]
    for s in seeds:
        seen[s] = min(seen[s], at)
    heapq.heapify(queue)
    p, damp = params.share_probability, params.dampening
    while queue:
        t, u = heapq.heappop(queue)
        if t >= share[u] or t > stop_at:
            continue
        share[u] = t
        for arc in range(int(graph.indptr[u]), int(graph.indptr[u + 1])):
            v = int(graph.indices[arc])
            a = np.array([arc])
            arrive = t + float(draws.exponential(a, params.mean_delay)[0])
            if arrive > stop_at:
                continue
            seen[v] = min(seen[v], arrive)
            coin = float(draws.share_uniform(a)[0])
            corrected = correction_seen is not None and correction_seen[v] <= min(arrive, correction_stop)
            if coin < p * (damp if corrected else 1.0) and arrive < share[v]:
                heapq.heappush(queue, (arrive, v))
    return np.array(share), np.array(seen)


@pytest.mark.parametrize("independent", [False, True], ids=["fix-in-rounds", "fix-settled-whole"])
@pytest.mark.parametrize("cadence", [None, 45.0, 300.0])
def test_competing_cascades_match_an_event_queue_reference_exactly(cadence, independent) -> None:
    graph = from_networkx(nx.powerlaw_cluster_graph(600, 3, 0.3, seed=4))[0]
    params = CascadeParams(share_probability=0.35, mean_delay=120.0, dampening=0.1)
    fix_draws, rumour_draws = ItemDraws.for_item(1, "fix"), ItemDraws.for_item(1, "rumour")
    fix_stop, rumour_stop = 3000.0, 2400.0

    fix = Cascade(graph, params, fix_draws, independent=independent)
    fix.add_sharers(np.array([7]), 300.0)
    fix.stop(fix_stop)

    def dampened(nodes, times):
        return fix.seen_times().get(nodes) <= np.minimum(times, fix.stop_at)

    rumour = Cascade(graph, params, rumour_draws, dampened=dampened)
    rumour.add_sharers(np.array([0]), 0.0)
    rumour.stop(rumour_stop)
    steps = [math.inf] if cadence is None else list(np.arange(cadence, 4000.0, cadence)) + [math.inf]
    for to in steps:
        fix.run_until(to)
        rumour.run_until(to)

    ref_fix_share, ref_fix_seen = _reference_ic(graph, params, fix_draws, [7], 300.0, fix_stop)
    ref_share, ref_seen = _reference_ic(
        graph, params, rumour_draws, [0], 0.0, rumour_stop, ref_fix_seen, fix_stop
    )
    for cascade, share, seen, stop in ((fix, ref_fix_share, ref_fix_seen, fix_stop), (rumour, ref_share, ref_seen, rumour_stop)):
        nodes, times = cascade.shares.finite()
        assert np.array_equal(nodes, np.flatnonzero(np.isfinite(share)))
        assert np.allclose(times, share[nodes])
        seen_nodes, seen_times = cascade.seen_times().finite()
        seen_nodes, seen_times = seen_nodes[seen_times <= stop], seen_times[seen_times <= stop]
        assert np.array_equal(seen_nodes, np.flatnonzero(seen <= stop))
        assert np.allclose(seen_times, seen[seen_nodes])
    assert np.isfinite(ref_share).sum() > 30, "the rumour must actually spread for this to test anything"
    assert (ref_fix_seen[np.isfinite(ref_seen)] < ref_seen[np.isfinite(ref_seen)]).any(), "competition must bite"


def test_keyed_draws_are_uniform_and_independent_between_items() -> None:
    counters = np.arange(200_000)
    a = ItemDraws.for_item(3, "a").share_uniform(counters)
    b = ItemDraws.for_item(3, "b").share_uniform(counters)
    assert np.all((a > 0) & (a < 1))
    hist = np.histogram(a, bins=20, range=(0, 1))[0]
    chi2 = float(((hist - a.size / 20) ** 2 / (a.size / 20)).sum())
    assert chi2 < 45  # 19 degrees of freedom: p < 0.001
    assert abs(np.corrcoef(a, b)[0, 1]) < 0.01
    assert abs(np.corrcoef(a[:-1], a[1:])[0, 1]) < 0.01
    assert not np.array_equal(a, ItemDraws.for_item(4, "a").share_uniform(counters))
    assert np.array_equal(a, hash_uniform(ItemDraws.for_item(3, "a").share, counters))


def test_counts_at_infinity_leave_out_people_never_reached() -> None:
    """Dense per-node times store +inf for everyone not reached; they must not be counted."""
    graph = from_networkx(nx.barabasi_albert_graph(3000, 2, seed=1))[0]
    for track_seen in (False, True):
        cascade = Cascade(graph, CascadeParams(share_probability=0.3), ItemDraws.for_item(2, "x"), track_seen=track_seen)
        cascade.add_sharers(np.array([0]), 0.0)
        cascade.run_until(math.inf)
        adopted = cascade.shares.finite()[0].size
        assert 100 < adopted < 3000 - 100  # big enough to go dense, small enough to leave people out
        assert cascade.share_count(math.inf) == adopted
        assert cascade.reach_count(math.inf) == cascade.seen_times().finite()[0].size


def test_a_correction_settled_whole_has_the_times_of_the_bucket_rounds_bit_for_bit() -> None:
    """Page exposure and authors, on an audience big enough to use sparse times first: the
    whole-cascade settling of a correction must give exactly the times, counts and last event
    that the bucket rounds give (the same sums, not merely close ones)."""
    from drill.engine.spread import build_audience

    audience = build_audience("barabasi_albert", 80_000, 10, 3)
    params = CascadeParams(share_probability=0.05, mean_delay=180.0, bucket_width=3600.0)
    followers = np.arange(0, audience.num_nodes, 7)
    for key in ("a", "b"):
        draws = ItemDraws.for_item(5, key)
        feed = followers[hash_uniform(draws.seeds, followers) < 0.1]
        results = []
        for independent in (False, True):
            cascade = Cascade(audience.graph, params, draws, independent=independent)
            cascade.add_page_exposure(feed, 120.0)
            cascade.add_sharers(np.array([3, 9]), 300.0)
            for to in (1000.0, 3600.0, math.inf):
                cascade.run_until(to)
            results.append((*cascade.shares.finite(), *cascade.seen_times().finite(), cascade.latest_event,
                            cascade.share_count(4000.0), cascade.reach_count(5000.0)))
        (*arrays_a, last_a, shares_a, reach_a), (*arrays_b, last_b, shares_b, reach_b) = results
        assert arrays_a[0].size > 500, "the correction must spread for this to test anything"
        assert all(np.array_equal(a, b) for a, b in zip(arrays_a, arrays_b))
        assert (last_a, shares_a, reach_a) == (last_b, shares_b, reach_b)


def test_only_a_cascade_without_competition_is_settled_whole() -> None:
    graph = _path(5)
    draws = ItemDraws.for_item(1, "x")
    with pytest.raises(ValueError):
        Cascade(graph, CascadeParams(), draws, independent=True, dampened=lambda n, t: np.zeros(n.size, bool))
    with pytest.raises(ValueError):
        Cascade(graph, CascadeParams(model="sir", transmission_rate=1.0), draws, independent=True)

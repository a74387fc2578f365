"""The benchmark compares like with like: its numpy yardsticks run the same models as our kernels."""

from __future__ import annotations

import math

import numpy as np

from benchmarks.__main__ import available
from benchmarks.spread import numpy_loop_ic, numpy_loop_sir, paired_ratio, skip_ic, Contender, paired_rounds
from drill.engine.spread import build_audience, independent_cascade, sir

GRAPH = build_audience("barabasi_albert", 3000, 10, 4).graph
SEEDS = np.array([3, 30, 300, 1000, 2000])


def _agree(ours: list[int], loop: list[int]) -> None:
    a, b = np.asarray(ours, float), np.asarray(loop, float)
    se = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    assert abs(a.mean() - b.mean()) < 4 * se
    assert 4 * se < 0.05 * b.mean()


def test_ic_yardstick_runs_the_same_model() -> None:
    rng = np.random.default_rng(0)
    _agree(
        [independent_cascade(GRAPH, 0.1, SEEDS, 2, r).final_size for r in range(300)],
        [numpy_loop_ic(GRAPH, 0.1, SEEDS, rng) for _ in range(300)],
    )


def test_skip_yardstick_runs_the_same_model() -> None:
    rng = np.random.default_rng(1)
    _agree(
        [independent_cascade(GRAPH, 0.1, SEEDS, 2, r).final_size for r in range(300)],
        [skip_ic(GRAPH, 0.1, SEEDS, rng) for _ in range(300)],
    )


def test_paired_rounds_interleave_and_pair_the_ratio() -> None:
    order: list[str] = []
    fast = Contender("fast", lambda r: r, lambda r: order.append("fast") or 1)
    slow = Contender("slow", lambda r: r, lambda r: order.append("slow") or 2)
    assert paired_rounds([fast, slow], 4) == 4
    # one warm-up each, then rounds with the order rotated
    assert order == ["fast", "slow", "fast", "slow", "slow", "fast", "fast", "slow", "slow", "fast"]
    assert fast.sizes == [1] * 4 and len(slow.sim_s) == 4
    ratio = paired_ratio(slow, fast)
    assert ratio["min"] <= ratio["median"] <= ratio["max"] and len(ratio["rounds"]) == 4


def test_sir_yardstick_runs_the_same_model() -> None:
    rng = np.random.default_rng(0)
    _agree(
        [sir(GRAPH, 0.2, 1.0, SEEDS, 2, r).final_size for r in range(300)],
        [numpy_loop_sir(GRAPH, 0.2, 1.0, SEEDS, rng) for _ in range(300)],
    )


def test_runner_finds_the_spread_benchmark() -> None:
    assert "spread" in available()


def test_a_batch_runs_consecutive_run_numbers_and_keeps_every_final_size() -> None:
    runs: list[int] = []
    batched = Contender("batched", lambda r: r, lambda r: runs.append(r) or r, batch=3)
    paired_rounds([batched], 2)
    assert runs[3:] == [0, 1, 2, 3, 4, 5]  # after the warm-up's three
    assert batched.sizes == [0, 1, 2, 3, 4, 5] and len(batched.sim_s) == 2


def test_a_peer_that_would_not_fit_the_budget_is_not_measured_and_says_why() -> None:
    from benchmarks.spread import Budget, PeerEstimate, _section, _targets

    tracker = PeerEstimate()
    tracker.record(1000, 50.0, 10.0)  # 50 s a run at 1,000 nodes: far beyond a 1 s budget at 3,000
    called: list[str] = []
    rows = _section("IC", {3000: GRAPH}, lambda size: called.append("networkx"),
                    lambda g, s, r: independent_cascade(g, 0.1, s, 1, r).final_size, None,
                    "NDlib", lambda g, s, r: called.append("setup"), lambda m: 0, 3, tracker, Budget(1.0))
    row = rows["3000"]
    assert called == [] and "not measured" in row["peer_skipped"] and "speedup_vs_peer" not in row
    checks = _targets({"100000": row}, {}, None, None)
    assert all(c["met"] is None for c in checks)


def test_the_runner_collects_targets_and_checks_with_one_verdict_word() -> None:
    from benchmarks.__main__ import targets_table, verdict

    rows = targets_table({"a": {"targets": [{"name": "x", "target": "<= 1", "measured": "2", "met": False}]},
                          "b": {"checks": [{"name": "y", "target": ">= 1", "measured": "2", "met": True}]},
                          "c": {"targets": [{"name": "z", "target": "<= 1", "measured": "-", "met": None}]}})
    assert [(r["benchmark"], verdict(r["met"])) for r in rows] == [("a", "NO"), ("b", "met"), ("c", "not measured")]


def test_quick_contenders_get_one_batch_that_fills_a_round() -> None:
    import time as clock

    from benchmarks.spread import ROUND_S

    ours = Contender("ours", lambda r: r, lambda r: 1, batchable=True)
    yardstick = Contender("yardstick", lambda r: r, lambda r: clock.sleep(0.01) or 1, batchable=True)
    peer = Contender("peer", lambda r: r, lambda r: 1)
    paired_rounds([ours, yardstick, peer], 1)
    assert ours.batch == yardstick.batch and 1 < ours.batch <= ROUND_S / 0.01 + 1
    assert peer.batch == 1 and len(ours.sizes) == ours.batch

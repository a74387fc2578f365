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

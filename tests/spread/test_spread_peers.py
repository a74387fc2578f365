"""Statistical agreement with the reference implementations on the same graphs.

Final sizes are compared by their means: the difference must lie within
4 combined standard errors. Seeding ten nodes keeps the final-size spread
narrow enough that a wrong model (say p off by a fifth) fails clearly.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from drill.engine.spread import build_audience, independent_cascade, sir, to_networkx

Z = 4.0


def _compare(ours: list[int], theirs: list[int]) -> None:
    a, b = np.asarray(ours, float), np.asarray(theirs, float)
    se = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    assert abs(a.mean() - b.mean()) < Z * se, (a.mean(), b.mean(), se)
    # Guard against a vacuous pass: the interval must be tight relative to the mean.
    assert Z * se < 0.1 * b.mean()


def _seeds(num_nodes: int) -> list[int]:
    return np.random.default_rng(12).choice(num_nodes, 10, replace=False).tolist()


@pytest.mark.parametrize(
    ("model", "nodes", "degree", "p", "runs"),
    [("barabasi_albert", 600, 6, 0.15, 400), ("watts_strogatz", 500, 6, 0.3, 300)],
)
def test_independent_cascade_agrees_with_ndlib(model: str, nodes: int, degree: int, p: float, runs: int) -> None:
    pytest.importorskip("six", reason="ndlib imports six without declaring it")
    ep = pytest.importorskip("ndlib.models.epidemics")
    mc = pytest.importorskip("ndlib.models.ModelConfig")
    graph = build_audience(model, nodes, degree, 3).graph
    seeds = _seeds(nodes)
    nx_graph = to_networkx(graph)

    theirs = []
    for run in range(runs):
        model_ = ep.IndependentCascadesModel(nx_graph, seed=run)
        config = mc.Configuration()
        config.add_model_initial_configuration("Infected", seeds)
        for edge in nx_graph.edges():
            config.add_edge_configuration("threshold", edge, p)
        model_.set_initial_status(config)
        while True:
            status = model_.iteration(node_status=False)["node_count"]
            if status[1] == 0:
                break
        theirs.append(status[2])
    ours = [independent_cascade(graph, p, seeds, 8, run).final_size for run in range(4 * runs)]
    _compare(ours, theirs)


@pytest.mark.parametrize(("model", "tau", "gamma"), [("barabasi_albert", 0.2, 1.0), ("districts", 0.3, 1.0)])
def test_continuous_sir_agrees_with_eon_fast_sir(model: str, tau: float, gamma: float) -> None:
    eon = pytest.importorskip("EoN")
    nodes, runs = 700, 300
    graph = build_audience(model, nodes, 8, 5).graph
    seeds = _seeds(nodes)
    nx_graph = to_networkx(graph)
    rng = np.random.default_rng(77)
    theirs = [int(eon.fast_SIR(nx_graph, tau, gamma, initial_infecteds=seeds, rng=rng)[3][-1]) for _ in range(runs)]
    ours = [sir(graph, tau, gamma, seeds, 9, run).final_size for run in range(runs)]
    _compare(ours, theirs)


def test_sir_epidemic_duration_agrees_with_eon() -> None:
    """Not only how many but how fast: the time of the last recovery-free infection."""
    eon = pytest.importorskip("EoN")
    graph = build_audience("barabasi_albert", 800, 8, 6).graph
    seeds = _seeds(800)
    nx_graph = to_networkx(graph)
    rng = np.random.default_rng(3)
    theirs = []
    for _ in range(300):
        t, s, i, r = eon.fast_SIR(nx_graph, 0.25, 1.0, initial_infecteds=seeds, rng=rng)
        # Time by which half of the eventual infections have happened.
        infected = s[0] - s
        theirs.append(float(t[np.searchsorted(infected, infected[-1] / 2)]))
    ours = []
    for run in range(300):
        times = np.sort(sir(graph, 0.25, 1.0, seeds, 4, run).times)
        infected = np.arange(1, times.size + 1) - len(seeds)
        ours.append(float(times[np.searchsorted(infected, infected[-1] / 2)]))
    a, b = np.asarray(ours), np.asarray(theirs)
    se = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    assert abs(a.mean() - b.mean()) < Z * se
    assert Z * se < 0.15 * b.mean()

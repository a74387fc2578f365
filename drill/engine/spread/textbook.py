"""Textbook diffusion models run through the drill's own kernel.

These exist so the kernel can be validated against the reference
implementations (NDlib's IndependentCascadesModel, EoN's fast_SIR) and
benchmarked against them: same model, same parameters, same graph.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .csr import CSRGraph
from .draws import ItemDraws
from .kernel import Cascade, CascadeParams


@dataclass(frozen=True)
class CascadeOutcome:
    """Who was activated (infected) and when; times are generations for IC."""

    nodes: np.ndarray
    times: np.ndarray

    @property
    def final_size(self) -> int:
        return int(self.nodes.size)


def _run(graph: CSRGraph, params: CascadeParams, seeds: Iterable[int], seed: int, run: int) -> CascadeOutcome:
    draws = ItemDraws.for_item(seed, f"textbook-{params.model}-{run}")
    # Textbook runs are never replayed against each other, so IC may draw geometric skips.
    cascade = Cascade(graph, params, draws, track_seen=False, expect_large=True, keyed=params.model != "ic")
    cascade.add_sharers(np.fromiter(seeds, dtype=np.int64), 0.0)
    cascade.run_until(math.inf)
    nodes, times = cascade.shares.finite()
    return CascadeOutcome(nodes=nodes, times=times)


def independent_cascade(
    graph: CSRGraph, p: float, seeds: Iterable[int], seed: int, run: int = 0
) -> CascadeOutcome:
    """Discrete-generation independent cascade: every edge is tried once with probability p.

    Generation k is time k (a constant unit delay), which is exactly
    NDlib's iteration structure.
    """
    params = CascadeParams(model="ic", share_probability=p, delay="constant", mean_delay=1.0)
    return _run(graph, params, seeds, seed, run)


def sir(
    graph: CSRGraph, tau: float, gamma: float, seeds: Iterable[int], seed: int, run: int = 0
) -> CascadeOutcome:
    """Continuous-time Markovian SIR: rate tau per edge, recovery rate gamma (EoN's fast_SIR)."""
    params = CascadeParams(model="sir", transmission_rate=tau, recovery_rate=gamma)
    return _run(graph, params, seeds, seed, run)

"""The audience of a municipality page: who follows it, and who their friends are.

The scenario's ``audience: {model, nodes, mean_degree, seed, ...}`` maps onto
``build_audience`` keyword for keyword, so the scenario model can pass its
mapping straight through.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import generators
from .csr import CSRGraph

MODELS = ("barabasi_albert", "powerlaw_cluster", "watts_strogatz", "districts")
MIN_NODES = 10
MAX_NODES = 10_000_000


@dataclass(frozen=True, eq=False)
class Audience:
    """The graph plus the page's followers (sorted node ids).

    Followers are the people who see the page's own posts in their feeds; the
    rest of the graph is their friends, reached only through shares.
    """

    graph: CSRGraph
    followers: np.ndarray
    model: str
    seed: int

    @property
    def num_nodes(self) -> int:
        return self.graph.num_nodes


def build_audience(
    model: str,
    nodes: int,
    mean_degree: int,
    seed: int,
    *,
    followers: int | None = None,
    m: int | None = None,
    triangle_probability: float = 0.3,
    k: int | None = None,
    rewire_probability: float = 0.1,
    districts: int = 8,
    mixing: float = 0.1,
) -> Audience:
    """Build a seeded, deterministic audience graph.

    ``mean_degree`` fixes the density for every model (m = mean_degree / 2 for
    the preferential models, k = mean_degree for the small world); the model
    parameters may override it (``districts`` is the number of groups of the
    "districts" model). ``followers`` defaults to a quarter of the
    audience; they are drawn uniformly, seeded separately from the edges so
    changing the follower count does not reshape the network.
    """
    if model not in MODELS:
        raise ValueError(f"unknown audience model {model!r}; expected one of {', '.join(MODELS)}")
    if not MIN_NODES <= nodes <= MAX_NODES:
        raise ValueError(f"audience nodes must be between {MIN_NODES} and {MAX_NODES}, got {nodes}")
    if mean_degree < 2:
        raise ValueError(f"mean_degree must be at least 2, got {mean_degree}")
    if mean_degree >= nodes:
        raise ValueError(f"mean_degree ({mean_degree}) must be below the number of nodes ({nodes})")

    if model == "barabasi_albert":
        graph = generators.barabasi_albert(nodes, m or max(1, round(mean_degree / 2)), seed)
    elif model == "powerlaw_cluster":
        graph = generators.powerlaw_cluster(
            nodes, m or max(1, round(mean_degree / 2)), triangle_probability, seed
        )
    elif model == "watts_strogatz":
        even = k if k is not None else max(2, 2 * round(mean_degree / 2))
        graph = generators.watts_strogatz(nodes, even, rewire_probability, seed)
    else:
        graph = generators.districts(nodes, mean_degree, seed, groups=districts, mixing=mixing)

    count = nodes // 4 if followers is None else followers
    if not 1 <= count <= nodes:
        raise ValueError(f"followers must be between 1 and the number of nodes, got {count}")
    rng = np.random.default_rng([int(seed), 0x666F6C6C])
    chosen = np.sort(rng.choice(nodes, size=count, replace=False)).astype(np.int32)
    return Audience(graph=graph, followers=chosen, model=model, seed=int(seed))

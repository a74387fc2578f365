"""Questions about an audience that are asked once, not in the hot loop.

Degree statistics and influential "local profiles" come straight from the CSR
arrays (cheap at any size); community detection goes through networkx, which
is only sensible for audiences up to a few hundred thousand nodes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .csr import CSRGraph, to_networkx

COMMUNITY_NODE_LIMIT = 200_000


@dataclass(frozen=True)
class DegreeSummary:
    nodes: int
    edges: int
    mean: float
    median: float
    p99: float
    maximum: int


def degree_summary(graph: CSRGraph) -> DegreeSummary:
    degrees = graph.degrees()
    return DegreeSummary(
        nodes=graph.num_nodes,
        edges=graph.num_edges,
        mean=float(degrees.mean()),
        median=float(np.median(degrees)),
        p99=float(np.percentile(degrees, 99)),
        maximum=int(degrees.max(initial=0)),
    )


def influential_nodes(graph: CSRGraph, count: int) -> np.ndarray:
    """The ``count`` highest-degree nodes, best first; ties go to the lower id.

    High-degree nodes stand in for local profiles (a popular local figure, a
    community group admin) whose post reaches far; scenarios seed rumours there.
    """
    if count < 0:
        raise ValueError(f"count must be non-negative, got {count}")
    degrees = graph.degrees()
    order = np.lexsort((np.arange(degrees.size), -degrees))
    return order[:count].astype(np.int32)


def communities(graph: CSRGraph, seed: int) -> np.ndarray:
    """Community id per node: the generator's own groups if it has them, else Louvain.

    Louvain needs the networkx graph, so large audiences without built-in
    groups are refused rather than silently taking minutes.
    """
    if graph.communities is not None:
        return graph.communities
    if graph.num_nodes > COMMUNITY_NODE_LIMIT:
        raise ValueError(
            f"community detection is limited to {COMMUNITY_NODE_LIMIT} nodes "
            f"(got {graph.num_nodes}); use the 'districts' model for built-in groups"
        )
    import networkx as nx  # only here: importing it costs every drill's start about 0.15 s

    parts = nx.community.louvain_communities(to_networkx(graph), seed=seed)
    labels = np.empty(graph.num_nodes, dtype=np.int32)
    for index, part in enumerate(sorted(parts, key=lambda p: (-len(p), min(p)))):
        labels[list(part)] = index
    return labels

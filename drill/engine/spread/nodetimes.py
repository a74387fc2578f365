"""Per-node event times that stay small for small cascades.

A drill runs hundreds of items; most citizen posts reach a handful of people.
A dense float array per item would cost 8 MB each on a million-node audience,
so times start as sorted sparse arrays and switch to a dense array only once
the cascade has touched a noticeable share of the audience.
"""

from __future__ import annotations

import math

import numpy as np

_DENSE_FRACTION = 32


def min_per_node(nodes: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Collapse repeated nodes to their earliest time; the result is sorted by node."""
    if nodes.size <= 1:
        return nodes, times
    order = np.lexsort((times, nodes))
    nodes, times = nodes[order], times[order]
    first = np.empty(nodes.size, dtype=bool)
    first[0] = True
    np.not_equal(nodes[1:], nodes[:-1], out=first[1:])
    return nodes[first], times[first]


class NodeTimes:
    """Earliest known time per node; absent nodes are at +inf."""

    __slots__ = ("_n", "_dense", "_keys", "_vals", "_scratch")

    def __init__(self, num_nodes: int, dense: bool = False) -> None:
        self._n = num_nodes
        self._dense: np.ndarray | None = np.full(num_nodes, np.inf) if dense else None
        self._keys = np.empty(0, dtype=np.int64)
        self._vals = np.empty(0, dtype=np.float64)
        self._scratch: np.ndarray | None = None

    def get(self, nodes: np.ndarray) -> np.ndarray:
        if self._dense is not None:
            return self._dense[nodes]
        if self._keys.size == 0:
            return np.full(nodes.shape[0], np.inf)
        pos = np.searchsorted(self._keys, nodes)
        pos_c = np.minimum(pos, self._keys.size - 1)
        hit = self._keys[pos_c] == nodes
        return np.where(hit, self._vals[pos_c], np.inf)

    def lower_many(self, nodes: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Apply candidate times (nodes may repeat); return each improved node once, with its new time.

        On the dense array this is a scatter-min (np.minimum.at), an order of
        magnitude cheaper than sorting the candidates.
        """
        if self._dense is None:
            nodes, times = min_per_node(nodes, times)
            better = self.lower(nodes, times)
            return nodes[better], times[better]
        dense = self._dense
        fresh = times < dense[nodes]
        if not fresh.all():
            nodes, times = nodes[fresh], times[fresh]
        if nodes.size == 0:
            return nodes, times
        np.minimum.at(dense, nodes, times)
        won = dense[nodes] == times
        if not won.all():
            nodes, times = nodes[won], times[won]
        # Several candidates may tie for one node; keep one of them.
        if self._scratch is None:
            self._scratch = np.empty(self._n, dtype=np.int64)
        slots = np.arange(nodes.size)
        self._scratch[nodes] = slots
        keep = self._scratch[nodes] == slots
        if not keep.all():
            nodes, times = nodes[keep], times[keep]
        return nodes, times

    def lower(self, nodes: np.ndarray, times: np.ndarray) -> np.ndarray:
        """Set each node's time to min(current, given); return the mask of nodes that improved.

        ``nodes`` must be unique (see ``min_per_node``).
        """
        if self._dense is not None:
            better = times < self._dense[nodes]
            self._dense[nodes[better]] = times[better]
            return better
        pos = np.searchsorted(self._keys, nodes)
        if self._keys.size:
            pos_c = np.minimum(pos, self._keys.size - 1)
            hit = self._keys[pos_c] == nodes
            current = np.where(hit, self._vals[pos_c], np.inf)
        else:
            pos_c = pos
            hit = np.zeros(nodes.shape[0], dtype=bool)
            current = np.full(nodes.shape[0], np.inf)
        better = times < current
        update = better & hit
        self._vals[pos_c[update]] = times[update]
        fresh = better & ~hit
        if fresh.any():
            order = np.argsort(nodes[fresh], kind="stable")
            self._keys = np.insert(self._keys, pos[fresh][order], nodes[fresh][order])
            self._vals = np.insert(self._vals, pos[fresh][order], times[fresh][order])
            if self._keys.size * _DENSE_FRACTION > self._n:
                self._densify()
        return better

    def _densify(self) -> None:
        dense = np.full(self._n, np.inf)
        dense[self._keys] = self._vals
        self._dense = dense
        self._keys = np.empty(0, dtype=np.int64)
        self._vals = np.empty(0, dtype=np.float64)

    def count_at_most(self, limit: float) -> int:
        values = self._dense if self._dense is not None else self._vals
        if math.isinf(limit) and limit > 0:
            return int(np.count_nonzero(np.isfinite(values)))  # absent nodes are +inf too
        return int(np.count_nonzero(values <= limit))

    def finite(self) -> tuple[np.ndarray, np.ndarray]:
        """All nodes with a finite time, sorted by node id."""
        if self._dense is not None:
            nodes = np.flatnonzero(np.isfinite(self._dense))
            return nodes, self._dense[nodes]
        return self._keys.copy(), self._vals.copy()

    @property
    def nbytes(self) -> int:
        if self._dense is not None:
            return int(self._dense.nbytes)
        return int(self._keys.nbytes + self._vals.nbytes)

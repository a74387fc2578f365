"""Compact undirected graphs as CSR arrays.

The hot loops only ever ask "who are the neighbours of these nodes", so an
audience is kept as two flat arrays (indptr, indices) instead of a networkx
graph: a million-node audience costs tens of megabytes instead of gigabytes,
and a whole frontier's neighbourhoods are gathered with one vectorised slice.
networkx stays the tool for building small graphs and for analysis, via the
converters below.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # networkx is imported where it is used: a drill never needs it
    import networkx as nx

_SHIFT = np.int64(32)


@dataclass(frozen=True, eq=False)
class CSRGraph:
    """An undirected simple graph: both arcs of every edge stored, no self-loops.

    Arc ``e`` (a position in ``indices``) is the directed pair
    ``(source_of(e), indices[e])``; arc positions are the counters the
    common-random-number streams are keyed by.
    """

    indptr: np.ndarray
    indices: np.ndarray
    communities: np.ndarray | None = field(default=None)

    @property
    def num_nodes(self) -> int:
        return int(self.indptr.shape[0] - 1)

    @property
    def num_arcs(self) -> int:
        return int(self.indices.shape[0])

    @property
    def num_edges(self) -> int:
        return self.num_arcs // 2

    def degrees(self) -> np.ndarray:
        return np.diff(self.indptr)

    def neighbours(self, node: int) -> np.ndarray:
        return self.indices[self.indptr[node] : self.indptr[node + 1]]

    @property
    def nbytes(self) -> int:
        extra = 0 if self.communities is None else self.communities.nbytes
        return int(self.indptr.nbytes + self.indices.nbytes + extra)


def edges_to_csr(
    sources: np.ndarray,
    targets: np.ndarray,
    num_nodes: int,
    communities: np.ndarray | None = None,
) -> CSRGraph:
    """Symmetrise, drop self-loops and duplicates, and pack into CSR.

    Generators may emit duplicates and loops; cleaning them in one sort here
    keeps every generator simple and guarantees a simple graph downstream.
    """
    src = np.asarray(sources)
    dst = np.asarray(targets)
    # (head << 32) | tail sorts arcs by head then tail; built in place to keep
    # the peak at one int64 per arc.
    half = src.shape[0]
    keys = np.empty(2 * half, dtype=np.int64)
    keys[:half] = src
    keys[half:] = dst
    keys <<= _SHIFT
    keys[:half] |= dst
    keys[half:] |= src
    return pack_arc_keys(keys, num_nodes, communities)


_PACK_CHUNK = 1 << 22


def pack_arc_keys(keys: np.ndarray, num_nodes: int, communities: np.ndarray | None = None) -> CSRGraph:
    """Sort arc keys ``(head << 32) | tail`` and pack them into CSR, in the keys' own memory.

    ``keys`` is consumed: it is sorted in place, loops and repeats are dropped chunk by
    chunk, and the tails are written as int32 into the front of the same buffer, which is
    then shrunk to them. The peak is the keys themselves plus one chunk, which is what lets
    a 10M-node audience (100M arcs, 800 MB of keys) be built in well under 1.5 GB.
    """
    if keys.dtype != np.int64 or not keys.flags.c_contiguous or not keys.flags.owndata:
        keys = np.array(keys, dtype=np.int64)  # a private buffer we may overwrite and shrink
    keys.sort()
    total = keys.size
    # Each key is two int32 halves; which comes first in memory depends on the byte order.
    tail_at = 0 if sys.byteorder == "little" else 1
    tails = keys.view(np.int32)
    degrees = np.zeros(num_nodes + 1, dtype=np.int64)  # degrees[h + 1]: arcs kept from node h
    kept = 0
    previous = -1
    chunk = halves = keep = tail = head = None
    for first in range(0, total, _PACK_CHUNK):
        chunk = keys[first : first + _PACK_CHUNK]
        halves = chunk.view(np.int32)
        tail, head = halves[tail_at::2], halves[1 - tail_at :: 2]
        keep = np.not_equal(tail, head)  # no self-loops
        keep[0] &= bool(chunk[0] != previous)
        keep[1:] &= chunk[1:] != chunk[:-1]  # no repeats
        previous = int(chunk[-1])
        if not keep.all():
            tail, head = tail[keep], head[keep]
        if tail.size:
            # Sorted by head: the chunk's heads are one range, counted in one small bincount.
            low, high = int(head[0]), int(head[-1])
            degrees[low + 1 : high + 2] += np.bincount(head - low, minlength=high - low + 1)
            # Written at or before this chunk's own first int32 slot, never over keys still to
            # read (numpy buffers the copy where it overlaps the chunk itself).
            tails[kept : kept + tail.size] = tail
            kept += tail.size
    del tails, chunk, halves, keep, tail, head  # views of the buffer must be gone before it is resized
    keys.resize(((kept + 1) // 2,), refcheck=False)
    indices = keys.view(np.int32)[:kept]
    index_dtype = np.int32 if kept < np.iinfo(np.int32).max else np.int64
    return CSRGraph(indptr=np.cumsum(degrees).astype(index_dtype), indices=indices, communities=communities)


def from_networkx(graph: "nx.Graph") -> tuple[CSRGraph, list]:
    """Convert a networkx graph; returns the CSR graph and the node labels by index."""
    labels = list(graph.nodes())
    position = {label: i for i, label in enumerate(labels)}
    if graph.number_of_edges():
        pairs = np.array([(position[u], position[v]) for u, v in graph.edges()], dtype=np.int64)
    else:
        pairs = np.empty((0, 2), dtype=np.int64)
    return edges_to_csr(pairs[:, 0], pairs[:, 1], len(labels)), labels


def to_networkx(graph: CSRGraph) -> "nx.Graph":
    """Build the equivalent networkx graph (nodes 0..n-1) for analysis and peer models."""
    import networkx as nx

    result = nx.Graph()
    result.add_nodes_from(range(graph.num_nodes))
    heads = np.repeat(np.arange(graph.num_nodes), graph.degrees())
    upper = heads < graph.indices
    result.add_edges_from(zip(heads[upper].tolist(), graph.indices[upper].tolist()))
    return result


def arcs_of(graph: CSRGraph, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All arc positions leaving ``nodes`` and the running end offset of each node's arcs.

    This is the vectorised "for u in frontier: for v in neighbours(u)": one
    np.repeat over the CSR slices instead of a Python loop. Which node an arc
    came from is recovered with ``arc_owner`` only where it is needed.
    """
    starts = graph.indptr[nodes].astype(np.int64)
    counts = graph.indptr[nodes + 1].astype(np.int64) - starts
    ends = np.cumsum(counts)
    total = int(ends[-1]) if ends.size else 0
    if total == 0:
        return np.empty(0, dtype=np.int64), ends
    arcs = np.arange(total, dtype=np.int64)
    arcs -= np.repeat(ends - counts - starts, counts)
    return arcs, ends


def arc_owner(ends: np.ndarray, positions: np.ndarray | None = None) -> np.ndarray:
    """Index into the frontier of the node each arc (by position in ``arcs_of``'s output) leaves."""
    if positions is None:
        counts = ends.copy()
        counts[1:] -= ends[:-1]
        return np.repeat(np.arange(ends.size), counts)
    return np.searchsorted(ends, positions, side="right")

"""Per-node event times that stay small for small cascades, and counts that cost what changed.

A drill runs hundreds of items; most citizen posts reach a handful of people.
A dense float array per item would cost 8 MB each on a million-node audience,
so times start as sorted sparse arrays and switch to a dense array only once
the cascade has touched a noticeable share of the audience. On a small audience
(a town's few tens of thousands) a dense array costs less than the sparse
bookkeeping, so there every item starts dense.

Counting "how many nodes by time t" is asked every reach tick for every item. A
full scan each time made 200 official posts on a 30k audience cost seconds of
counting alone, so counts are kept incrementally: every improved (node, time) is
logged, and a count only looks at the log since the previous count. That relies on
what the kernel guarantees (once it has settled up to time h, no time at or below h
changes any more); a query that breaks it falls back to a full scan. A count told that
guarantee's horizon checks the logged entries up to it once, into one sorted array of
final times, so the counts of a cascade settled an hour ahead (a correction) are one
binary search per reach tick until the next hour.
"""

from __future__ import annotations

import math
import threading

import numpy as np

_DENSE_FRACTION = 32
SMALL_AUDIENCE = 1 << 16
"""Up to this many nodes (512 KB per float array) every NodeTimes starts dense."""

_scratch = threading.local()
_NO_TIMES = np.empty(0, dtype=np.float64)


def scratch_for(n: int) -> np.ndarray:
    """One int64 scratch array per audience size and thread, shared by every item's times.

    It only carries values within one ``lower_many`` call, so sharing it is safe on one
    thread; the counterfactual worker runs on its own thread and gets its own.
    """
    buffers: dict[int, np.ndarray] = getattr(_scratch, "buffers", None) or {}
    _scratch.buffers = buffers
    buffer = buffers.get(n)
    if buffer is None:
        buffers.clear()  # one audience at a time is the rule; do not hoard old ones
        buffer = buffers[n] = np.empty(n, dtype=np.int64)
    return buffer


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

    __slots__ = ("_n", "_dense", "_keys", "_vals", "_log", "_ahead", "_ready", "_final", "_count", "_count_limit",
                 "_rescan")

    def __init__(self, num_nodes: int, dense: bool = False) -> None:
        self._n = num_nodes
        dense = dense or num_nodes <= SMALL_AUDIENCE
        self._dense: np.ndarray | None = np.full(num_nodes, np.inf) if dense else None
        self._keys = np.empty(0, dtype=np.int64)
        self._vals = np.empty(0, dtype=np.float64)
        self._log: list[tuple[np.ndarray, np.ndarray]] = []
        # Logged entries beyond the last count, as (times sorted, their nodes) chunks: a count
        # only reads each chunk's due prefix, so entries far ahead cost nothing per count.
        self._ahead: list[tuple[np.ndarray, np.ndarray]] = []
        # Checked final times above the last count (sorted), and the horizon they cover.
        self._ready = _NO_TIMES
        self._final = -math.inf
        self._count = 0
        self._count_limit = -math.inf
        # Nothing is logged until the first count (a full scan): a cascade nobody counts,
        # such as a textbook run, keeps no log at all.
        self._rescan = True

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
        if (times == times[0]).all():
            # One time for all (a generation of a constant-delay cascade): every fresh
            # candidate wins, and a plain assignment does what the scatter-min would.
            dense[nodes] = times
        else:
            np.minimum.at(dense, nodes, times)
            won = dense[nodes] == times
            if not won.all():
                nodes, times = nodes[won], times[won]
        # Several candidates may tie for one node; keep one of them.
        if nodes.size > 1:
            scratch = scratch_for(self._n)
            slots = np.arange(nodes.size)
            scratch[nodes] = slots
            keep = scratch[nodes] == slots
            if not keep.all():
                nodes, times = nodes[keep], times[keep]
        self._note(nodes, times)
        return nodes, times

    def lower_all(self, nodes: np.ndarray, times: np.ndarray) -> None:
        """``lower_many`` without saying which nodes improved (a whole cascade's sightings at once).

        On the dense array one scatter-min; the next count then counts afresh.
        """
        if self._dense is None:
            self.lower_many(nodes, times)
            return
        np.minimum.at(self._dense, nodes, times)
        if not self._rescan:
            self._rescan, self._log = True, []

    def claim(self, nodes: np.ndarray, at: float) -> np.ndarray:
        """Nodes (may repeat) not yet at or before ``at`` take time ``at``; each is returned once.

        The one-time-for-all case of ``lower_many`` (a generation of a constant-delay
        cascade), with nothing to compare but the time itself.
        """
        if self._dense is None:
            return self.lower_many(nodes, np.full(nodes.size, at))[0]
        dense = self._dense
        nodes = nodes[dense[nodes] > at]
        if nodes.size > 1:
            # Repeats are told apart in the times array itself (each candidate writes its own
            # slot number; one write per node survives), which keeps the working set to one
            # array on a large audience; the survivors then take the time.
            slots = np.arange(nodes.size, dtype=np.float64)
            dense[nodes] = slots
            nodes = nodes[dense[nodes] == slots]
        dense[nodes] = at
        if nodes.size and not self._rescan:
            if at <= self._final:
                self._rescan, self._log = True, []
            else:
                self._log.append((nodes, np.full(nodes.size, at)))
        return nodes

    def lower(self, nodes: np.ndarray, times: np.ndarray) -> np.ndarray:
        """Set each node's time to min(current, given); return the mask of nodes that improved.

        ``nodes`` must be unique (see ``min_per_node``).
        """
        if self._dense is not None:
            better = times < self._dense[nodes]
            self._dense[nodes[better]] = times[better]
            self._note(nodes[better], times[better])
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
        self._note(nodes[better], times[better])
        return better

    def _note(self, nodes: np.ndarray, times: np.ndarray) -> None:
        if nodes.size == 0 or self._rescan:
            return
        if float(times.min()) <= self._final:
            self._rescan, self._log = True, []  # a time taken as final moved: count afresh
            return
        self._log.append((nodes, times))

    def expect(self, count: int) -> None:
        """About ``count`` candidate times are coming at once: go dense first if they would make it so.

        Sorting millions of candidates for the sparse arrays costs more than the dense array.
        """
        if self._dense is None and count * _DENSE_FRACTION > self._n:
            self._densify()

    def _densify(self) -> None:
        dense = np.full(self._n, np.inf)
        dense[self._keys] = self._vals
        self._dense = dense
        self._keys = np.empty(0, dtype=np.int64)
        self._vals = np.empty(0, dtype=np.float64)

    def count_at_most(self, limit: float, final: float = -math.inf) -> int:
        """Nodes with a time at or below ``limit``.

        ``final`` (at least ``limit``) is a horizon the caller guarantees no time at or below
        will change any more: entries up to it are checked once and then cost nothing.
        """
        final = max(final, limit)
        if self._rescan or limit < self._count_limit:
            # Count afresh, and keep what lies above the limit so later counts can go on from here.
            nodes, times = self.finite()
            due = times <= limit
            self._count = int(np.count_nonzero(due))
            self._log, self._ahead, self._ready = [], [], _NO_TIMES
            self._rescan = False
            self._count_limit = self._final = limit
            later = ~due
            nodes, times = nodes[later], times[later]
            if final > limit:  # current times, so nothing to check: sort the final ones
                now = times <= final
                self._ready, self._final = np.sort(times[now]), final
                later = ~now
                nodes, times = nodes[later], times[later]
            self._keep_ahead(nodes, times)
        checked: list[np.ndarray] = []
        if self._log:
            if len(self._log) == 1:
                nodes, times = self._log[0]
            else:
                nodes = np.concatenate([n for n, _ in self._log])
                times = np.concatenate([t for _, t in self._log])
            self._log = []
            if final > self._final:
                # What is final already needs no order by time until it is checked: sort the
                # checked times only (a settled hour of a correction is all of its log).
                now = times <= final
                if now.all():
                    checked.append(times[self.get(nodes) == times])
                    nodes = times = _NO_TIMES
                elif now.any():
                    head, head_nodes = times[now], nodes[now]
                    checked.append(head[self.get(head_nodes) == head])
                    later = ~now
                    nodes, times = nodes[later], times[later]
            self._keep_ahead(nodes, times)
        if final > self._final:
            # Entries now final: each is counted once, when it is still the node's time (a node
            # lowered again has a newer entry of its own). Later ones all lie above the earlier
            # horizon, so the checked times stay one sorted array.
            still = []
            for times, nodes in self._ahead:
                cut = int(np.searchsorted(times, final, side="right"))
                if cut:
                    head = times[:cut]
                    checked.append(head[self.get(nodes[:cut]) == head])
                if cut < times.size:
                    still.append((times[cut:], nodes[cut:]))
            self._ahead = still
            if checked:
                fresh = np.sort(checked[0] if len(checked) == 1 else np.concatenate(checked))
                self._ready = np.concatenate((self._ready, fresh)) if self._ready.size else fresh
            self._final = final
        cut = int(np.searchsorted(self._ready, limit, side="right"))
        if cut:
            self._count += cut
            self._ready = self._ready[cut:]
        self._count_limit = limit
        return self._count

    def _keep_ahead(self, nodes: np.ndarray, times: np.ndarray) -> None:
        if nodes.size:
            order = np.argsort(times, kind="stable")
            self._ahead.append((times[order], nodes[order]))

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

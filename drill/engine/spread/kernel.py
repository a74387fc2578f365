"""One item's cascade in continuous simulated time, on CSR arrays.

Both models are first-passage processes over the arcs of the audience:

* ``ic`` (independent cascade with delays): when u shares at time t, every
  neighbour v sees the item at t + D(u, v); v also shares (adopts) if the
  arc's coin U(u, v) < p. A v that has already seen a competing correction
  adopts only if U(u, v) < p * dampening, but still sees the item.
* ``sir`` (continuous-time Markovian SIR, as EoN's fast_SIR): u stays active
  for R(u) ~ Exp(gamma) and transmits to v after E(u, v) ~ Exp(tau) if
  E(u, v) < R(u). A corrected v keeps a transmission only with probability
  ``dampening``.

All D, U, E, R come from the item's keyed hash streams (``draws``), so a node's
times are a deterministic function of the seeds, the stop time and the
competing corrections, whatever the order or cadence of ``run_until`` calls.

Processing is delta-stepping: pending adoptions wait in a pool and are taken
one time bucket of width ``bucket_width`` at a time (the bucket of the
earliest pending adoption); a bucket is settled by vectorised label-correcting
rounds (expand the whole frontier at once with np.repeat over CSR slices). The
correction check is made when an adoption is settled, not when it is
scheduled, because only then are the correction's times up to that moment
final.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .csr import CSRGraph, arc_owner, arcs_of
from .draws import ItemDraws, bits_threshold
from .nodetimes import NodeTimes, min_per_node, scratch_for

MODELS = ("ic", "sir")
DELAYS = ("exponential", "lognormal", "constant")

# Given (nodes, times) of pending adoptions, says which are dampened because
# the node had already seen a competing correction at that time.
DampenedFn = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class CascadeParams:
    """How one item spreads. Times are in seconds of simulated time for drills."""

    model: str = "ic"
    share_probability: float = 0.05
    delay: str = "exponential"
    mean_delay: float = 180.0
    delay_sigma: float = 1.0
    transmission_rate: float = 0.0
    recovery_rate: float = 1.0
    dampening: float = 0.1
    bucket_width: float | None = None

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"unknown cascade model {self.model!r}; expected one of {MODELS}")
        if self.delay not in DELAYS:
            raise ValueError(f"unknown delay {self.delay!r}; expected one of {DELAYS}")
        if not 0.0 <= self.share_probability <= 1.0:
            raise ValueError(f"share_probability must be in [0, 1], got {self.share_probability}")
        if not 0.0 <= self.dampening <= 1.0:
            raise ValueError(f"dampening must be in [0, 1], got {self.dampening}")
        if self.mean_delay <= 0 or self.delay_sigma <= 0:
            raise ValueError("mean_delay and delay_sigma must be positive")
        if self.model == "sir" and (self.transmission_rate < 0 or self.recovery_rate <= 0):
            raise ValueError("sir needs transmission_rate >= 0 and recovery_rate > 0")
        if self.bucket_width is not None and self.bucket_width <= 0:
            raise ValueError(f"bucket_width must be positive, got {self.bucket_width}")

    @property
    def width(self) -> float:
        """Bucket width: about two typical hops.

        Results do not depend on it (buckets only order the work). Half a hop kept label
        corrections rare, but on a town-sized audience the cost is the number of rounds, not
        their size: 200 official posts on a 30k audience ran in 4.9 s instead of 7.5 s with
        two hops per bucket, and a 1M-node drill took the same time either way.
        """
        if self.bucket_width is not None:
            return self.bucket_width
        if self.model == "sir":
            return 2.0 / (self.transmission_rate + self.recovery_rate)
        return self.mean_delay if self.delay == "constant" else 2.0 * self.mean_delay


def _distinct(nodes: np.ndarray, n: int) -> np.ndarray:
    """Each of ``nodes`` (ids below ``n``, may repeat) once, in no particular order, without a sort."""
    if nodes.size <= 1:
        return nodes
    scratch = scratch_for(n)
    slots = np.arange(nodes.size)
    scratch[nodes] = slots
    return nodes[scratch[nodes] == slots]


_EMPTY_I = np.empty(0, dtype=np.int64)
_EMPTY_F = np.empty(0, dtype=np.float64)
_EMPTY_B = np.empty(0, dtype=bool)


class Cascade:
    """The settled and pending state of one item's spread."""

    def __init__(
        self,
        graph: CSRGraph,
        params: CascadeParams,
        draws: ItemDraws,
        *,
        track_seen: bool = True,
        dampened: DampenedFn | None = None,
        expect_large: bool = False,
        keyed: bool = True,
        independent: bool = False,
    ) -> None:
        self.graph = graph
        self.params = params
        self.draws = draws
        self.dampened = dampened
        self.stop_at = math.inf
        self.settled_to = -math.inf
        # A cascade expected to cover much of the graph starts with dense arrays.
        self.shares = NodeTimes(graph.num_nodes, dense=expect_large)
        self.seen: NodeTimes | None = NodeTimes(graph.num_nodes) if track_seen and params.model == "ic" else None
        self.latest_event = -math.inf
        self._width = params.width
        self._adopt_bits = bits_threshold(params.share_probability)
        self._damped_bits = bits_threshold(params.share_probability * params.dampening)
        self._pool: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._pool_min = math.inf
        # Geometric skips need no per-arc draws, only where the next success is; they are
        # exact IC but not keyed per arc, so only a cascade nothing is compared with may use them.
        self._skips: np.random.Generator | None = None
        if not keyed:
            if track_seen or dampened is not None or params.model != "ic":
                raise ValueError("only a textbook IC cascade (no sightings, no competition) may draw unkeyed")
            self._skips = np.random.Generator(np.random.PCG64(int(draws.share)))
        # A cascade nothing competes with (a correction) is settled whole on its first run.
        self._independent = independent
        if independent and (dampened is not None or params.model != "ic" or not keyed):
            raise ValueError("only a keyed IC cascade without competition can be settled whole")

    # -- inputs -------------------------------------------------------------

    def add_sharers(self, nodes: np.ndarray, at: float) -> None:
        """Nodes that share the item at ``at`` on their own (its authors)."""
        nodes = np.unique(np.asarray(nodes, dtype=np.int64))
        times = np.full(nodes.size, float(at))
        self._see(nodes, times)
        self._schedule(nodes, times, np.zeros(nodes.size, dtype=bool))

    def add_page_exposure(self, followers: np.ndarray, at: float) -> None:
        """Followers see a page post in their feed and adopt it like a friend's share.

        The page is a virtual source whose arcs are numbered after the graph's
        own, so their draws never collide with real arcs.
        """
        if self.params.model != "ic":
            raise ValueError("page posts spread with the 'ic' model only")
        followers = np.asarray(followers, dtype=np.int64)
        arcs = self.graph.num_arcs + followers
        self._schedule(*self._offer(arcs, np.full(arcs.size, float(at)), followers))

    def stop(self, at: float) -> None:
        """Nothing is seen or adopted after ``at`` (the item was deleted or hidden)."""
        self.stop_at = min(self.stop_at, float(at))

    # -- queries --------------------------------------------------------------

    def share_count(self, at: float) -> int:
        return self.shares.count_at_most(min(at, self.stop_at, self.settled_to), self.settled_to)

    def reach_count(self, at: float) -> int:
        if self.seen is None:
            return self.share_count(at)
        return self.seen.count_at_most(min(at, self.stop_at, self.settled_to), self.settled_to)

    def seen_times(self) -> NodeTimes:
        return self.seen if self.seen is not None else self.shares

    @property
    def idle(self) -> bool:
        """True when nothing is pending: no adoption or sighting can be added any more."""
        return not self._pool or self._pool_min > self.stop_at

    # -- processing -----------------------------------------------------------

    def run_until(self, horizon: float) -> None:
        """Settle every adoption at or before ``horizon`` (and before the stop time)."""
        if self._independent:
            if self._pool:
                self._settle_whole()
            self.settled_to = math.inf
            return
        limit = min(horizon, self.stop_at)
        if self._skips is not None and self.params.delay == "constant":
            self._run_generations(self._skips, limit)
        while self._pool and self._pool_min <= limit:
            parts = self._pool
            nodes, times, cond = (np.concatenate(p) for p in zip(*parts)) if len(parts) > 1 else parts[0]
            bucket_end = (math.floor(self._pool_min / self._width) + 1) * self._width
            now = (times < bucket_end) & (times <= limit)
            self._pool, self._pool_min = [], math.inf
            if not now.all():
                later = ~now
                self._schedule(nodes[later], times[later], cond[later])
                nodes, times, cond = nodes[now], times[now], cond[now]
            self._settle_bucket(bucket_end, nodes, times, cond, limit)
        self.settled_to = max(self.settled_to, horizon)

    def _settle_whole(self) -> None:
        """Every time of a cascade nothing competes with, at once, as shortest paths.

        Who shares is decided by the arc coins alone, so the sharers are what a search along
        the arcs whose coin comes up reaches from the first ones; their times are then the
        shortest delay paths over those live arcs (a few per cent of the sharers' arcs), and
        everyone else sees the item one delay after their earliest sharing neighbour. The
        times are those the bucket rounds would settle, sum for sum, but each of the sharers'
        arcs is drawn once and the correcting rounds run over the live arcs alone: 200
        official posts on a town-sized audience spent most of their time in bucket rounds
        over every arc. A stop is applied where times are read (counts and sightings are cut
        at it), as it is for a correction run ahead.
        """
        parts, self._pool, self._pool_min = self._pool, [], math.inf
        nodes, times = (np.concatenate(p) for p in list(zip(*parts))[:2]) if len(parts) > 1 else parts[0][:2]
        first, first_times = min_per_node(nodes, times)
        graph = self.graph
        reached = np.zeros(graph.num_nodes, dtype=bool)
        reached[first] = True
        frontier = first
        sources, live = [], []
        while frontier.size:
            arcs, ends = arcs_of(graph, frontier)
            if arcs.size == 0:
                break
            hit = np.flatnonzero(self.draws.share_bits(arcs) < self._adopt_bits)
            sources.append(frontier[arc_owner(ends, hit)])
            live.append(arcs[hit])
            targets = graph.indices[arcs[hit]]
            frontier = _distinct(targets[~reached[targets]], graph.num_nodes)
            reached[frontier] = True
        sharers = np.flatnonzero(reached)
        del reached
        k = sharers.size
        source = np.searchsorted(sharers, np.concatenate(sources)) if sources else _EMPTY_I
        arcs = np.concatenate(live) if live else _EMPTY_I
        target = np.searchsorted(sharers, graph.indices[arcs])
        weights = self._delays(arcs)
        share_times = np.full(k, np.inf)
        improved = np.searchsorted(sharers, first)
        share_times[improved] = first_times
        # Label-correcting rounds over the live arcs only (a few per cent of the sharers' arcs
        # for a correction): each round relaxes the arcs out of the sharers whose time just
        # improved, gathered from the live arcs packed by source.
        order = np.argsort(source, kind="stable")
        source, target, weights = source[order], target[order], weights[order]
        live_ptr = np.zeros(k + 1, dtype=np.int64)
        np.cumsum(np.bincount(source, minlength=k), out=live_ptr[1:])
        while improved.size and target.size:
            starts = live_ptr[improved]
            counts = live_ptr[improved + 1] - starts
            total = int(counts.sum())
            if total == 0:
                break
            ends = np.cumsum(counts)
            out = np.arange(total, dtype=np.int64) - np.repeat(ends - counts - starts, counts)
            to = target[out]
            offered = share_times[source[out]] + weights[out]
            better = offered < share_times[to]
            if not better.any():
                break
            to, offered = to[better], offered[better]
            np.minimum.at(share_times, to, offered)
            improved = _distinct(to, graph.num_nodes)
        self.shares.expect(k)
        self.shares.lower_many(sharers, share_times)
        # Everyone next to a sharer sees it one delay after that neighbour shares.
        arcs, ends = arcs_of(graph, sharers)
        if arcs.size and self.seen is not None:
            self.seen.expect(arcs.size)
            arrive = share_times[arc_owner(ends)] + self._delays(arcs)
            self.seen.lower_all(graph.indices[arcs], arrive)
            self.latest_event = max(self.latest_event, float(arrive.max()))
        if k:
            self.latest_event = max(self.latest_event, float(share_times.max()))

    def _run_generations(self, rng: np.random.Generator, limit: float) -> None:
        """Constant delays, no sightings, no competition: every bucket is one generation.

        All adoptions of a generation share one time, so settling is a claim of the fresh
        nodes and expanding is a run of geometric skips; the pool is not needed in between.
        Anything beyond ``limit`` goes back to the pool for a later call.
        """
        if not self._pool:
            return
        nodes, times, _ = (np.concatenate(p) for p in zip(*self._pool)) if len(self._pool) > 1 else self._pool[0]
        at = self._pool_min
        if not (times == at).all():
            return  # several start times: the general buckets sort them out
        self._pool, self._pool_min = [], math.inf
        delay = self.params.mean_delay
        while nodes.size and at <= limit:
            nodes = self.shares.claim(nodes, at)
            if nodes.size == 0:
                return
            self.latest_event = max(self.latest_event, at)
            nodes = self.graph.indices[self._skip_arcs(rng, nodes)[0]]
            at += delay
        if nodes.size:
            self._schedule(nodes, np.full(nodes.size, at), np.zeros(nodes.size, dtype=bool))

    def _skip_arcs(self, rng: np.random.Generator, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The adopting arcs out of ``nodes`` and the index of the node each leaves.

        The frontier's arcs form one virtual array (never built); its successes sit at the
        cumulative sums of Geometric(p) gaps, about p draws per arc instead of one, and a
        search over the frontier's cumulative degrees maps each back to its arc. The draws
        come in frontier order from one generator: exact IC, deterministic in the item's
        key, but not keyed per arc (see ``keyed``).
        """
        p = self.params.share_probability
        indptr = self.graph.indptr
        starts = indptr[nodes].astype(np.int64)
        degrees = indptr[nodes + 1] - starts
        ends = np.cumsum(degrees)
        total = int(ends[-1])
        if total == 0 or p <= 0.0:
            return _EMPTY_I, _EMPTY_I
        if p >= 1.0:
            positions = np.arange(total, dtype=np.int64)
        else:
            expect = total * p
            positions = np.cumsum(rng.geometric(p, int(expect + 5.0 * math.sqrt(expect + 1.0) + 8.0)))
            while positions[-1] <= total:  # rare: the batch fell short of the frontier's arcs
                positions = np.concatenate((positions, positions[-1] + np.cumsum(rng.geometric(p, positions.size))))
            positions = positions[: np.searchsorted(positions, total, side="right")]
            positions -= 1
        owner = np.searchsorted(ends, positions, side="right")
        positions += (starts - ends + degrees)[owner]  # positions are now arc ids
        return positions, owner

    def _settle_bucket(
        self, bucket_end: float, nodes: np.ndarray, times: np.ndarray, cond: np.ndarray, limit: float
    ) -> None:
        while nodes.size:
            if cond.any() and self.dampened is not None:
                check = np.flatnonzero(cond)
                drop = self.dampened(nodes[check], times[check])
                if drop.any():
                    keep = np.ones(nodes.size, dtype=bool)
                    keep[check[drop]] = False
                    nodes, times = nodes[keep], times[keep]
            nodes, times = self.shares.lower_many(nodes, times)
            if nodes.size:
                self.latest_event = max(self.latest_event, float(times.max()))
            nodes, times, cond = self._expand(nodes, times)
            here = (times < bucket_end) & (times <= limit)
            if not here.all():
                self._schedule(nodes[~here], times[~here], cond[~here])
                nodes, times, cond = nodes[here], times[here], cond[here]

    def _expand(self, nodes: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every arc out of freshly adopting nodes: record sightings, return adoptions to schedule."""
        if nodes.size == 0:
            return _EMPTY_I, _EMPTY_F, _EMPTY_B
        if self._skips is not None:
            return self._expand_skipping(self._skips, nodes, times)
        arcs, ends = arcs_of(self.graph, nodes)
        if arcs.size == 0:
            return _EMPTY_I, _EMPTY_F, _EMPTY_B
        if self.params.model == "sir":
            return self._expand_sir(nodes, times, arcs, arc_owner(ends))
        if self.seen is not None:
            return self._offer(arcs, times[arc_owner(ends)], None)
        # Without sightings to record only adopting arcs (about p of them)
        # need a source, a target and a delay, so flip the coins first.
        adopt = np.flatnonzero(self.draws.share_bits(arcs) < self._adopt_bits)
        if times[0] == times[-1] and (times == times[0]).all():
            source_times = np.full(adopt.size, times[0])  # one generation: no owner lookup needed
        else:
            source_times = times[arc_owner(ends, adopt)]
        return self._adopt(arcs[adopt], source_times, None)

    def _expand_skipping(
        self, rng: np.random.Generator, nodes: np.ndarray, times: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """IC without sightings, at several times at once: adoptions found by geometric skips."""
        arcs, owner = self._skip_arcs(rng, nodes)
        if times[0] == times[-1] and (times == times[0]).all():
            arrive = np.full(arcs.size, times[0])  # one generation: no owner lookup needed
        else:
            arrive = times[owner]
        arrive += self._delays(arcs)
        targets = self.graph.indices[arcs]
        if math.isfinite(self.stop_at):
            in_time = arrive <= self.stop_at
            targets, arrive = targets[in_time], arrive[in_time]
        # Nodes already sharing are dropped when the bucket is settled (lower_many), once.
        return targets, arrive, np.zeros(targets.size, dtype=bool)

    def _offer(
        self, arcs: np.ndarray, source_times: np.ndarray, targets: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """IC: targets see the item one delay after their source; arcs whose coin comes up adopt."""
        if targets is None:
            targets = self.graph.indices[arcs]
        arrive = source_times + self._delays(arcs)
        if math.isfinite(self.stop_at):
            in_time = np.flatnonzero(arrive <= self.stop_at)
            arcs, targets, arrive = arcs[in_time], targets[in_time], arrive[in_time]
        self._see(targets, arrive)
        adopt = np.flatnonzero(self.draws.share_bits(arcs) < self._adopt_bits)
        return self._adopt(arcs[adopt], arrive[adopt], targets[adopt], arrived=True)

    def _adopt(
        self, arcs: np.ndarray, times: np.ndarray, targets: np.ndarray | None, arrived: bool = False
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Adoptions along arcs whose coin came up; ``times`` are arrivals if ``arrived``, else source times."""
        if targets is None:
            targets = self.graph.indices[arcs]
        arrive = times if arrived else times + self._delays(arcs)
        keep = self.shares.get(targets) > arrive
        if not arrived and math.isfinite(self.stop_at):
            keep &= arrive <= self.stop_at
        kept = np.flatnonzero(keep)
        arcs, targets, arrive = arcs[kept], targets[kept], arrive[kept]
        if self.dampened is None:
            return targets, arrive, np.zeros(targets.size, dtype=bool)
        # Coins between p * dampening and p adopt only if not corrected by then.
        return targets, arrive, self.draws.share_bits(arcs) >= self._damped_bits

    def _expand_sir(
        self, nodes: np.ndarray, times: np.ndarray, arcs: np.ndarray, owner: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        params = self.params
        if params.transmission_rate == 0.0:
            return _EMPTY_I, _EMPTY_F, _EMPTY_B
        active_for = self.draws.recovery_exponential(nodes, params.recovery_rate)
        # The Exp(tau) wait -log(U)/tau beats the recovery R exactly when
        # U > exp(-tau R): the logarithm is then only needed for hits.
        u = self.draws.delay_uniform(arcs)
        hit = np.flatnonzero(u > np.exp(-params.transmission_rate * active_for)[owner])
        arcs = arcs[hit]
        targets = self.graph.indices[arcs]
        arrive = np.log(u[hit])
        arrive *= -1.0 / params.transmission_rate
        arrive += times[owner[hit]]
        keep = self.shares.get(targets) > arrive
        if math.isfinite(self.stop_at):
            keep &= arrive <= self.stop_at
        kept = np.flatnonzero(keep)
        arcs, targets, arrive = arcs[kept], targets[kept], arrive[kept]
        if self.dampened is None:
            return targets, arrive, np.zeros(targets.size, dtype=bool)
        return targets, arrive, self.draws.dampen_uniform(arcs) >= params.dampening

    def _delays(self, arcs: np.ndarray) -> np.ndarray:
        params = self.params
        if params.delay == "constant":
            return np.full(arcs.shape[0], params.mean_delay)
        if params.delay == "exponential":
            return self.draws.exponential(arcs, params.mean_delay)
        return self.draws.lognormal(arcs, params.mean_delay, params.delay_sigma)

    def _see(self, nodes: np.ndarray, times: np.ndarray) -> None:
        if self.seen is None or nodes.size == 0:
            return
        self.seen.lower_many(nodes, times)
        self.latest_event = max(self.latest_event, float(times.max()))

    def _schedule(self, nodes: np.ndarray, times: np.ndarray, cond: np.ndarray) -> None:
        """Park adoptions for later buckets; they are sorted out when their bucket comes."""
        if nodes.size == 0:
            return
        self._pool.append((nodes, times, cond))
        self._pool_min = min(self._pool_min, float(times.min()))

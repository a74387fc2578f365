"""The seam the drill engine drives: items start, stop, and reach people over time.

``SpreadSimulation`` is pure: no wall clock, no I/O, every random draw keyed by
(seed, item id). The engine calls ``advance`` at its own cadence and turns the
returned snapshots into "reach updated" events; because the draws are keyed
and the kernel computes exact first-passage times, the reach at a given
simulated time does not depend on that cadence, nor on which other items
exist, nor on the order of calls. ``history`` records every start and stop so
a report can replay the drill with changes (see ``counterfactual``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from drill.engine.spread_port import Progress, ReachSnapshot, RumourImpact

from .analysis import influential_nodes
from .audience import Audience
from .csr import CSRGraph
from .draws import ItemDraws, hash_uniform
from .kernel import Cascade, CascadeParams
from .shifted import ShiftedCascade

if TYPE_CHECKING:
    from .counterfactual import CounterfactualResult

ROLES = ("rumour", "correction", "neutral")

# Rumours travel further than ordinary posts; official corrections are shared
# less eagerly than rumours but reach the page's followers directly.
DEFAULT_SHARE_PROBABILITY: dict[str, float] = {"rumour": 0.08, "correction": 0.05, "neutral": 0.02}


RUN_AHEAD = 3600.0
"""Corrections are settled in steps of this many simulated seconds, ahead of the clock.

A step is also a correction's bucket width (results never depend on the width): the cost
of a town-sized audience is the number of label-correcting rounds, and one bucket per step
halves them. 200 official posts on the 30k gas audience spent 4.2 s in the spread model
with two-hop buckets and 2.1 s with one bucket per step, with the same reach throughout."""


@dataclass(frozen=True)
class SpreadSettings:
    """Drill-wide spread parameters; times in seconds of simulated time.

    ``mean_delay``: a few minutes between a share and a friend noticing it.
    ``dampening``: how much less likely someone who has seen a correction is
    to pass the rumour on (0.1: a tenth as likely; 1.0: no competition).
    ``page_reach``: the share of followers a page post reaches organically.
    ``transmission_rate``/``recovery_rate``: per-edge and per-person rates for
    items started with ``model="sir"``.
    """

    mean_delay: float = 180.0
    delay: str = "exponential"
    delay_sigma: float = 1.0
    dampening: float = 0.1
    page_reach: float = 0.1
    transmission_rate: float = 1.0 / 300.0
    recovery_rate: float = 1.0 / 1800.0
    bucket_width: float | None = None

    def __post_init__(self) -> None:
        if not 0.0 < self.page_reach <= 1.0:
            raise ValueError(f"page_reach must be in (0, 1], got {self.page_reach}")


@dataclass(frozen=True)
class StartRecord:
    item_id: str
    at: float
    role: str
    share_probability: float
    seeds: tuple[int, ...] | None
    corrects: tuple[str, ...]
    model: str
    key: str | None = None
    """What the item's random draws are keyed by (None: its id)."""

    @property
    def draw_key(self) -> str:
        return self.item_id if self.key is None else self.key


@dataclass(frozen=True)
class StopRecord:
    item_id: str
    at: float


HistoryRecord = StartRecord | StopRecord


@dataclass
class _Item:
    record: StartRecord
    cascade: Cascade | ShiftedCascade
    reported: tuple[int, int] = (0, 0)
    counted_at: float = -math.inf
    counts: tuple[int, int] = (0, 0)


_REUSABLE: ContextVar[tuple[SpreadSimulation, Mapping[str, _Item]] | None] = ContextVar("reusable", default=None)
"""While a drill's counterfactuals are computed: the drill and its never-stopped corrections,
which replays on the same audience, seed and settings read instead of simulating again."""


class SpreadSimulation:
    """Competing cascades of drill items on one audience."""

    def __init__(
        self,
        audience: Audience | CSRGraph,
        seed: int,
        settings: SpreadSettings | None = None,
    ) -> None:
        self.audience = audience
        if isinstance(audience, Audience):
            self.graph = audience.graph
            self.followers = audience.followers.astype(np.int64)
        else:
            self.graph = audience
            self.followers = np.arange(audience.num_nodes, dtype=np.int64)
        self.seed = int(seed)
        self.settings = settings or SpreadSettings()
        self._items: dict[str, _Item] = {}
        self._corrections_of: dict[str, list[str]] = {}
        self._now = 0.0
        self._history: list[HistoryRecord] = []
        self._influential: np.ndarray | None = None

    @property
    def now(self) -> float:
        return self._now

    @property
    def history(self) -> tuple[HistoryRecord, ...]:
        return tuple(self._history)

    def start(
        self,
        item_id: str,
        at: float,
        role: str,
        share_probability: float | None = None,
        seeds: int | Sequence[int] | None = None,
        corrects: Sequence[str] = (),
        *,
        influential: bool = False,
        model: str = "ic",
        key: str | None = None,
    ) -> None:
        """Let an item begin to spread at ``at``.

        ``seeds`` are the people who share it themselves (its authors): node
        ids, or a count of authors picked from the item id among the followers
        (among the best-connected "local profiles" with ``influential``).
        Without seeds a correction is posted on the page (a ``page_reach``
        share of the followers see it in their feed) and any other item is
        posted by one follower. ``corrects`` names the rumours a correction
        competes with. ``model`` is "ic" (delayed independent cascade) or
        "sir" (continuous-time SIR; needs seeds). ``key`` names the item's
        random draws (default: its id), so the same post made in another drill
        after other, unrelated actions meets the same draws.
        """
        if item_id in self._items:
            raise ValueError(f"item {item_id!r} has already started")
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; expected one of {ROLES}")
        if at < self._now:
            raise ValueError(f"cannot start {item_id!r} at {at}, before the current time {self._now}")
        corrects = tuple(corrects)
        if corrects and role != "correction":
            raise ValueError(f"only a correction can correct other items, {item_id!r} is a {role}")
        probability = DEFAULT_SHARE_PROBABILITY[role] if share_probability is None else share_probability
        draw_key = item_id if key is None else key
        seed_nodes: tuple[int, ...] | None
        if isinstance(seeds, (int, np.integer)):
            seed_nodes = self._pick_authors(draw_key, int(seeds), influential)
        elif seeds is None and influential:
            seed_nodes = self._pick_authors(draw_key, 1, True)
        else:
            seed_nodes = None if seeds is None else tuple(int(s) for s in seeds)
        if seed_nodes is not None and any(not 0 <= s < self.graph.num_nodes for s in seed_nodes):
            raise ValueError(f"seeds of {item_id!r} must be node ids below {self.graph.num_nodes}")
        record = StartRecord(item_id, float(at), role, float(probability), seed_nodes, corrects, model, key)
        self.replay(record)

    def replay(self, record: StartRecord) -> None:
        """Start an item exactly as a recorded start says (its authors already chosen)."""
        if record.item_id in self._items:
            raise ValueError(f"item {record.item_id!r} has already started")
        if record.at < self._now:
            raise ValueError(f"cannot start {record.item_id!r} at {record.at}, before the current time {self._now}")
        self._launch(record)  # validates the parameters before anything is recorded
        self._history.append(record)

    def stop(self, item_id: str, *, at: float) -> None:
        """The item was deleted or hidden at ``at``: nobody sees or shares it afterwards."""
        if item_id not in self._items:
            raise KeyError(f"unknown item {item_id!r}")
        if at < self._now:
            raise ValueError(f"cannot stop {item_id!r} at {at}, before the current time {self._now}")
        self._history.append(StopRecord(item_id, float(at)))
        self._items[item_id].cascade.stop(at)

    def advance(self, to: float) -> list[ReachSnapshot]:
        """Move simulated time to ``to``; report items whose reach or shares changed."""
        if to < self._now:
            raise ValueError(f"cannot advance to {to}, before the current time {self._now}")
        # Corrections first: a rumour's adoptions up to ``to`` are judged
        # against what its corrections had reached by then.
        ordered = sorted(self._items.values(), key=lambda it: it.record.role != "correction")
        ahead = math.ceil(to / RUN_AHEAD) * RUN_AHEAD if math.isfinite(to) else to
        for item in ordered:
            # A correction depends on nothing else, and a later stop only hides what comes
            # after it (counts and dampening both cut at the stop time), so it may run ahead
            # in long steps: a reach tick then costs no kernel round at all.
            item.cascade.run_until(ahead if item.record.role == "correction" else to)
        self._now = float(to)
        snapshots = []
        for item_id, item in self._items.items():
            if isinstance(item.cascade, ShiftedCascade):
                continue  # a replay reads only its rumour's reach; counting a moved one costs a scan
            counts = self._counts(item, to)
            if counts != item.reported:
                item.reported = counts
                snapshots.append(ReachSnapshot(item_id, reached=counts[0], shares=counts[1], at=float(to)))
        return snapshots

    def counterfactual(
        self, rumour_id: str, earlier_by: float = 600.0, until: float | None = None
    ) -> CounterfactualResult:
        """This drill replayed without, and with an earlier, correction of ``rumour_id``.

        Same audience, seed and settings as this simulation, so the replays
        meet the same draws; see ``counterfactual.counterfactual``.
        """
        from .counterfactual import counterfactual  # the replay module builds simulations itself

        return counterfactual(
            self.audience, self.seed, self.history, rumour_id, earlier_by, until, self.settings
        )

    def rumours_to_replay(self) -> int:
        return sum(1 for item in self._items.values() if item.record.role == "rumour")

    def counterfactuals(
        self, until: float, *, earlier_by: float = 600.0, target: float | None = None,
        progress: Progress | None = None,
    ) -> list[RumourImpact]:
        """Every rumour's reach without and with earlier corrections (see ``counterfactual.rumour_impacts``).

        Reads this simulation only (its history, graph and settings), so it may run on a
        worker thread while the drill waits for it.
        """
        from .counterfactual import rumour_impacts

        actual = {
            item_id: self._counts(item, until)[0]
            for item_id, item in self._items.items() if item.record.role == "rumour"
        }
        # The replays read this drill's own corrections where they only move them earlier.
        token = _REUSABLE.set((self, self._reusable_corrections()))
        try:
            results = rumour_impacts(
                self.audience, self.seed, self._history, actual, until, settings=self.settings,
                earlier_by=earlier_by, target=target, progress=progress,
            )
        finally:
            _REUSABLE.reset(token)
        return [
            RumourImpact(
                rumour_id=r.rumour_id, actual=r.actual_reach, without_correction=r.reach_without_correction,
                with_earlier_correction=r.reach_with_earlier_correction, corrected_at=r.corrected_at,
                earlier_by=r.earlier_by, curve_without_correction=r.curve_without_correction,
                curve_with_earlier_correction=r.curve_with_earlier_correction,
            )
            for r in results
        ]

    def reach(self, item_id: str) -> int:
        """People who have seen the item by the current time."""
        return self._counts(self._item(item_id), self._now)[0]

    def shares(self, item_id: str) -> int:
        """People who have shared the item (its authors included) by the current time."""
        return self._counts(self._item(item_id), self._now)[1]

    def seen_by(self, item_id: str) -> np.ndarray:
        """Node ids that have seen the item by the current time (for analysis and tests)."""
        cascade = self._item(item_id).cascade
        nodes, times = cascade.seen_times().finite()
        return nodes[times <= min(self._now, cascade.stop_at)]

    # -- internals -------------------------------------------------------------

    def _item(self, item_id: str) -> _Item:
        try:
            return self._items[item_id]
        except KeyError:
            raise KeyError(f"unknown item {item_id!r}") from None

    def _reusable_corrections(self) -> dict[str, _Item]:
        return {
            item_id: item for item_id, item in self._items.items()
            if item.record.role == "correction" and isinstance(item.cascade, Cascade)
            and item.cascade.stop_at == math.inf
        }

    def _reused(self, record: StartRecord) -> ShiftedCascade | None:
        """In a counterfactual replay, the drill's own correction moved earlier, if this is it."""
        context = _REUSABLE.get()
        if context is None or record.role != "correction":
            return None
        drill, corrections = context
        item = corrections.get(record.item_id)
        if (item is None or drill is self or drill.audience is not self.audience or drill.seed != self.seed
                or drill.settings != self.settings or not isinstance(item.cascade, Cascade)):
            return None
        original = item.record
        if record.at > original.at or replace(original, at=record.at) != record:
            return None
        return ShiftedCascade(item.cascade, original.at - record.at)

    def _launch(self, record: StartRecord) -> None:
        reused = self._reused(record)
        if reused is not None:
            self._items[record.item_id] = _Item(record=record, cascade=reused)
            for rumour_id in record.corrects:
                self._corrections_of.setdefault(rumour_id, []).append(record.item_id)
            return
        s = self.settings
        params = CascadeParams(
            model=record.model,
            share_probability=record.share_probability,
            delay=s.delay,
            mean_delay=s.mean_delay,
            delay_sigma=s.delay_sigma,
            transmission_rate=s.transmission_rate,
            recovery_rate=s.recovery_rate,
            dampening=s.dampening,
            bucket_width=s.bucket_width if s.bucket_width is not None or record.role != "correction" else RUN_AHEAD,
        )
        draws = ItemDraws.for_item(self.seed, record.draw_key)
        dampened = None
        if record.role != "correction":
            dampened = self._dampened_fn(record.item_id)
        # A correction competes with nothing: settled whole, as shortest paths (see the kernel).
        independent = record.role == "correction" and record.model == "ic"
        cascade = Cascade(self.graph, params, draws, dampened=dampened, independent=independent)
        if record.seeds is not None:
            cascade.add_sharers(np.array(record.seeds, dtype=np.int64), record.at)
        elif record.role == "correction":
            feed = self.followers[
                hash_uniform(draws.seeds, self.followers) < s.page_reach
            ]
            cascade.add_page_exposure(feed, record.at)
        else:
            author = self._pick_authors(record.draw_key, 1, False)
            cascade.add_sharers(np.array(author, dtype=np.int64), record.at)
        self._items[record.item_id] = _Item(record=record, cascade=cascade)
        for rumour_id in record.corrects:
            self._corrections_of.setdefault(rumour_id, []).append(record.item_id)

    def _pick_authors(self, key: str, count: int, influential: bool) -> tuple[int, ...]:
        """Choose ``count`` distinct authors from the item's draw key alone, so replays pick the same people.

        More authors than the pool holds means all of it: a scenario asking
        for 500 local profiles in a small town gets every one there is.
        """
        if count < 1:
            raise ValueError(f"seeds of {key!r} must be at least 1, got {count}")
        pool = self._influential_pool() if influential else self.followers
        count = min(count, pool.size)
        draws = ItemDraws.for_item(self.seed, key)
        order = np.argsort(hash_uniform(draws.seeds, pool), kind="stable")
        return tuple(int(x) for x in np.sort(pool[order[:count]]))

    def _influential_pool(self) -> np.ndarray:
        """The best-connected 1 % of the audience (at least ten people): its local profiles."""
        if self._influential is None:
            size = min(self.graph.num_nodes, max(10, self.graph.num_nodes // 100))
            self._influential = influential_nodes(self.graph, size).astype(np.int64)
        return self._influential

    def _dampened_fn(self, rumour_id: str):
        corrections = self._corrections_of.setdefault(rumour_id, [])
        items = self._items

        def dampened(nodes: np.ndarray, times: np.ndarray) -> np.ndarray:
            out = np.zeros(nodes.size, dtype=bool)
            for correction_id in corrections:
                correction = items[correction_id].cascade
                seen = correction.seen_times().get(nodes)
                out |= seen <= np.minimum(times, correction.stop_at)
            return out

        return dampened

    def _counts(self, item: _Item, at: float) -> tuple[int, int]:
        cascade = item.cascade
        # An idle cascade counted after its last event cannot change any more.
        if not (cascade.idle and item.counted_at >= cascade.latest_event and at >= item.counted_at):
            item.counts = (cascade.reach_count(at), cascade.share_count(at))
            item.counted_at = at
        return item.counts

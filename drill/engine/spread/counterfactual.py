"""What the team's correction was worth: the drill replayed with it removed or moved.

Replays reuse the drill's seed, so every item keeps its own keyed draws: the
rumour meets the same coin flips and delays in all three runs, and the
differences between them are caused by the correction alone. With these
common random numbers a correction can only lower a rumour's reach, and an
earlier one lowers it at least as much, run by run and not only on average.

A replay only runs what the item's reach depends on: the item itself and the
corrections that name it. A correction's cascade depends on nothing else and a
rumour's only on its own corrections, so this gives exactly the reach a replay
of the whole history would, at the cost of one rumour instead of the whole
drill. That keeps the end-of-drill counterfactuals linear in the number of
rumours (each rumour: one replay without its corrections, one with them earlier).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from .audience import Audience
from .csr import CSRGraph
from .simulation import HistoryRecord, SpreadSettings, SpreadSimulation, StartRecord

Progress = Callable[[int, int], None]
"""Called as (rumours done, rumours in all) while counterfactuals are computed."""

HYPOTHETICAL_SHARE_PROBABILITY = 0.05
"""Share probability of the correction a team never posted (a page post's default)."""

CURVE_SAMPLES = 48
"""Points on each counterfactual reach curve, from the rumour's start to the horizon."""

Curve = tuple[tuple[float, int], ...]
"""Reach over time: (simulated seconds, people who had seen the item by then)."""


@dataclass(frozen=True)
class CounterfactualResult:
    rumour_id: str
    horizon: float
    earlier_by: float
    actual_reach: int
    reach_without_correction: int
    reach_with_earlier_correction: int
    corrected_at: float | None = None
    """When the first correction of the rumour was posted (None: never corrected)."""
    curve_without_correction: Curve = ()
    """Reach over time without the corrections (empty when never corrected: the drill was that)."""
    curve_with_earlier_correction: Curve = ()
    """Reach over time with the corrections earlier (or a hypothetical one), so a report can
    draw the three runs on one time axis."""

    @property
    def prevented(self) -> int:
        """People who did not see the rumour because of the correction as it was made."""
        return self.reach_without_correction - self.actual_reach

    @property
    def missed_by_waiting(self) -> int:
        """People an earlier correction would also have kept from the rumour."""
        return self.actual_reach - self.reach_with_earlier_correction


def touched_by(history: Iterable[HistoryRecord], item_id: str) -> list[HistoryRecord]:
    """The records ``item_id``'s reach depends on: its own and those of the corrections naming it."""
    records = list(history)
    ids = {item_id} | {
        r.item_id for r in records if isinstance(r, StartRecord) and item_id in r.corrects
    }
    return [r for r in records if r.item_id in ids]


def replay_reach(
    audience: Audience | CSRGraph,
    seed: int,
    history: Iterable[HistoryRecord],
    item_id: str,
    until: float | None = None,
    settings: SpreadSettings | None = None,
) -> int:
    """Reach of ``item_id`` at ``until`` (None: once every cascade has died out)."""
    return replay_curve(audience, seed, history, item_id, until, settings)[0]


def curve_times(start: float, until: float, samples: int = CURVE_SAMPLES) -> list[float]:
    """Evenly spaced sample times from ``start`` to ``until``, both included."""
    if until <= start:
        return [float(start)]
    step = (until - start) / samples
    return [start + i * step for i in range(samples)] + [float(until)]


def replay_curve(
    audience: Audience | CSRGraph,
    seed: int,
    history: Iterable[HistoryRecord],
    item_id: str,
    until: float | None = None,
    settings: SpreadSettings | None = None,
    samples: Iterable[float] = (),
) -> tuple[int, Curve]:
    """Reach of ``item_id`` at ``until`` and at each of ``samples`` (times at or before ``until``).

    The samples are read while the replay advances (the simulation only moves forward), so
    the curve costs no second replay.
    """
    # stable: same-time records keep their order
    records = sorted(touched_by(history, item_id), key=lambda r: r.at)
    sim = SpreadSimulation(audience, seed, settings)
    horizon = math.inf if until is None else float(until)
    pending = sorted(t for t in samples if t <= horizon)
    curve: list[tuple[float, int]] = []
    started = False

    def sample_before(moment: float) -> None:
        while pending and pending[0] < moment:
            at = pending.pop(0)
            sim.advance(max(at, sim.now))
            curve.append((at, sim.reach(item_id) if started else 0))

    for record in records:
        if record.at > horizon:
            break
        sample_before(record.at)
        sim.advance(record.at)
        if isinstance(record, StartRecord):
            sim.replay(record)
            started = started or record.item_id == item_id
        else:
            sim.stop(record.item_id, at=record.at)
    sample_before(math.inf)
    sim.advance(max(horizon, sim.now))
    return (sim.reach(item_id) if started else 0), tuple(curve)


def counterfactual(
    audience: Audience | CSRGraph,
    seed: int,
    history: Iterable[HistoryRecord],
    rumour_id: str,
    earlier_by: float = 600.0,
    until: float | None = None,
    settings: SpreadSettings | None = None,
) -> CounterfactualResult:
    """Compare the rumour's reach as played, with no correction, and with it ``earlier_by`` sooner.

    The corrections considered are those that name ``rumour_id`` in
    ``corrects``. Moving one earlier never puts it before the rumour itself:
    a correction cannot answer a rumour nobody has posted yet.
    """
    records = touched_by(history, rumour_id)
    starts = {r.item_id: r for r in records if isinstance(r, StartRecord)}
    if rumour_id not in starts:
        raise KeyError(f"rumour {rumour_id!r} never started in this history")
    if earlier_by < 0:
        raise ValueError(f"earlier_by must be non-negative, got {earlier_by}")
    rumour_start = starts[rumour_id].at
    corrections = {item_id for item_id in starts if item_id != rumour_id}

    without = [r for r in records if r.item_id not in corrections]
    earlier: list[HistoryRecord] = []
    for r in records:
        # Only the posting moves; a later deletion of the correction stays where it was.
        if isinstance(r, StartRecord) and r.item_id in corrections:
            r = replace(r, at=max(rumour_start, r.at - earlier_by, 0.0))
        earlier.append(r)

    def reach(variant: list[HistoryRecord]) -> int:
        return replay_reach(audience, seed, variant, rumour_id, until, settings)

    return CounterfactualResult(
        rumour_id=rumour_id,
        horizon=math.inf if until is None else float(until),
        earlier_by=float(earlier_by),
        actual_reach=reach(records),
        reach_without_correction=reach(without),
        reach_with_earlier_correction=reach(earlier),
        corrected_at=min((r.at for i, r in starts.items() if i in corrections), default=None),
    )


def rumour_impacts(
    audience: Audience | CSRGraph,
    seed: int,
    history: Iterable[HistoryRecord],
    actual: Mapping[str, int],
    until: float,
    *,
    settings: SpreadSettings | None = None,
    earlier_by: float = 600.0,
    target: float | None = None,
    progress: Progress | None = None,
) -> list[CounterfactualResult]:
    """Every rumour of a drill: its reach without its corrections, and with them earlier.

    ``actual`` is each rumour's reach as played (the live simulation knows it, so it is
    not replayed). A rumour nobody corrected is compared with a hypothetical page post
    correcting it ``target`` after it appeared (``earlier_by`` without a target).
    At most two replays per rumour (one for a rumour nobody corrected), each of only what
    the rumour touched.
    """
    records = list(history)
    rumours = [r for r in records if isinstance(r, StartRecord) and r.role == "rumour"]
    results = []
    for done, rumour in enumerate(rumours):
        touched = touched_by(records, rumour.item_id)
        corrections = {
            r.item_id for r in touched if isinstance(r, StartRecord) and r.item_id != rumour.item_id
        }

        times = curve_times(rumour.at, until)

        def reach(variant: list[HistoryRecord], rumour_id: str = rumour.item_id) -> tuple[int, Curve]:
            return replay_curve(audience, seed, variant, rumour_id, until, settings, times)

        # Never corrected: the drill itself was the replay without corrections.
        without, without_curve = (reach([r for r in touched if r.item_id not in corrections]) if corrections
                                  else (int(actual[rumour.item_id]), ()))
        corrected_at: float | None
        if corrections:
            corrected_at = min(r.at for r in touched if isinstance(r, StartRecord) and r.item_id in corrections)
            moved = [
                replace(r, at=max(rumour.at, r.at - earlier_by))
                if isinstance(r, StartRecord) and r.item_id in corrections else r
                for r in touched
            ]
            shift = earlier_by
        else:
            corrected_at = None
            shift = target if target is not None else earlier_by
            hypothetical = StartRecord(
                item_id=f"{rumour.item_id}--correction", at=min(rumour.at + shift, until), role="correction",
                share_probability=HYPOTHETICAL_SHARE_PROBABILITY, seeds=None, corrects=(rumour.item_id,),
                model="ic",
            )
            moved = [*touched, hypothetical]
        earlier, earlier_curve = reach(moved)
        results.append(
            CounterfactualResult(
                rumour_id=rumour.item_id,
                horizon=float(until),
                earlier_by=float(shift),
                actual_reach=int(actual[rumour.item_id]),
                reach_without_correction=without,
                reach_with_earlier_correction=earlier,
                corrected_at=corrected_at,
                curve_without_correction=without_curve,
                curve_with_earlier_correction=earlier_curve,
            )
        )
        if progress is not None:
            progress(done + 1, len(rumours))
    return results

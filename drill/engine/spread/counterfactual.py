"""What the team's correction was worth: the drill replayed with it removed or moved.

Replays reuse the drill's seed, so every item keeps its own keyed draws: the
rumour meets the same coin flips and delays in all three runs, and the
differences between them are caused by the correction alone. With these
common random numbers a correction can only lower a rumour's reach, and an
earlier one lowers it at least as much, run by run and not only on average.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .audience import Audience
from .csr import CSRGraph
from .simulation import HistoryRecord, SpreadSettings, SpreadSimulation, StartRecord


@dataclass(frozen=True)
class CounterfactualResult:
    rumour_id: str
    horizon: float
    earlier_by: float
    actual_reach: int
    reach_without_correction: int
    reach_with_earlier_correction: int

    @property
    def prevented(self) -> int:
        """People who did not see the rumour because of the correction as it was made."""
        return self.reach_without_correction - self.actual_reach

    @property
    def missed_by_waiting(self) -> int:
        """People an earlier correction would also have kept from the rumour."""
        return self.actual_reach - self.reach_with_earlier_correction


def replay_reach(
    audience: Audience | CSRGraph,
    seed: int,
    history: Iterable[HistoryRecord],
    item_id: str,
    until: float | None = None,
    settings: SpreadSettings | None = None,
) -> int:
    """Reach of ``item_id`` at ``until`` (None: once every cascade has died out)."""
    records = sorted(history, key=lambda r: r.at)  # stable: same-time records keep their order
    sim = SpreadSimulation(audience, seed, settings)
    horizon = math.inf if until is None else float(until)
    for record in records:
        if record.at > horizon:
            break
        sim.advance(record.at)
        if isinstance(record, StartRecord):
            sim.start(
                record.item_id,
                record.at,
                record.role,
                record.share_probability,
                record.seeds,
                record.corrects,
                model=record.model,
            )
        else:
            sim.stop(record.item_id, record.at)
    sim.advance(max(horizon, sim.now))
    return sim.reach(item_id) if item_id in {r.item_id for r in records if r.at <= horizon} else 0


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
    records = list(history)
    starts = {r.item_id: r for r in records if isinstance(r, StartRecord)}
    if rumour_id not in starts:
        raise KeyError(f"rumour {rumour_id!r} never started in this history")
    if earlier_by < 0:
        raise ValueError(f"earlier_by must be non-negative, got {earlier_by}")
    rumour_start = starts[rumour_id].at
    corrections = {
        item_id for item_id, r in starts.items() if r.role == "correction" and rumour_id in r.corrects
    }

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
    )

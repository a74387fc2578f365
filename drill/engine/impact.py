"""What the team's corrections were worth, computed when the drill ends.

For each rumour that spread, the drill's own spread history is replayed twice with the same
keyed random draws (common random numbers): once without any correction of it, and once
with the correction earlier (or, if there was none, with one at the scenario's correction
target). Differences are then the effect of the team's timing, not noise. The results are
recorded as events, so scoring and reports never need the spread model themselves.
"""

from __future__ import annotations

from dataclasses import replace

from drill.engine.spread import Audience, SpreadSimulation, StartRecord, replay_reach
from drill.events import CounterfactualReach

DEFAULT_EARLIER_BY = 600.0


def rumour_impacts(
    sim: SpreadSimulation, until: float, *, earlier_by: float = DEFAULT_EARLIER_BY, target: float | None = None
) -> list[CounterfactualReach]:
    audience = Audience(graph=sim.graph, followers=sim.followers, model="", seed=0)
    history = list(sim.history)
    starts = [r for r in history if isinstance(r, StartRecord)]
    impacts = []
    for rumour in (r for r in starts if r.role == "rumour"):
        corrections = [r for r in starts if r.role == "correction" and rumour.item_id in r.corrects]
        correction_ids = {r.item_id for r in corrections}

        def reach(records: list, rumour_id: str = rumour.item_id) -> int:
            return replay_reach(audience, sim.seed, records, rumour_id, until, sim.settings)

        without = reach([r for r in history if r.item_id not in correction_ids])
        if corrections:
            corrected_at = min(r.at for r in corrections)
            moved = [
                replace(r, at=max(rumour.at, r.at - earlier_by)) if r.item_id in correction_ids else r
                for r in history
            ]
            shift = earlier_by
        else:
            corrected_at = None
            shift = target if target is not None else earlier_by
            hypothetical = StartRecord(
                item_id=f"{rumour.item_id}--correction", at=min(rumour.at + shift, until), role="correction",
                share_probability=0.05, seeds=None, corrects=(rumour.item_id,), model="ic",
            )
            moved = [*history, hypothetical]
        impacts.append(
            CounterfactualReach(
                item_id=rumour.item_id,
                actual=sim.reach(rumour.item_id),
                without_correction=without,
                corrected_at=corrected_at,
                earlier_by=shift,
                with_earlier_correction=reach(moved),
            )
        )
    return impacts

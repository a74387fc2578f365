"""What the team's corrections were worth, recorded as events when the drill ends.

The spread model replays each rumour with the drill's own keyed random draws (common random
numbers): once without any correction of it, and once with the correction earlier (or, if
there was none, with one at the scenario's correction target); see
``SpreadPort.counterfactuals``. Differences are then the effect of the team's timing, not
noise. The results are recorded as events, so scoring and reports never need the spread
model themselves.
"""

from __future__ import annotations

from drill.engine.spread_port import Progress, SpreadPort
from drill.events import CounterfactualReach

DEFAULT_EARLIER_BY = 600.0


def rumour_impacts(
    spread: SpreadPort, until: float, *, earlier_by: float = DEFAULT_EARLIER_BY, target: float | None = None,
    progress: Progress | None = None,
) -> list[CounterfactualReach]:
    return [
        CounterfactualReach(
            item_id=impact.rumour_id,
            actual=impact.actual,
            without_correction=impact.without_correction,
            corrected_at=impact.corrected_at,
            earlier_by=impact.earlier_by,
            with_earlier_correction=impact.with_earlier_correction,
            without_curve=list(impact.curve_without_correction),
            earlier_curve=list(impact.curve_with_earlier_correction),
        )
        for impact in spread.counterfactuals(until, earlier_by=earlier_by, target=target, progress=progress)
    ]

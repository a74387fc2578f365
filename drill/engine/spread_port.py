"""The seam where the spread model plugs into the engine: one interface, one snapshot type.

The engine only needs to say "this item starts spreading now", "this one was removed", "how
far has everything reached by time t" and, when the drill ends, "what were the corrections
worth"; the model behind it is the spread package's business. The engine, the spread
simulation, its counterfactual replays and the test doubles all speak this one protocol,
and `SpreadSimulation` is checked against it by mypy (see `drill/engine/spread/adapter.py`).
A drill without an audience model simply has no reach events (never invented ones).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

SpreadRole = Literal["rumour", "correction", "neutral"]

Progress = Callable[[int, int], None]
"""Called as (rumours done, rumours in all) while counterfactuals are computed."""


@dataclass(frozen=True)
class ReachSnapshot:
    """How far an item has got at simulated time ``at`` (people who saw it, people who shared it)."""

    item_id: str
    reached: int
    shares: int
    at: float


@dataclass(frozen=True)
class RumourImpact:
    """One rumour at the end of a drill: its reach as played, without its corrections, and with
    them ``earlier_by`` sooner (or, never corrected, with a correction ``earlier_by`` after it)."""

    rumour_id: str
    actual: int
    without_correction: int
    with_earlier_correction: int
    corrected_at: float | None
    earlier_by: float
    curve_without_correction: tuple[tuple[float, int], ...] = ()
    """Reach over time without the corrections (empty when never corrected: the drill was that run)."""
    curve_with_earlier_correction: tuple[tuple[float, int], ...] = ()
    """Reach over time with the corrections earlier, on the same time axis as the drill's reach."""


class SpreadPort(Protocol):
    def start(
        self,
        item_id: str,
        *,
        at: float,
        role: SpreadRole,
        share_probability: float | None = None,
        seeds: int | Sequence[int] | None = None,
        corrects: Sequence[str] = (),
        influential: bool = False,
        model: str = "ic",
        key: str | None = None,
    ) -> None:
        """Start `item_id` spreading at `at`.

        Without a share probability the role's default applies; without seeds a correction is
        posted on the page and anything else by one follower. `key` names the item's random
        draws (default: its id): the engine keys a team's post by what it answers and when, so
        an unrelated earlier action cannot change its draws.
        """
        ...

    def stop(self, item_id: str, *, at: float) -> None: ...

    def advance(self, to: float) -> list[ReachSnapshot]:
        """Reach of every item whose reach changed since the last call, up to time `to`."""
        ...

    def rumours_to_replay(self) -> int:
        """How many rumours `counterfactuals` would replay (0: it has nothing to do)."""
        ...

    def counterfactuals(
        self, until: float, *, earlier_by: float = 600.0, target: float | None = None,
        progress: Progress | None = None,
    ) -> list[RumourImpact]:
        """Every rumour's reach without and with earlier corrections, at `until` (the current time).

        It only reads the model, so it may run on another thread while nothing else touches
        it. A model that cannot replay its draws returns [].
        """
        ...

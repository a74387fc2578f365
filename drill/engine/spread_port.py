"""The seam where the spread model plugs into the engine.

The engine only needs to say "this item starts spreading now", "this one was removed" and
"how far has everything reached by time t"; the model behind it is the spread package's
business. A drill without an audience model simply has no reach events (never invented ones).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

SpreadRole = Literal["rumour", "correction", "neutral"]


class Reach(Protocol):
    """What the engine reads from a spread model's report on one item."""

    @property
    def item_id(self) -> str: ...

    @property
    def reached(self) -> int: ...

    @property
    def shares(self) -> int: ...


@dataclass(frozen=True)
class ReachSnapshot:
    item_id: str
    reached: int
    shares: int


class SpreadPort(Protocol):
    def start(
        self,
        item_id: str,
        *,
        at: float,
        role: SpreadRole,
        share_probability: float | None = None,
        seeds: int | None = None,
        influential: bool = False,
        corrects: Sequence[str] = (),
    ) -> None:
        """Start `item_id` spreading at `at`. Without a share probability the role's default applies;
        without seeds a correction is posted on the page and anything else by one follower."""
        ...

    def stop(self, item_id: str, *, at: float) -> None: ...

    def advance(self, to: float) -> Sequence[Reach]:
        """Reach of every item whose reach changed since the last call, up to time `to`."""
        ...

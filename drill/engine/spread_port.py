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
        share_probability: float,
        seeds: int = 1,
        influential: bool = False,
        corrects: Sequence[str] = (),
    ) -> None: ...

    def stop(self, item_id: str, *, at: float) -> None: ...

    def advance(self, to: float) -> list[ReachSnapshot]:
        """Reach of every item whose reach changed since the last call, up to time `to`."""
        ...

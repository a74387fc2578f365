"""Reach over simulated time, split into what citizens spread and what the municipality posted.

Filled only from ReachUpdated events, so it works the same live, resumed and in a replay,
and stays empty (the panel says so) for drills without a spread model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from drill.events import Event, ReachUpdated
from drill.state import DrillState


@dataclass(frozen=True)
class ReachPoint:
    t: float
    citizens: int
    """People reached by citizen items that spread (rumours among them)."""
    team: int
    """People reached by the team's replies and official posts (corrections among them)."""


class ReachSeries:
    def __init__(self) -> None:
        self._latest: dict[str, tuple[bool, int]] = {}
        self._citizens = 0
        self._team = 0
        self.points: list[ReachPoint] = []
        self.version = 0

    def rebuild(self, state: DrillState, events: Iterable[Event]) -> None:
        self._latest.clear()
        self._citizens = self._team = 0
        self.points = []
        self.version += 1
        self.apply(events, state)

    def apply(self, events: Iterable[Event], state: DrillState) -> None:
        for event in events:
            payload = event.payload
            if not isinstance(payload, ReachUpdated):
                continue
            from_team = payload.item_id not in state.items
            old_team, old_reached = self._latest.get(payload.item_id, (from_team, 0))
            self._latest[payload.item_id] = (from_team, payload.reached)
            delta = payload.reached - old_reached
            if from_team:
                self._team += delta
            else:
                self._citizens += delta
            point = ReachPoint(event.t, self._citizens, self._team)
            if self.points and self.points[-1].t == event.t:
                self.points[-1] = point
            else:
                self.points.append(point)
            self.version += 1

"""A correction's cascade reused at another start time, for the end-of-drill replays.

A correction depends on nothing else: its times are a pure function of its draws (keyed by
what it answers, not by when) and its start. Posted ``shift`` seconds earlier it is the same
cascade with every time moved by ``shift``, so a replay "with the correction earlier" can
read the drill's own correction instead of simulating it again on the whole audience. That
was most of the cost of the counterfactuals on a big audience: every correction reaches a
large share of it, the rumours mostly do not.

Only a correction that was never stopped is reused (a stop cuts a cascade at an absolute
time, which does not move with it). Reading further ahead settles the drill's own cascade
further, which changes none of its counts up to the drill's end.
"""

from __future__ import annotations

import numpy as np

from .kernel import Cascade
from .nodetimes import NodeTimes


class ShiftedTimes:
    """Read-only node times of ``base``, every one ``shift`` seconds earlier."""

    def __init__(self, base: NodeTimes, shift: float) -> None:
        self._base = base
        self._shift = shift

    def get(self, nodes: np.ndarray) -> np.ndarray:
        return self._base.get(nodes) - self._shift

    def finite(self) -> tuple[np.ndarray, np.ndarray]:
        nodes, times = self._base.finite()
        return nodes, times - self._shift


class ShiftedCascade:
    """The parts of a ``Cascade`` a replay uses, answered from ``base`` moved ``shift`` earlier."""

    def __init__(self, base: Cascade, shift: float) -> None:
        if shift < 0 or base.stop_at != float("inf"):
            raise ValueError("only a never-stopped cascade can be moved, and only earlier")
        self.base = base
        self.shift = float(shift)
        self.stop_at = float("inf")

    def run_until(self, horizon: float) -> None:
        self.base.run_until(horizon + self.shift)

    def stop(self, at: float) -> None:
        self.stop_at = min(self.stop_at, float(at))

    def seen_times(self) -> ShiftedTimes:
        return ShiftedTimes(self.base.seen_times(), self.shift)

    def reach_count(self, at: float) -> int:
        return self.base.reach_count(min(at, self.stop_at) + self.shift)

    def share_count(self, at: float) -> int:
        return self.base.share_count(min(at, self.stop_at) + self.shift)

    @property
    def idle(self) -> bool:
        return self.base.idle

    @property
    def latest_event(self) -> float:
        return self.base.latest_event - self.shift

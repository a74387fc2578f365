"""The virtual clock: simulated time that runs at a chosen speed, pauses, and never reads the wall.

The app measures how much wall time passed (its own timer) and hands the delta in; tests and
headless runs never call it and jump straight to the next thing that happens. Keeping the
wall clock out of here is what makes a drill reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass

SPEEDS: tuple[float, ...] = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0)


@dataclass
class SimulationClock:
    now: float = 0.0
    speed: float = 1.0
    paused: bool = False

    def target_after(self, wall_seconds: float) -> float:
        """Simulated time after `wall_seconds` of real time at the current speed."""
        if self.paused or wall_seconds <= 0:
            return self.now
        return self.now + wall_seconds * self.speed

    def faster(self) -> float:
        return next((s for s in SPEEDS if s > self.speed), SPEEDS[-1])

    def slower(self) -> float:
        return next((s for s in reversed(SPEEDS) if s < self.speed), SPEEDS[0])

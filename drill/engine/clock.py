"""The virtual clock: simulated time that runs at a chosen speed, pauses, and never reads the wall.

The drill's speed and pause are facts in its event log (ClockChanged), so the clock keeps no
state of its own: whoever measures wall time (the app's timer, the team-play host) asks how
far simulated time moves in it. Tests and headless runs never do; they jump straight to the
next happening. Keeping the wall clock out of the engine is what makes a drill reproducible.
"""

from __future__ import annotations

SPEEDS: tuple[float, ...] = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0)


def target_after(now: float, speed: float, paused: bool, wall_seconds: float) -> float:
    """Simulated time after `wall_seconds` of real time at `speed` (no movement while paused)."""
    if paused or wall_seconds <= 0:
        return now
    return now + wall_seconds * speed


def faster(speed: float) -> float:
    return next((s for s in SPEEDS if s > speed), SPEEDS[-1])


def slower(speed: float) -> float:
    return next((s for s in reversed(SPEEDS) if s < speed), SPEEDS[0])

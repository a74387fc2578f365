"""The trainer's view of a shared drill, as plain data: who is where, what waits, what spreads.

Pure: computed from the drill's state, the presence rows and the host's heartbeat, so the
console, the plain-text fallback and the tests all read the same numbers. Unlike a seat's
view, it may use the hidden labels (which items are rumours), because the trainer wrote them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drill.events import Event
from drill.state import DrillState
from drill.team_play.database import Wall
from drill.team_play.presence import HostBeat, Presence


@dataclass(frozen=True)
class SeatLine:
    seat: str
    role: str
    activity: str
    item_id: str | None
    on_duty: bool
    actions: int
    """Events this member caused so far (replies, posts, moderation, handovers)."""
    quiet_for: float
    """Wall seconds since the seat's last heartbeat."""


@dataclass(frozen=True)
class RumourLine:
    item_id: str
    reached: int
    shares: int
    corrected_at: float | None
    visibility: str


@dataclass(frozen=True)
class Overview:
    now: float
    speed: float
    paused: bool
    ended: bool
    host_alive: bool
    on_duty: str | None
    seats: list[SeatLine]
    waiting: int
    """Visible items that need a reply and have none."""
    oldest_waiting: float | None
    """Simulated seconds the oldest of them has waited."""
    rumours: list[RumourLine]
    notes: int


def build_overview(state: DrillState, events: list[Event], presences: list[Presence], host: HostBeat | None,
                   at: Wall, now: float | None = None) -> Overview:
    now = state.now if now is None else now
    acted = Counter(e.actor for e in events)
    seats = [
        SeatLine(
            seat=p.seat, role=p.role, activity=p.activity, item_id=p.item_id, on_duty=p.seat == state.on_duty,
            actions=acted.get(p.seat, 0), quiet_for=max(0.0, at - p.heartbeat),
        )
        for p in presences
    ]
    waiting = state.waiting()
    rumours = [
        RumourLine(i.item_id, i.reach, i.shares, i.corrected_at, i.visibility)
        for i in state.items.values() if i.labels.false_claim
    ]
    rumours.sort(key=lambda r: -r.reached)
    return Overview(
        now=now, speed=state.speed, paused=state.paused, ended=state.ended,
        host_alive=host is not None and host.alive(at), on_duty=state.on_duty, seats=seats,
        waiting=len(waiting), oldest_waiting=max((now - i.t for i in waiting), default=None),
        rumours=rumours, notes=len(state.notes),
    )

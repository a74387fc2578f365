"""What a seat may ask the host to do, and what only the trainer may.

Running the clock, posting injects, ending the drill and writing observer notes belong to
the exercise's control, not to the team being trained; the host refuses them from seats so
a browser seat cannot pause everyone's drill. Handing over duty is the team's own act.
"""

from __future__ import annotations

from drill.engine.actions import Action
from drill.events import TRAINER
from drill.team_play.presence import ROLE_SEAT, ROLE_TRAINER
from drill.team_play.texts import because

TRAINER_ONLY: frozenset[str] = frozenset({"set_clock", "end", "fire_inject", "post_inject", "note"})
ROLES: frozenset[str] = frozenset({ROLE_SEAT, ROLE_TRAINER})


def refusal(role: str, action: Action) -> str | None:
    """Why `role` may not do `action` (None: it may), as a reason the seat words (`texts.because`)."""
    if role not in ROLES:
        return because("team.refusal.role", role=role)
    if role == ROLE_SEAT and action.type in TRAINER_ONLY:
        return because("team.refusal.trainer_only", action=action.type)
    return None


def actor_for(seat: str, role: str) -> str:
    """The name the log records for an action: the member's own, or `trainer`."""
    return TRAINER if role == ROLE_TRAINER else seat

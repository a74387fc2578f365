"""The app's console, seated at a shared drill: presence, typing, and the trainer's tools.

It is the same console the single-player app uses, talking to a `SeatConnection`. On top
it shows who else is at the drill and what they are writing, tells the others when this
seat opens a reply (and warns when someone else is already answering that thread), hides
what only the trainer may do from seats, and gives the trainer's console its overview and
inject dialogs.
"""

from __future__ import annotations

from textual.app import ComposeResult

from drill.app.screens.console import ConsoleScreen
from drill.app.screens.dialogs import HandoverDialog
from drill.engine.actions import Action
from drill.team_play.database import wall_now
from drill.team_play.overview import build_overview
from drill.team_play.presence import (
    ACTIVITY_DELETE,
    ACTIVITY_HIDE,
    ACTIVITY_IDLE,
    ACTIVITY_POST,
    ACTIVITY_REPLY,
    ROLE_SEAT,
    ROLE_TRAINER,
    Presence,
)
from drill.team_play.seat import SeatConnection
from drill.team_play.texts import say
from drill.team_play.tui.presence_bar import PresenceBar
from drill.team_play.tui.trainer_dialogs import AdHocInjectDialog, FireInjectDialog
from drill.team_play.tui.trainer_panel import TrainerPanel

SEAT_HIDDEN_ACTIONS = frozenset({"pause", "faster", "slower", "end_drill", "note"})
"""Console keys that only the trainer's console offers (the host would refuse them from seats)."""

TRAINER_TOOLS = frozenset({"fire_inject", "adhoc_inject"})

PRESENCE_REFRESH = 0.5
"""Seconds between reads of the presence table (the console redraws more often)."""


class TeamConsoleScreen(ConsoleScreen):
    def __init__(self, connection: SeatConnection, *, as_member: str | None = None) -> None:
        super().__init__(connection, as_member=as_member)
        self._seat = connection
        self._language = connection.scenario.language.value
        self._presence_read = 0.0
        if self.trainer:
            bind = self._bindings.bind
            bind("f", "fire_inject", say("tui.key.fire", self._language))
            bind("i", "adhoc_inject", say("tui.key.inject", self._language))

    @property
    def trainer(self) -> bool:
        return self._seat.role == ROLE_TRAINER

    def compose(self) -> ComposeResult:
        yield TrainerPanel(id="trainer-panel") if self.trainer else PresenceBar(id="presence")
        yield from super().compose()

    def refresh_views(self) -> None:
        super().refresh_views()
        if not self.is_mounted or self.app.screen is not self or wall_now() - self._presence_read < PRESENCE_REFRESH:
            return
        self._presence_read = wall_now()
        seat = self._seat
        if self.trainer:
            view = build_overview(seat.state, list(seat.events), seat.seats(), seat.host, wall_now(), seat.now)
            self.query_one(TrainerPanel).show(view, self._language)
        else:
            self.query_one(PresenceBar).show(seat.seats(), seat.seat, seat.state.on_duty, seat.host_alive,
                                             self._language)

    # --- what only the trainer may do --------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.trainer and action in SEAT_HIDDEN_ACTIONS:
            return False
        if action in TRAINER_TOOLS:
            if not self.trainer:
                return False
            return None if self._seat.ended else True
        return super().check_action(action, parameters)

    def action_fire_inject(self) -> None:
        self.app.push_screen(FireInjectDialog(self._seat.scenario, self._seat.state, self._language), self._dialog_closed)

    def action_adhoc_inject(self) -> None:
        self.app.push_screen(AdHocInjectDialog(self._seat.scenario, self.current_item, self._language), self._dialog_closed)

    def action_handover(self) -> None:
        """Hand over to anyone on the roster or at the drill now (seats who joined by name too)."""
        state = self._seat.state
        self.app.push_screen(HandoverDialog(handover_candidates(state.team, self._seat.seats()), state.on_duty),
                             self._dialog_closed)

    # --- telling the others what this seat is writing ----------------------------------

    def action_reply(self) -> None:
        self._busy(ACTIVITY_REPLY)
        super().action_reply()

    def action_official_post(self) -> None:
        self._busy(ACTIVITY_POST, item=False)
        super().action_official_post()

    def action_hide(self) -> None:
        self._busy(ACTIVITY_HIDE)
        super().action_hide()

    def action_delete(self) -> None:
        self._busy(ACTIVITY_DELETE)
        super().action_delete()

    def send(self, action: Action | None) -> bool:
        """Every dialog ends here (with None when cancelled): the seat is no longer busy."""
        self._seat.set_activity(ACTIVITY_IDLE)
        self._presence_read = 0.0
        return super().send(action)

    def _busy(self, activity: str, *, item: bool = True) -> None:
        current = self.current_item
        if item and current is None:
            return
        item_id = current.item_id if item and current is not None else None
        if item_id is not None:
            others = [p.seat.split(",")[0] for p in self._seat.busy_with(item_id)]
            if others:
                self.notify(say("tui.already_busy", self._language, seats=", ".join(others)), severity="warning",
                            timeout=8)
        self._seat.set_activity(activity, item_id)
        self._presence_read = 0.0


def handover_candidates(roster: list[str], present: list[Presence]) -> list[str]:
    """The seats at the drill now first (they can take over at once), then the rest of the roster."""
    seated = [p.seat for p in present if p.role == ROLE_SEAT]
    return seated + [member for member in roster if member not in seated]

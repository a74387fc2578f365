"""The app's console, seated at a shared drill: presence, typing, and the trainer's tools.

It is the same console the single-player app uses, talking to a `SeatConnection`. On top
it shows who else is at the drill and what they are writing, tells the others when this
seat opens a reply (and warns when someone else is already answering that thread), hides
what only the trainer may do from seats, and gives the trainer's console its overview and
inject dialogs.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message

from drill.app.screens.console import ConsoleScreen
from drill.app.screens.dialogs import HandoverDialog
from drill.i18n import active_language
from drill.engine.actions import Action
from drill.engine.engine import ActionRejected
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
from drill.team_play.host import START_DRILL
from drill.team_play.requests import Request
from drill.team_play.seat import SeatConnection
from drill.team_play.texts import say
from drill.team_play.tui.presence_bar import PresenceBar
from drill.team_play.tui.lobby import LobbyDialog
from drill.team_play.tui.trainer_dialogs import AdHocInjectDialog, FireInjectDialog
from drill.team_play.tui.trainer_panel import TrainerPanel

SEAT_HIDDEN_ACTIONS = frozenset({"pause", "faster", "slower", "end_drill", "note"})
"""Console keys that only the trainer's console offers (the host would refuse them from seats)."""

TRAINER_TOOLS = frozenset({"fire_inject", "adhoc_inject"})

PRESENCE_REFRESH = 0.5
"""Seconds between reads of the presence table (the console redraws more often)."""


class TeamConsoleScreen(ConsoleScreen):
    BINDINGS = [
        # Descriptions are catalogue keys: the footer reads them in the drill's language (CatalogueBindings).
        Binding("f", "fire_inject", "team.tui.key.fire"),
        Binding("i", "adhoc_inject", "team.tui.key.inject"),
        Binding("b", "lobby", "team.tui.key.lobby"),
    ]

    class Verdict(Message):
        """The host's answer to a request, from the worker that waited for it."""

        def __init__(self, request: Request | None) -> None:
            super().__init__()
            self.request = request

    def __init__(self, connection: SeatConnection, *, as_member: str | None = None) -> None:
        super().__init__(connection, as_member=as_member)
        self._seat = connection
        # The app chose the screens' language (--lang, else the scenario's); the team-play words follow it.
        self._language = active_language()
        self._presence_read = 0.0
        self._lobby_offered = False
        self._forged_seen = 0

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
            self.query_one(TrainerPanel).show(view, self._language, lobby=seat.in_lobby, forged=self._forged_line())
            if seat.in_lobby and not self._lobby_offered:
                self._lobby_offered = True
                self.action_lobby()
        else:
            self.query_one(PresenceBar).show(seat.seats(), seat.seat, seat.state.on_duty, seat.host_alive,
                                             self._language, lobby=seat.in_lobby, members=seat.members())

    def _forged_line(self) -> str | None:
        """The trainer's warning about refused forged requests; a new one also pops up."""
        count = self._seat.forged_count()
        if not count:
            return None
        last = self._seat.forged()[-1]
        what = f"{last.action_json[:40]} «{last.seat[:30]}» ({last.message})"
        line = say("tui.forged", self._language, n=count, what=what)
        if count > self._forged_seen:
            self._forged_seen = count
            self.notify(line, severity="error", timeout=10, markup=False)
        return line

    # --- what only the trainer may do --------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.trainer and action in SEAT_HIDDEN_ACTIONS:
            return False
        if action == "lobby":
            return self.trainer and self._seat.in_lobby
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

    def action_lobby(self) -> None:
        seat = self._seat
        self.app.push_screen(LobbyDialog(seat.scenario.title, list(seat.state.team), seat.grants(),
                                         {p.seat for p in seat.seats()}, self._language), self._start_drill)

    def _start_drill(self, mapping: dict[str, int | None] | None) -> None:
        if mapping is not None:
            self._submit({"type": START_DRILL, "mapping": mapping})

    def action_reply(self) -> None:
        self._warn_off_duty()
        self._busy(ACTIVITY_REPLY)
        super().action_reply()

    def _warn_off_duty(self) -> None:
        """A seat not on duty may still answer, but it should know, plainly, before it types."""
        if self.trainer or self.current_item is None:
            return
        duty = self._seat.state.on_duty
        if duty == self._seat.actor:
            return
        text = say("seat.not_on_duty", self._language, duty=duty) if duty else say("seat.nobody_on_duty",
                                                                                    self._language)
        self.notify(text, severity="warning", timeout=8, markup=False)

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
        """Every dialog ends here (with None when cancelled): the seat is no longer busy.

        The request is queued at once and a worker waits for the host's verdict, so the
        console keeps drawing meanwhile; a refusal arrives as a `Verdict` message. Returns
        False: nothing is confirmed yet (the feed shows the result when the host has it).
        """
        self._seat.set_activity(ACTIVITY_IDLE)
        self._presence_read = 0.0
        if action is not None:
            self._submit(action)
        return False

    def _submit(self, action: Action | dict) -> None:
        try:
            request_id = self._seat.submit(action)
        except ActionRejected as rejected:
            self.say(str(rejected), title=say("tui.refused", self._language), severity="error", markup=False)
            return
        self._await_verdict(request_id)

    @work(thread=True, group="verdicts")
    def _await_verdict(self, request_id: int) -> None:
        self.post_message(self.Verdict(self._seat.wait_for(request_id)))

    def on_team_console_screen_verdict(self, message: Verdict) -> None:
        try:
            self._seat.settle(message.request)
        except ActionRejected as rejected:
            self.say(str(rejected), title=say("tui.refused", self._language), severity="error", markup=False)
        self._presence_read = 0.0
        self.refresh_views()
        self.refresh_bindings()
        if self._seat.ended:
            self.app.call_later(self.app.show_debrief)  # type: ignore[attr-defined]

    def _busy(self, activity: str, *, item: bool = True) -> None:
        current = self.current_item
        if item and current is None:
            return
        item_id = current.item_id if item and current is not None else None
        if item_id is not None:
            others = [p.seat.split(",")[0] for p in self._seat.busy_with(item_id)]
            if others:
                self.notify(say("tui.already_busy", self._language, seats=", ".join(others)), severity="warning",
                            timeout=8, markup=False)
        self._seat.set_activity(activity, item_id)
        self._presence_read = 0.0


def handover_candidates(roster: list[str], present: list[Presence]) -> list[str]:
    """The seats at the drill now first (they can take over at once), then the rest of the roster."""
    seated = [p.seat for p in present if p.role == ROLE_SEAT]
    return seated + [member for member in roster if member not in seated]

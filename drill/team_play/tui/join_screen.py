"""Taking a seat from a browser: your name (and the join code when the server asks for one).

A terminal seat names itself on the command line (`--as`); a browser seat has no command
line, so `drill serve` starts every browser connection on this screen.
"""

from __future__ import annotations

import hmac

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from drill.errors import DrillError
from drill.team_play.seat import SeatConnection
from drill.team_play.texts import say


class JoinScreen(Screen[None]):
    DEFAULT_CSS = """
    JoinScreen { align: center middle; }
    JoinScreen > Vertical { width: 72; height: auto; padding: 1 2; border: round $primary; }
    JoinScreen Input { margin: 1 0 0 0; }
    JoinScreen #join-problem { color: $error; margin: 1 0 0 0; }
    JoinScreen Button { margin: 1 0 0 0; }
    """

    class Joined(Message):
        def __init__(self, connection: SeatConnection) -> None:
            super().__init__()
            self.connection = connection

    def __init__(self, path: str, title: str, team: list[str], language: str, join_code: str | None) -> None:
        super().__init__(id="join")
        self._path = path
        self._title = title
        self._team = team
        self._language = language
        self._join_code = join_code

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(say("tui.join.title", self._language, title=self._title), classes="screen-title")
            yield Static(say("tui.join.explain", self._language, team=", ".join(self._team) or "—"))
            yield Input(placeholder=say("tui.join.name", self._language), id="join-name")
            if self._join_code:
                yield Input(placeholder=say("tui.join.code", self._language), password=True, id="join-code")
            yield Label("", id="join-problem")
            yield Button(say("tui.join.button", self._language), id="join-button", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#join-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#join-button")
    def _submit(self) -> None:
        name = self.query_one("#join-name", Input).value.strip()
        if not name:
            self._problem(say("tui.join.need_name", self._language))
            return
        if self._join_code:
            typed = self.query_one("#join-code", Input).value.strip()
            if not hmac.compare_digest(typed.encode(), self._join_code.encode()):
                self._problem(say("tui.join.wrong_code", self._language))
                return
        try:
            connection = SeatConnection(self._path, name)
        except DrillError as error:
            self._problem(str(error))
            return
        self.post_message(self.Joined(connection))

    def _problem(self, text: str) -> None:
        self.query_one("#join-problem", Label).update(text)

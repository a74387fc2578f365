"""Taking a seat from a browser: your name (and the join code when the server asks for one).

A terminal seat names itself on the command line (`--as`); a browser seat has no command
line, so `drill serve` starts every browser connection on this screen. A wrong code makes the
next try wait, doubling each time, and five wrong codes lock this browser out; wrong codes from
all browsers are counted in the session file, so reconnecting does not start afresh. Asking
the host for a seat takes a moment, so it runs in a worker and the screen stays live.
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from drill.errors import DrillError
from drill.i18n import messages_in
from drill.roster import team_line
from drill.team_play.database import Transaction, connect, wall_now
from drill.team_play.grants import Credentials, is_reserved
from drill.team_play.joining import request_grant
from drill.team_play.seat import SeatConnection
from drill.team_play.serving import ATTEMPTS_BEFORE_LOCK, normal_code, wait_after
from drill.team_play.texts import say

WINDOW = 600.0
"""Seconds over which wrong codes from every browser are counted."""


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

    class Granted(Message):
        """The host's answer to this screen's join (credentials), or why not."""

        def __init__(self, name: str, credentials: Credentials | None, problem: str = "") -> None:
            super().__init__()
            self.name, self.credentials, self.problem = name, credentials, problem

    def __init__(self, path: str, title: str, team: list[str], language: str, join_code: str | None) -> None:
        super().__init__(id="join")
        self._path = path
        self._title = title
        self._team = team
        self._language = language
        self._join_code = join_code
        self._client = f"web-{os.getpid()}"
        self._wrong = 0
        self._not_before = 0.0
        self._asking = False
        self.clock: Callable[[], float] = time.monotonic
        """Where the wait between tries is measured (tests put their own clock here)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            # Names and titles are people's words: shown as written, never read as markup.
            yield Label(Content(say("tui.join.title", self._language, title=self._title)), classes="screen-title")
            yield Static(Content(say("tui.join.explain", self._language, team=team_line(self._team, as_written=True))))
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
        if self._asking:
            return
        if self._wrong >= ATTEMPTS_BEFORE_LOCK:
            self._problem(say("tui.join.locked", self._language))
            return
        wait = self._not_before - self.clock()
        if wait > 0:
            self._problem(say("tui.join.slow_down", self._language, seconds=int(wait + 0.999)))
            return
        name = self.query_one("#join-name", Input).value.strip()
        if not name:
            self._problem(say("tui.join.need_name", self._language))
            return
        if self._join_code:
            typed = normal_code(self.query_one("#join-code", Input).value)
            if not hmac.compare_digest(typed.encode(), normal_code(self._join_code).encode()):
                self._wrong_code()
                return
        if is_reserved(name):
            self._problem(say("join.reserved", self._language, name=name))
            return
        self._asking = True
        self._problem(say("tui.join.joining", self._language))
        self._ask_host(name)

    def _wrong_code(self) -> None:
        self._wrong += 1
        everywhere = self._record_attempt(ok=False)
        if self._wrong >= ATTEMPTS_BEFORE_LOCK:
            self.query_one("#join-button", Button).disabled = True
            self._problem(say("tui.join.locked", self._language))
            return
        wait = wait_after(self._wrong, everywhere)
        self._not_before = self.clock() + wait
        self._problem(say("tui.join.wait", self._language, seconds=int(wait + 0.999)))

    def _record_attempt(self, *, ok: bool) -> int:
        """Note this try in the session file; returns the wrong codes from every browser lately."""
        try:
            db = connect(self._path)
        except DrillError:
            return 0
        try:
            with Transaction(db) as tx:
                tx.execute("INSERT INTO join_attempts (wall, client, ok) VALUES (?, ?, ?)",
                           (wall_now(), self._client, int(ok)))
            row = db.execute("SELECT COUNT(*) FROM join_attempts WHERE ok = 0 AND wall > ?",
                             (wall_now() - WINDOW,)).fetchone()
            return int(row[0])
        except DrillError:
            return 0
        finally:
            db.close()

    @work(thread=True, exclusive=True, group="join")
    def _ask_host(self, name: str) -> None:
        # A problem with the session file is shown on this screen, so it speaks the screen's
        # language, not the command's (English in a C locale). One seat per process: the
        # process-wide messages language may follow this screen while the worker asks.
        try:
            with messages_in(self._language):
                credentials = request_grant(self._path, name, language=self._language)
        except DrillError as error:
            self.post_message(self.Granted(name, None, str(error)))
            return
        self.post_message(self.Granted(name, credentials))

    def on_join_screen_granted(self, message: Granted) -> None:
        self._asking = False
        if message.credentials is None:
            self._problem(message.problem)
            return
        try:
            with messages_in(self._language):
                connection = SeatConnection(self._path, message.name, credentials=message.credentials)
        except DrillError as error:
            self._problem(str(error))
            return
        self.post_message(self.Joined(connection))

    def _problem(self, text: str) -> None:
        self.query_one("#join-problem", Label).update(Content(text))

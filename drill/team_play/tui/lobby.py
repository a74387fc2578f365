"""The trainer's lobby: who is here, which roster name each of them plays, and the start.

The host holds the clock at zero until the trainer starts. The dialog lists the roster with
a choice of the seats the host has granted, preset to the seat already holding each name;
starting sends the mapping with the start, and the host hands duty to someone present.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static

from drill.roster import team_line
from drill.team_play.texts import say

Mapping = dict[str, int | None]
"""Roster name -> the grant id of the seat that plays it (None: nobody)."""


class LobbyDialog(ModalScreen[Mapping | None]):
    BINDINGS = [
        Binding("escape", "close", show=False),
        Binding("ctrl+s", "start", show=False),
    ]

    def __init__(self, title: str, roster: list[str], grants: list[tuple[int, str, str]], present: set[str],
                 language: str) -> None:
        super().__init__(id="lobby")
        self._title, self._roster, self._language = title, roster, language
        self._seats = [(grant, seat, member) for grant, seat, member in grants if seat in present]

    def compose(self) -> ComposeResult:
        language = self._language
        with Vertical(classes="dialog"):
            # Seat names are typed by whoever joins: shown as written, never read as markup.
            yield Label(Content(say("tui.lobby.title", language, title=self._title)), classes="dialog-title")
            yield Static(say("tui.lobby.explain", language))
            names = team_line((seat for _, seat, _ in self._seats), nobody="")
            present = say("tui.lobby.present", language, seats=names) if names else say("tui.lobby.nobody", language)
            yield Static(Content(present), id="lobby-present")
            options = [(Content(seat), grant) for grant, seat, _ in self._seats]
            for index, member in enumerate(self._roster):
                holder = next((grant for grant, _, held in self._seats if held == member), None)
                yield Label(Content(member))
                yield Select(options, value=holder if holder is not None else Select.NULL,
                             prompt=say("tui.lobby.absent", language), id=f"member-{index}")
            with Horizontal(classes="dialog-buttons"):
                yield Button(say("tui.lobby.start", language), id="start", variant="primary")
                yield Button(say("tui.lobby.later", language), id="later")

    def mapping(self) -> Mapping:
        chosen: Mapping = {}
        for index, member in enumerate(self._roster):
            value = self.query_one(f"#member-{index}", Select).value
            chosen[member] = value if isinstance(value, int) else None
        return chosen

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.dismiss(self.mapping())

    @on(Button.Pressed, "#later")
    def action_close(self) -> None:
        self.dismiss(None)

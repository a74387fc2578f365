"""The drill app for a seat at a shared drill, for the trainer's console, and for browsers.

It is the single-player `DrillApp` with two differences: the console is the team-play
console (presence, typing, trainer tools), and without a name yet (a browser seat) it
starts on the join screen instead of the scenario picker. The clock stays the host's: the
app's ticks only make the seat read what the host wrote.
"""

from __future__ import annotations

from pathlib import Path

import drill.app.app as single_player
from drill.app.app import DrillApp, PlayOptions
from drill.app.connection import DrillConnection
from drill.app.screens.console import ConsoleScreen
from drill.store import SessionStore
from drill.team_play.presence import ROLE_SEAT, ROLE_TRAINER
from drill.team_play.seat import SeatConnection
from drill.team_play.tui.join_screen import JoinScreen
from drill.team_play.tui.team_console import TeamConsoleScreen


class TeamApp(DrillApp):
    # Textual resolves a relative CSS_PATH beside the subclass's module; use the app's own sheet.
    CSS_PATH = str(Path(single_player.__file__).with_name(str(DrillApp.CSS_PATH)))

    def __init__(self, path: Path | str, *, connection: SeatConnection | None = None, join_code: str | None = None,
                 language: str | None = None, ticking: bool = True) -> None:
        self._path = Path(path)
        self._join_code = join_code
        member = connection.seat if connection is not None and connection.role == ROLE_SEAT else None
        if connection is not None:
            # Never open the store beside a live connection: closing its header check's file
            # handle would drop this process's SQLite locks on the shared file.
            scenario = connection.scenario
        else:
            with SessionStore.open(self._path) as store:
                scenario = store.stored_scenario().scenario
        self._scenario_shown = scenario
        super().__init__(
            options=PlayOptions(as_member=member, language=language or scenario.language.value),
            connection=connection, ticking=ticking,
        )
        if connection is not None and connection.role == ROLE_TRAINER:
            self.title = f"drill — {scenario.title}"

    @property
    def seat(self) -> SeatConnection | None:
        connection = self.connection
        return connection if isinstance(connection, SeatConnection) else None

    def _first_screen(self) -> None:
        scenario = self._scenario_shown
        self.push_screen(JoinScreen(str(self._path), scenario.title, list(scenario.team), self.language,
                                    self._join_code))

    def on_join_screen_joined(self, message: JoinScreen.Joined) -> None:
        self._connection = message.connection
        self.options = PlayOptions(as_member=message.connection.seat, language=self.language)
        self._open_console()

    def console_screen(self, connection: DrillConnection) -> ConsoleScreen:
        seat = self.seat
        assert seat is not None
        return TeamConsoleScreen(seat, as_member=self.options.as_member)

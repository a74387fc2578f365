"""The console over a recorded drill: same views, no team actions, playback controls instead."""

from __future__ import annotations

from textual.binding import Binding

from drill.app.connection import ReplayConnection
from drill.app.screens.console import ConsoleScreen
from drill.i18n import t

STEP_BACK = 60.0
"""Simulated seconds one press of 'back' rewinds."""


class ReplayConsoleScreen(ConsoleScreen):
    BINDINGS = [
        Binding("full_stop", "step", "key.step", key_display="."),
        Binding("b", "back", "key.back_minute"),
        Binding("s", "results", "key.results"),
        Binding("q", "app.quit", "key.quit"),
    ]

    def __init__(self, connection: ReplayConnection) -> None:
        super().__init__(connection)
        self._replay = connection
        self._told_end = False

    def action_step(self) -> None:
        self._replay.step()
        self.refresh_views()

    def action_back(self) -> None:
        self._replay.seek(max(0.0, self._replay.now - STEP_BACK))
        self.rebuild()

    def action_results(self) -> None:
        self.app.show_debrief()  # type: ignore[attr-defined]

    def refresh_views(self) -> None:
        super().refresh_views()
        if self._replay.ended and not self._told_end:
            self._told_end = True
            self.notify(t("replay.end"), timeout=10)

"""What the app tests ask of the screen on top, in one place."""

from __future__ import annotations

from drill.app.app import DrillApp
from drill.app.screens.console import ConsoleScreen


def console(app: DrillApp) -> ConsoleScreen:
    """The console, which a test expects to be on screen (a failed assertion says it is not)."""
    assert isinstance(app.screen, ConsoleScreen)
    return app.screen

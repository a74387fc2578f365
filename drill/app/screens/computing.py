"""While the drill's end is worked out: what the corrections were worth, with a progress bar.

The counterfactual replays can take seconds on a large audience. They run in a worker thread
(see `DrillApp.finish_drill`); this screen only shows how far they have got, and the app
keeps drawing and answering keys meanwhile.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar

from drill.i18n import t


class ComputingScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    ComputingScreen { align: center middle; }
    ComputingScreen > Vertical { width: 64; height: auto; padding: 1 2; border: round $accent; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__(id="computing")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("end.computing_title"), classes="section-title")
            yield Label(t("end.computing_started"), id="computing-label")
            yield ProgressBar(total=None, show_eta=False, id="computing-bar")

    def progress(self, done: int, total: int) -> None:
        """Called on the app's thread as each rumour is done."""
        self.query_one("#computing-label", Label).update(t("end.computing", done=str(done), total=str(total)))
        self.query_one("#computing-bar", ProgressBar).update(total=total, progress=done)

"""What the marks on the feed mean and which key does what: for a team new to the console."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from drill.app.widgets.page_feed import (
    ANSWERED_MARK,
    ARCHIVED_MARK,
    DELETED_MARK,
    GROUP_MARK,
    HIDDEN_MARK,
    LIKED_MARK,
    POST_MARK,
    REACTION_MARK,
    UNANSWERED_MARK,
    UNREAD_MARK,
)
from drill.i18n import t


class LegendDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", show=False)]

    def compose(self) -> ComposeResult:
        marks = Table(box=None, show_header=False, pad_edge=False)
        marks.add_column(style="bold", width=3)
        marks.add_column()
        for mark, key in [(UNREAD_MARK, "unread"), (UNANSWERED_MARK, "unanswered"), (ANSWERED_MARK, "answered"),
                          (HIDDEN_MARK, "hidden"), (DELETED_MARK, "deleted"), (LIKED_MARK, "liked"),
                          (ARCHIVED_MARK, "archived"), ("+3", "thread")]:
            marks.add_row(mark, t("legend." + key))
        for mark, text in [(GROUP_MARK, t("console.legend_group")), (POST_MARK, t("console.legend_post")),
                           (REACTION_MARK, t("console.legend_reaction"))]:
            marks.add_row(mark, text)
        with Vertical(classes="dialog"):
            yield Label(t("legend.title"), classes="dialog-title")
            yield Static(marks, id="legend-marks")
            yield Static(t("console.legend_keys"), id="legend-keys", classes="dialog-message")
            yield Static(t("play.legend_point"), id="legend-point", classes="dialog-message")
            yield Static(t("legend.close"), classes="dialog-quote")

    def action_close(self) -> None:
        self.dismiss(None)

"""The trainer's overview above the console: seats, what waits, and how far rumours reach."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from drill.team_play.lines import clock
from drill.team_play.overview import Overview
from drill.team_play.texts import say, say_count


class TrainerPanel(Static):
    DEFAULT_CSS = """
    TrainerPanel { dock: top; height: auto; max-height: 12; width: 1fr; padding: 0 1; background: $panel; }
    TrainerPanel.-host-gone { background: $error; }
    """

    overview: Overview | None = None
    """The overview on screen now."""

    def show(self, view: Overview, language: str, *, lobby: bool = False, forged: str | None = None) -> None:
        self.overview = view
        self.set_class(not view.host_alive or forged is not None, "-host-gone")
        table = overview_table(view, language)
        if not lobby and forged is None:
            self.update(table)
            return
        lines = Text()
        if lobby:
            lines.append(say("status.lobby", language) + "\n", style="bold")
        if forged is not None:
            lines.append(forged + "\n", style="bold")
        self.update(Group(lines, table))


def overview_table(view: Overview, language: str) -> Table:
    """Seats on the left; waiting items, notes and rumour reach on the right."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(ratio=3)
    table.add_column(ratio=2)
    seats = Text()
    if not view.host_alive:
        seats.append(say("status.host_gone", language) + "\n", style="bold")
    for seat in view.seats:
        seats.append("★ " if seat.on_duty else "  ", style="bold")
        seats.append(seat.seat, style="bold" if seat.on_duty else "")
        seats.append(f"  ({say_count('tui.actions', seat.actions, language)})", style="dim")
        if seat.activity:
            seats.append("  ✎ " + say(f"doing.{seat.activity}", language, item=seat.item_id or ""),
                         style="italic")
        seats.append("\n")
    if not view.seats:
        seats.append(say("tui.nobody", language) + "\n")
    numbers = Text()
    oldest = clock(view.oldest_waiting) if view.oldest_waiting is not None else "—"
    numbers.append(say("tui.waiting", language, n=view.waiting, oldest=oldest) + "\n", style="bold")
    numbers.append(say("tui.notes", language, n=view.notes) + "\n")
    for rumour in view.rumours[:5]:
        corrected = clock(rumour.corrected_at) if rumour.corrected_at is not None else "—"
        numbers.append(say("tui.rumour", language, item=rumour.item_id, reach=rumour.reached,
                           shares=rumour.shares, corrected=corrected) + "\n")
    table.add_row(seats, numbers)
    return table

"""Who else is at the drill, what they are writing, and whether the host is alive.

The line a seat reads before opening a reply: "Kari is writing a reply on bomb-rumour" is
what keeps two people from answering the same comment (KS C2).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from drill.team_play.presence import Presence
from drill.team_play.texts import say


class PresenceBar(Static):
    DEFAULT_CSS = """
    PresenceBar { dock: top; height: auto; max-height: 3; width: 1fr; padding: 0 1; background: $panel; }
    PresenceBar.-host-gone { background: $error; color: $text; text-style: bold; }
    """

    def show(self, seats: list[Presence], me: str, on_duty: str | None, host_alive: bool, language: str) -> None:
        self.set_class(not host_alive, "-host-gone")
        line = Text(overflow="fold")
        if not host_alive:
            line.append(say("status.host_gone", language) + "   ")
        line.append(say("tui.at_the_drill", language) + " ", style="bold")
        for index, presence in enumerate(seats):
            if index:
                line.append(" · ")
            name = presence.seat.split(",")[0]
            style = "bold" if presence.seat == on_duty else ""
            line.append(name + (" ★" if presence.seat == on_duty else ""), style=style)
            if presence.seat == me:
                line.append(" " + say("tui.you", language), style="dim")
            if presence.activity:
                line.append(" ✎ " + say(f"doing.{presence.activity}", language, item=presence.item_id or ""),
                            style="italic")
        self.update(line)

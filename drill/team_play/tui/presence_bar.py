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

    def show(self, seats: list[Presence], me: str, on_duty: str | None, host_alive: bool, language: str, *,
             lobby: bool = False, members: dict[str, str] | None = None) -> None:
        """`members`: seat name -> the name it acts under (a roster name once the trainer mapped it)."""
        members = members or {}
        self.set_class(not host_alive, "-host-gone")
        line = Text(overflow="fold")
        if not host_alive:
            line.append(say("status.host_gone", language) + "   ")
        elif lobby:
            line.append(say("status.lobby", language) + "   ", style="bold")
        line.append(say("tui.at_the_drill", language) + " ", style="bold")
        for index, presence in enumerate(seats):
            if index:
                line.append(" · ")
            name = presence.seat.split(",")[0]
            duty = on_duty is not None and on_duty in (presence.seat, members.get(presence.seat))
            line.append(name + (" ★" if duty else ""), style="bold" if duty else "")
            if presence.seat == me:
                line.append(" " + say("tui.you", language), style="dim")
            if presence.activity:
                line.append(" ✎ " + say(f"doing.{presence.activity}", language, item=presence.item_id or ""),
                            style="italic")
        self.update(line)

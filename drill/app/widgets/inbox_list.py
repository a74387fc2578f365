"""Calls, messages from the emergency services, internal requests and news: not on the page.

They are few (tens in a drill), so a plain OptionList rebuilt when one arrives is enough.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drill.app.feed_model import FeedModel
from drill.app.formatting import excerpt, wall_clock
from drill.i18n import t
from drill.terminal_text import neutralise


class InboxList(OptionList):
    def __init__(self, model: FeedModel, starts: datetime, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._model = model
        self._starts = starts
        self._shown: tuple[tuple[str, bool, bool], ...] = ()

    def sync(self) -> None:
        state = self._model.state
        wanted = tuple(
            (item_id, item_id in self._model.seen, state.items[item_id].answered)
            for item_id in self._model.inbox
        )
        if wanted == self._shown:
            return
        highlighted = self.highlighted_option.id if self.highlighted_option is not None else None
        self._shown = wanted
        self.clear_options()
        self.add_options([self._option(item_id, seen, answered) for item_id, seen, answered in wanted])
        if highlighted is not None and highlighted in {w[0] for w in wanted}:
            self.highlighted = self.get_option_index(highlighted)

    def _option(self, item_id: str, seen: bool, answered: bool) -> Option:
        item = self._model.state.items[item_id]
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("● " if not seen else "  ", style="bold")
        line.append("✓ " if answered else "  ", style="green")
        line.append(wall_clock(self._starts, item.t) + " ")
        line.append(t("channel." + item.channel.value), style="bold reverse")
        line.append(f" {neutralise(item.author)}: ", style="bold")  # shown, never obeyed
        line.append(neutralise(excerpt(item.text, 200)))
        return Option(line, id=item_id)

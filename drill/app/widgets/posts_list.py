"""The municipality's own official updates, newest first, with their reach when known.

KS asks for regular updates in a crisis; seeing the last ones (and when) next to the feed
is how a team notices it has gone quiet.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drill.app.formatting import wall_clock
from drill.i18n import number, t
from drill.state import DrillState
from drill.terminal_text import neutralise


class PostsList(OptionList):
    def __init__(self, state: DrillState, starts: datetime, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._state = state
        self._starts = starts
        self._shown: tuple[tuple[str, int], ...] = ()

    def use_state(self, state: DrillState) -> None:
        self._state = state
        self._shown = ()
        self.sync()

    def sync(self) -> None:
        posts = self._state.official_posts
        wanted = tuple((p.post_id, self._state.reach.get(p.post_id, (0, 0))[0]) for p in posts)
        if wanted == self._shown:
            return
        self._shown = wanted
        self.clear_options()
        if not posts:
            self.add_option(Option(Text(t("posts.none"), style="italic"), disabled=True))
            return
        options = []
        for post in reversed(posts):
            line = Text()
            line.append(wall_clock(self._starts, post.t) + " ", style="bold")
            line.append(neutralise(post.author.split(",")[0]) + ": ", style="bold")  # shown, never obeyed
            line.append(neutralise(post.text))
            details = []
            if post.link:
                details.append(neutralise(post.link))
            if post.corrects:
                details.append(t("posts.corrects", n=len(post.corrects)))
            reached = self._state.reach.get(post.post_id, (0, 0))[0]
            if reached:
                details.append(t("posts.reach", reached=number(reached)))
            if details:
                line.append("\n   " + " · ".join(details), style="italic")
            options.append(Option(line, id=post.post_id))
        self.add_options(options)

"""The selected thread in full: the item, what was posted under it, and the team's replies.

A group row shows the similar questions it stands for; an official post shows the post as the
page's own, with the citizens' comments under it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from drill.app.formatting import excerpt, plain_text, reach_words, wall_clock
from drill.app.triage import GROUP, POST
from drill.app.widgets.scrolling import set_virtual_size
from drill.i18n import t
from drill.scenario.models import Channel
from drill.state import DrillState, ItemView, ReplyView
from drill.terminal_text import neutralise


LIKED = "♥"
GROUP_MEMBERS_SHOWN = 40
"""A group in a flood can hold thousands; the pane shows the longest-waiting ones (a thread of
thousands of lines would be wrapped on every change of the group)."""


class ThreadDetail(ScrollView, can_focus=False):
    """Reads one thread (or one inbox message) from the state whenever it is shown.

    A Line API view: the thread is wrapped to the pane's width once (when it is shown, when it
    changes and when the pane is resized) and kept as lines; a frame draws only the lines in
    view. A new selection therefore redraws the pane alone: the widget that held the thread as
    one block of text had the whole screen laid out again on every cursor key, and re-measured
    the thread twice doing it, while the storm kept the console busy.
    """

    DEFAULT_CSS = """
    ThreadDetail { padding: 0 1; overflow-x: hidden; }
    """

    def __init__(
        self, starts: datetime, waiting: Callable[[str], bool] | None = None, page: str = "", *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._starts = starts
        self._page = page
        self._waiting = waiting or (lambda item_id: False)
        """Is this item still waiting for an answer (as the feed counts it)?"""
        self._item_id: str | None = None
        self._state: DrillState | None = None
        self._shown: RenderableType = Text(t("thread.none"), style="italic")
        self._lines: list[Strip] = []
        """`_shown` wrapped to the pane's width, one strip per line on screen."""

    @property
    def item_id(self) -> str | None:
        return self._item_id

    @property
    def text(self) -> str:
        """The thread as plain text, the way it reads on screen (its lines as wrapped)."""
        if not self._lines:
            return plain_text(self._shown, max(20, self.size.width or 80))
        return "\n".join(line.text.rstrip() for line in self._lines) + "\n"

    def on_resize(self) -> None:
        """Wrap the thread again at the pane's new size: the first thread of a drill is shown as
        the console opens, before the pane has its size."""
        self._wrap()

    def show(self, item_id: str | None, state: DrillState) -> None:
        self._state = state
        moved = item_id != self._item_id
        self._item_id = item_id
        if item_id is not None and item_id.startswith(GROUP) and item_id.removeprefix(GROUP) in state.grouper.groups:
            self._shown = self.render_group(item_id.removeprefix(GROUP), state)
        elif item_id is not None and item_id.startswith(POST):
            self._shown = self.render_post(item_id.removeprefix(POST), state)
        elif item_id is None or item_id not in state.items:
            self._shown = Text(t("thread.none"), style="italic")
        else:
            self._shown = self.render_thread(state.items[item_id], state)
        self._wrap()
        if moved:
            self.scroll_home(animate=False)

    # --- drawing -----------------------------------------------------------------------

    def _wrap(self) -> None:
        """Wrap what is shown to the room the pane has: its width, less the scrollbar when the
        thread is taller than the pane. Only the pane's own scrollbar follows the new length."""
        width, height = self.content_size
        if width <= 0:
            self._lines = []
            return
        lines = self._wrapped(width)
        scrollbar = self.styles.scrollbar_size_vertical
        if len(lines) > height and scrollbar and width > scrollbar:
            width -= scrollbar
            lines = self._wrapped(width)
        self._lines = lines
        set_virtual_size(self, Size(width, len(lines)))
        self.refresh()

    def _wrapped(self, width: int) -> list[Strip]:
        options = self.app.console_options.update(width=width, highlight=False)
        segments = self.app.console.render(self._shown, options)
        return [Strip(line) for line in Segment.split_and_crop_lines(segments, width, include_new_lines=False,
                                                                      pad=False)]

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        selection = self.text_selection
        span = selection.get_span(index) if selection is not None else None
        if span is not None and span[0] < line.cell_length:
            start, end = span
            length = line.cell_length
            end = length if end == -1 else min(max(start, end), length)
            before, chosen, after = line.divide([start, end, length])
            marked = self.screen.get_component_rich_style("screen--selection")
            chosen = Strip(Segment.apply_style(chosen, post_style=marked), chosen.cell_length)
            line = Strip.join([before, chosen, after])
        # Padded as Textual pads a widget's rendered text, so the pane reads exactly as it did; the
        # offsets let a mouse drag select the thread's text (`get_selection`).
        return line.apply_style(base).crop_extend(0, width, base + Style(reverse=False)).apply_offsets(0, index)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The thread's text under a mouse selection, as the lines read on screen."""
        return selection.extract(self.text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # --- the thread as Rich renderables ---------------------------------------------------
    # Whatever a citizen or a scenario wrote goes through `neutralise`: shown, never obeyed.

    def render_group(self, group_id: str, state: DrillState) -> RenderableType:
        """The questions a group row stands for, longest-waiting first, one short block each."""
        group = state.grouper.groups[group_id]
        parts: list[RenderableType] = [
            Text(t("console.group_heading", n=group.count), style="bold"),
            Text(t("console.group_help"), style="italic"),
            Text(""),
        ]
        for index, member_id in enumerate(group.waiting):
            if index == GROUP_MEMBERS_SHOWN:
                parts.append(Text(t("console.more", n=group.count - index), style="italic"))
                break
            member = state.items[member_id]
            line = Text()
            line.append(wall_clock(self._starts, member.t) + " ", style="bold")
            line.append(neutralise(member.author) + ": ", style="bold")
            line.append(neutralise(excerpt(member.text, 300)))
            parts.append(line)
        return Group(*parts)

    def render_post(self, post_id: str, state: DrillState) -> RenderableType:
        """The team's post as the page shows it, and the comments under it with their replies."""
        post = state.post(post_id)
        if post is None:
            return Text(t("thread.none"), style="italic")
        header = Text()
        header.append(neutralise(self._page or post.author), style="bold")
        header.append(f" · {wall_clock(self._starts, post.t)}")
        header.append(" · " + t("console.official_post"), style="bold reverse")
        if post.archived:
            header.append(" · " + t("flag.archived"))
        parts: list[RenderableType] = [header, Text(neutralise(post.text))]
        if post.link:
            parts.append(Text(neutralise(post.link), style="underline"))
        by = t("console.post_by", name=neutralise(post.author.split(",")[0]))
        reach = state.reach.get(post_id)
        if reach and reach[0]:
            by += " · " + reach_words(reach[0], reach[1])
        parts += [Text(by, style="italic"), Text("")]
        for comment_id in state.post_comments.get(post_id, []):
            comment = state.items.get(comment_id)
            if comment is not None:
                parts.append(Padding(self.render_thread(comment, state), (0, 0, 0, 3)))
        return Group(*parts)

    def render_thread(self, chosen: ItemView, state: DrillState) -> RenderableType:
        root = state.items[chosen.thread_id]
        parts: list[RenderableType] = [self._item_block(root)]
        for child_id in state.threads.get(root.item_id, []):
            child = state.items.get(child_id)
            if child is not None:
                parts.append(Padding(self._item_block(child), (0, 0, 0, 3)))
        return Group(*parts)

    def _item_block(self, item: ItemView) -> RenderableType:
        header = Text()
        header.append(neutralise(item.author), style="bold")
        if item.author_role != "citizen":
            header.append(f" ({t('role.' + item.author_role)})", style="italic")
        header.append(f" · {wall_clock(self._starts, item.t)}")
        if item.channel != Channel.comment:
            header.append(f" · {t('channel.' + item.channel.value)}", style="bold reverse")
        parts: list[RenderableType] = [header]
        reaction = self._reaction_line(item)
        if reaction is not None:
            parts.append(reaction)
        flags = self._flags(item)
        if flags:
            parts.append(Text(flags, style="bold yellow"))
        parts.append(Text(neutralise(item.text), style="strike dim" if item.visibility == "deleted" else ""))
        if item.reach:
            parts.append(Text(reach_words(item.reach, item.shares), style="yellow"))
        for reply in item.replies:
            parts.append(self._reply_block(reply))
        if self._waiting(item.item_id):
            parts.append(Text(t("thread.no_reply"), style="bold red"))
        parts.append(Text(""))
        return Group(*parts)

    def _reply_block(self, reply: ReplyView) -> RenderableType:
        author = neutralise(reply.author.split(",")[0])
        heading = t("thread.reply_public" if reply.public else "thread.reply_private",
                    author=author, time=wall_clock(self._starts, reply.t))
        if reply.group:
            heading += " · " + t("console.reply_grouped")
        if reply.post:
            heading += " · " + t("console.reply_linked")
        lines: list[RenderableType] = [Text("↳ " + heading, style="bold green"),
                                       Padding(Text(neutralise(reply.text), style="green"), (0, 0, 0, 2))]
        reactions = self._reactions(reply)
        if reactions is not None:
            lines.append(Padding(reactions, (0, 0, 0, 2)))
        return Padding(Group(*lines), (0, 0, 0, 2))

    def _reactions(self, reply: ReplyView) -> Text | None:
        """Who reacted to this reply, and how, as the reactions arrived (likes counted)."""
        state = self._state
        said = []
        if state is not None:
            for item_id in state.reactions.get(reply.reply_id, []):
                item = state.items.get(item_id)
                if item is not None and item.source == "reaction":
                    said.append(f"{neutralise(item.author)} {t(f'console.reaction_{item.source_id}')}")
        if reply.likes:
            said.append(f"{LIKED} {reply.likes}")
        if not said:
            return None
        return Text(t("console.reactions", list=" · ".join(said)), style="italic cyan")

    def _reaction_line(self, item: ItemView) -> Text | None:
        """A citizen's reaction names the reply (or post) that caused it."""
        state = self._state
        if state is None or item.source != "reaction" or item.caused_by is None:
            return None
        reply = state.replies.get(item.caused_by)
        if reply is None:
            return None
        return Text(f"↩ {t('console.reaction_to', time=wall_clock(self._starts, reply.t))} · "
                    f"{t(f'console.reaction_{item.source_id}')}", style="italic cyan")

    def _flags(self, item: ItemView) -> str:
        flags: list[str] = []
        if item.visibility != "visible":
            reason = t("reason." + item.removal_reason.value) if item.removal_reason else ""
            flags.append(t("flag." + item.visibility, reason=reason))
        if item.liked:
            flags.append(t("flag.liked"))
        if item.archived:
            flags.append(t("flag.archived"))
        if item.corrected_at is not None:
            flags.append(t("flag.corrected", time=wall_clock(self._starts, item.corrected_at)))
        return " · ".join(flags)

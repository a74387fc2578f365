"""The municipality's page as a list of rows, one line each: the chosen triage view.

"Everything" lists threads, newest activity first, with the team's latest official post
pinned on top; the other views list single comments, and similar waiting questions as one
group row with a count (`drill.app.triage`). A drill can put 100,000 comments on the page,
arriving fifty a second. A widget per comment would make every keystroke wait for layout, so
this is a Line API widget: it knows only how many rows there are and draws the few that are
visible, reading each from the drill's state when it is drawn.
"""

from __future__ import annotations

from datetime import datetime

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from drill.app.feed_model import FeedModel
from drill.app.formatting import excerpt, wall_clock
from drill.app.triage import GROUP, POST
from drill.app.widgets.scrolling import set_virtual_size
from drill.i18n import number, plural, t
from drill.scenario.models import Channel
from drill.state import ItemView
from drill.terminal_text import neutralise

UNREAD_MARK = "●"
UNANSWERED_MARK = "?"
ANSWERED_MARK = "✓"
HIDDEN_MARK = "◌"
DELETED_MARK = "✗"
LIKED_MARK = "♥"
ARCHIVED_MARK = "▣"
GROUP_MARK = "≡"
POST_MARK = "◆"
IN_THREAD_MARK = "↳"
REACTION_MARK = "↩"


class PageFeed(ScrollView, can_focus=True):
    """Threads on the page; the highlighted one is shown in the thread pane."""

    COMPONENT_CLASSES = {
        "page-feed--cursor",
        "page-feed--unread",
        "page-feed--unanswered",
        "page-feed--answered",
        "page-feed--flag",
        "page-feed--time",
        "page-feed--author",
        "page-feed--reach",
        "page-feed--removed",
        "page-feed--group",
        "page-feed--post",
    }

    DEFAULT_CSS = """
    PageFeed {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
    }
    PageFeed > .page-feed--cursor { background: $accent 40%; text-style: bold; }
    PageFeed:focus > .page-feed--cursor { background: $accent; color: $text; }
    PageFeed > .page-feed--unread { color: $accent; text-style: bold; }
    PageFeed > .page-feed--unanswered { color: $error; text-style: bold; }
    PageFeed > .page-feed--answered { color: $success; }
    PageFeed > .page-feed--flag { color: $warning; text-style: bold; }
    PageFeed > .page-feed--time { color: $foreground-muted; }
    PageFeed > .page-feed--author { text-style: bold; }
    PageFeed > .page-feed--reach { color: $warning; }
    PageFeed > .page-feed--removed { color: $foreground-muted; text-style: strike; }
    PageFeed > .page-feed--group { color: $accent; text-style: bold; }
    PageFeed > .page-feed--post { color: $success; text-style: bold; }
    """

    BINDINGS = [
        Binding("up,k", "cursor_up", show=False),
        Binding("down,j", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    selected: var[str | None] = var(None)
    """The selected row (by keyboard, mouse or because it is the first): an item, `group:<id>` or
    `post:<id>` (`drill.app.triage`). Whatever shows the selection watches it (`DOMNode.watch`):
    a watcher runs as the row changes, in the key's own handler, so the thread pane's redraw is
    asked for with the cursor's and goes out in the same frame. A message for it climbed six
    containers to the screen, one turn of the event loop each, and under a storm reached it
    after the cursor's frame had gone out: the pane followed a frame or two later."""

    def __init__(self, model: FeedModel, starts: datetime, page: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._model = model
        self._starts = starts
        self._page = page
        """The page's own name, the author of the team's official posts."""
        self._drawn_version = -1
        self._drawn_content = -1
        self._row_count = 0
        self._cursor_index = -1
        """Where the selected thread was at the last redraw, to keep the reader's place."""
        self._styles: dict[str, Style] = {}
        self._strips: dict[tuple[str, int, bool, int, bool], Strip] = {}
        """Drawn rows by (thread, thread version, selected, width); cleared when it grows large."""
        self._on_screen: dict[int, tuple[str, int, bool, int, bool] | None] = {}
        """What each line of the widget last drew (its key in `_strips`), by line on screen: a
        key that moves the cursor or reads a row redraws only the lines that now read otherwise."""

    # --- selection ---------------------------------------------------------------------

    @property
    def cursor(self) -> int:
        if self.selected is None:
            return -1
        return self._model.row_index(self.selected)

    def select_index(self, index: int) -> None:
        rows = self._model.rows
        if not rows:
            return
        index = max(0, min(index, len(rows) - 1))
        self._cursor_index = index
        top = int(self.scroll_y)
        self.scroll_to_region_index(index)
        self.selected = rows[index]  # before the redraw, which reads it; its watchers run now
        if int(self.scroll_y) == top:
            self._refresh_changed_lines()  # the old cursor line and the new one
        else:
            self.refresh()  # scrolled: every line moved

    def select_item(self, item_id: str) -> None:
        index = self._model.row_index(item_id)
        if index >= 0:
            self.select_index(index)

    def view_changed(self) -> None:
        """Another view, order or search: start at its top (the first row is selected)."""
        self._cursor_index = -1
        self.scroll_to(y=0, animate=False)
        self._drawn_version = -1
        self.sync(restart=True)

    def scroll_to_region_index(self, index: int) -> None:
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif height and index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def action_cursor_up(self) -> None:
        self.select_index(max(0, self.cursor - 1))

    def action_cursor_down(self) -> None:
        self.select_index(self.cursor + 1)

    def action_page_up(self) -> None:
        self.select_index(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self.select_index(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.select_index(0)

    def action_last(self) -> None:
        self.select_index(len(self._model.rows) - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self.focus()
        self.select_index(int(self.scroll_y) + offset.y)

    # --- keeping up with the model -----------------------------------------------------

    def sync(self, *, restart: bool = False) -> None:
        """Redraw after the model changed; keep the reader's place unless they are at the top.
        `restart`: select the first row whatever was selected (another view)."""
        if self._model.version == self._drawn_version:
            return
        self._drawn_version = self._model.version
        if not restart and self._model.content_version == self._drawn_content:
            # Only what was read changed (the team moved to a row): the rows stand where they
            # were, and the few lines whose marks changed are redrawn, not the whole feed.
            self._refresh_changed_lines()
            return
        self._drawn_content = self._model.content_version
        rows = self._model.rows
        old_count, self._row_count = self._row_count, len(rows)
        before = self._cursor_index
        self._set_row_count(len(rows))
        selected = None if restart else self.selected
        if selected is None or self._model.row_index(selected) < 0:
            # Nothing selected yet: the first row. The selected row left the view (answered,
            # moderated, merged into a group): the row that took its place is next, so a team
            # can work down the list key after key.
            selected = rows[min(max(before, 0), len(rows) - 1)] if rows else None
        after = self._cursor_index = self._model.row_index(selected) if selected is not None else -1
        if self.scroll_y > 0 and before >= 0 and after > before and self._row_count > old_count:
            self.scroll_to(y=self.scroll_y + (after - before), animate=False)
        self.refresh()
        self.selected = selected  # last: its watchers find the feed as it will be drawn

    def _set_row_count(self, count: int) -> None:
        """Grow the scrollable area without a screen layout (the costly part of a tick under load)."""
        set_virtual_size(self, Size(self.scrollable_content_region.width, count))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._model.rows))

    # --- drawing -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def _style(self, name: str) -> Style:
        """Component styles, looked up once (resolving them is costly on every line)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _line_key(self, index: int, width: int) -> tuple[str, int, bool, int, bool] | None:
        """What line `index` of the rows reads now, as a key of `_strips` (None: past the end)."""
        rows = self._model.rows
        if index >= len(rows):
            return None
        row = rows[index]
        return row, self._row_version(row), row == self.selected, width, self._model.view == "all"

    def _refresh_changed_lines(self) -> None:
        """Redraw the lines on screen that would now read otherwise than they last did."""
        width = self.scrollable_content_region.width
        top = int(self.scroll_y)
        for y in range(self.scrollable_content_region.height):
            if self._on_screen.get(y, False) != self._line_key(top + y, width):
                self.refresh(Region(0, y, self.size.width, 1))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        key = self._on_screen[y] = self._line_key(int(self.scroll_y) + y, width)
        if key is None:
            return Strip.blank(width, self.rich_style)
        row, _, selected, _, _ = key
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 2000:
                self._strips.clear()
            strip = self._strips[key] = self._draw_row(row, width, selected)
        return strip

    def _row_version(self, row: str) -> int:
        if row.startswith((GROUP, POST)):
            return self._model.version  # few on screen; redrawn whenever anything changed
        item = self._model.state.items.get(row)
        return self._model.thread_version(item.thread_id if item is not None else row)

    def _draw_row(self, row: str, width: int, selected: bool) -> Strip:
        base = self.rich_style
        if row.startswith(GROUP):
            line = self.group_text(row.removeprefix(GROUP), width)
        elif row.startswith(POST):
            line = self.post_text(row.removeprefix(POST), width)
        elif self._model.view == "all":
            line = self.row_text(row, width)
        else:
            line = self.item_text(row, width)
        cursor = self._style("page-feed--cursor")
        if selected:
            line.stylize(cursor)
        strip = Strip(list(line.render(self.app.console)), line.cell_len)
        return strip.crop_extend(0, width, base + cursor if selected else base).apply_style(base)

    def line_text(self, row: str, width: int = 100) -> str:
        """A row as it reads on screen (tests and the benchmark read rows this way)."""
        return self._draw_row(row, width, False).text

    def row_text(self, root_id: str, width: int) -> Text:
        """A thread on the page: the root comment, how many follow it, how far it spread."""
        model = self._model
        item: ItemView = model.state.items[root_id]
        thread = model.thread_items(root_id)
        style = self._style
        line = Text(no_wrap=True, overflow="crop", end="")
        self._marks(line, item, unread=any(i.item_id not in model.seen for i in thread),
                    waiting=model.thread_unanswered(root_id), answered=any(i.answered for i in thread))
        line.append(" " + wall_clock(self._starts, item.t) + " ", style("page-feed--time"))
        author_width = 18 if width >= 100 else 12
        line.append(excerpt(neutralise(item.author), author_width).ljust(author_width) + " ", style("page-feed--author"))
        suffix = Text(end="")
        if len(thread) > 1:
            suffix.append(f" +{len(thread) - 1}", style("page-feed--time"))
        if item.reach:
            suffix.append(" " + t("feed.reach", reached=number(item.reach), shares=number(item.shares)),
                          style("page-feed--reach"))
        text_style = style("page-feed--removed") if item.visibility == "deleted" else None
        return self._fill(line, item.text, suffix, width, text_style)


    def _marks(self, line: Text, item: ItemView, *, unread: bool, waiting: bool, answered: bool) -> None:
        style = self._style
        line.append(UNREAD_MARK if unread else " ", style("page-feed--unread"))
        if waiting:
            line.append(UNANSWERED_MARK, style("page-feed--unanswered"))
        elif answered:
            line.append(ANSWERED_MARK, style("page-feed--answered"))
        else:
            line.append(" ")
        visibility = {"hidden": HIDDEN_MARK, "deleted": DELETED_MARK}.get(item.visibility, " ")
        line.append(visibility, style("page-feed--flag"))
        line.append(LIKED_MARK if item.liked else " ", style("page-feed--flag"))
        line.append(ARCHIVED_MARK if item.archived else " ", style("page-feed--flag"))

    def _fill(self, line: Text, text: str, suffix: Text, width: int, text_style: Style | None = None) -> Text:
        room = max(0, width - line.cell_len - suffix.cell_len)
        line.append(excerpt(neutralise(text), room).ljust(room), text_style or Style())  # shown, never obeyed
        line.append_text(suffix)
        return line

    def item_text(self, item_id: str, width: int) -> Text:
        """One comment (in a view other than "everything"): its own marks, and ↳ inside a thread."""
        model = self._model
        item = model.state.items[item_id]
        style = self._style
        line = Text(no_wrap=True, overflow="crop", end="")
        self._marks(line, item, unread=item_id not in model.seen, waiting=model.is_unanswered(item_id),
                    answered=item.answered)
        line.append(" " + wall_clock(self._starts, item.t) + " ", style("page-feed--time"))
        author_width = 18 if width >= 100 else 12
        line.append(excerpt(neutralise(item.author), author_width).ljust(author_width) + " ", style("page-feed--author"))
        if item.channel != Channel.comment:
            line.append(t("channel." + item.channel.value) + " ", style("page-feed--flag"))
        elif item.source == "reaction":
            line.append(REACTION_MARK + " ", style("page-feed--flag"))
        elif item.thread_id != item_id:
            line.append(IN_THREAD_MARK + " ", style("page-feed--time"))
        suffix = Text(end="")
        if item.reach:
            suffix.append(" " + t("feed.reach", reached=number(item.reach), shares=number(item.shares)),
                          style("page-feed--reach"))
        text_style = style("page-feed--removed") if item.visibility == "deleted" else None
        return self._fill(line, item.text, suffix, width, text_style)

    def group_text(self, group_id: str, width: int) -> Text:
        """Similar questions as one row: how many wait, since when, and the longest-waiting one."""
        model = self._model
        style = self._style
        group = model.state.grouper.groups[group_id]
        line = Text(no_wrap=True, overflow="crop", end="")
        unread = any(m not in model.seen for m in group.waiting)
        line.append(UNREAD_MARK if unread else " ", style("page-feed--unread"))
        line.append(UNANSWERED_MARK, style("page-feed--unanswered"))
        line.append(GROUP_MARK + "  ", style("page-feed--group"))
        oldest = group.oldest_t if group.oldest_t is not None else 0.0
        line.append(" " + wall_clock(self._starts, oldest) + " ", style("page-feed--time"))
        author_width = 18 if width >= 100 else 12
        label = t("console.group_row" if author_width >= 18 else "console.group_row_short", n=group.count)
        line.append(excerpt(label, author_width).ljust(author_width) + " ", style("page-feed--group"))
        representative = group.representative
        text = model.state.items[representative].text if representative is not None else ""
        return self._fill(line, text, Text(end=""), width)

    def post_text(self, post_id: str, width: int) -> Text:
        """One of the team's official posts, as the page's own post, with its comment count."""
        model = self._model
        style = self._style
        post = model.state.post(post_id)
        assert post is not None, post_id  # a post row is drawn only for a post on the page
        line = Text(no_wrap=True, overflow="crop", end="")
        comments = model.state.post_comments.get(post_id, [])
        waiting = any(model.thread_unanswered(c) for c in comments)
        unread = any(model.thread_unread(c) for c in comments)
        line.append(UNREAD_MARK if unread else " ", style("page-feed--unread"))
        line.append(UNANSWERED_MARK if waiting else " ", style("page-feed--unanswered"))
        if post.archived:  # in the items' archive column
            line.append(POST_MARK + " ", style("page-feed--post"))
            line.append(ARCHIVED_MARK, style("page-feed--flag"))
        else:
            line.append(POST_MARK + "  ", style("page-feed--post"))
        line.append(" " + wall_clock(self._starts, post.t) + " ", style("page-feed--time"))
        author_width = 18 if width >= 100 else 12
        line.append(excerpt(neutralise(self._page), author_width).ljust(author_width) + " ", style("page-feed--post"))
        suffix = Text(end="")
        if comments and width >= 100:
            suffix.append(" " + plural("console.post_comments", len(comments)), style("page-feed--time"))
        elif comments:
            suffix.append(f" +{len(comments)}", style("page-feed--time"))
        reach = model.state.reach.get(post_id)
        if reach and reach[0] and width >= 100:
            suffix.append(" " + t("feed.reach", reached=number(reach[0]), shares=number(reach[1])),
                          style("page-feed--reach"))
        return self._fill(line, post.text, suffix, width)

"""The municipality's page as a list of threads, newest activity first, one line per thread.

A drill can put ten thousand comments on the page, arriving fifty a second. A widget per
comment would make every keystroke wait for layout, so this is a Line API widget: it knows
only how many rows there are and draws the few that are visible, reading each from the
drill's state when it is drawn.
"""

from __future__ import annotations

from datetime import datetime

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from drill.app.feed_model import FeedModel
from drill.app.formatting import excerpt, wall_clock
from drill.i18n import number, t
from drill.state import ItemView

UNREAD_MARK = "●"
UNANSWERED_MARK = "?"
ANSWERED_MARK = "✓"
HIDDEN_MARK = "◌"
DELETED_MARK = "✗"
LIKED_MARK = "♥"
ARCHIVED_MARK = "▣"


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
    }

    DEFAULT_CSS = """
    PageFeed {
        background: $surface;
        color: $foreground;
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
    """

    BINDINGS = [
        Binding("up,k", "cursor_up", show=False),
        Binding("down,j", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    class Highlighted(Message):
        """A thread became the selected one (by keyboard, mouse or because it is the first)."""

        def __init__(self, feed: PageFeed, item_id: str | None) -> None:
            super().__init__()
            self.feed = feed
            self.item_id = item_id

    def __init__(self, model: FeedModel, starts: datetime, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._model = model
        self._starts = starts
        self._selected: str | None = None
        self._drawn_version = -1
        self._row_count = 0
        self._cursor_index = -1
        """Where the selected thread was at the last redraw, to keep the reader's place."""
        self._styles: dict[str, Style] = {}
        self._strips: dict[tuple[str, int, bool, int], Strip] = {}
        """Drawn rows by (thread, thread version, selected, width); cleared when it grows large."""

    # --- selection ---------------------------------------------------------------------

    @property
    def selected(self) -> str | None:
        return self._selected

    @property
    def cursor(self) -> int:
        if self._selected is None:
            return -1
        rows = self._model.rows
        try:
            return rows.index(self._selected)
        except ValueError:
            return -1

    def select_index(self, index: int) -> None:
        rows = self._model.rows
        if not rows:
            return
        index = max(0, min(index, len(rows) - 1))
        chosen = rows[index]
        self._cursor_index = index
        if chosen != self._selected:
            self._selected = chosen
            self.post_message(self.Highlighted(self, chosen))
        self.scroll_to_region_index(index)
        self.refresh()

    def select_item(self, item_id: str) -> None:
        rows = self._model.rows
        if item_id in rows:
            self.select_index(rows.index(item_id))

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

    def sync(self) -> None:
        """Redraw after the model changed; keep the reader's place unless they are at the top."""
        if self._model.version == self._drawn_version:
            return
        self._drawn_version = self._model.version
        rows = self._model.rows
        old_count, self._row_count = self._row_count, len(rows)
        before = self._cursor_index
        self._set_row_count(len(rows))
        if self._selected is None and rows:
            self._selected = rows[0]
            self.post_message(self.Highlighted(self, rows[0]))
        after = self._cursor_index = self.cursor
        if self.scroll_y > 0 and before >= 0 and after > before and self._row_count > old_count:
            self.scroll_to(y=self.scroll_y + (after - before), animate=False)
        self.refresh()

    def _set_row_count(self, count: int) -> None:
        """Grow the scrollable area without a screen layout (the costly part of a tick under load).

        Only when the scrollbar appears or disappears does the screen need a new layout.
        """
        old = self.virtual_size
        new = Size(self.scrollable_content_region.width, count)
        if new == old:
            return
        height = self.scrollable_content_region.height
        if (old.height > height) != (new.height > height) or old.width != new.width:
            self.virtual_size = new
            return
        self.set_reactive(ScrollView.virtual_size, new)
        self._scroll_update(new)

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

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        rows = self._model.rows
        if index >= len(rows):
            return Strip.blank(width, self.rich_style)
        root_id = rows[index]
        selected = root_id == self._selected
        key = (root_id, self._model.thread_version(root_id), selected, width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 2000:
                self._strips.clear()
            strip = self._strips[key] = self._draw_row(root_id, width, selected)
        return strip

    def _draw_row(self, root_id: str, width: int, selected: bool) -> Strip:
        base = self.rich_style
        line = self.row_text(root_id, width)
        cursor = self._style("page-feed--cursor")
        if selected:
            line.stylize(cursor)
        strip = Strip(list(line.render(self.app.console)), line.cell_len)
        return strip.crop_extend(0, width, base + cursor if selected else base).apply_style(base)

    def row_text(self, root_id: str, width: int) -> Text:
        model = self._model
        item: ItemView = model.state.items[root_id]
        thread = model.thread_items(root_id)
        style = self._style
        line = Text(no_wrap=True, overflow="crop", end="")
        unread = any(i.item_id not in model.seen for i in thread)
        line.append(UNREAD_MARK if unread else " ", style("page-feed--unread"))
        if model.thread_unanswered(root_id):
            line.append(UNANSWERED_MARK, style("page-feed--unanswered"))
        elif any(i.answered for i in thread):
            line.append(ANSWERED_MARK, style("page-feed--answered"))
        else:
            line.append(" ")
        visibility = {"hidden": HIDDEN_MARK, "deleted": DELETED_MARK}.get(item.visibility, " ")
        line.append(visibility, style("page-feed--flag"))
        line.append(LIKED_MARK if item.liked else " ", style("page-feed--flag"))
        line.append(ARCHIVED_MARK if item.archived else " ", style("page-feed--flag"))
        line.append(" " + wall_clock(self._starts, item.t) + " ", style("page-feed--time"))
        author_width = 18 if width >= 100 else 12
        line.append(excerpt(item.author, author_width).ljust(author_width) + " ", style("page-feed--author"))
        suffix = Text(end="")
        if len(thread) > 1:
            suffix.append(f" +{len(thread) - 1}", style("page-feed--time"))
        if item.reach:
            suffix.append(" " + t("feed.reach", reached=number(item.reach), shares=number(item.shares)),
                          style("page-feed--reach"))
        room = max(0, width - line.cell_len - suffix.cell_len)
        text_style = style("page-feed--removed") if item.visibility == "deleted" else Style()
        line.append(excerpt(item.text, room).ljust(room), text_style)
        line.append_text(suffix)
        return line


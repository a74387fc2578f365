"""Giving a Line API view a new scrollable size without laying out the whole screen.

`virtual_size` is a layout reactive: setting it lays every widget on the screen out again,
which under a comment storm is the costliest part of a frame (the feed grows on every tick,
the thread pane changes on every cursor key). A view's virtual size only moves its own
scrollbar, so the screen needs a new layout only when that scrollbar appears or disappears
(or the width changes); otherwise the scrollbar is told its new window and the view redraws.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Give `view` the scrollable size `size`, laying out the screen only when it must."""
    old = view.virtual_size
    if size == old:
        return
    height = view.scrollable_content_region.height
    if (old.height > height) != (size.height > height) or old.width != size.width:
        view.virtual_size = size
        return
    view.set_reactive(ScrollView.virtual_size, size)
    if view.show_vertical_scrollbar:
        bar = view.vertical_scrollbar
        bar.window_virtual_size = size.height
        bar.window_size = height
        bar.refresh()
    view.scroll_y = min(view.scroll_y, view.max_scroll_y)  # a shorter thread: stay inside it
    view.refresh()

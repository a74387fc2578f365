"""A key that moves the feed's cursor or reads a row redraws the lines that changed, and the
screen then reads exactly as a redraw of the whole feed would."""

from __future__ import annotations

from textual.strip import Strip

from drill.app.widgets.page_feed import PageFeed
from tests.app.screens import console


def _count_lines(feed: PageFeed, drawn: list[int]) -> None:
    """Note the line of every `render_line` call the feed gets from here on."""
    original = feed.render_line

    def render_line(y: int) -> Strip:
        drawn.append(y)
        return original(y)

    feed.render_line = render_line  # type: ignore[method-assign]


async def test_a_cursor_key_redraws_two_lines_and_the_screen_reads_as_a_full_redraw(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(20 * 60)
        await pilot.pause()
        screen = console(app)
        feed = screen.feed
        rows = screen.model.rows
        assert len(rows) > 4 and feed.cursor == 0
        assert any(row not in screen.model.seen for row in rows[1:3]), "rows below are unread: reading them shows"
        drawn: list[int] = []
        _count_lines(feed, drawn)
        for key in ("down", "down", "up"):
            drawn.clear()
            before = feed.cursor
            await pilot.press(key)
            await pilot.pause()
            assert sorted(set(drawn)) == sorted({before, feed.cursor}), (key, drawn)
        partial = app.export_screenshot()
        feed.refresh()
        await pilot.pause()
        assert app.export_screenshot() == partial, "the lines left as they were read as a fresh redraw"


async def test_new_comments_redraw_the_whole_feed(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        feed = console(app).feed
        drawn: list[int] = []
        _count_lines(feed, drawn)
        app.advance(10 * 60)  # new threads come in at the top: every row moves down
        await pilot.pause()
        assert len(set(drawn)) == feed.scrollable_content_region.height

"""The thread pane follows the feed's cursor in the handler that moves it (so both are drawn in
the same frame), and only while the page is the list on screen."""

from __future__ import annotations

from drill.app.triage import GROUP, POST
from drill.engine.actions import Reply
from tests.app.screens import console


async def test_the_pane_already_shows_each_row_the_cursor_moves_to(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(20 * 60)
        await pilot.pause()
        screen = console(app)
        feed, thread = screen.feed, screen.thread
        assert len(screen.model.rows) > 3
        # Watching after the console does, this sees each move once the console has handled it.
        seen: list[tuple[str | None, str | None]] = []
        screen.watch(feed, "selected", lambda row: seen.append((row, thread.item_id)), init=False)
        for key in ("down", "down", "up", "end", "home"):
            await pilot.press(key)
        await pilot.pause()
        rows = screen.model.rows
        assert [row for row, _ in seen] == [rows[1], rows[2], rows[1], rows[-1], rows[0]]
        assert all(shown == row for row, shown in seen), "the pane showed every row as the cursor reached it"
        state = screen.connection.state
        assert state.items[rows[0]].author in thread.text


async def test_a_row_leaving_the_page_does_not_take_the_pane_from_the_inbox(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(10 * 60)
        await pilot.pause()
        screen = console(app)
        await pilot.press("1")  # what needs an answer
        await pilot.pause()
        answered = next(row for row in screen.model.rows if not row.startswith((GROUP, POST)))
        screen.feed.select_item(answered)
        await pilot.press("i")
        await pilot.pause()
        assert screen.thread.item_id == "press-call"

        assert screen.send(Reply(item=answered, text="Vi undersøker saken og kommer tilbake i dag. Hilsen Kari"))
        await pilot.pause()
        assert answered not in screen.model.rows
        assert screen.feed.selected not in (None, answered), "the page's next waiting row is selected"
        assert screen.thread.item_id == "press-call", "the pane stays on what the inbox has highlighted"

        await pilot.press("1")  # back to the page: the pane shows its selected row again
        await pilot.pause()
        assert screen.thread.item_id == screen.feed.selected


async def test_the_inbox_changing_behind_the_page_does_not_take_the_pane(console_app) -> None:  # noqa: ANN001
    """A message read in the inbox stays highlighted there; each time the inbox was drawn anew
    (a new message, a reply that answered one) it highlighted that message again, and the pane
    showed it beside the page's selected row."""
    app = console_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.advance(4 * 60)  # the police's message is the only one in the inbox
        await pilot.pause()
        screen = console(app)
        await pilot.press("i")
        await pilot.pause()
        read = screen.thread.item_id
        assert read in screen.model.inbox
        await pilot.press("1")
        await pilot.pause()
        assert screen.thread.item_id == screen.feed.selected != read

        app.advance(4 * 60)  # the press calls: a new message in the inbox while the page is on screen
        await pilot.pause()
        assert len(screen.model.inbox) > 1
        assert screen.thread.item_id == screen.feed.selected

        answered = screen.feed.selected
        assert answered is not None and not answered.startswith((GROUP, POST))
        assert screen.send(Reply(item=answered, text="Vi undersøker saken og kommer tilbake i dag. Hilsen Kari"))
        await pilot.pause()
        assert screen.thread.item_id == screen.feed.selected != answered

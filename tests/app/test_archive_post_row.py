"""`a` on one of the team's own posts (a post row in view 5) marks it for the archive, as on an item."""

from __future__ import annotations

from drill.app.triage import POST
from drill.app.widgets.page_feed import ARCHIVED_MARK
from drill.engine.actions import OfficialPost
from tests.app.screens import console


async def test_a_on_a_post_row_marks_the_post_and_the_row_shows_it(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        app.connection.apply(OfficialPost(text="Gasslekkasje ved Torget. Hold vinduene lukket."))
        post_id = app.connection.state.official_posts[-1].post_id
        app.advance(2 * 60)
        await pilot.pause()
        screen = console(app)
        await pilot.press("5")
        await pilot.pause()
        screen.feed.select_item(POST + post_id)
        await pilot.pause()
        assert screen.selected_row == POST + post_id and screen.current_item is None
        assert ARCHIVED_MARK not in screen.feed.line_text(POST + post_id)
        await pilot.press("a")
        await pilot.pause()
        marks = [e.payload for e in app.connection.live.store.events() if e.type == "archive_marked"]  # type: ignore[union-attr]
        assert [(m.item_id, m.post) for m in marks] == [(post_id, True)]
        assert app.connection.state.official_posts[-1].archived
        assert ARCHIVED_MARK in screen.feed.line_text(POST + post_id)
        assert "Merket for arkiv" in " ".join(screen.thread.text.split())
        await pilot.press("a")
        await pilot.pause()
        assert "Innlegget er allerede merket for arkiv." in [n.message for n in app._notifications]
        assert len([e for e in app.connection.live.store.events() if e.type == "archive_marked"]) == 1  # type: ignore[union-attr]

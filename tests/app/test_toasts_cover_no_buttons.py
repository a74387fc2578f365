"""A pop-up never covers a button: the debrief tells where the report went in its own row, and a
toast raised before a dialog opens is drawn away from the dialog's buttons."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Button

from drill.app.debrief_data import Debrief
from drill.app.screens.debrief import DebriefScreen
from drill.app.screens.dialogs import ReplyDialog
from drill.engine.actions import OfficialPost
from drill.summary import summarise
from tests.app.screens import console


def covered_buttons(app) -> list[str]:  # noqa: ANN001
    """The buttons on screen that a toast overlaps."""
    toasts = [toast.region for toast in app.screen.query("Toast") if toast.region.area]
    buttons = app.screen.query(Button)
    return [str(button.label) for button in buttons
            if any(button.region.overlaps(toast) for toast in toasts) and button.region != Region()]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_debrief_says_where_the_report_went_without_covering_its_buttons(console_app, size) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        app.advance(60)
        await pilot.pause()
        connection = app.connection
        session = connection.session_path
        debrief = Debrief(summarise(list(connection.events)), None)
        app.push_screen(DebriefScreen(debrief, title="Gasslukt", end_reason=None, session=session))
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        written = session.with_suffix(".html")
        assert written.exists()
        assert covered_buttons(app) == []
        shown = app.screen.query_one("#report-result").render()
        assert str(written) in str(shown)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_toast_from_the_console_does_not_cover_the_reply_buttons(console_app, size) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        app.advance(60)
        await pilot.pause()
        screen = console(app)
        screen.feed.select_item("first-alarm")
        screen.notify("Likt")  # as after a like: a toast that outlives the key that raised it
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReplyDialog)
        assert list(app.screen.query("Toast")), "the toast is still up"
        assert covered_buttons(app) == []


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_keys_pressed_in_a_row_leave_one_toast_low_over_the_strip(console_app, size) -> None:  # noqa: ANN001
    """A team of one answers row after row with L; a toast for each stacked up over the thread
    being read. The latest outcome takes the place of the one before."""
    app = console_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        app.advance(10 * 60)
        await pilot.pause()
        app.connection.apply(OfficialPost(text="Gasslekkasje ved Torget.", link="https://www.fjellvik.kommune.no/krise"))
        await pilot.pause()
        await pilot.press("1")
        waiting = console(app).model.unanswered_count
        for _ in range(4):
            await pilot.press("L")
        await pilot.pause()
        await pilot.pause()
        assert console(app).model.unanswered_count < waiting, "the rows were answered"
        toasts = [toast.region for toast in app.screen.query("Toast")]
        assert len(toasts) == 1
        assert toasts[0].bottom >= console(app).news.region.y, "low, over the strip of arrivals"

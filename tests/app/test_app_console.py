"""What the console shows: the feed at a glance, the status bar, the inbox, reach."""

from __future__ import annotations

import re

import pytest

from drill.app.formatting import plain_text
from drill.app.screens.console import ConsoleScreen
from drill.app.widgets.reach_chart import ReachChart
from drill.engine.actions import Archive, Delete, Hide, Like, Reply
from drill.scenario.models import DeletionReason
from tests.app.screens import console


async def test_feed_shows_newest_activity_first_with_markers(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        screen = console(app)
        rows = screen.model.rows
        times = [app.connection.state.items[r].last_activity for r in rows]
        assert times == sorted(times, reverse=True)
        # first-alarm got a comment in its thread at 5m: it is the most recently active thread.
        assert rows[0] == "first-alarm"
        assert screen.feed.selected == rows[0], "the first thread is selected from the start"
        line = screen.feed.row_text("school-question", 100).plain
        assert line.startswith("●?"), "unread and unanswered"
        assert "10:59" in line and "Barna mine går på Torget skole" in line
        assert screen.feed.row_text("first-alarm", 100).plain.rstrip().endswith("+1")
        screen.feed.select_item("school-question")
        await pilot.pause()
        assert screen.feed.row_text("school-question", 100).plain.startswith(" ?"), "read once shown"
        assert "Barna mine går på Torget skole" in screen.thread.text
        app.connection.apply(Reply(item="school-question", text="Skolen er ikke berørt."))
        screen.refresh_views()
        assert screen.feed.row_text("school-question", 100).plain.startswith(" ✓")
        assert screen.model.rows[0] == "school-question", "a reply is activity"


async def test_status_bar_shows_story_clock_duty_and_waiting(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(160, 36)) as pilot:  # wide enough for the whole long form
        app.advance(9 * 60 + 12)
        await pilot.pause()
        status = console(app).status.text
        assert status.startswith("11:04 (+0:09:12)")
        assert "▶ 1×" in status and "Vakt: Kari" in status
        unanswered = console(app).model.unanswered_count
        assert f"Ubesvart: {unanswered}" in status
        assert "Eldste venter: 9 min" in status


async def test_feed_keys_and_mouse_move_the_selection(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(10 * 60)
        await pilot.pause()
        screen = console(app)
        rows = screen.model.rows
        await pilot.press("down", "down")
        assert screen.feed.selected == rows[2]
        await pilot.press("up")
        assert screen.feed.selected == rows[1]
        await pilot.press("end")
        assert screen.feed.selected == rows[-1]
        await pilot.press("home")
        assert screen.feed.selected == rows[0]
        await pilot.click("#feed", offset=(20, 3))
        await pilot.pause()
        assert screen.feed.selected == rows[3]
        assert screen.thread.item_id == rows[3]


async def test_messages_arrive_in_the_strip_and_in_the_inbox(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(9 * 60)
        await pilot.pause()
        screen = console(app)
        news = screen.news.lines
        assert news[0].startswith("11:03 Pressehenvendelse: Marte Solberg (Fjellvik Avis): Fjellvik Avis her."), news
        assert any(line.startswith("10:58 Nødetat: Politiets operasjonssentral: Gasslekkasje") for line in news)
        assert list(app._notifications) == [], "arrivals go to the strip under the thread, not to toasts"
        assert "police-cordon" not in screen.model.rows, "messages are not on the page"
        assert screen.model.inbox == ["press-call", "police-cordon"]
        assert str(screen.views.get_tab("tab-inbox").label) == "Innboks (2)"
        await pilot.press("i")
        await pilot.pause()
        assert screen.views.active == "tab-inbox"
        assert screen.thread.item_id == "press-call"
        assert "Fjellvik Avis her" in screen.thread.text
        await pilot.press("down")
        await pilot.pause()
        assert screen.thread.item_id == "police-cordon"
        assert str(screen.views.get_tab("tab-inbox").label) == "Innboks"
        await pilot.press("r")
        app.screen.query_one("#reply-text").insert("Vi ringer tilbake.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        reply = app.connection.state.items["police-cordon"].replies[0]
        assert reply.public is False, "answers to calls and messages are private"


async def test_reach_chart_fills_in_from_reach_events(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(12 * 60)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        chart = app.screen.query_one(ReachChart)
        assert chart.plot.display and not chart.empty_note.display
        series = console(app)._reach.points
        assert series[-1].t == 720 and series[-1].citizens == 720, "bomb rumour: 6 min x 120/min"
        assert series[-1].team == 0
        assert "nådd 720" in console(app).feed.row_text("bomb-rumour", 100).plain


async def test_reach_panel_says_so_when_there_is_no_reach_data(console_app) -> None:  # noqa: ANN001
    app = console_app(spread=False)
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(12 * 60)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        chart = app.screen.query_one(ReachChart)
        assert chart.empty_note.display and not chart.plot.display
        assert "Ingen data om spredning" in str(chart.empty_note.content)


async def test_time_running_out_shows_the_debrief_with_the_summary(console_app, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("drill.app.debrief_data.scorer", lambda: None)
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(2 * 3600)
        await pilot.pause()
        debrief = app.screen
        assert debrief.id == "debrief"
        text = debrief.text
        assert "Tiden er ute." in text and "session.db" in text
        assert "Poengberegningen er ikke tilgjengelig" in text
        assert "Offisielle poster" in text


async def test_debrief_scores_the_drill_and_writes_the_html_report(console_app) -> None:  # noqa: ANN001
    pytest.importorskip("scoring.report.files")
    app = console_app(language="en")
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(2 * 3600)
        await pilot.pause()
        debrief = app.screen
        assert debrief.id == "debrief"
        text = debrief.text
        assert re.search(r"Total: \d+ of 100", text), text
        assert "Top areas for improvement" in text and "What happened" in text
        await pilot.press("w")
        await pilot.pause()
        report = app.connection.session_path.with_suffix(".html")
        assert report.exists() and "<html" in report.read_text(encoding="utf-8").lower()
        assert f"Report written to {report}" in str(debrief.query_one("#report-result").render())


async def test_our_posts_tab_and_time_since_the_last_update(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(160, 36)) as pilot:  # the time since the last post goes first at 120
        app.advance(4 * 60)
        await pilot.pause()
        screen = console(app)
        assert "Ingen offisiell post ennå" in screen.status.text
        await pilot.press("o")
        app.screen.query_one("#post-text").insert("Gasslekkasje ved Torget. Hold dere unna.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.advance(7 * 60)
        await pilot.pause()
        assert "Siste post for 7 min siden" in screen.status.text
        await pilot.press("p")
        await pilot.pause()
        prompt = str(screen.posts.get_option_at_index(0).prompt)
        assert "10:59 Kari: Gasslekkasje ved Torget" in prompt
        assert "https://www.fjellvik.kommune.no/krise" in prompt


async def test_flags_are_visible_on_the_row(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(16 * 60)
        await pilot.pause()
        connection, feed = app.connection, console(app).feed
        connection.apply(Like(item="first-alarm"))
        connection.apply(Archive(item="first-alarm"))
        connection.apply(Hide(item="mayor-attack", reason=DeletionReason.personal_attack))
        connection.apply(Delete(item="blame-neighbour", reason=DeletionReason.third_party))
        console(app).refresh_views()
        assert feed.row_text("first-alarm", 100).plain[2:5] == " ♥▣"
        assert feed.row_text("mayor-attack", 100).plain[2:5] == "◌  "
        assert feed.row_text("blame-neighbour", 100).plain[2:5] == "✗  "
        feed.select_item("blame-neighbour")
        await pilot.pause()
        assert "Slettet: Navngir tredjeperson" in console(app).thread.text


async def test_legend_explains_the_marks(console_app) -> None:  # noqa: ANN001
    app = console_app(language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "LegendDialog"
        assert "Waiting for an answer" in plain_text(app.screen.query_one("#legend-marks").content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)

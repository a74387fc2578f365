"""What a team of one found playing the gas drill at 30×: keys that must act at once, pop-ups
that must cover nothing, and the shortest way to point a waiting row to the latest update."""

from __future__ import annotations

from textual.widgets import TextArea

from drill.app.app import DrillApp
from drill.app.formatting import wall_clock
from drill.app.screens.console import ConsoleScreen
from drill.app.screens.debrief import DebriefScreen
from drill.app.screens.dialogs import ReplyDialog
from drill.app.triage import GROUP
from drill.engine.actions import OfficialPost
from drill.events import Event
from tests.app.screens import console

LINK = "https://www.fjellvik.kommune.no/krise"


def replies_on_disk(app: DrillApp) -> list[Event]:
    return [e for e in app.connection.live.store.events() if e.type == "reply_posted"]  # type: ignore[union-attr]


async def with_a_post_and_a_group(app: DrillApp, pilot) -> tuple[ConsoleScreen, str, str]:  # noqa: ANN001
    """The gas drill at 11:25 with one official post at 11:15, "needs an answer" on screen and
    its first group row selected; returns the screen, the post and the row."""
    app.advance(20 * 60)
    await pilot.pause()
    app.connection.apply(OfficialPost(text="Gasslekkasje ved Torget. Hold dere unna.", link=LINK))
    app.advance(10 * 60)
    await pilot.pause()
    screen = console(app)
    await pilot.press("1")
    await pilot.pause()
    row = next(r for r in screen.model.rows if r.startswith(GROUP))
    screen.feed.select_item(row)
    await pilot.pause()
    return screen, app.connection.state.official_posts[-1].post_id, row


async def test_ctrl_l_then_publish_at_once_sends_the_pointer_not_a_bare_signature(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen, post_id, row = await with_a_post_and_a_group(app, pilot)
        state = screen.connection.state
        members = list(state.grouper.groups[row.removeprefix(GROUP)].waiting)
        await pilot.press("r")
        assert isinstance(app.screen, ReplyDialog)
        # Ctrl+L and Ctrl+S with nothing in between, as on a busy machine where the select's
        # change message is still queued when the publish key is handled.
        app.screen.action_link_latest()
        app.screen.action_submit()
        await pilot.pause()
        replies = replies_on_disk(app)
        at = wall_clock(app.connection.scenario.starts, state.official_posts[-1].t)
        assert sorted(e.payload.item_id for e in replies) == sorted(members)
        assert all(e.payload.post == post_id for e in replies)
        assert all(f"kl. {at}: {LINK}" in e.payload.text for e in replies), [e.payload.text for e in replies]


async def test_an_edit_after_ctrl_l_is_kept(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await with_a_post_and_a_group(app, pilot)
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        await pilot.press("ctrl+l")
        dialog.query_one("#reply-text", TextArea).insert("Legekontoret er åpent. ")
        await pilot.pause()  # the select's change message arrives after the edit
        assert "Legekontoret er åpent." in dialog.query_one("#reply-text", TextArea).text


async def test_in_a_flood_arrivals_fill_the_strip_and_nothing_covers_the_thread(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        screen = console(app)
        screen.feed.select_item("first-alarm")
        await pilot.press("r")
        await pilot.press("ctrl+a")  # TextArea: to the start; the text still ends with the signature
        app.screen.query_one("#reply-text", TextArea).insert(
            "Hei! Vi vet om gasslukten ved Torget og jobber med brannvesenet. Hold dere unna. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.advance(40 * 60)  # calls, messages and reactions arrive
        await pilot.pause()
        assert list(app._notifications) == [], "no toast stacks over the thread or the feed"
        lines = screen.news.lines
        assert any("Pressehenvendelse" in line for line in lines)
        news, thread, feed = screen.news.region, screen.thread.region, screen.feed.region
        assert news.height == 4 and news.y >= thread.bottom, "the strip has its own rows under the thread"
        assert not news.overlaps(feed) and not thread.overlaps(feed)
        shown = screen.news.render().plain.splitlines()
        newest = " ".join(lines[0].split())
        # Newest on top, one line each, cut to the width with an ellipsis when it is longer.
        assert len(shown) == news.height - 1
        assert shown[0] == newest or (shown[0].endswith("…") and newest.startswith(shown[0][:-1])), (shown[0], newest)


async def test_l_points_the_selected_group_to_the_latest_post_and_moves_on(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen, post_id, row = await with_a_post_and_a_group(app, pilot)
        state = screen.connection.state
        rows = list(screen.model.rows)
        following = rows[rows.index(row) + 1]
        members = list(state.grouper.groups[row.removeprefix(GROUP)].waiting)
        waiting = state.waiting_count
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen), "no dialog"
        replies = replies_on_disk(app)
        at = wall_clock(app.connection.scenario.starts, state.official_posts[-1].t)
        assert sorted(e.payload.item_id for e in replies) == sorted(members)
        assert all(e.payload.post == post_id and e.payload.group is not None for e in replies)
        assert all(e.payload.text.startswith(f"Vi har svart på dette i oppdateringen vår kl. {at}: {LINK}")
                   and e.payload.text.endswith("Hilsen Kari, kommunikasjonsavdelingen") for e in replies)
        assert state.waiting_count == waiting - len(members)
        assert f"[1 Svar {state.waiting_count}]" in screen.view_bar.text
        assert screen.feed.selected == following, "the next waiting row is selected"


async def test_l_without_an_official_post_says_what_to_do_first(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        console(app).feed.select_item("first-alarm")
        await pilot.press("L")
        await pilot.pause()
        assert replies_on_disk(app) == []
        assert [n.message for n in app._notifications] == [
            "Publiser en offisiell oppdatering først (o), så kan du peke til den."]


async def test_the_debrief_counts_what_the_console_counted(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen, _, _ = await with_a_post_and_a_group(app, pilot)
        for _ in range(4):  # a few rows pointed to the update, the rest left waiting
            await pilot.press("L")
            await pilot.pause()
        state = screen.connection.state
        waiting = state.waiting_count
        assert f"[1 Svar {waiting}]" in screen.view_bar.text and f"Ubesvart: {waiting}" in screen.status.text
        needing = [i for i in state.items.values() if i.need.value == "answer"]
        answered = sum(1 for i in needing if i.answer is not None)
        assert answered + waiting <= len(needing)
        await pilot.press("e")
        await pilot.click("#choice-end")
        for _ in range(20):  # the end-of-drill work runs in a worker
            await pilot.pause(0.1)
            if isinstance(app.screen, DebriefScreen):
                break
        assert isinstance(app.screen, DebriefScreen)
        text = " ".join(app.screen.text.split())
        assert f"{waiting} venter fortsatt på svar" in text
        assert f"Trengte svar {len(needing)}: {answered} har fått svar, {waiting} venter (som i konsollen)" in text


async def test_the_thread_is_laid_out_again_when_the_pane_changes_width(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(160, 40)) as pilot:
        app.advance(60)
        await pilot.pause()
        screen = console(app)
        screen.feed.select_item("first-alarm")
        await pilot.pause()
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        await pilot.pause()
        thread = screen.thread
        lines = thread.text.rstrip("\n").count("\n") + 1
        assert thread.virtual_size.height >= lines, "every line of the comment is on screen, not only the first"


async def test_at_120_columns_the_status_line_fits_and_keeps_what_waits(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.advance(16 * 60)
        await pilot.pause()
        status = console(app).status
        text = status.text
        assert len(text) <= status.content_size.width, "nothing cut at the right edge"
        assert f"Ubesvart: {app.connection.state.waiting_count}" in text
        assert "Eldste venter: 16 min" in text and "igjen" in text and "Oppdatering på overtid: 1 min" in text
        assert "(+0:16:00)" not in text, "the elapsed time goes first"
        await pilot.resize_terminal(170, 40)
        await pilot.pause()
        assert "11:11 (+0:16:00)" in status.text and "Ingen offisiell post ennå" in status.text

"""The console under a flood: triage views, order, search, group replies, replies pointing to an
official post, the page's own posts, the clock stopped by a question, and what a pop-up may cover."""

from __future__ import annotations

from textual.widgets import Footer, RadioButton, Select, TextArea

from drill.app.app import DrillApp
from drill.app.formatting import wall_clock
from drill.app.screens.console import ConsoleScreen
from drill.app.screens.dialogs import ChoiceDialog, ReplyDialog
from drill.app.triage import GROUP, POST, is_claim, is_question
from drill.engine.actions import OfficialPost
from drill.events import Event
from tests.app.screens import console

LINK = "https://www.fjellvik.kommune.no/krise"


def on_disk(app: DrillApp) -> list[Event]:
    return app.connection.live.store.events()  # type: ignore[union-attr]


async def half_an_hour(app: DrillApp, pilot) -> ConsoleScreen:  # noqa: ANN001
    """The gas drill at 11:30: about 130 items, 85 of them waiting, several groups of similar questions."""
    app.advance(30 * 60)
    await pilot.pause()
    return console(app)


def rows_as_items(screen: ConsoleScreen) -> list[str]:
    """The items the view shows, each group row opened up into its waiting members."""
    state = screen.connection.state
    items: list[str] = []
    for row in screen.model.rows:
        if row.startswith(GROUP):
            items += list(state.grouper.groups[row.removeprefix(GROUP)].waiting)
        else:
            items.append(row)
    return items


async def test_each_view_has_its_key_and_its_count_is_the_accounts(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await half_an_hour(app, pilot)
        state = screen.connection.state

        await pilot.press("1")
        await pilot.pause()
        needs = rows_as_items(screen)
        assert sorted(needs) == sorted(i.item_id for i in state.waiting())
        assert f"[1 Svar {state.waiting_count}]" in screen.view_bar.text
        assert any(row.startswith(GROUP) for row in screen.model.rows), "similar questions are one row"
        assert len(screen.model.rows) < len(needs)

        await pilot.press("2")
        await pilot.pause()
        questions = rows_as_items(screen)
        assert questions and all(is_question(state.items[i]) for i in questions)

        await pilot.press("3")
        await pilot.pause()
        claims = screen.model.rows
        assert "bomb-rumour" in claims and all(is_claim(state.items[i]) for i in claims)

        await pilot.press("4")
        await pilot.pause()
        moderate = screen.model.rows
        expected = [i for i in state.items.values() if i.labels.deletion_justified and i.visibility == "visible"]
        assert sorted(moderate) == sorted(i.item_id for i in expected) and moderate
        first = moderate[0]
        await pilot.press("h")
        app.screen.query_one("#reason-personal_attack", RadioButton).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert first not in screen.model.rows, "a hidden comment has had its moderation"
        assert f"[4 Mod. {len(expected) - 1}]" in screen.view_bar.text

        await pilot.press("5")
        await pilot.pause()
        assert screen.model.rows == []
        await pilot.press("6")
        await pilot.pause()
        assert screen.model.view == "all" and "first-alarm" in screen.model.rows


async def test_order_oldest_waiting_and_fastest_spreading(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await half_an_hour(app, pilot)
        state = screen.connection.state
        await pilot.press("3")
        await pilot.press("s")  # newest -> oldest
        await pilot.pause()
        times = [state.items[i].t for i in screen.model.rows]
        assert times == sorted(times)
        assert "lengst ventet først" in screen.view_bar.text
        await pilot.press("s")  # oldest -> reach
        await pilot.pause()
        reach = [state.items[i].reach for i in screen.model.rows]
        spreading = [r for r in reach if r > 0]
        assert spreading and reach[: len(spreading)] == sorted(spreading, reverse=True)
        assert "raskest spredning først" in screen.view_bar.text


async def test_slash_searches_names_and_text(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await half_an_hour(app, pilot)
        state = screen.connection.state
        await pilot.press("6", "slash")
        await pilot.press(*"BOMBE")
        await pilot.pause()
        rows = screen.model.rows
        assert rows and all("bombe" in (state.items[r].text + state.items[r].author).lower() for r in rows)
        assert "«bombe»" in screen.view_bar.text
        author = state.items["first-alarm"].author
        await pilot.press("escape")
        await pilot.pause()
        assert screen.model.query == "" and not screen.search.display
        await pilot.press("slash", *author.split()[0])
        await pilot.press("enter")
        await pilot.pause()
        assert "first-alarm" in screen.model.rows
        assert screen.focused is screen.feed


async def test_a_group_row_answers_every_member_in_its_own_thread(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await half_an_hour(app, pilot)
        state = screen.connection.state
        await pilot.press("1")
        await pilot.pause()
        row = next(r for r in screen.model.rows if r.startswith(GROUP))
        screen.feed.select_item(row)
        await pilot.pause()
        members = list(state.grouper.groups[row.removeprefix(GROUP)].waiting)
        assert len(members) >= 2
        assert f"{len(members)} spørsmål som ligner" in screen.thread.text
        waiting_before = state.waiting_count
        await pilot.press("r")
        assert isinstance(app.screen, ReplyDialog)
        app.screen.query_one("#reply-text", TextArea).insert("Legekontoret holder åpent som vanlig. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        replies = [e for e in on_disk(app) if e.type == "reply_posted"]
        assert sorted(e.payload.item_id for e in replies) == sorted(members)
        assert len({e.payload.group for e in replies}) == 1 and replies[0].payload.group is not None
        assert {e.payload.thread_id for e in replies} == {state.items[m].thread_id for m in members}
        assert state.waiting_count == waiting_before - len(members)
        assert row not in screen.model.rows
        assert f"[1 Svar {state.waiting_count}]" in screen.view_bar.text


async def test_reply_with_link_points_to_the_official_post(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(20 * 60)
        await pilot.pause()
        app.connection.apply(OfficialPost(text="Gasslekkasje ved Torget. Hold dere unna.", link=LINK))
        post_id = app.connection.state.official_posts[-1].post_id
        app.advance(10 * 60)
        await pilot.pause()
        screen = console(app)
        state = screen.connection.state
        await pilot.press("1")
        await pilot.pause()
        row = next(r for r in screen.model.rows if r.startswith(GROUP))
        screen.feed.select_item(row)
        await pilot.pause()
        members = list(state.grouper.groups[row.removeprefix(GROUP)].waiting)
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        dialog.query_one("#reply-post", Select).value = post_id
        await pilot.pause()
        text = dialog.query_one("#reply-text", TextArea).text
        at = wall_clock(app.connection.scenario.starts, state.official_posts[-1].t)
        assert f"oppdateringen vår kl. {at}: {LINK}" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        replies = [e for e in on_disk(app) if e.type == "reply_posted"]
        assert sorted(e.payload.item_id for e in replies) == sorted(members)
        assert all(e.payload.post == post_id for e in replies)
        assert all(state.items[m].answer is not None and state.items[m].answer.how == "link" for m in members)
        await pilot.press("6")
        await pilot.pause()
        assert screen.model.rows[0] == POST + post_id, "the latest official post is pinned on top of the page"
        assert "Fjellvik" in screen.feed.line_text(POST + post_id)


async def test_the_latest_official_post_is_pinned_and_shows_its_comments(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        app.connection.apply(OfficialPost(text="Første melding.", link=LINK))
        app.advance(60)
        app.connection.apply(OfficialPost(text="Andre melding: hold vinduene lukket.", link=LINK))
        app.advance(60)
        await pilot.pause()
        screen = console(app)
        posts = app.connection.state.official_posts
        rows = screen.model.rows
        assert rows[0] == POST + posts[-1].post_id
        assert POST + posts[0].post_id not in rows[:1]
        screen.feed.select_index(0)
        await pilot.pause()
        assert "Andre melding" in screen.thread.text and "Offisiell post" in screen.thread.text
        assert screen.current_item is None, "a post is not a comment to reply to"


async def test_ending_asks_with_the_clock_stopped_and_resumes_after(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(60)
        await pilot.pause()
        assert not app.connection.paused
        await pilot.press("e")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.connection.paused
        before = app.connection.now
        app.advance(120)
        assert app.connection.now == before, "nothing happens while the team reads the question"
        await pilot.press("escape")
        await pilot.pause()
        assert not app.connection.paused and not app.connection.ended
        clock = [(e.payload.paused) for e in on_disk(app) if e.type == "clock_changed"]
        assert clock[-2:] == [True, False]


async def test_a_toast_never_covers_an_open_reply(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(60)
        await pilot.pause()
        console(app).feed.select_item("first-alarm")
        await pilot.press("r")
        assert isinstance(app.screen, ReplyDialog)
        app.advance(9 * 60)  # the press call and the police message arrive meanwhile
        await pilot.pause()
        assert list(app._notifications) == [], "no toast over the publish button"
        await pilot.press("escape")
        await pilot.pause()
        assert list(app._notifications) == [], "nor over the thread once it is closed"
        assert any("Pressehenvendelse: Marte Solberg (Fjellvik Avis)" in line for line in console(app).news.lines)


async def test_status_bar_shows_time_left_and_the_next_update(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        status = console(app).status.text
        assert "igjen" in status and "Neste oppdatering om 10 min" in status
        app.advance(20 * 60)
        await pilot.pause()
        assert "Oppdatering på overtid: 10 min" in console(app).status.text
        app.connection.apply(OfficialPost(text="Gasslekkasje ved Torget.", link=LINK))
        app.advance(60)
        await pilot.pause()
        assert "Neste oppdatering om 29 min" in console(app).status.text


async def test_at_80_by_24_the_footer_still_shows_pause_speed_and_help(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.advance(60)
        await pilot.pause()
        await pilot.pause()
        keys = app.screen.query_one(Footer).query("FooterKey")
        shown = {key.description for key in keys if 0 < key.region.width and key.region.right <= 80}  # type: ignore[attr-defined]
        assert {"Pause", "Fart", "Hjelp"} <= shown


async def test_comments_under_an_official_post_are_its_own_and_answered_there(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        app.connection.apply(OfficialPost(text="Gasslekkasje ved Torget. Hold vinduene lukket.", link=LINK))
        post_id = app.connection.state.official_posts[-1].post_id
        app.advance(10 * 60)
        await pilot.pause()
        screen = console(app)
        state = screen.connection.state
        comments = state.post_comments[post_id]
        assert comments, "citizens comment under the post"
        assert screen.model.rows[0] == POST + post_id
        assert not set(comments) & set(screen.model.rows), "comments under a post are not threads of their own"
        count = f"{len(comments)} kommentar" + ("" if len(comments) == 1 else "er")
        assert count in screen.feed.line_text(POST + post_id)
        screen.feed.select_index(0)
        await pilot.pause()
        assert state.items[comments[0]].text[:30] in " ".join(screen.thread.text.split())
        await pilot.press("5")
        await pilot.pause()
        assert POST + post_id in screen.model.rows and comments[0] in screen.model.rows
        screen.feed.select_item(comments[0])
        await pilot.pause()
        await pilot.press("r")
        app.screen.query_one("#reply-text", TextArea).insert("Ja, hold vinduene lukket til vi melder noe annet. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert state.items[comments[0]].answer is not None
        assert not state.is_waiting(comments[0])


async def test_reactions_arrive_and_sit_beside_the_reply_that_caused_them(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(5 * 60)
        await pilot.pause()
        screen = console(app)
        screen.feed.select_item("first-alarm")
        await pilot.pause()
        await pilot.press("r")
        app.screen.query_one("#reply-text", TextArea).insert(
            "Hei! Vi vet om gasslukten ved Torget og jobber med brannvesenet. Hold dere unna området. "
            "Ny oppdatering kl. 11:30.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.clear_notifications()
        app.advance(10 * 60)
        await pilot.pause()
        state = screen.connection.state
        reply_id = state.items["first-alarm"].replies[0].reply_id
        reacting = [state.items[i] for i in state.reactions.get(reply_id, []) if state.items[i].source == "reaction"]
        assert reacting, "a warm, precise, signed reply draws a reaction"
        first = reacting[0]
        assert any(line.split(" ", 1)[1].startswith("Reaksjoner: ") and first.author in line
                   for line in screen.news.lines), screen.news.lines
        screen.feed.select_item("first-alarm")
        await pilot.pause()
        text = " ".join(screen.thread.text.split())
        assert f"Reaksjoner: {first.author}" in text
        if first.thread_id == "first-alarm":
            assert "Reaksjon på svaret kl." in text

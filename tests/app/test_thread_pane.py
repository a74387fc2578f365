"""The thread pane: a thread longer than the pane scrolls, a resize wraps it again, a group row
lists its members, control characters in what people wrote are shown, never obeyed, and a mouse
drag selects the thread's text."""

from __future__ import annotations

from drill.app.app import DrillApp
from drill.app.screens.console import ConsoleScreen
from drill.app.triage import GROUP
from drill.app.widgets.thread_detail import ThreadDetail
from drill.engine.actions import Reply
from tests.app.screens import console


async def first_alarm(app: DrillApp, pilot) -> ConsoleScreen:  # noqa: ANN001
    """Ten minutes into the gas drill, the first comment's thread in the pane."""
    app.advance(10 * 60)
    await pilot.pause()
    screen = console(app)
    screen.feed.select_item("first-alarm")
    await pilot.pause()
    return screen


def on_screen(thread: ThreadDetail) -> list[str]:
    """The pane's lines as drawn now (the Line API draws the rows in view, nothing else)."""
    return [thread.render_line(y).text.rstrip() for y in range(thread.scrollable_content_region.height)]


async def test_a_thread_longer_than_the_pane_scrolls_and_a_new_row_starts_at_its_top(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_alarm(app, pilot)
        for n in range(1, 9):
            assert screen.send(Reply(item="first-alarm", text=f"Oppdatering nummer {n} fra kommunen om gasslekkasjen."))
        await pilot.pause()
        thread = screen.thread
        assert thread.item_id == "first-alarm"
        height = thread.scrollable_content_region.height
        assert thread.virtual_size.height > height, "eight replies do not fit in the pane at 80×24"
        assert thread.show_vertical_scrollbar
        assert not any("nummer 8" in line for line in on_screen(thread))

        thread.scroll_end(animate=False)
        await pilot.pause()
        assert thread.scroll_y == thread.max_scroll_y > 0
        assert any("nummer 8" in line for line in on_screen(thread)), "the last reply is drawn at the bottom"
        assert screen.send(Reply(item="first-alarm", text="Enda en oppdatering."))
        await pilot.pause()
        assert thread.scroll_y > 0, "a new reply in the thread being read keeps the reader's place"

        other = next(row for row in screen.model.rows if row != "first-alarm")
        screen.feed.select_item(other)
        await pilot.pause()
        assert thread.item_id == other
        assert thread.scroll_y == 0, "another row is read from its top"
        assert on_screen(thread)[0] == thread.text.splitlines()[0]


async def test_the_thread_is_wrapped_again_at_the_panes_new_width(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await first_alarm(app, pilot)
        thread = screen.thread
        wide_width = thread.scrollable_content_region.width
        wide = thread.text.splitlines()
        assert max(len(line) for line in wide) <= wide_width

        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        narrow_width = thread.scrollable_content_region.width
        narrow = thread.text.splitlines()
        assert narrow_width < wide_width
        assert max(len(line) for line in narrow) <= narrow_width
        assert len(narrow) > len(wide), "the comment takes more lines in a narrower pane"
        assert " ".join(narrow).split() == " ".join(wide).split(), "the same words, wrapped again"
        assert on_screen(thread)[: len(narrow)] == narrow


async def test_a_group_row_shows_the_questions_it_stands_for(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.advance(30 * 60)
        await pilot.pause()
        screen = console(app)
        await pilot.press("1")
        await pilot.pause()
        row = next(row for row in screen.model.rows if row.startswith(GROUP))
        screen.feed.select_item(row)
        await pilot.pause()
        state = screen.connection.state
        group = state.grouper.groups[row.removeprefix(GROUP)]
        text = screen.thread.text
        assert screen.thread.item_id == row
        assert text.startswith(f"{group.count} spørsmål som ligner")
        flat = " ".join(text.split())
        for member_id in group.waiting:
            member = state.items[member_id]
            assert f"{member.author}: {' '.join(member.text.split())[:20]}" in flat


async def test_control_characters_in_a_reply_are_shown_and_not_sent_to_the_terminal(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await first_alarm(app, pilot)
        assert screen.send(Reply(item="first-alarm", text="Vi svarer\x1b[2J her\x1b]0;HACKET\x07 nå."))
        await pilot.pause()
        thread = screen.thread
        assert "Vi svarer␛[2J her␛]0;HACKET␇ nå." in thread.text
        drawn = [thread.render_line(y) for y in range(thread.scrollable_content_region.height)]
        assert any("␛[2J" in strip.text for strip in drawn)
        assert not any(ch in strip.text for strip in drawn for ch in "\x1b\x07")


async def test_a_mouse_drag_selects_the_threads_text(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await first_alarm(app, pilot)
        thread = screen.thread
        lines = thread.text.splitlines()
        assert len(lines) > 2 and len(lines[1]) > 12
        # From the second character of the first line to the tenth of the second (padding: x + 1).
        await pilot.mouse_down(thread, offset=(2, 0))
        await pilot.hover(thread, offset=(10, 1))
        await pilot.mouse_up(thread, offset=(10, 1))
        await pilot.pause()
        assert screen.get_selected_text() == lines[0][1:] + "\n" + lines[1][:10]
        drawn = thread.render_line(1)
        marked = screen.get_component_rich_style("screen--selection").bgcolor
        assert [s.style.bgcolor == marked for s in drawn if s.text.strip()][0], "the selection is drawn"

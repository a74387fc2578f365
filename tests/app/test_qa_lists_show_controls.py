"""Text that enters during a drill (a post typed in team play, a session recorded before names
were checked) is shown in the posts list and the news strip with visible signs, never obeyed."""

from __future__ import annotations

from drill.app.screens.console import ConsoleScreen
from drill.engine.actions import OfficialPost


async def test_a_post_with_control_characters_is_shown_and_not_sent_to_the_terminal(console_app) -> None:  # noqa: ANN001
    app = console_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.advance(10 * 60)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConsoleScreen)
        assert screen.send(OfficialPost(text="Vi informerer\x1b[2J her\x1b]0;HACKET\x07 nå.",
                                        link="https://k.example/\x1b]8;;x\x07"))
        await pilot.pause()
        shown = " ".join(str(screen.posts.get_option_at_index(i).prompt)
                         for i in range(screen.posts.option_count))
        assert "Vi informerer␛[2J her␛]0;HACKET␇ nå." in shown and "https://k.example/␛]8;;x␇" in shown
        assert "\x1b" not in shown and "\x07" not in shown

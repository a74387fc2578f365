"""A terminal that goes away mid-drill (a closed window, a dropped ssh connection).

Without a hang-up signal the app would never learn it and Textual's input thread would read the
dead terminal in a loop at a core's full speed; the app leaves as if the team had quit, and the
drill is kept for resuming.
"""

from __future__ import annotations

from pathlib import Path

from drill.app.app import DrillApp, PlayOptions
from drill.app.screens.console import ConsoleScreen
from drill.engine.actions import Reply
from drill.live import LiveDrill


async def test_the_app_leaves_when_its_terminal_has_gone_and_the_drill_is_kept(gas, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "okt.db"
    attached = [True]
    app = DrillApp(ticking=False, scenario=gas, options=PlayOptions(out=out), terminal_present=lambda: attached[0])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        connection = app.connection
        assert connection is not None
        app.advance(600)
        item = next(i for i in connection.state.items.values() if i.labels.needs_reply)
        connection.apply(Reply(item=item.item_id, text="Takk, vi ser på saken nå."))
        app.check_terminal()
        await pilot.pause()
        assert app.return_code is None, "a terminal that is there keeps the app"
        attached[0] = False
        app.check_terminal()
        await pilot.pause()
        assert app.return_code == 0
    connection.close()
    resumed = LiveDrill.resume(out)
    try:
        assert [r.text for r in resumed.state.replies.values()] == ["Takk, vi ser på saken nå."]
        assert not resumed.ended
    finally:
        resumed.close()


async def test_a_headless_app_does_not_watch_a_terminal(gas, tmp_path: Path) -> None:  # noqa: ANN001
    app = DrillApp(ticking=False, scenario=gas, options=PlayOptions(out=tmp_path / "a.db"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.check_terminal()
        await pilot.pause()
        assert app.return_code is None

"""The trainer's lobby opens: `drill control` on a drill waiting in its lobby ended in a traceback
(Textual 8's `Select.BLANK` is a widget flag, False, not the "nothing chosen" value), so no
trainer could start a hosted drill from the console."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.widgets import Static

from drill.scenario import LoadedScenario
from drill.team_play.tui.lobby import LobbyDialog


def test_the_lobby_opens_with_nobody_mapped_and_starts_with_the_seats_chosen(gas: LoadedScenario) -> None:
    roster = list(gas.scenario.team)
    chosen: list[object] = []

    async def run() -> str:
        app: App[None] = App()
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(LobbyDialog("Gasslukt på Torget", roster, [(2, "Ola", "")], {"Ola"}, "nb"),
                            callback=chosen.append)
            await pilot.pause()
            shown = "\n".join(str(static.render()) for static in app.screen.query(Static))
            await pilot.click("#start")
            await pilot.pause()
            return shown

    shown = asyncio.run(run())
    assert "Til stede: Ola" in shown
    assert chosen == [{member: None for member in roster}]

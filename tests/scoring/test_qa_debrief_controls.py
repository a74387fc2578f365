"""The debrief quotes what spread and what the team did: such quotes (from a session recorded
before names were checked on the way in) are shown with visible signs, never obeyed."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from textual.app import App

from drill.app.debrief_data import build_debrief
from drill.app.screens.debrief import DebriefScreen
from drill.i18n import use_language


def test_the_debrief_shows_control_characters_in_quotes_as_signs(gas_runs) -> None:
    run = gas_runs["good"]
    use_language("nb")
    debrief = build_debrief(run.scenario, run.events, "nb")
    hostile = "Gass\x1b]0;HACKET\x07 på torget\x1b[2J"
    debrief = replace(debrief, names={key: hostile for key in debrief.names},
                      did={rule: [hostile] for rule in debrief.did})
    screen = DebriefScreen(debrief, title=run.scenario.title, end_reason="time_up", session=None)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    async def shown() -> str:
        async with Host().run_test(size=(160, 80)) as pilot:
            await pilot.pause()
            return screen.text

    flat = asyncio.run(shown())
    assert "Gass␛]0;HACKET␇ på torget␛[2J" in flat
    assert "\x1b" not in flat and "\x07" not in flat

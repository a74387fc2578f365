"""Team play lists people the way the report does: a member is "Name, department", so members
are set apart by "; " and each is "Name (department)" — the host log's start line, the
trainer's lobby and who is busy with an item. The join screen keeps the roster's own spelling
(it shows what to type) but sets members apart the same way."""

from __future__ import annotations

import asyncio
import io
import time
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from drill.scenario import LoadedScenario
from drill.team_play.plain import PlainConsole
from drill.team_play.presence import ROLE_TRAINER
from drill.team_play.seat import SeatConnection
from drill.team_play.tui.join_screen import JoinScreen
from drill.team_play.tui.lobby import LobbyDialog

ROSTER_LINE = "Kari (kommunikasjonsavdelingen); Jonas (kommunikasjonsavdelingen); Ingrid (servicetorget)"


def _wait_for(condition, seconds: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_start_line_lobby_and_busy_seats_list_members_apart(hosted: Path, gas: LoadedScenario) -> None:
    assert [m.split(",")[0] for m in gas.scenario.team] == ["Kari", "Jonas", "Ingrid"]
    ola = SeatConnection(hosted, "Ola, kommunikasjonsavdelingen")
    kari = SeatConnection(hosted, "Kari, kommunikasjonsavdelingen")
    trainer = SeatConnection(hosted, "Hege", ROLE_TRAINER)
    _wait_for(lambda: ola.tick() is not None and "first-alarm" in ola.state.items)
    out = io.StringIO()
    console = PlainConsole(trainer, out)
    console.welcome()
    PlainConsole(ola, io.StringIO()).handle("reply first-alarm")
    PlainConsole(kari, io.StringIO()).handle("reply first-alarm")
    _wait_for(lambda: len(trainer.busy_with("first-alarm")) == 2)
    console.handle("waiting")
    console.handle("lobby")
    text = out.getvalue()
    assert f"team {ROSTER_LINE};" in text
    busy = next(line for line in text.splitlines() if line.strip().startswith("first-alarm"))
    assert busy.endswith("[Ola (kommunikasjonsavdelingen); Kari (kommunikasjonsavdelingen)]") or \
        busy.endswith("[Kari (kommunikasjonsavdelingen); Ola (kommunikasjonsavdelingen)]"), busy
    present = next(line for line in text.splitlines() if line.startswith("Til stede: "))
    assert "Ola (kommunikasjonsavdelingen); Kari (kommunikasjonsavdelingen)" in present
    for connection in (ola, kari, trainer):
        connection.close()


def _statics(screen: Screen[Any]) -> str:
    async def shown() -> str:
        app: App[None] = App()
        async with app.run_test(size=(120, 40)) as pilot:
            await app.push_screen(screen)
            await pilot.pause()
            return "\n".join(str(static.render()) for static in app.screen.query(Static))

    return asyncio.run(shown())


def test_the_trainers_lobby_lists_the_seats_apart(gas: LoadedScenario) -> None:
    seats = [(2, "Ola, kommunikasjonsavdelingen", ""), (3, "Kari, kommunikasjonsavdelingen", "")]
    shown = _statics(LobbyDialog("Gasslukt på Torget", list(gas.scenario.team), seats,
                                 {"Ola, kommunikasjonsavdelingen", "Kari, kommunikasjonsavdelingen"}, "nb"))
    assert "Til stede: Ola (kommunikasjonsavdelingen); Kari (kommunikasjonsavdelingen)" in shown


def test_the_join_screen_shows_the_roster_as_typed_members_apart(gas: LoadedScenario) -> None:
    shown = _statics(JoinScreen("x.db", "Gasslukt på Torget", list(gas.scenario.team), "nb", None))
    assert "(Kari, kommunikasjonsavdelingen; Jonas, kommunikasjonsavdelingen; Ingrid, servicetorget)" in shown

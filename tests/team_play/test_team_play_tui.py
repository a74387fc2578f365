"""The seat's and the trainer's screens on a hosted drill, driven with Textual's pilot."""

from __future__ import annotations

import asyncio
import io
import sqlite3
import time
from pathlib import Path

from rich.console import Console
from textual.widgets import Input, Label

from drill.app.screens.dialogs import ReplyDialog
from drill.i18n import catalogue, use_messages_language
from drill.scenario import LoadedScenario
from drill.team_play.host import TeamHost
from drill.team_play.presence import ROLE_TRAINER
from drill.team_play.seat import SeatConnection
from drill.team_play.tui.app import TeamApp
from drill.team_play.tui.presence_bar import PresenceBar
from drill.team_play.tui.team_console import TeamConsoleScreen
from drill.team_play.tui.trainer_dialogs import FireInjectDialog
from drill.team_play.tui.trainer_panel import TrainerPanel, overview_table

SIZE = (160, 45)


def _wait_until_item(seat: SeatConnection, item_id: str) -> None:
    deadline = time.monotonic() + 30  # a loaded CI machine may take seconds to start the host
    while item_id not in seat.state.items:
        assert time.monotonic() < deadline
        time.sleep(0.02)
        seat.tick()


def test_a_seat_shows_who_is_here_and_tells_them_what_it_answers(hosted: Path):
    ola = SeatConnection(hosted, "Ola, kommunikasjonsavdelingen")
    kari = SeatConnection(hosted, "Kari, kommunikasjonsavdelingen")
    _wait_until_item(ola, "first-alarm")
    kari.set_activity("reply", "first-alarm")

    async def play() -> None:
        app = TeamApp(hosted, connection=ola, ticking=False)
        async with app.run_test(size=SIZE) as pilot:
            app.advance(0.1)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TeamConsoleScreen)
            bar = str(screen.query_one(PresenceBar).render())
            assert "Ola (deg)" in bar and "Kari ★ ✎ skriver svar på first-alarm" in bar, "on duty, and answering"
            assert screen.check_action("pause", ()) is False, "only the trainer runs the clock"
            assert screen.check_action("fire_inject", ()) is False
            # More of the story may have arrived at the host's 60x speed: pick the alarm in the feed, as a
            # person would, rather than trust it to be the row selected.
            screen.feed.select_item("first-alarm")
            await pilot.pause()
            assert screen.current_item is not None and screen.current_item.item_id == "first-alarm"
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, ReplyDialog)
            assert [p.seat for p in kari.busy_with("first-alarm")] == ["Ola, kommunikasjonsavdelingen"]
            await pilot.press("escape")
            await pilot.pause()
            assert kari.busy_with("first-alarm") == []

    asyncio.run(play())
    ola.close()
    kari.close()


def test_the_trainer_sees_the_overview_and_fires_an_inject_early(tmp_path: Path, gas: LoadedScenario, start_host):
    # At story speed, not the shared 60x host: there the bomb rumour's own time (6m) came 6 s after
    # the start, and under load the test reached the dialog later than that (`assert 360.0 < 360`).
    hosted = tmp_path / "team.db"
    start_host(lambda: TeamHost.create(gas, hosted, 3, speed=1.0))
    trainer = SeatConnection(hosted, "trainer", ROLE_TRAINER)
    seat = SeatConnection(hosted, "Ola")
    _wait_until_item(trainer, "first-alarm")

    async def play() -> None:
        app = TeamApp(hosted, connection=trainer, ticking=False)
        async with app.run_test(size=SIZE) as pilot:
            app.advance(0.1)
            await pilot.pause()
            screen = app.screen
            overview = screen.query_one(TrainerPanel).overview
            assert overview is not None and [s.seat for s in overview.seats] == ["trainer", "Ola"]
            shown = Console(width=160, file=io.StringIO(), record=True)
            shown.print(overview_table(overview, "nb"))
            assert "Venter på svar" in shown.export_text()
            assert screen.check_action("pause", ()) is True
            footer = {active.binding.description for active in screen.active_bindings.values()}
            assert {"Send innspill", "Skriv innspill"} <= footer, "the trainer's keys read in bokmål"
            await pilot.press("f")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FireInjectDialog)
            dialog.query_one("#inject-list").highlighted = [
                i for i, option in enumerate(dialog.query_one("#inject-list").options) if option.id == "bomb-rumour"
            ][0]
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "bomb-rumour" in trainer.state.items
            assert trainer.state.items["bomb-rumour"].t < 360, "posted before its time (6m)"
            fired = next(e for e in trainer.events if getattr(e.payload, "item_id", None) == "bomb-rumour")
            assert fired.actor == "trainer", "posted by the trainer's fire, not by the scenario's clock"

    asyncio.run(play())
    trainer.close()
    seat.close()


async def _until(pilot, condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def test_a_browser_seat_joins_with_its_name_and_the_join_code(hosted: Path, monkeypatch):
    async def play() -> None:
        app = TeamApp(hosted, join_code="kx7-m4p-q2r", ticking=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            problem = app.screen.query_one("#join-problem", Label)
            app.screen.query_one("#join-name", Input).value = "Ingrid, servicetorget"
            app.screen.query_one("#join-code", Input).value = "kx7-m4p-q2s"
            await pilot.click("#join-button")
            await pilot.pause()
            assert "Feil kode. Vent 1 s" in str(problem.render())
            # At once again, even with the right code: the wait comes first.
            code = app.screen.query_one("#join-code", Input)
            code.value = "KX7 M4P Q2R"
            await pilot.click("#join-button")
            await pilot.pause()
            assert "Vent 1 s før du prøver igjen" in str(problem.render())
            await pilot.pause(1.1)
            code.focus()
            await pilot.press("enter")
            await _until(pilot, lambda: isinstance(app.screen, TeamConsoleScreen))
            await pilot.pause(0.2)
            assert app.seat is not None and app.seat.seat == "Ingrid, servicetorget"
            app.seat.close()

    asyncio.run(play())


def test_duty_can_be_handed_to_seats_that_joined_by_name():
    from drill.team_play.presence import Presence
    from drill.team_play.tui.team_console import handover_candidates

    def present(seat: str, role: str = "seat") -> Presence:
        return Presence(seat, role, "x", "", None, 0.0, 0.0, True)

    roster = ["Kari, komm", "Jonas, komm"]
    chosen = handover_candidates(roster, [present("Ola, komm"), present("trainer", ROLE_TRAINER), present("Kari, komm")])
    assert chosen == ["Ola, komm", "Kari, komm", "Jonas, komm"], "seats first, the trainer never, no duplicates"


def test_wrong_codes_wait_longer_each_time_and_then_lock_the_browser_out(hosted: Path, monkeypatch):
    clock = [1000.0]

    async def play() -> None:
        app = TeamApp(hosted, join_code="kx7-m4p-q2r", ticking=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            screen.clock = lambda: clock[0]
            problem = screen.query_one("#join-problem", Label)
            screen.query_one("#join-name", Input).value = "Mallory"
            waits = []
            code = screen.query_one("#join-code", Input)
            code.focus()
            for attempt in range(5):
                code.value = f"guess-{attempt:04d}"
                await pilot.press("enter")
                await pilot.pause()
                text = str(problem.render())
                waits.append(text)
                clock[0] += 100  # long enough for any wait
            assert [w for w in waits[:4]] == [f"Feil kode. Vent {s} s før du prøver igjen." for s in (1, 2, 4, 8)]
            assert "For mange feil koder" in waits[4]
            code.value = "kx7-m4p-q2r"
            await pilot.press("enter")
            await pilot.pause()
            assert "For mange feil koder" in str(problem.render()), "locked, even with the right code"
            assert app.seat is None
        # A new browser connection (a new process) starts at one wrong code, but the wrong
        # codes of every browser are in the session file for the shared wait.
        rows = sqlite3.connect(hosted).execute("SELECT COUNT(*) FROM join_attempts WHERE ok = 0").fetchone()[0]
        assert rows == 5

    asyncio.run(play())


def test_a_browser_seat_cannot_call_itself_trainer(hosted: Path):
    async def play() -> None:
        app = TeamApp(hosted, ticking=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.screen.query_one("#join-name", Input).value = "Trainer"
            await pilot.click("#join-button")
            await pilot.pause()
            assert "forbeholdt treneren" in str(app.screen.query_one("#join-problem", Label).render())
            assert app.seat is None

    asyncio.run(play())


def test_a_browser_seat_hears_of_a_damaged_session_file_in_its_own_language(tmp_path: Path, gas: LoadedScenario):
    # The command speaks English (a C locale); the seat's screen speaks the scenario's bokmål.
    path = tmp_path / "team.db"
    TeamHost.create(gas, path, 3, speed=60.0).close()
    app = TeamApp(path, ticking=False)
    path.write_bytes(b"this is not a drill session file, nor any database at all" * 100)

    async def play() -> None:
        use_messages_language("en")
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                app.screen.query_one("#join-name", Input).value = "Ingrid, servicetorget"
                await pilot.click("#join-button")
                problem = app.screen.query_one("#join-problem", Label)
                await _until(pilot, lambda: "team.db" in str(problem.render()))
                nb = catalogue("nb")
                assert str(problem.render()) == nb("walk.session.damaged_because", path=path,
                                                   problem=nb("walk.problem.not_a_database"))
        finally:
            use_messages_language(None)

    asyncio.run(play())

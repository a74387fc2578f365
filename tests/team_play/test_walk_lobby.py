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



def test_the_host_and_trainer_keys_problems_are_told_in_bokmal(capsys, tmp_path, gas: LoadedScenario,  # noqa: ANN001
                                                               monkeypatch) -> None:  # noqa: ANN001
    """The keys beside a hosted session: a trainer key typed wrong, a host key gone or damaged."""
    import pytest

    from drill.cli import main
    from drill.errors import DrillError
    from drill.team_play.grants import host_key_path, read_host_key
    from drill.team_play.host import TeamHost

    path = tmp_path / "team.db"
    TeamHost.create(gas, path, 3, speed=1.0).close()
    monkeypatch.setenv("DRILL_TRAINER_KEY", "abc")
    assert main(["--lang", "nb", "control", str(path), "--plain"]) == 2
    assert capsys.readouterr().err == "drill: Trenernøkkelen er ikke gyldig (den er 64 heksadesimale tegn).\n"
    monkeypatch.setenv("DRILL_LANG", "nb")
    host_key_path(path).write_text("not hex\n")
    with pytest.raises(DrillError, match="vertens nøkkel er skadet"):
        read_host_key(path)
    host_key_path(path).unlink()
    monkeypatch.setenv("DRILL_LANG", "nn")
    with pytest.raises(DrillError, match="nøkkelen til verten manglar; berre brukaren som starta verten"):
        read_host_key(path)


def test_names_with_square_brackets_are_shown_as_written(gas: LoadedScenario) -> None:
    """Whoever joins types their own name; "Ola [/]" ended the trainer's console with a MarkupError."""
    from textual.widgets import Label, Select

    roster = list(gas.scenario.team)
    seats = [(2, "Ola [/]", ""), (3, "[b]Kari[/b], kommunikasjon", "")]

    async def run() -> tuple[str, str]:
        app: App[None] = App()
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(LobbyDialog("Gass [øvelse 2]", roster, seats, {seat for _, seat, _ in seats}, "nb"))
            await pilot.pause()
            app.screen.query_one("#member-0", Select).focus()
            await pilot.press("enter")  # the list of seats opens
            await pilot.pause()
            labels = "\n".join(str(label.render()) for label in app.screen.query(Label))
            return "\n".join(str(static.render()) for static in app.screen.query(Static)), labels

    shown, _ = asyncio.run(run())
    assert "Lobby – «Gass [øvelse 2]»" in shown
    assert "Til stede: Ola [/]; [b]Kari[/b] (kommunikasjon)" in shown


def test_the_join_screen_shows_brackets_in_the_title_and_roster_as_written() -> None:
    from drill.team_play.tui.join_screen import JoinScreen

    async def run() -> str:
        app: App[None] = App()
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(JoinScreen("x.db", "Gass [øvelse 2] [/]", ["Kari [/], kommunikasjon"], "nb", None))
            await pilot.pause()
            return "\n".join(str(widget.render()) for widget in app.screen.query(Static))

    shown = asyncio.run(run())
    assert "«Gass [øvelse 2] [/]»" in shown and "(Kari [/], kommunikasjon)" in shown

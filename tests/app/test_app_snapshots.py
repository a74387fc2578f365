"""How the screens look, at a fixed size, seed and clock (pytest-textual-snapshot).

Update after an intended change with `pytest tests/app --snapshot-update`, then look at the
SVGs in tests/app/__snapshots__ before committing them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drill.app.app import DrillApp, PlayOptions
from drill.app.connection import LocalConnection
from drill.app.scenario_catalogue import ScenarioEntry
from drill.engine.actions import Archive, Hide, Like, OfficialPost, Reply
from drill.live import LiveDrill
from drill.scenario import load_scenario, parse_scenario
from drill.scenario.models import DeletionReason

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"


def played_drill(path: Path, spread_factory) -> LocalConnection:  # noqa: ANN001
    """Thirteen minutes of the gas drill with a few actions taken, always the same."""
    live = LiveDrill.create(load_scenario(GAS), path, seed=1, spread_factory=spread_factory)
    connection = LocalConnection(live)
    live.advance_to(6 * 60 + 30)
    connection.apply(Reply(item="first-alarm", text="Vi vet om saken og kommer tilbake med mer.\n\n"
                                                   "Hilsen Kari, kommunikasjonsavdelingen"))
    connection.apply(Like(item="first-alarm"))
    connection.apply(Archive(item="bomb-rumour"))
    live.advance_to(13 * 60)
    connection.apply(Hide(item="mayor-attack", reason=DeletionReason.personal_attack))
    connection.apply(OfficialPost(text="Det er ikke en bombe: politiet bekrefter en gasslekkasje ved Torget. "
                                       "Hold dere unna området.",
                                  link="https://www.fjellvik.kommune.no/krise", corrects=["bomb-rumour"]))
    return connection


@pytest.fixture
def console_snapshot_app(tmp_path: Path, monkeypatch, fake_spread) -> DrillApp:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    return DrillApp(connection=played_drill(Path("session.db"), fake_spread), ticking=False)


async def _select_rumour(pilot) -> None:  # noqa: ANN001
    pilot.app.screen.feed.select_item("bomb-rumour")
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_picker(snap_compare, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    shutil.copy(GAS, tmp_path / "var-ovelse.yaml")
    entries = [ScenarioEntry(load_scenario(GAS), shipped=True),
               ScenarioEntry(load_scenario(tmp_path / "var-ovelse.yaml"), shipped=False)]
    monkeypatch.setattr("drill.app.app.available_scenarios", lambda folder: entries)
    app = DrillApp(ticking=False, options=PlayOptions(out=tmp_path / "s.db"))
    assert snap_compare(app, terminal_size=(120, 36))


def test_briefing(snap_compare, tmp_path: Path) -> None:  # noqa: ANN001
    app = DrillApp(ticking=False, scenario=load_scenario(GAS),
                   options=PlayOptions(out=tmp_path / "s.db", speed=5, as_member="Kari, kommunikasjonsavdelingen"))
    assert snap_compare(app, terminal_size=(120, 36))


def test_console(snap_compare, console_snapshot_app: DrillApp) -> None:  # noqa: ANN001
    assert snap_compare(console_snapshot_app, terminal_size=(120, 36), run_before=_select_rumour)


def test_console_small_terminal(snap_compare, console_snapshot_app: DrillApp) -> None:  # noqa: ANN001
    assert snap_compare(console_snapshot_app, terminal_size=(80, 24), run_before=_select_rumour)


def test_console_reach_tab(snap_compare, console_snapshot_app: DrillApp) -> None:  # noqa: ANN001
    async def reach_tab(pilot) -> None:  # noqa: ANN001
        await _select_rumour(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(console_snapshot_app, terminal_size=(120, 36), run_before=reach_tab)


def test_debrief(snap_compare, console_snapshot_app: DrillApp, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("drill.app.debrief_data.scorer", lambda: None)
    monkeypatch.setattr("drill.app.screens.debrief.report_writer", lambda: None)

    async def to_the_end(pilot) -> None:  # noqa: ANN001
        pilot.app.advance(2 * 3600)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(console_snapshot_app, terminal_size=(120, 36), run_before=to_the_end)


@pytest.fixture
def flood_app(tmp_path: Path, monkeypatch, fake_spread) -> DrillApp:  # noqa: ANN001
    """Sixteen minutes of the gas drill whose official post draws a comment a quarter-minute."""
    monkeypatch.chdir(tmp_path)
    text = GAS.read_text(encoding="utf-8").replace(
        "\nlanguage: nb\n", "\nlanguage: nb\nofficial_post_comments: {rate_per_hour: 240}\n", 1)
    live = LiveDrill.create(parse_scenario(text, str(GAS)), Path("session.db"), seed=1, spread_factory=fake_spread)
    connection = LocalConnection(live)
    live.advance_to(6 * 60)
    connection.apply(OfficialPost(text="Gasslekkasje ved Torget. Hold dere unna området og hold vinduene lukket. "
                                        "Ny oppdatering kl. 11:30.", link="https://www.fjellvik.kommune.no/krise"))
    live.advance_to(16 * 60)
    return DrillApp(connection=connection, ticking=False)


async def _our_post(pilot) -> None:  # noqa: ANN001
    """The team's own view, oldest first: the post on top with its comments, similar ones grouped."""
    await pilot.press("5", "s")
    await pilot.pause()
    screen = pilot.app.screen
    assert screen.model.rows[0].startswith("post:")
    assert any(row.startswith("group:") for row in screen.model.rows[:12])
    screen.feed.select_index(0)
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_console_group_row_and_post_with_comments(snap_compare, flood_app: DrillApp) -> None:  # noqa: ANN001
    assert snap_compare(flood_app, terminal_size=(120, 40), run_before=_our_post)


def test_console_group_row_and_post_with_comments_small(snap_compare, flood_app: DrillApp) -> None:  # noqa: ANN001
    assert snap_compare(flood_app, terminal_size=(80, 24), run_before=_our_post)

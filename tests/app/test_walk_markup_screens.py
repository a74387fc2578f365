"""Text from scenarios and citizens is shown as written on every screen, never read as markup.

A scenario titled "Gasslukt [oppdatert] [/]" showed as "Gasslukt" on the briefing, and a "[/]"
ended the app with a MarkupError; a "[@click=app.quit]" in a comment would have made its words a
button that quits the drill. These tests play a shipped scenario whose title, summary, briefing,
roster, persona names, comments and messages all carry such brackets, and read each screen as a
person sees it (Textual's own screenshot of the terminal).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from drill.app.app import DrillApp, PlayOptions
from drill.app.connection import LocalConnection
from drill.app.screens.briefing import BriefingScreen
from drill.app.screens.console import ConsoleScreen
from drill.app.screens.dialogs import ChoiceDialog
from drill.engine.engine import SpreadFactory
from drill.live import LiveDrill
from drill.scenario import LoadedScenario, load_scenario

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"

HOSTILE = "[b]x[/b] [/] [link=http://x]y[/link] [@click=app.quit]z[/] [red]"
"""Bold, a closing tag with nothing to close, a link, a click action and an unclosed colour."""

CELL = 12.2
"""The width of one terminal cell in Rich's SVG export."""


def hostile_scenario(folder: Path) -> LoadedScenario:
    """The gas scenario with the brackets in every kind of text a scenario brings."""
    quoted = HOSTILE.replace('"', '\\"')
    text = GAS.read_text(encoding="utf-8")
    for old, new in [
        ("title: Gasslukt på Torget", f'title: "Gasslukt {quoted}"'),
        ("summary: Gasslekkasje", f'summary: "Kort {quoted}" #'),
        ("  Det er tirsdag formiddag i Fjellvik.", f"  Det er tirsdag formiddag i Fjellvik. {HOSTILE}"),
        ("  - Kari, kommunikasjonsavdelingen", f'  - "Kari {quoted}, kommunikasjonsavdelingen"'),
        ("name: Heidi Torgersen", f'name: "Heidi {quoted}"'),
        ("name: Politiets operasjonssentral", f'name: "Politiet {quoted}"'),
        ('text: "Hva skjer på Torget?? ', f'text: "Første {quoted} Hva skjer på Torget?? '),
        ('text: "Hørte fra en i politiet', f'text: "Rykte {quoted} Hørte fra en i politiet'),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "fiendtlig.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def screen_lines(app: DrillApp) -> list[str]:
    """The terminal's lines as a person reads them, from Textual's own SVG screenshot."""
    width, height = app.size
    lines = [[" "] * width for _ in range(height)]
    svg = app.export_screenshot()
    for x, row, text in re.findall(r'<text [^>]*x="([\d.]+)"[^>]*-line-(\d+)\)">([^<]*)</text>', svg):
        column = round(float(x) / CELL)
        for offset, char in enumerate(html.unescape(text).replace("\xa0", " ").rstrip("\n")):
            if 0 <= int(row) < height and column + offset < width:
                lines[int(row)][column + offset] = char
    return ["".join(line).rstrip() for line in lines]


def shown(app: DrillApp, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


def click_actions(app: DrillApp) -> set[str]:
    """Every action a mouse click on the screen would run through text markup."""
    width, height = app.size
    actions = set()
    for y in range(height):
        for x in range(width):
            action = app.screen.get_style_at(x, y).meta.get("@click")
            if action:
                actions.add(str(action))
    return actions


def assert_as_written(app: DrillApp, *texts: str) -> None:
    screen = "\n".join(screen_lines(app))
    for text in texts:
        assert text in screen, f"{text!r} is not on the screen:\n{screen}"
    assert click_actions(app) == set(), "a click on people's words must never run an action"


@pytest.fixture
def hostile(tmp_path: Path) -> LoadedScenario:
    return hostile_scenario(tmp_path)


@pytest.fixture
def hostile_console(tmp_path: Path, hostile: LoadedScenario, fake_spread: SpreadFactory) -> Callable[[], DrillApp]:
    def make() -> DrillApp:
        live = LiveDrill.create(hostile, tmp_path / "okt.db", seed=1, spread_factory=fake_spread)
        return DrillApp(connection=LocalConnection(live), ticking=False, options=PlayOptions())

    return make


async def test_the_briefing_shows_the_scenarios_words_as_written(tmp_path: Path, hostile: LoadedScenario) -> None:
    app = DrillApp(ticking=False, scenario=hostile, options=PlayOptions(out=tmp_path / "okt.db"))
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert_as_written(app, f"Gasslukt {HOSTILE}", f"Det er tirsdag formiddag i Fjellvik. {HOSTILE}",
                          f"Kari {HOSTILE}, kommunikasjonsavdelingen")


async def test_the_console_its_dialogs_and_the_debrief_show_people_words_as_written(
    hostile_console: Callable[[], DrillApp], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("drill.app.debrief_data.scorer", lambda: None)
    app = hostile_console()
    async with app.run_test(size=(200, 50)) as pilot:
        app.advance(7 * 60)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConsoleScreen)
        # Feed rows (author and text), the status bar's duty, the news strip's sender.
        assert_as_written(app, "Heidi [b]x[/b] [/", "Første [b]x[/b] [/] [link=http://x]y[/link]",
                          "Rykte [b]x[/b] [/] [link=http://x]y[/link]", f"Vakt: Kari {HOSTILE}",
                          "Politiet [b]x[/b] [/] [link=http://x]y[/link]")
        screen.feed.select_item("first-alarm")
        await pilot.pause()
        assert_as_written(app, f"Første {HOSTILE}", "skjer på Torget?? Masse brannbiler")  # the thread pane

        for key, quoted in [("r", f"Første {HOSTILE} Hva skjer"),  # reply: the comment quoted
                            ("h", f"Første {HOSTILE} Hva skjer"),  # hide: the comment quoted
                            ("n", "Første [b]x[/b] [/] [link=http://x]y[/link]"),  # note: "about this comment"
                            ("v", f"Kari {HOSTILE}")]:  # handover: who has the duty now
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ConsoleScreen), key
            assert_as_written(app, quoted)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen

        await pilot.press("slash", *"[/]")  # the search box echoes what was typed
        await pilot.pause()
        assert_as_written(app, "[/]")
        await pilot.press("escape")

        app.advance(2 * 3600)
        await pilot.pause()
        assert app.screen.id == "debrief"
        assert_as_written(app, f"Gasslukt {HOSTILE}", "Rykte [b]x[/b] [/]")


async def test_the_resume_question_names_the_session_file_as_written(tmp_path: Path, hostile: LoadedScenario) -> None:
    path = tmp_path / "økt [b]x [red]y [@click=app.quit]z.db"  # a file name holds no "/" to close a tag
    LiveDrill.create(hostile, path, seed=1).close()
    app = DrillApp(ticking=False, options=PlayOptions(out=path))
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert_as_written(app, "økt [b]x [red]y", "[@click=app.quit]z.db")  # the line wraps at a space


async def test_a_problem_naming_the_session_file_is_told_as_written(tmp_path: Path) -> None:
    """The resume question's answer fails on a damaged file: the toast names it as written."""
    path = tmp_path / "ødelagt [b]x [@click=app.quit]z.db"
    path.write_bytes(b"not a drill")
    app = DrillApp(ticking=False, options=PlayOptions(out=path, folder=tmp_path))
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # resume
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        # The toast wraps the path where its length puts the line ends (the temporary folder's name
        # varies from machine to machine), so read the toast's lines end to end without spaces.
        toast = "".join(line.rsplit("▌", 1)[1] for line in screen_lines(app) if "▌" in line)
        assert "/ødelagt[b]x[@click=app.quit]z.db:" in toast.replace(" ", ""), toast
        assert click_actions(app) == set(), "a click on people's words must never run an action"


async def test_a_problem_with_the_session_file_is_told_in_the_screens_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The command's own language (English in a C locale) must not leak onto a bokmål screen."""
    monkeypatch.delenv("DRILL_LANG", raising=False)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.setenv(variable, "C")
    path = tmp_path / "gammel.db"
    path.write_bytes(b"not a drill")
    app = DrillApp(ticking=False, options=PlayOptions(out=path, folder=tmp_path))
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # resume
        await pilot.pause()
        screen = " ".join(screen_lines(app))
        assert "øktfil" in screen and "SQLite-database" in screen, screen
        assert "session file" not in screen, screen

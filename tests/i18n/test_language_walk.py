"""Every command and the app's main screens, in each language, show only that language.

The test walks the CLI in-process (`drill.cli.main`): every command's output and its
`--help`, and argparse's own errors; and the app headless (Pilot): picker, briefing, console
views, a replay and its debrief; with `--lang nb`, `nn` and `en`, and looks in what a person
would read for the other languages' catalogue texts. Only distinctive fragments count: literal runs of 12 or more characters
(between placeholders) that no text of the language under test contains, so shared words
("Status", "Pause") and quoted scenario text cannot give false alarms.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
from functools import cache
from pathlib import Path

import pytest

from drill.app.app import DrillApp, PlayOptions
from drill.app.connection import ReplayConnection
from drill.app.screens.debrief import DebriefScreen
from drill.cli import command_modules, main
from drill.i18n import LANGUAGES
from drill.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"
GOOD_TEAM = "good"
CODES = ("nb", "nn", "en")
MIN_FRAGMENT = 12
DATA_COMMANDS = ("export", "schema")


@cache
def foreign_fragments(language: str) -> frozenset[str]:
    """Literal fragments of the other languages' texts that appear in no text of `language`."""
    own = "\n".join(LANGUAGES[language].values())
    fragments: set[str] = set()
    for other in CODES:
        if other == language:
            continue
        for text in LANGUAGES[other].values():
            for piece in re.split(r"\{[^{}]*\}", text):
                for line in piece.splitlines():
                    line = line.strip(" .,:;()«»“”'\"–-")
                    if len(line) >= MIN_FRAGMENT and line not in own:
                        fragments.add(line)
    return frozenset(fragments)


def foreign_in(text: str, language: str) -> list[str]:
    return sorted(fragment for fragment in foreign_fragments(language) if fragment in text)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("walk") / "gas.db"
    assert main(["run", str(GAS), "--team", GOOD_TEAM, "--out", str(path), "--lang", "en"]) == 0
    return path


def command_lines(folder: Path, session: Path) -> list[list[str]]:
    """One invocation of every command (the long-running ones on their quick paths)."""
    csv = folder / "plan.csv"
    labelled = folder / "labelled.jsonl"
    labelled.write_text(LABELLED, encoding="utf-8")
    return [
        ["new", str(folder / "ny.yaml")],
        ["validate", str(GAS), str(folder / "ny.yaml")],
        ["validate", str(folder / "missing.yaml")],
        ["preview", str(GAS), "--width", "120"],
        ["preview", str(GAS), "--format", "csv", "-o", str(csv)],
        ["import-msel", str(csv), "-o", str(folder / "from-plan.yaml")],
        ["run", str(GAS), "--team", GOOD_TEAM, "--out", str(folder / "again.db")],
        ["score", str(session)],
        ["report", str(session), "--format", "md", "-o", str(folder / "report.md")],
        ["report", str(session), "-o", str(folder)],
        ["export", str(session)],
        ["schema"],
        ["host"],
        ["host", str(GAS), "--resume", str(session)],
        ["join", str(session)],
        ["serve", str(session), "--port", "0"],
        ["play", str(GAS), "--speed", "0"],
        ["new", str(folder)],
        ["tone", "--eval", str(labelled)],
        ["history", str(session)],
    ]


# A trainer's own labelled replies for `drill tone --eval`: a privacy breach, a curt non-answer
# and two good replies, so every part of its report is printed.
LABELLED = "\n".join(json.dumps(line, ensure_ascii=False) for line in (
    {"id": "a", "language": "nb", "context": "Hvordan går det med faren min?", "label": "bad", "flags": ["privacy"],
     "reply": "Faren din på Solbakken får hjemmesykepleie tre ganger i uka etter hjerteinfarktet."},
    {"id": "b", "language": "nb", "context": "Når kommer vannet tilbake?", "label": "bad", "flags": [],
     "reply": "Vet ikke."},
    {"id": "c", "language": "nb", "context": "Når kommer vannet tilbake?", "label": "good", "flags": [],
     "reply": "Vi regner med vann igjen i kveld. Hent vann ved brannstasjonen til da. Hilsen Kari, teknisk drift"},
    {"id": "d", "language": "nb", "context": "Hvordan går det med faren min?", "label": "good", "flags": [],
     "reply": "Vi kan ikke svare på spørsmål om enkeltpersoner her. Send oss en melding, så hjelper vi deg. Hilsen Ola"},
)) + "\n"


@pytest.mark.parametrize("language", CODES)
def test_every_command_speaks_only_its_language(language: str, session: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILL_LANG", language)  # `drill new`'s own --lang is the new scenario's language
    said: list[str] = []
    for argv in command_lines(tmp_path, session):
        code = main(argv if argv[0] == "new" else [*argv, "--lang", language])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err, argv
        assert code != 3, (argv, err)  # an internal error is never an answer
        if argv[0] in DATA_COMMANDS:
            out = ""  # JSON for other programs, not words for a person
        said.append(f"$ drill {' '.join(argv)} -> {code}\n{out}{err}")
    assert len(said) == len(command_lines(tmp_path, session))
    text = "\n".join(said)
    assert foreign_in(text, language) == [], text


def help_and_errors(language: str, capsys: pytest.CaptureFixture[str]) -> str:
    """`drill --help`, every command's --help, and a few of argparse's own errors."""
    said: list[str] = []
    asked = [["--help"], *([name.replace("_", "-"), "--help"] for name in command_modules())]
    wrong = [["run"], ["report", "x.db", "--format", "pdf"], ["run", "x", "--seed", "abc"], ["nope"],
             ["join", "x.db", "--plain", "--web"], ["score", "x.db", "--frobnicate"], ["report", "x.db", "-o"]]
    for argv, expected in [*((a, 0) for a in asked), *((w, 2) for w in wrong)]:
        with pytest.raises(SystemExit) as stopped:
            main([*argv, "--lang", language] if argv[-1] != "-o" else ["--lang", language, *argv])
        out, err = capsys.readouterr()
        assert stopped.value.code == expected, (argv, out, err)
        said.append(f"$ drill {' '.join(argv)}\n{out}{err}")
    return "\n".join(said)


@pytest.mark.parametrize("language", CODES)
def test_help_and_usage_errors_speak_only_their_language(language: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = help_and_errors(language, capsys)
    words = LANGUAGES[language]
    assert text.count(words["cli.argparse.usage"]) >= len(command_modules()) + 1
    for key in ("cli.help.run", "cli.help.score", "cli.help.import_msel", "cli.argparse.help"):
        assert words[key] in " ".join(text.split()), key  # help texts are wrapped to the terminal's width
    assert foreign_in(" ".join(text.split()), language) == [], text


def test_new_speaks_the_language_of_the_environment(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILL_LANG", "nn")
    assert main(["new", str(tmp_path / "x.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Oppretta" in out and foreign_in(out, "nn") == []


def screen_text(app: DrillApp) -> str:
    """The text on the screen as a person reads it (from Textual's own SVG screenshot)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def walk_app(language: str) -> list[str]:
    screens: list[str] = []
    app = DrillApp(options=PlayOptions(language=language, folder=ROOT / "scenarios"), ticking=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        screens.append(screen_text(app))  # the picker
    app = DrillApp(options=PlayOptions(language=language, out=None), scenario=load_scenario(GAS), ticking=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        screens.append(screen_text(app))  # the briefing
        await pilot.press("enter")
        await pilot.pause()
        screens.append(screen_text(app))  # the console
        for view in ("2", "3", "4"):
            await pilot.press(view)
            await pilot.pause()
            screens.append(screen_text(app))
    return screens


async def walk_replay(language: str, session: Path) -> list[str]:
    """A replay of the walk's drill, moved to its end, and its debrief with the real score."""
    screens: list[str] = []
    replay = ReplayConnection.open(session)
    app = DrillApp(options=PlayOptions(language=language), connection=replay, ticking=False)
    try:
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            await pilot.press("full_stop")
            await pilot.pause()
            screens.append(screen_text(app))
            await pilot.press("s")
            for _ in range(600):  # the score is worked out off the UI thread
                await pilot.pause(0.05)
                if isinstance(app.screen, DebriefScreen) and not app.workers:
                    break
            assert isinstance(app.screen, DebriefScreen)
            screens.append(screen_text(app) + "\n" + app.screen.text)
    finally:
        replay.close()
    return screens


@pytest.mark.parametrize("language", CODES)
def test_the_app_screens_speak_only_their_language(language: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the session file the briefing starts goes here
    screens = asyncio.run(walk_app(language))
    assert len(screens) == 6
    words = LANGUAGES[language]
    assert words["picker.title"] in screens[0] and words["briefing.situation"] in screens[1]
    for text in screens:
        assert foreign_in(text, language) == [], text


@pytest.mark.parametrize("language", CODES)
def test_the_replay_and_its_debrief_speak_only_their_language(language: str, session: Path) -> None:
    replay, debrief = asyncio.run(walk_replay(language, session))
    words = LANGUAGES[language]
    assert words["debrief.findings"] in debrief, debrief
    for text in (replay, debrief):
        assert foreign_in(" ".join(text.split()), language) == [], text


def test_the_walk_would_notice_one_english_text(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The check can fail: one English message put back into the nynorsk catalogue is found."""
    english = LANGUAGES["en"]["cli.host.neither"]
    monkeypatch.setitem(LANGUAGES["nn"], "cli.host.neither", english)  # type: ignore[index]
    assert main(["host", "--lang", "nn"]) == 2
    _, err = capsys.readouterr()
    assert english in err
    monkeypatch.undo()  # judge against the true catalogue again
    foreign_fragments.cache_clear()
    assert foreign_in(err, "nn") != []

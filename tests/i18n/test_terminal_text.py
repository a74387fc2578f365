"""Text from a scenario or a citizen's comment is printed, never obeyed by the terminal.

A scenario whose title, comments and persona names hold ESC sequences, C1 controls and a
bidi override is run through every command that prints scenario or comment text; none of
their output may contain a raw control character (tab and newline aside).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drill.cli import main
from drill.terminal_text import neutralise

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\r"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_neutralise_shows_every_control_and_keeps_lines_and_tabs() -> None:
    shown = neutralise("a\tb\nc" + HOSTILE + "\r\n")
    assert RAW_CONTROL.search(shown.replace("\r\n", "\n")) is None
    assert shown.startswith("a\tb\nc␛]0;pwned␇␛[2J<U+009B>31m<U+202E>evil␍")
    assert shown.endswith("\r\n")  # a CSV's line ends stay as Excel wants them


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The gas scenario with escapes in its title and in a comment's text, and a session of it."""
    folder = tmp_path_factory.mktemp("hostile")
    text = GAS.read_text(encoding="utf-8")
    escaped = HOSTILE.encode("unicode_escape").decode("ascii")  # YAML reads \x1b, \u202e, \r back
    text = re.sub(r"^title: (.*)$", lambda m: f'title: "Gass {escaped}"', text, count=1, flags=re.M)
    first_text = re.search(r"^(\s+text: )(.*)$", text, flags=re.M)
    assert first_text is not None
    text = text.replace(first_text.group(0), f'{first_text.group(1)}"Hei {escaped} der"', 1)
    scenario = folder / "hostile.yaml"
    scenario.write_text(text, encoding="utf-8")
    session = folder / "hostile.db"
    assert main(["run", str(scenario), "--team", "good", "--out", str(session), "--lang", "en"]) == 0
    return scenario, session


def test_no_command_sends_a_control_sequence_to_the_terminal(hostile: tuple[Path, Path], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    scenario, session = hostile
    capsys.readouterr()
    commands = [
        ["validate", str(scenario)],
        ["preview", str(scenario)],
        ["preview", str(scenario), "--format", "csv"],
        ["run", str(scenario), "--team", "poor", "--out", str(tmp_path / "again.db")],
        ["score", str(session)],
        ["report", str(session), "--format", "md"],
        ["export", str(session)],
        ["host", str(scenario), "--resume", str(session)],
        ["serve", str(session), "--port", "0"],
    ]
    for argv in commands:
        main([*argv, "--lang", "en"])
        out, err = capsys.readouterr()
        printed = (out + err).replace("\r\n", "\n")
        assert RAW_CONTROL.search(printed) is None, (argv, printed[:500])
    # The hostile text did reach the output of the commands that show it, visibly.
    main(["preview", str(scenario), "--lang", "en"])
    assert "␛" in capsys.readouterr().out

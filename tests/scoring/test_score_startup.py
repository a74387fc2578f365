"""`drill score` builds only its own command line and imports none of the app, the engine or
the history's report machinery; everything else about the command line stays as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drill.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_drill_score_imports_only_what_it_needs() -> None:
    code = ("import sys; from drill.cli import build_parser, _command_named; "
            "build_parser(only=_command_named(['--lang', 'nn', 'score', 'x.db'])); "
            "print(sorted(m for m in ('textual', 'faker', 'drill.live', 'drill.engine', 'drill.history.overview', "
            "'drill.history.model', 'scoring.report.model', 'scoring.report.html') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("argv", [["score", "--help"], ["--lang", "nn", "score", "--help"]])
def test_a_commands_help_still_works(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    assert "drill score" in capsys.readouterr().out


def test_an_unknown_command_is_told_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["no-such-command"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert all(name in err for name in ("play", "score", "report", "history", "import-msel"))

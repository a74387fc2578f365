"""`drill history` lists an unfinished drill with the exact command that resumes it.

It said "den kan fortsettes med drill play", and `drill play` as printed opens the scenario
picker; resuming needs `drill play --out FILE`, which the app's quit message already prints.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from drill.cli import main
from drill.invocation import command_line
from drill.live import LiveDrill
from drill.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("language", "words"), [("nb", "den kan fortsettes med "), ("nn", "ho kan haldast fram med "),
                                                 ("en", "it can be resumed with ")])
def test_an_unfinished_drill_names_the_command_that_resumes_it(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                               language: str, words: str) -> None:
    path = tmp_path / "kveldsøvelse 2.db"
    drill = LiveDrill.create(load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml"), path, 1)
    drill.advance_to(300)
    drill.close()
    main(["--lang", language, "history", str(tmp_path)])
    captured = capsys.readouterr()
    line = next(line for line in (captured.out + captured.err).splitlines() if words in line)
    printed = line.split(words, 1)[1].removesuffix(").")
    assert printed == command_line("play", "--out", path)
    assert shlex.split(printed)[-3:] == ["play", "--out", str(path)]


def test_an_unfinished_hosted_drill_names_drill_host_resume(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    """A hosted drill whose host stopped goes on under a host again, with its seats and grants:
    `drill play --out` would carry it on alone, without the team."""
    from drill.team_play.host import TeamHost

    hosted = tmp_path / "lag økt.db"
    host = TeamHost.create(load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml"), hosted, 1)
    host.live.advance_to(300)
    host.close()
    alone = tmp_path / "alene.db"
    drill = LiveDrill.create(load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml"), alone, 1)
    drill.close()
    main(["--lang", "nb", "history", str(tmp_path)])
    captured = capsys.readouterr()
    lines = [line for line in (captured.out + captured.err).splitlines() if "den kan fortsettes med " in line]
    commands = {line.split("den kan fortsettes med ", 1)[1].removesuffix(")."): line for line in lines}
    assert command_line("host", "--resume", hosted) in commands
    assert command_line("play", "--out", alone) in commands
    assert len(commands) == 2
    assert shlex.split(command_line("host", "--resume", hosted))[-3:] == ["host", "--resume", str(hosted)]

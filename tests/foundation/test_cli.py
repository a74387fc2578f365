"""The `drill` command as a user meets it: exit codes, messages, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drill.cli import main
from drill.commands.schema import schema_json
from drill.scenario.library import shipped_scenarios, shipped_team_scripts
from drill.scenario.models import Scenario
from drill.team.models import TeamScript

ROOT = Path(__file__).resolve().parents[2]


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_passes_every_shipped_file(capsys):
    files = [str(p) for p in shipped_scenarios()] + [str(p) for p in (ROOT / "scenarios" / "teams").glob("*.yaml")]
    code, out, err = run_cli(capsys, "validate", *files)
    assert code == 0, err
    assert out.count(": OK") == len(files)


def test_every_shipped_scenario_has_a_good_and_a_poor_team():
    for scenario in shipped_scenarios():
        names = {p.stem.split("--")[1] for p in shipped_team_scripts(scenario.stem)}
        assert {"good", "poor"} <= names, scenario.name


def test_shipped_files_point_editors_at_the_schema():
    for path in [*shipped_scenarios(), *(ROOT / "scenarios" / "teams").glob("*.yaml")]:
        assert path.read_text().startswith("# yaml-language-server: $schema=schema.json"), path


def test_committed_schemas_match_the_models():
    assert (ROOT / "scenarios" / "schema.json").read_text() == schema_json(Scenario), "run: drill schema > scenarios/schema.json"
    assert (ROOT / "scenarios" / "teams" / "schema.json").read_text() == schema_json(TeamScript), (
        "run: drill schema --team > scenarios/teams/schema.json"
    )


def test_validate_reports_problems_and_exits_1(tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitel: X\n")
    code, _, err = run_cli(capsys, "validate", str(bad))
    assert code == 1
    assert f"{bad}:2:1: titel: Unknown field 'titel'. Did you mean 'title'?" in err
    assert "Traceback" not in err


def test_run_and_export_twice_give_identical_events(tmp_path: Path, capsys):
    exports = []
    for name in ("a.db", "b.db"):
        code, out, _ = run_cli(capsys, "run", "gasslukt-torget", "--team", "good", "--seed", "4", "--out", str(tmp_path / name))
        assert code == 0
        assert "Replies:" in out
        code, out, _ = run_cli(capsys, "export", str(tmp_path / name))
        assert code == 0
        events = [json.loads(line) for line in out.splitlines()]
        for event in events:
            event.pop("wall")
        exports.append(events)
    assert exports[0] == exports[1]
    assert len(exports[0]) > 300


def test_another_process_reproduces_the_same_drill(tmp_path: Path, capsys):
    """Same inputs in a fresh interpreter (different hash seed) give the same payloads."""
    run_cli(capsys, "run", "gasslukt-torget", "--team", "poor", "--out", str(tmp_path / "here.db"))
    _, here_out, _ = run_cli(capsys, "export", str(tmp_path / "here.db"))
    subprocess.run(
        [sys.executable, "-m", "drill", "run", "gasslukt-torget", "--team", "poor", "--out", str(tmp_path / "there.db")],
        check=True, capture_output=True, env={"PYTHONHASHSEED": "123", "PATH": ""},
    )
    there = subprocess.run(
        [sys.executable, "-m", "drill", "export", str(tmp_path / "there.db")], check=True, capture_output=True, text=True
    ).stdout

    def payloads(text: str) -> list:
        return [(e["seq"], e["t"], e["actor"], e["payload"]) for e in map(json.loads, text.splitlines())]

    assert payloads(here_out) == payloads(there)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["run", "no-such-scenario"], "no shipped scenario has that name"),
        (["run", "gasslukt-torget", "--team", "nobody"], "no shipped team script"),
        (["export", "missing.db"], "no such session file"),
        (["validate", "."], "this is a folder"),
    ],
)
def test_bad_input_gives_a_message_and_exit_2(capsys, argv, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, *argv)
    assert code in (1, 2)
    assert expected in err
    assert "Traceback" not in err


def test_a_garbage_session_file_is_named_not_a_traceback(tmp_path: Path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, _, err = run_cli(capsys, "export", str(junk))
    assert code == 2
    assert str(junk) in err and "Traceback" not in err


def test_team_script_pointing_at_unknown_item(tmp_path: Path, capsys):
    script = tmp_path / "team.yaml"
    script.write_text("name: T\nactions:\n  - at: 1m\n    reply: {to: bomb-rumor, text: Nei}\n")
    code, _, err = run_cli(capsys, "run", "gasslukt-torget", "--team", str(script), "--out", str(tmp_path / "x.db"))
    assert code == 2
    assert f"{script}:4:13: actions[0].reply.to: The scenario has no item 'bomb-rumor'. Did you mean 'bomb-rumour'?" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["new", "."],
        ["score", "text.yaml"],
        ["report", "text.yaml", "--format", "html", "-o", "r.html"],
        ["replay", "text.yaml"],
        ["preview", "text.yaml"],
        ["import-msel", "text.yaml"],
        ["join", "missing.db", "--as", "Ola", "--plain"],
        ["control", "missing.db", "--plain"],
    ],
)
def test_no_command_shows_a_traceback_for_bad_input(capsys, argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "text.yaml").write_text("hello\n")
    code, _, err = run_cli(capsys, *argv)
    assert code == 2
    assert err.startswith("drill: ") and "Traceback" not in err and "internal error" not in err

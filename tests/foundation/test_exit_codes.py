"""The README's promise about exit codes, case by case: bad input is exit 2 with one line
naming the file and what is wrong, never "unexpected internal error" (3); Ctrl+C is 130."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drill.cli import main
from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.store import SessionFileError, SessionStore

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"


def run_cli(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    _, err = capsys.readouterr()
    return code, err


def assert_one_line_about(err: str, path: Path | str) -> None:
    assert err.startswith(f"drill: {path}"), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err


# --- YAML tags --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        "title: !!omap [{a: 1}]",
        "title: !!python/object/apply:os.system ['echo owned']",
        "title: !!python/name:os.system",
        "title: !!set {a, b}",
        "title: !!binary aGVsbG8=",
        "title: !custom {a: 1}",
        "kind: !!python/tuple [1, 2]",
    ],
)
def test_a_yaml_tag_in_a_scenario_is_bad_input_and_runs_nothing(capsys, tmp_path: Path, tagged: str):
    key = tagged.split(":")[0]
    text = GAS.read_text(encoding="utf-8")
    lines = [tagged if line.startswith(f"{key}:") else line for line in text.splitlines()]
    assert tagged in lines
    scenario = tmp_path / "tagged.yaml"
    scenario.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err = run_cli(capsys, "run", str(scenario), "--out", str(tmp_path / "s.db"))
    assert code == 2
    assert_one_line_about(err, f"{scenario}:")
    assert "YAML tag" in err
    assert not (tmp_path / "s.db").exists()


def test_a_yaml_tag_in_a_team_script_is_bad_input(capsys, tmp_path: Path):
    script = tmp_path / "team.yaml"
    script.write_text("name: !!omap [{a: 1}]\nactions: []\n", encoding="utf-8")
    code, err = run_cli(capsys, "run", "gasslukt-torget", "--team", str(script), "--out", str(tmp_path / "s.db"))
    assert code == 2
    assert_one_line_about(err, f"{script}:1:")


def test_plain_str_tags_are_still_plain_yaml(tmp_path: Path):
    text = GAS.read_text(encoding="utf-8").replace("title: ", "title: !!str ", 1)
    scenario = tmp_path / "str.yaml"
    scenario.write_text(text, encoding="utf-8")
    assert load_scenario(scenario).scenario.title == "Gasslukt på Torget"


def test_thousands_of_nested_brackets_are_refused_at_once(capsys, tmp_path: Path):
    scenario = tmp_path / "deep.yaml"
    scenario.write_text("title: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    code, err = run_cli(capsys, "run", str(scenario))
    assert time.perf_counter() - started < 1.0
    assert code == 2 and "nested too deeply" in err


# --- a full disk --------------------------------------------------------------------------------


def _fill_the_disk_after(monkeypatch, appends: int) -> None:
    """After `appends` successful writes the file may not grow any more: SQLite says the disk is full."""
    real = SessionStore.append
    count = {"n": 0}

    def append(self: SessionStore, events) -> None:  # type: ignore[no-untyped-def]
        count["n"] += 1
        if count["n"] == appends + 1:
            pages = self._db.execute("PRAGMA page_count").fetchone()[0]
            self._db.execute(f"PRAGMA max_page_count = {pages}")
        real(self, events)

    monkeypatch.setattr(SessionStore, "append", append)


def test_a_full_disk_during_run_is_named_and_loses_nothing(capsys, tmp_path: Path, monkeypatch):
    out = tmp_path / "full.db"
    _fill_the_disk_after(monkeypatch, 5)
    code, err = run_cli(capsys, "run", "gasslukt-torget", "--team", "good", "--out", str(out))
    assert code == 2
    assert_one_line_about(err, out)
    assert "disk is full" in err
    monkeypatch.undo()
    with SessionStore.open(out) as store:
        events = store.events()  # checks the log has no gap
    assert events and events[0].type == "drill_started"


def test_a_full_disk_under_the_host_is_named_and_loses_nothing(tmp_path: Path, monkeypatch):
    from drill.team_play.host import TeamHost

    out = tmp_path / "host.db"
    clock = [0.0]
    host = TeamHost.create(load_scenario(GAS), out, 1, speed=100.0, clock=lambda: clock[0])
    before = host.live.store.last_seq()
    _fill_the_disk_after(monkeypatch, 0)
    with pytest.raises(SessionFileError, match="disk is full") as raised:
        for _ in range(200):
            clock[0] += 5
            host.step()
    assert str(raised.value).startswith(str(out))
    host.close()
    monkeypatch.undo()
    with SessionStore.open(out) as store:
        assert store.last_seq() >= before
        assert len(store.events()) == store.last_seq()


# --- damaged session files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("recorded") / "good.db"
    drill = LiveDrill.create(load_scenario(GAS), path, 1)
    drill.advance_to(600)
    drill.close()
    return path


def _damage(source: Path, target: Path, *statements: str) -> Path:
    target.write_bytes(source.read_bytes())
    db = sqlite3.connect(target)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return target


DAMAGES = {
    "version-not-a-number": ("UPDATE meta SET value = 'one' WHERE key = 'format_version'",),
    "seed-not-a-number": ("UPDATE meta SET value = '1e3x' WHERE key = 'seed'",),
    "no-events-table": ("DROP TABLE events",),
    "time-1e308": ("UPDATE events SET t = 1e308 WHERE seq = 3",),
    "time-nan-text": ("UPDATE events SET t = 'soon' WHERE seq = 3",),
    "time-goes-back": ("UPDATE events SET t = 0 WHERE seq = (SELECT MAX(seq) FROM events)",),
    "gap-in-sequence": ("DELETE FROM events WHERE seq = 4",),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
@pytest.mark.parametrize("command", ["export", "score", "resume", "join"])
def test_a_damaged_session_file_is_exit_2_with_one_line(capsys, tmp_path: Path, recorded: Path, damage: str,
                                                        command: str):
    path = _damage(recorded, tmp_path / f"{damage}.db", *DAMAGES[damage])
    argv = {
        "export": ["export", str(path)],
        "score": ["score", str(path)],
        "resume": ["host", "--resume", str(path)],
        "join": ["join", str(path), "--as", "Ola", "--plain"],
    }[command]
    code, err = run_cli(capsys, *argv)
    if command == "score" and code == 0:
        pytest.skip("scoring is not installed here")
    assert code == 2, err
    assert_one_line_about(err, path)


# --- Ctrl+C ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("delay", [0.15, 0.3, 0.5, 0.9])
def test_an_early_ctrl_c_exits_130_without_a_traceback(tmp_path: Path, delay: float):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DRILL_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "drill", "run", "gasslukt-torget", "--team", "good", "--out", str(tmp_path / "c.db")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the drill finished before the interrupt")
    assert process.returncode == 130, err
    assert b"Traceback" not in err and err.count(b"\n") <= 1, err

"""The team-play commands as a user meets them: plain refusals, loopback by default, a served page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from drill.cli import main
from drill.live import LiveDrill
from drill.errors import DrillError
from drill.team_play.serving import CODE_ALPHABET, code_bits, is_loopback, join_code_for, seat_command


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_host_needs_a_scenario_or_a_session_to_resume(capsys, tmp_path: Path):
    code, _, err = _run(capsys, "host")
    assert code == 2 and "Give a SCENARIO" in err
    code, _, err = _run(capsys, "host", "gasslukt-torget", "--resume", str(tmp_path / "x.db"))
    assert code == 2 and "not both" in err
    code, _, err = _run(capsys, "host", "--resume", str(tmp_path / "missing.db"))
    assert code == 2 and "no such session file" in err and "Traceback" not in err


def test_join_and_control_refuse_what_is_not_a_session(capsys, tmp_path: Path):
    code, _, err = _run(capsys, "join", str(tmp_path / "missing.db"), "--as", "Ola", "--plain")
    assert code == 2 and "no such session file" in err
    notes = tmp_path / "notes.db"
    notes.write_text("hello")
    code, _, err = _run(capsys, "control", str(notes), "--plain")
    assert code == 2 and "not an SQLite database" in err
    code, _, err = _run(capsys, "join", str(notes), "--plain")
    assert code == 2 and "--as" in err


def test_a_join_code_is_required_off_loopback_only():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")
    assert join_code_for("127.0.0.1", None) is None
    code = join_code_for("0.0.0.0", None)
    assert code is not None and len(code) == 11 and code.count("-") == 2
    assert code_bits(code) >= 40 and set(code) <= set(CODE_ALPHABET + "-")
    assert not set(code) & set("01ilo"), "no characters that are misread aloud"
    for weak in ("1", "4711", "123456", "000000000000000", "aaaaaaaaaaaaaa", "abcabcabc"):
        with pytest.raises(DrillError, match="too easy to guess"):
            join_code_for("0.0.0.0", weak)
    assert join_code_for("127.0.0.1", "kx7-m4p-q2r") == "kx7-m4p-q2r"


def test_serve_refuses_a_weak_join_code(capsys, tmp_path: Path, hosted):
    code = main(["serve", str(hosted), "--join-code", "1"])
    assert code == 2 and "too easy to guess" in capsys.readouterr().err


def test_the_seat_command_names_the_session_and_never_the_code(tmp_path: Path):
    command = seat_command(tmp_path / "a b.db", "en")
    assert command.startswith(sys.executable) or command.startswith("'")
    assert "join" in command and "--web" in command and "--lang en" in command
    assert "'" + str((tmp_path / "a b.db").resolve()) + "'" in command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_on_loopback_with_the_seat_page(tmp_path: Path, gas):
    pytest.importorskip("textual_serve")
    session = tmp_path / "served.db"
    LiveDrill.create(gas, session, 1).close()
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "drill", "serve", str(session), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True,
    )
    try:
        page = None
        deadline = time.monotonic() + 15
        while page is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        if page is None:
            output = server.stdout.read() if server.poll() is not None else ""
            pytest.skip(f"textual-serve did not start here: {output[-300:]}")
        assert f"ws://127.0.0.1:{port}/ws" in page
        assert "Gasslukt på Torget" in page
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    assert "Join code" not in (server.stdout.read() or ""), "no code on loopback"

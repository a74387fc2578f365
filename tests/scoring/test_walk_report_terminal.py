"""`drill report S.db` typed on a terminal writes the HTML page beside the session and says where.

It used to pour one 300 kB line of markup into the terminal. Piped or redirected, the report
still goes to standard output, so scripts that did `drill report S.db > x.html` keep working.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drill.live import LiveDrill
from drill.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("walk-report") / "torget.db"
    drill = LiveDrill.create(load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml"), path, 1)
    drill.advance_to(600)
    drill.close()
    return path


def _on_a_terminal(*argv: str) -> tuple[int, str]:
    """Run `drill ARGV` with its standard output and error on a pseudo-terminal, as typed by a person."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "drill", *argv], stdout=slave, stderr=slave,
                               stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    os.close(slave)
    output = b""
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break  # the other end is closed: drill has finished
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return code, output.decode("utf-8", "replace")


def test_on_a_terminal_the_html_report_is_written_beside_the_session(session: Path) -> None:
    target = session.with_suffix(".html")
    target.unlink(missing_ok=True)
    code, shown = _on_a_terminal("--lang", "nb", "report", str(session))
    assert code == 0, shown
    assert "<html" not in shown.lower() and len(shown) < 500, shown[:500]
    assert f"{target}: rapporten er skrevet (HTML)." in shown
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")


def test_piped_the_report_still_goes_to_standard_output(session: Path, tmp_path: Path) -> None:
    target = session.with_suffix(".html")
    target.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-m", "drill", "--lang", "nb", "report", str(session)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().lower().startswith("<!doctype html>")
    assert not target.exists()


def test_markdown_asked_for_on_a_terminal_is_shown_there(session: Path) -> None:
    code, shown = _on_a_terminal("--lang", "nn", "report", str(session), "--format", "md")
    assert code == 0, shown
    assert shown.lstrip().startswith("#") and "Gasslukt på Torget" in shown

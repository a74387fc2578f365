"""The history's HTML shows control characters from a session (recorded before names were
checked on the way in) as visible signs, never as raw bytes a terminal would obey."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from drill.cli import main
from tests.history.conftest import Sessions


def test_history_html_neutralises_control_characters(sessions: Sessions, tmp_path: Path) -> None:
    copy = tmp_path / "escape.db"
    shutil.copy(sessions.good, copy)
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'team_name'", ("Evil\x1b]0;HACKED\x07 kommune",))
    out = tmp_path / "h.html"
    assert main(["history", str(copy), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "\x1b" not in html and "\x07" not in html
    assert "Evil␛]0;HACKED␇ kommune" in html

"""`drill run`'s summary never says a correction "kept 0 people from the rumour", nor that it came
"before it could spread further" when the rumour had already reached everyone it would."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_a_correction_that_kept_nobody_away_is_told_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = ROOT / "scenarios" / "teams" / "gasslukt-torget--poor.yaml"
    assert main(["--lang", "nb", "run", "gasslukt-torget", "--team", str(team), "--out", str(tmp_path / "s.db")]) == 0
    out = capsys.readouterr().out
    assert "holdt 0 personer" not in out
    assert "rettet kl. 11:36; uten rettingen hadde det ikke nådd flere" in out
    assert "før det rakk å spre seg" not in out

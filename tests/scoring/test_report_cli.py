"""`drill score` and `drill report` as a user meets them: exit codes, files, plain messages."""

from __future__ import annotations

import json
import sqlite3

from drill.cli import main


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_score_prints_a_table_and_top_findings(capsys, gas_runs):
    code, out, err = run_cli(capsys, "score", str(gas_runs["poor"].path))
    assert code == 0, err
    assert out.startswith("Gasslukt på Torget — Totalt: ")
    for label in ("Svartid", "Dekning og rutiner", "Tone og form", "Moderering", "Krisehåndtering", "Arkivering",
                  "Personvern og taushetsplikt"):
        assert label in out
    assert "Viktigste funn:" in out and "Å slette ren kritikk" in out, out
    assert "[M2]" not in out, "a finding is headed by what the rule asks, not by its code"


def test_score_json_and_english(capsys, gas_runs):
    code, out, _ = run_cli(capsys, "score", str(gas_runs["poor"].path), "--json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert data["language"] == "en" and len(data["dimensions"]) == 7
    assert data["total"] <= 40 and data["grade"]["label"] in {"Weak", "Unsatisfactory"}


def test_score_bad_session_files(capsys, tmp_path):
    missing = tmp_path / "missing.db"
    code, out, err = run_cli(capsys, "score", str(missing))
    assert code == 2 and "no such session file" in err and "Traceback" not in err
    text = tmp_path / "notes.db"
    text.write_text("hello", encoding="utf-8")
    code, _, err = run_cli(capsys, "score", str(text))
    assert code == 2 and "not a drill session file" in err
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    code, _, err = run_cli(capsys, "score", str(other))
    assert code == 2 and "not a drill session file" in err


def test_score_session_with_a_broken_scenario(capsys, gas_runs, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(gas_runs["poor"].path.read_bytes())
    with sqlite3.connect(broken) as db:
        db.execute("UPDATE meta SET value = 'id: [' WHERE key = 'scenario_text'")
    code, _, err = run_cli(capsys, "score", str(broken))
    assert code == 2 and "scenario stored in the session file is not valid" in err


def test_report_writes_each_format(capsys, gas_runs, tmp_path):
    session = str(gas_runs["poor"].path)
    for fmt, start in (("html", "<!DOCTYPE html>"), ("md", "# Evalueringsrapport"),
                       ("json", '{\n  "format": "drill-after-action-report"')):
        out = tmp_path / f"report.{fmt}"
        code, _, err = run_cli(capsys, "report", session, "--format", fmt, "-o", str(out))
        assert code == 0, err
        assert out.read_text(encoding="utf-8").startswith(start)
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["session"]["file"] == "poor.db" and data["language"] == "nb"


def test_report_language_and_compare(capsys, gas_runs, tmp_path):
    earlier = tmp_path / "earlier.db"
    earlier.write_bytes(gas_runs["poor"].path.read_bytes())
    out = tmp_path / "compare.md"
    code, _, err = run_cli(capsys, "report", str(gas_runs["poor"].path), "--format", "md", "-o", str(out),
                           "--lang", "en", "--compare", str(earlier))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "## Comparison with another session" in text and "| earlier.db |" in text
    assert "| Speed | " in text and "| +0 |" in text  # the same drill twice: no change


def test_report_refuses_a_session_of_another_scenario(capsys, gas_runs, tmp_path):
    other = tmp_path / "other.db"
    other.write_bytes(gas_runs["poor"].path.read_bytes())
    with sqlite3.connect(other) as db:
        stored = db.execute("SELECT value FROM meta WHERE key = 'scenario_text'").fetchone()[0]
        db.execute("UPDATE meta SET value = ? WHERE key = 'scenario_text'",
                   (stored.replace("id: gasslukt-torget", "id: annen-ovelse"),))
    code, _, err = run_cli(capsys, "report", str(gas_runs["poor"].path), "--compare", str(other),
                           "-o", str(tmp_path / "r.html"))
    assert code == 2 and "same scenario" in err


def test_report_into_a_folder_is_refused(capsys, gas_runs, tmp_path):
    code, _, err = run_cli(capsys, "report", str(gas_runs["good"].path), "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err

"""`drill tone` round trips through the real CLI entry point."""

from __future__ import annotations

import io
import json

import pytest

from drill.cli import main


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *args: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["tone", *args])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    return code, lines, captured.err


def test_plain_lines_round_trip(monkeypatch, capsys) -> None:
    stdin = "Takk for spørsmålet! Kok vannet.\n\nThanks for the insightful comment 🙄\n"
    code, lines, err = _run(monkeypatch, capsys, stdin)
    assert code == 0 and err == ""
    assert [line["line"] for line in lines] == [1, 3]  # the empty line is skipped
    first, second = lines
    assert first["reply"] == "Takk for spørsmålet! Kok vannet."
    assert first["language"] == "nb"
    assert second["language"] == "en"
    assert first["score"] > second["score"]
    sarcasm = next(f for f in second["findings"] if f["rule"] == "T2.sarcasm")
    start, end = sarcasm["span"]
    assert second["reply"][start:end] == sarcasm["matched"]
    assert sarcasm["explanation"] and sarcasm["source"]


def test_json_lines_with_context_and_language(monkeypatch, capsys) -> None:
    records = [
        {"reply": "Strømmen er tilbake i kveld.", "context": "Dette er en skandale!!"},
        {"reply": "We apologise.", "language": "en"},
    ]
    stdin = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    code, lines, _ = _run(monkeypatch, capsys, stdin)
    assert code == 0
    assert "K8.no_empathy" in {f["rule"] for f in lines[0]["findings"]}
    assert lines[0]["context"] == "Dette er en skandale!!"
    assert lines[1]["language"] == "en"
    assert "K6.apology" in {f["rule"] for f in lines[1]["findings"]}


def test_lang_option_and_explanation_language(monkeypatch, capsys) -> None:
    code, lines, _ = _run(monkeypatch, capsys, "Vi beklager.\n", "--lang", "nb", "--explain-lang", "en")
    assert code == 0
    assert lines[0]["language"] == "nb"
    rule_findings = [f for f in lines[0]["findings"] if f["source"] != "model"]
    assert "apolog" in rule_findings[0]["explanation"]


def test_official_number_option(monkeypatch, capsys) -> None:
    stdin = "Ring Kari på 412 34 567.\n"
    _, flagged, _ = _run(monkeypatch, capsys, stdin)
    _, allowed, _ = _run(monkeypatch, capsys, stdin, "--official-number", "41234567")
    assert "P1.private_phone" in {f["rule"] for f in flagged[0]["findings"]}
    assert "P1.private_phone" not in {f["rule"] for f in allowed[0]["findings"]}


def test_invalid_json_names_the_line(monkeypatch, capsys) -> None:
    code, _, err = _run(monkeypatch, capsys, "Hei\n\n{\"reply\": \"ok\"\n")
    assert code == 2
    assert "stdin:3" in err and "JSON" in err
    assert "Traceback" not in err


def test_deeply_nested_json_is_refused_with_a_message(monkeypatch, capsys) -> None:
    depth = 100_000
    code, _, err = _run(monkeypatch, capsys, "Hei\n{\"reply\": " + "[" * depth + "]" * depth + "}\n")
    assert code == 2
    assert "stdin:2" in err and "nested too deeply" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"context": "x"}', "'reply'"),
        ('{"reply": 5}', "'reply'"),
        ('{"reply": "ok", "language": "sv"}', "'language'"),
        ('{"reply": "ok", "context": 3}', "'context'"),
    ],
)
def test_bad_records_are_user_errors(monkeypatch, capsys, line: str, message: str) -> None:
    code, _, err = _run(monkeypatch, capsys, line + "\n")
    assert code == 2
    assert "stdin:1" in err and message in err


def test_fail_under_exits_with_findings_code(monkeypatch, capsys) -> None:
    code, lines, _ = _run(monkeypatch, capsys, "Les nettsiden.\n", "--fail-under", "50")
    assert code == 1
    assert lines[0]["score"] < 50


def test_unparseable_official_number_is_a_user_error(monkeypatch, capsys) -> None:
    code, _, err = _run(monkeypatch, capsys, "Hei\n", "--official-number", "sentralbordet")
    assert code == 2
    assert "--official-number" in err

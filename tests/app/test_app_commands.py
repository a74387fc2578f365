"""`drill play` and `drill replay` on the command line: options, and plain errors before any screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.cli import build_parser, main


def test_play_options_are_parsed() -> None:
    args = build_parser().parse_args(
        ["play", "gasslukt-torget", "--as", "Kari, kommunikasjonsavdelingen", "--speed", "5", "--seed", "7",
         "--out", "x.db", "--lang", "en"]
    )
    assert (args.scenario, args.as_member, args.speed, args.seed, args.out, args.lang) == (
        "gasslukt-torget", "Kari, kommunikasjonsavdelingen", 5.0, 7, Path("x.db"), "en")
    assert build_parser().parse_args(["play"]).scenario is None, "no scenario: the picker"


def test_bad_input_is_a_message_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "no-such-scenario"]) == 2
    assert "no shipped scenario has that name" in capsys.readouterr().err
    assert main(["play", "gasslukt-torget", "--speed", "0"]) == 2
    assert "--speed 0" in capsys.readouterr().err
    not_a_session = tmp_path / "notes.db"
    not_a_session.write_text("hello", encoding="utf-8")
    assert main(["replay", str(not_a_session)]) == 2
    assert "not a drill session file" in capsys.readouterr().err

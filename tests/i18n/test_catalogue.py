"""The catalogue's counted words, numbers and default language, through its public functions."""

from __future__ import annotations

import pytest

from drill.i18n import Catalogue, default_language
from drill.invocation import command_line, drill_command


@pytest.mark.parametrize(("language", "one", "many"), [
    ("nb", "1 handling", "2 handlinger"),
    ("nn", "1 handling", "2 handlingar"),
    ("en", "1 action", "2 actions"),
])
def test_counted_words_follow_the_languages_plural_rules(language: str, one: str, many: str) -> None:
    words = Catalogue(language)
    assert words.plural("team.tui.actions", 1) == one
    assert words.plural("team.tui.actions", 2) == many
    assert words.plural("cli.count.streams", 0).startswith("0 ")
    assert words.plural("cli.count.streams", 0) == words.plural("cli.count.streams", 5).replace("5", "0")


def test_numbers_are_grouped_the_languages_way() -> None:
    assert Catalogue("nb").plural("cli.count.comments", 12345) == "12 345 kommentarer"
    assert Catalogue("nn").plural("cli.count.comments", 12345) == "12 345 kommentarar"
    assert Catalogue("en").plural("cli.count.comments", 12345) == "12,345 comments"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"DRILL_LANG": "nn", "LANG": "en_US.UTF-8"}, "nn"),
    ({"DRILL_LANG": "klingon", "LANG": "nb_NO.UTF-8"}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nn"),
    ({"LANG": "no_NO.UTF-8"}, "nb"),
    ({"LC_ALL": "nn_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "nn"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_default_language_comes_from_drill_lang_then_the_locale(environ: dict[str, str], expected: str) -> None:
    assert default_language(environ) == expected


def test_printed_commands_run_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    command = drill_command()
    assert command != "drill"  # not on PATH: the virtualenv's script or python -m drill
    assert command_line("replay", "sessions/a b.db").endswith("replay 'sessions/a b.db'")

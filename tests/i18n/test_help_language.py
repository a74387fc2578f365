"""`drill run --help` says where the default language comes from; the help itself follows that rule.

The help of --lang promises: DRILL_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else
English. Each case below sets only the environment and checks which language the help is in.
"""

from __future__ import annotations

import pytest

from drill.cli import main
from drill.i18n import LANGUAGES

LOCALE_VARIABLES = ("DRILL_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.parametrize(("environment", "expected"), [
    ({"DRILL_LANG": "nb", "LANG": "nn_NO.UTF-8"}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nn"),
    ({"LC_ALL": "nb_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "nb"),
    ({"LC_MESSAGES": "no_NO.UTF-8"}, "nb"),
    ({"LANG": "C"}, "en"),
    ({}, "en"),
])
def test_run_help_follows_the_default_it_describes(environment: dict[str, str], expected: str,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    with pytest.raises(SystemExit) as stopped:
        main(["run", "--help"])
    assert stopped.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert LANGUAGES[expected]["cli.help.lang"] in help_text
    assert help_text.startswith(LANGUAGES[expected]["cli.argparse.usage"] + " drill run")
    for other in set(LANGUAGES) - {expected}:
        assert LANGUAGES[other]["cli.help.run.team"] not in help_text


def test_the_help_of_lang_names_the_order_the_code_follows() -> None:
    english = LANGUAGES["en"]["cli.help.lang"]
    order = [english.index(word) for word in ("DRILL_LANG", "LC_ALL", "LC_MESSAGES", "LANG)", "English")]
    assert order == sorted(order)

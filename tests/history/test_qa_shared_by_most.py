""""What most teams share" means more than half of them: in an exercise of a good and a poor
team, a finding only the poor team had is not shared by most."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.cli import main
from drill.history import history
from drill.i18n import LANGUAGES


@pytest.fixture(scope="module")
def good_and_poor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pair")
    for team, name in (("good", "Havbyen kommune"), ("poor", "Elvdal kommune")):
        assert main(["run", "barnehagesoknad-frist", "--team", team, "--seed", "2",
                     "--out", str(folder / f"{team}.db"), "--team-name", name]) == 0
    return folder


def test_shared_by_most_means_more_than_half_of_the_teams(good_and_poor: Path) -> None:
    [exercise] = history([good_and_poor], "nb").exercises
    assert len(exercise.rows) == 2
    assert all(f.teams == 2 for f in exercise.shared), [(f.title, f.teams) for f in exercise.shared]


def test_the_empty_list_says_more_than_half_in_every_language() -> None:
    assert "flere enn halvparten" in LANGUAGES["nb"]["history.shared_none"]
    assert "fleire enn halvparten" in LANGUAGES["nn"]["history.shared_none"]
    assert "more than half" in LANGUAGES["en"]["history.shared_none"]

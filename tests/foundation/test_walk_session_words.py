"""A session file's rarer problems are told in the command's language, like the common ones.

Damage, a newer format, a folder that cannot be written, a file that is not a database given
to `drill history`: each is exit 2 (or a listed reason), one line naming the file, no English
words on a Norwegian screen and never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from drill.cli import main
from drill.live import LiveDrill
from drill.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"
ENGLISH = ("session file", "damaged", "event", "cannot", "written", "newer", "version", "process", "program")


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("walk-recorded") / "good.db"
    drill = LiveDrill.create(load_scenario(GAS), path, 1)
    drill.advance_to(300)
    drill.close()
    return path


def _damaged(source: Path, target: Path, statement: str) -> Path:
    target.write_bytes(source.read_bytes())
    db = sqlite3.connect(target)
    db.execute(statement)
    db.commit()
    db.close()
    return target


DAMAGES = {
    "version-not-a-number": ("UPDATE meta SET value = 'one' WHERE key = 'format_version'", "formatversjonen"),
    "newer-version": ("UPDATE meta SET value = '99' WHERE key = 'format_version'", "nyere versjon av drill"),
    "seed-not-a-number": ("UPDATE meta SET value = '1e3x' WHERE key = 'seed'", "varianten"),
    "no-events-table": ("DROP TABLE events", "ingen tabell med hendelser"),
    "time-goes-back": ("UPDATE events SET t = 0 WHERE seq = (SELECT MAX(seq) FROM events)", "har tidspunktet"),
    "gap-in-sequence": ("DELETE FROM events WHERE seq = 4", "hendelse 4 mangler"),
    "payload-unreadable": ("UPDATE events SET payload = '{\"kind\": 1}' WHERE seq = 5", "hendelse 5 kan ikke leses"),
}


def _norwegian_line(err: str, path: Path) -> str:
    assert err.startswith(f"drill: {path}"), err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    said = err[len(f"drill: {path}"):].lower()
    english = [word for word in ENGLISH if word in said]
    assert english == [], err
    return err


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_or_newer_session_file_is_told_in_bokmal(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            recorded: Path, damage: str) -> None:
    statement, words = DAMAGES[damage]
    path = _damaged(recorded, tmp_path / f"{damage}.db", statement)
    code = main(["--lang", "nb", "export", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert words in _norwegian_line(err, path)


def test_the_same_damage_in_nynorsk_and_english(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               recorded: Path) -> None:
    path = _damaged(recorded, tmp_path / "gap.db", "DELETE FROM events WHERE seq = 4")
    assert main(["--lang", "nn", "export", str(path)]) == 2
    assert "øktfila er skadd: hending 4 manglar" in capsys.readouterr().err
    assert main(["--lang", "en", "export", str(path)]) == 2
    assert "the session file is damaged: event 4 is missing" in capsys.readouterr().err


def test_an_existing_session_file_is_not_overwritten_in_nynorsk(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                                recorded: Path) -> None:
    path = tmp_path / "taken.db"
    path.write_bytes(recorded.read_bytes())
    code = main(["--lang", "nn", "run", "gasslukt-torget", "--team", "good", "--out", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "det finst alt ei øktfil med dette namnet" in err and str(path) in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_that_cannot_be_written_is_told_in_bokmal(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        path = locked / "sub" / "s.db"
        code = main(["--lang", "nb", "run", "gasslukt-torget", "--team", "good", "--out", str(path)])
    finally:
        locked.chmod(0o700)
    err = capsys.readouterr().err
    assert code == 2
    assert "kan ikke skrive øktfila her (du har ikke tilgang)" in _norwegian_line(err, path)


def test_a_file_where_a_folder_should_be_is_told_in_bokmal(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hei")
    path = tmp_path / "notes.txt" / "s.db"
    code = main(["--lang", "nb", "run", "gasslukt-torget", "--team", "good", "--out", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "kan ikke skrive øktfila her (en del av stien er ikke en mappe)" in _norwegian_line(err, path)


def test_history_names_a_file_that_is_no_session_as_such_in_bokmal(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path, recorded: Path) -> None:
    """The reason a file is left out comes from the store's finding, not from its English words."""
    notes = tmp_path / "notes.db"
    notes.write_text("hei")
    main(["--lang", "nb", "history", str(notes), str(recorded)])
    captured = capsys.readouterr()
    line = next(line for line in (captured.out + captured.err).splitlines() if "notes.db:" in line)
    assert "ikke en øktfil" in line and "skadet" not in line


def test_a_session_with_no_events_yet_is_told_in_the_commands_language(capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path, recorded: Path) -> None:
    path = _damaged(recorded, tmp_path / "empty.db", "DELETE FROM events")
    assert main(["--lang", "nb", "score", str(path)]) == 2
    assert "øktfila har ingen hendelser ennå" in _norwegian_line(capsys.readouterr().err, path)
    assert main(["--lang", "nn", "score", str(path)]) == 2
    assert "øktfila har ingen hendingar enno" in capsys.readouterr().err

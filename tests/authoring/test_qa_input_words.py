"""A trainer's typical mistakes, and hostile text, as `drill validate`, `run` and `report` meet them.

Found by trying drill as a trainer would: a duration written in words, a rate curve without
its peak, a tab, a key written twice, a stray colon, a wrong kind, a team script with too many
actions. Each message names file, line and field and speaks only the command's language; text
holding terminal escapes is shown with visible signs everywhere, never sent to the terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.scenario import load_scenario

BASE = """\
id: qa
title: QA
kind: crisis
municipality: {name: Fjellvik kommune, followers: 1000}
starts: 2026-11-03T10:00:00+01:00
duration: 1h
injects:
  - {id: alarm, at: 1m, text: "Hva skjer?", labels: {kind: question}}
streams:
  - id: s
    from: 2m
    to: 30m
    rate: {peak_per_minute: 2, peak_at: 10m}
    mix: {question: 1.0}
"""

# (how the file is broken, the Norwegian words expected, English words that must be gone)
BROKEN = [
    (("duration: 1h", "duration: 6 minutter"), "duration: Må være en varighet som 90s, 15m eller 2h30m; fikk '6 minutter'.",
     "Must be"),
    (("duration: 1h", "duration: -5"), "duration: En varighet kan ikke være negativ.", "cannot"),
    (("duration: 1h", "duration:"), "duration: Må være en varighet som 90s, 15m eller 2h30m; fikk ingenting.", "None"),
    (("rate: {peak_per_minute: 2, peak_at: 10m}", "rate: {peak_per_minute: 2}"),
     "streams[0].rate: peak_per_minute trenger peak_at (når toppen kommer).", "needs"),
    (("rate: {peak_per_minute: 2, peak_at: 10m}", "rate: {peak_per_minute: 2, per_minute: 1, peak_at: 10m}"),
     "streams[0].rate: Oppgi enten per_minute (jevn takt) eller peak_per_minute med peak_at.", "Give"),
    (("followers: 1000", "followers: {a: 1}"), "municipality.followers: Må være et heltall; fikk en samling felt.",
     "a mapping"),
    (("kind: crisis", "kind: krise"), "kind: Må være en av 'crisis', 'reputation' eller 'everyday'; fikk 'krise'.",
     " or "),
    (("  - {id: alarm", "\t- {id: alarm"),
     "feil i YAML-syntaksen: et tabulatortegn kan ikke brukes til innrykk i YAML; bruk mellomrom.", "token"),
    (("duration: 1h", "duration: 1h\nduration: 2h"),
     "feil i YAML-syntaksen: nøkkelen «duration» står to ganger i samme samling.", "duplicate"),
    (("title: QA", "title: QA: en test"), "feil i YAML-syntaksen: et kolon her ser ut som en ny nøkkel", "mapping values"),
    # 1e9 seconds validated and then `drill run` simulated them for hours
    (("duration: 1h", "duration: 1e9"), "duration: En øvelse varer mer enn 0m og høyst 168h; fikk 277777h46m40s.", "OK"),
    (("duration: 1h", "duration: 0"), "duration: En øvelse varer mer enn 0m og høyst 168h; fikk 0m.", "etter at øvelsen"),
    (("kind: crisis", "kind: crisis\x00"),
     "qa.yaml:3:13: feil i YAML-syntaksen: et kontrolltegn (U+0000) som YAML ikke tillater i en fil; fjern det.", "position"),
]


@pytest.mark.parametrize(("change", "expected", "gone"), BROKEN, ids=[case[2].strip() for case in BROKEN])
def test_a_broken_scenario_is_explained_in_norwegian(cli, tmp_path: Path, change, expected, gone) -> None:
    path = tmp_path / "qa.yaml"
    path.write_text(BASE.replace(*change), encoding="utf-8")
    code, out, err = cli("--lang", "nb", "validate", str(path))
    assert code == 1
    assert err.startswith(f"{path}:")
    assert expected in err
    assert gone not in err
    code, _, err = cli("--lang", "nb", "run", str(path), "--out", str(tmp_path / "s.db"))
    assert code == 2 and expected in err


TEAM = """\
name: QA-laget
scenario: qa
actions:
  - at: 3m
    reply: {to: alarm, text: "Hei! Vi ser på saken."}
"""

TEAM_BROKEN = [
    (("scenario: qa", "scenario: annet"), "scenario: Dette lagskriptet er for scenarioet «annet», ikke «qa»."),
    (("at: 3m", "at: 3h"), "actions[0].at: Dette kommer etter at øvelsen er slutt."),
    (("to: alarm", "to: alarmm"), "actions[0].reply.to: Scenarioet har ikke noe innlegg med id-en «alarmm». Mente du «alarm»?"),
    (("  - at: 3m\n", "  - at: 3m\n    like: {item: alarm}\n"), "Oppgi nøyaktig én handling ("),
    (("at: 3m", "at: snart"), "actions[0].at: Må være en varighet som 90s, 15m eller 2h30m; fikk 'snart'."),
]


@pytest.mark.parametrize(("change", "expected"), TEAM_BROKEN)
def test_a_broken_team_script_is_explained_in_norwegian(cli, tmp_path: Path, change, expected) -> None:
    scenario = tmp_path / "qa.yaml"
    scenario.write_text(BASE, encoding="utf-8")
    team = tmp_path / "team.yaml"
    team.write_text(TEAM.replace(*change), encoding="utf-8")
    code, _, err = cli("--lang", "nb", "run", str(scenario), "--team", str(team), "--out", str(tmp_path / "s.db"))
    assert code == 2
    assert expected in err
    assert "The scenario" not in err and "Give" not in err and "This" not in err


def test_the_team_script_messages_in_nynorsk_and_english(cli, tmp_path: Path) -> None:
    scenario = tmp_path / "qa.yaml"
    scenario.write_text(BASE, encoding="utf-8")
    team = tmp_path / "team.yaml"
    team.write_text(TEAM.replace("to: alarm", "to: alarmm"), encoding="utf-8")
    _, _, err = cli("--lang", "nn", "run", str(scenario), "--team", str(team), "--out", str(tmp_path / "s.db"))
    assert "Scenarioet har ikkje noko innlegg med id-en «alarmm». Meinte du «alarm»?" in err
    _, _, err = cli("--lang", "en", "run", str(scenario), "--team", str(team), "--out", str(tmp_path / "s.db"))
    assert "The scenario has no item 'alarmm'. Did you mean 'alarm'?" in err


HOSTILE = BASE.replace('title: QA', 'title: "QA\\u001b[5m blink"').replace(
    "name: Fjellvik kommune", 'name: "Fjellvik\\u001b]0;HACKED\\u0007 kommune"').replace(
    '"Hva skjer?"', '"Hva\\u001b[2J skjer? <script>alert(1)</script>\\u202e"')


def test_terminal_escapes_in_a_scenario_are_made_visible_as_it_is_read(tmp_path: Path) -> None:
    """The briefing, picker and console show the scenario's words: none may receive a raw ESC."""
    path = tmp_path / "qa.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    scenario = load_scenario(path).scenario
    assert scenario.title == "QA␛[5m blink"
    assert scenario.municipality.name == "Fjellvik␛]0;HACKED␇ kommune"
    assert scenario.injects[0].text == "Hva␛[2J skjer? <script>alert(1)</script><U+202E>"


def test_terminal_escapes_never_reach_a_drills_output_or_its_html_report(cli, tmp_path: Path) -> None:
    path = tmp_path / "qa.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    team = tmp_path / "team.yaml"
    team.write_text(TEAM.replace("Hei! Vi ser på saken.", "Hei!\\u001b[2J Vi ser på saken."), encoding="utf-8")
    session = tmp_path / "s.db"
    code, out, err = cli("--lang", "nb", "run", str(path), "--team", str(team), "--out", str(session))
    assert code == 0 and "QA␛[5m blink" in out
    report = tmp_path / "r.html"
    code, _, _ = cli("report", str(session), "-o", str(report))
    assert code == 0
    html = report.read_text(encoding="utf-8")
    assert "\x1b" not in html and "\x07" not in html
    assert "QA␛[5m blink" in html and "&lt;script&gt;" not in html.split("<body>")[0]
    assert "<script>alert" not in html
    code, out, _ = cli("export", str(session))
    assert code == 0 and "\\u001b" not in out and "\x1b" not in out


def test_a_misspelt_shipped_scenario_is_named_in_norwegian_with_the_one_meant(cli) -> None:
    code, _, err = cli("--lang", "nb", "run", "gaslukt-torget")
    assert code == 2
    assert "gaslukt-torget: ingen slik fil" in err and "Mente du «gasslukt-torget»?" in err
    assert "no such file" not in err
    code, _, err = cli("--lang", "nn", "run", "gasslukt-torget", "--team", "middels")
    assert code == 2 and "ingen av lagskripta for «gasslukt-torget»" in err and "Desse følgjer med: good, poor." in err


def test_a_file_that_is_not_a_session_is_said_so_in_the_commands_language(cli, tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.close()
    text = tmp_path / "notes.db"
    text.write_text("not a database", encoding="utf-8")
    cases = [
        (tmp_path / "missing.db", "øktfila finnes ikke."),
        (tmp_path, "dette er en mappe, ikke en øktfil."),
        (text, "dette er ikke en øktfil fra drill (det er ikke en SQLite-database)."),
        (other, "en SQLite-database, men ikke en øktfil fra drill."),
    ]
    for path, expected in cases:
        code, _, err = cli("--lang", "nb", "score", str(path))
        assert code == 2 and err == f"drill: {path}: {expected}\n"


def test_a_team_script_given_as_the_scenario_and_the_other_way_round(cli) -> None:
    """One line saying what the file is, instead of a screenful of 'unknown field' and 'required'."""
    script = "scenarios/teams/gasslukt-torget--good.yaml"
    shipped = Path(__file__).resolve().parents[2] / script
    code, _, err = cli("--lang", "nb", "play", str(shipped))
    assert code == 2 and err.count("\n") == 1
    assert "dette ser ut som et lagskript (actions, policies), ikke et scenario." in err
    assert f"run SCENARIO --team {shipped}" in err
    code, _, err = cli("--lang", "nn", "run", "gasslukt-torget", "--team", str(shipped.parents[1] / "gasslukt-torget.yaml"))
    assert code == 2 and err.count("\n") == 1
    assert "dette ser ut som eit scenario, ikkje eit lagskript; gje scenarioet først og lagskriptet med --team." in err


def test_validate_says_when_a_team_scripts_scenario_cannot_be_found(cli, tmp_path: Path) -> None:
    """'OK' alone, for a script whose references were never checked, promised too much."""
    team = tmp_path / "team.yaml"
    team.write_text(TEAM.replace("scenario: qa", "scenario: finnes-ikke"), encoding="utf-8")
    code, out, err = cli("--lang", "nb", "validate", str(team))
    assert code == 0 and "OK" in out
    assert f"{team}:2:1: advarsel: scenario: Fant ikke scenarioet «finnes-ikke»" in err
    assert "id-ene i handlingene er ikke sjekket" in err
    assert cli("--lang", "nb", "validate", "--strict", str(team))[0] == 1
    (tmp_path / "finnes-ikke.yaml").write_text(BASE.replace("id: qa", "id: finnes-ikke"), encoding="utf-8")
    code, _, err = cli("--lang", "nb", "validate", "--strict", str(team))
    assert code == 0 and err == ""


def test_validate_checks_a_team_script_against_its_scenario_whatever_the_file_is_called(cli, tmp_path: Path) -> None:
    """A trainer keeps 'scenario.yaml' beside 'good.yaml': given in the same command, or only
    found beside the script by its id, the scenario is what the script's ids are checked against."""
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(BASE, encoding="utf-8")
    team = tmp_path / "teams" / "good.yaml"
    team.parent.mkdir()
    team.write_text(TEAM.replace("to: alarm", "to: alarmm"), encoding="utf-8")
    code, _, err = cli("--lang", "nb", "validate", str(scenario), str(team))
    assert code == 1
    assert "actions[0].reply.to: Scenarioet har ikke noe innlegg med id-en «alarmm». Mente du «alarm»?" in err
    beside = tmp_path / "good.yaml"
    beside.write_text(TEAM, encoding="utf-8")
    code, _, err = cli("--lang", "nb", "validate", "--strict", str(beside))
    assert code == 0 and err == ""

"""`drill validate` follows every reference a scenario makes, and names the likely one meant."""

from __future__ import annotations

from pathlib import Path

SCENARIO = """\
id: refs
title: References
kind: crisis
municipality: {name: Fjellvik, followers: 1000}
starts: 2026-11-03T10:00:00+01:00
duration: 1h
personas:
  - {id: brann, name: Brannvesenet, role: fire_rescue}
injects:
  - {id: alarm, at: 1m, from: brannvesen, text: "Vi rykker ut."}
  - {id: svar, at: 2m, thread: alarmm, text: "Takk!"}
  - {id: kari, at: 3m, from: Kari Nordmann, text: "Hva skjer?"}
triggers:
  - {id: t, when: {replied_to: alrm}, fire: [svar]}
"""


def test_a_persona_typo_is_an_error_with_the_id_meant(cli, tmp_path: Path) -> None:
    path = tmp_path / "refs.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    code, out, err = cli("validate", str(path), "--lang", "en")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert f"{path}:10:25: injects[0].from: No persona has the id 'brannvesen'. Did you mean 'brann'?" in lines[0]
    assert f"{path}:11:24: injects[1].thread: No inject has the id 'alarmm'. Did you mean 'alarm'?" in lines[1]
    assert "triggers[0].when.replied_to: No inject has the id 'alrm'. Did you mean 'alarm'?" in lines[2]
    assert not any("injects[2]" in line for line in lines)  # "Kari Nordmann" is a name, not an id
    code, _, err = cli("run", str(path))
    assert code == 2 and "brannvesen" in err


def test_the_same_problems_in_nynorsk(cli, tmp_path: Path) -> None:
    path = tmp_path / "refs.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    code, _, err = cli("validate", str(path), "--lang", "nn")
    assert code == 1
    assert "injects[0].from: Ingen persona har id-en «brannvesen». Meinte du «brann»?" in err
    assert "Problem i 1 av 1 fil." in err


def test_warnings_speak_the_trainers_language_and_keep_the_rule_name(cli, tmp_path: Path) -> None:
    path = tmp_path / "quiet.yaml"
    fixed = SCENARIO.replace("from: brannvesen", "from: brann").replace("alarmm", "alarm").split("triggers:")[0]
    # An inject with neither a time nor a trigger never appears: a warning, not an error.
    fixed = fixed.replace("injects:\n", "injects:\n  - {id: late, text: \"Hallo?\", labels: {kind: question}}\n")
    path.write_text(fixed, encoding="utf-8")
    code, out, err = cli("validate", str(path), "--lang", "nn")
    assert code == 0, err
    assert "åtvaring: injects[0].id: Inga tid (at) og ingen utløysar legg det inn" in err
    assert err.count("[never-posted]") == 1
    assert "åtvaring" in out  # the summary line counts them: "…, N åtvaring(ar))"

"""MSEL spreadsheets: the round trip through CSV, trainers' own sheets, and row-numbered errors."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from drill.engine.engine import DrillEngine
from drill.errors import InputFileError
from drill.scenario import load_scenario
from drill.scenario.library import shipped_scenarios
from drill.scenario.msel import export_msel, import_msel
from drill.scenario.msel.yamlout import FIELD_ORDERS
from drill.scenario.models import Inject, Scenario, Stream


def comparable(scenario: Scenario) -> dict[str, Any]:
    """A scenario as plain data, injects keyed by id, texts without outer whitespace.

    Injects are compared by id because the MSEL lists them in time order, not file order (the
    engine plays them the same either way); spreadsheet cells lose leading and trailing line breaks.
    """
    data = _strip(scenario.model_dump(mode="json", by_alias=True))
    data["injects"] = {inject["id"]: inject for inject in data["injects"]}
    return data


def _strip(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


@cache
def _original(path: Path) -> Scenario:
    return load_scenario(path).scenario


def _reload(yaml_text: str) -> Scenario:
    """The written YAML read back (with the fast safe loader: positions are not needed here)."""
    return Scenario.model_validate(YAML(typ="safe").load(yaml_text))


def _events(scenario: Scenario) -> list[tuple]:
    engine = DrillEngine(scenario, seed=3)
    engine.start()
    engine.advance_to(scenario.duration)
    return [(e.t, e.actor, e.payload.model_dump(mode="json")) for e in engine.events]


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_round_trip_gives_an_equivalent_scenario(path: Path):
    """preview --format csv, then import-msel: same injects, labels, spread, triggers, streams, settings."""
    original = _original(path)
    for delimiter in (";", ","):
        result = import_msel(export_msel(original, delimiter=delimiter), f"{path.stem}.csv")
        assert comparable(result.scenario) == comparable(original), delimiter
        assert result.notes == []
    assert comparable(_reload(result.yaml_text)) == comparable(original)


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_round_trip_plays_the_same_drill(path: Path):
    original = _original(path)
    imported = import_msel(export_msel(original), "x.csv").scenario
    assert _events(imported) == _events(original)


def test_round_trip_through_the_commands(cli, tmp_path: Path, gas_scenario_path: Path):
    sheet, scenario = tmp_path / "gas.csv", tmp_path / "gas.yaml"
    assert cli("preview", str(gas_scenario_path), "--format", "csv", "-o", str(sheet))[0] == 0
    code, out, err = cli("import-msel", str(sheet), "-o", str(scenario))
    assert code == 0, err
    assert "Wrote" in err and "25 injects, 2 streams, 5 triggers" in err
    assert scenario.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    code, _, _ = cli("validate", str(scenario))
    assert code == 0
    assert comparable(load_scenario(scenario).scenario) == comparable(load_scenario(gas_scenario_path).scenario)
    code, _, err = cli("import-msel", str(sheet), "-o", str(scenario))
    assert code == 2 and "the file exists" in err


def test_yaml_writer_knows_every_field():
    assert set(FIELD_ORDERS["inject"]) == {f.alias or n for n, f in Inject.model_fields.items()}
    assert set(FIELD_ORDERS["stream"]) == {f.alias or n for n, f in Stream.model_fields.items()}


# --- a trainer's own sheet -------------------------------------------------------------------

TRAINER_SHEET = """\
# Øvingsplan laget i Excel
title;Vannlekkasje på skolen
municipality;Testvik kommune
starts;03.11.2026 09:00
kind;krise
municipality.followers;8 500
persona;politi;Politiet i Testvik;police

Tid;Type;Fra;Til;Melding;Forventet handling;Mål;Merknad;Art;Spredning;Utløser;Status
09:00;kommentar;;Siden;Hvorfor er skolen stengt i dag?;Svar innen 15 min;Informere raskt;;spørsmål;;;klar
09:04;nødetat;politi;Teamet;Vi sperrer av skolegården.;Del rådet;;Ring hvis uklart;myndighet;;;klar
09:06;kommentar;;;Hørte at taket har rast sammen!;Avkreft;;;rykte;8 %;;klar
;presse;Avisa;;Vi har ikke fått svar fra dere.;;;;presse;;no_reply_to hvorfor-er-skolen-stengt-i-dag within 20m;
;kommentar;;;Er det noen som svarer her?;;;;klage;;no_official_post_by 15m;
;kommentar;;;Hallo??;;;;klage;;no_official_post_by 15m;
"""


def test_a_trainers_excel_sheet_imports(cli, tmp_path: Path):
    sheet = tmp_path / "plan.csv"
    sheet.write_bytes(TRAINER_SHEET.encode("cp1252"))  # Excel's plain "CSV (semikolonseparert)"
    code, out, err = cli("import-msel", str(sheet))
    assert code == 0, err
    assert "note: The file is not UTF-8; it was read as Windows-1252" in err
    assert "note: Column 'Status' is not one drill uses; it was left out." in err
    scenario = _reload(out)
    assert scenario.kind.value == "crisis" and scenario.municipality.followers == 8500
    assert scenario.starts.isoformat() == "2026-11-03T09:00:00+01:00"
    first, police, rumour = scenario.injects
    assert (first.id, first.at, first.labels.kind.value) == ("hvorfor-er-skolen-stengt-i-dag", 0, "question")
    assert first.expected_action == "Svar innen 15 min" and first.objective == "Informere raskt"
    assert (police.at, police.type.value, police.from_, police.note) == (240, "emergency", "politi", "Ring hvis uklart")
    assert rumour.spread is not None and rumour.spread.share_probability == pytest.approx(0.08)
    assert rumour.labels.false_claim is True
    chase, silence = scenario.triggers
    assert chase.when.no_reply_to == "hvorfor-er-skolen-stengt-i-dag" and chase.when.within == 1200
    # A row with a trigger and no id is written for that trigger (its `then`), not a separate inject.
    (press,) = chase.then
    assert press.type.value == "press_call" and press.from_ == "Avisa" and press.labels.kind.value == "press"
    assert silence.id == "no-official-post-by-15m" and [c.text for c in silence.then] == [
        "Er det noen som svarer her?", "Hallo??"]


def test_utf8_sheet_with_bom_and_comma_separators(tmp_path: Path):
    text = "\ufeff" + "title,Test\nmunicipality,Testvik\nstarts,2026-11-03T09:00:00+01:00\n\n" \
        "time,message,kind,share_probability\nT+01:30,\"Hei, hva skjer?\",rumour,\"0,07\"\n"
    scenario = import_msel(text, "plan.csv").scenario
    assert scenario.injects[0].at == 90 and scenario.injects[0].text == "Hei, hva skjer?"
    assert scenario.injects[0].spread.share_probability == pytest.approx(0.07)


# --- errors, all at once, with row numbers -----------------------------------------------------

BAD_SHEET = """\
title;Feiltest
municipality;Testvik kommune
starts;2026-11-03 10:00
kind;disaster

time;inject_type;from;message;kind;needs_reply;share_probability;trigger;id
T+00:00;comment;;Hva skjer?;question;;;;q1
T+7x;comment;;Feil tid;question;;;;
T+05:00;tweet;;Feil type;question;;;;
T+06:00;comment;;Feil art;gossip;;;;
T+07:00;comment;;Feil ja/nei;question;kanskje;;;
T+08:00;comment;;Feil andel;rumour;;1,5;;
;comment;;Feil trigger;complaint;;;silence: no_officail_post_by 15m;
T+09:00;comment;;;question;;;;
"""


def test_bad_rows_are_reported_together_with_their_row_numbers(cli, tmp_path: Path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text(BAD_SHEET, encoding="utf-8")
    code, out, err = cli("import-msel", str(sheet), "-o", str(tmp_path / "never.yaml"))
    assert code == 2
    assert out == ""
    assert not (tmp_path / "never.yaml").exists()
    assert err.removeprefix("drill: ").splitlines() == [
        f"{sheet}:4: kind: Unknown kind 'disaster'. Use one of: crisis, reputation, everyday.",
        f"{sheet}:8: time: Not a time: 'T+7x'. Write T+mm:ss (minutes after the start, e.g. T+12:00), "
        "a duration such as 12m or 1h30m, or a clock time such as 11:07.",
        f"{sheet}:9: inject_type: Unknown inject type 'tweet'. Use one of: comment, press_call, emergency, internal, news.",
        f"{sheet}:10: kind: Unknown kind 'gossip'. Use one of: question, complaint, rumour, praise, attack, "
        "third_party, personal_data, illegal, spam, chatter, info, press, authority, internal.",
        f"{sheet}:11: needs_reply: Must be yes or no (ja/nei); got 'kanskje'.",
        f"{sheet}:12: share_probability: Must be a share between 0 and 1 (or a percentage); got '1,5'.",
        f"{sheet}:13: trigger: Unknown word 'no_officail_post_by' in the trigger. Did you mean "
        "'no_official_post_by'? Write e.g. 'no_reply_to press-call within 20m' or 'silence: no_official_post_by 15m'.",
        f"{sheet}:14: message: Every inject needs a message: the text the team sees.",
    ]


def _problems(text: str) -> list[str]:
    with pytest.raises(InputFileError) as raised:
        import_msel(text, "s.csv")
    return raised.value.problems


HEAD = "title;T\nmunicipality;M\nstarts;2026-11-03T10:00:00+01:00\nduration;1h\n\n"


def test_problems_found_when_the_scenario_is_assembled_point_at_rows():
    text = HEAD + (
        "time;clock;message;kind;id;thread;trigger\n"   # row 6
        "T+00:00;;Første;question;a;;\n"                 # row 7
        "T+02:00;;Svar;complaint;b;x;\n"                 # row 8: unknown thread
        "T+70:00;;For sent;question;c;;\n"               # row 9: after the end
        "T+03:00;;Dobbel;question;a;;\n"                 # row 10: duplicate id
    )
    assert _problems(text) == [
        "s.csv:8: thread: No inject has the id 'x'.",
        "s.csv:9: time: At 1h10m this comes after the drill ends (1h).",
        "s.csv:10: id: The id 'a' is used twice (first in row 7).",
    ]


def test_time_and_clock_must_agree():
    text = HEAD + "time;clock;message;kind\nT+04:00;10:04;Riktig;question\n;10:06;Bare klokke;question\n" \
        "T+04:00;10:05;Feil;question\n"
    assert _problems(text) == [
        "s.csv:9: clock: 10:05 does not match the time T+04:00; correct one of them or leave the clock empty."]
    fixed = import_msel(text.replace("10:05", "10:04"), "s.csv").scenario
    assert [i.at for i in fixed.injects] == [240, 360, 240]


def test_trigger_rows_must_agree_and_name_a_condition():
    text = HEAD + (
        "message;kind;id;trigger\n"                                   # row 6
        "Først;complaint;;silence: no_official_post_by 15m\n"         # row 7
        "Så;complaint;;silence: no_official_post_by 20m\n"            # row 8: differs
        "Kun navn;complaint;;quiet\n"                                  # row 9: never defined
        "Uten tid;question;loose;\n"                                   # row 10: fine (lint warns)
    )
    assert _problems(text) == [
        "s.csv:8: trigger: Trigger 'silence' is written differently on row 7; write it the same way on every row, "
        "or only its id.",
        "s.csv:9: trigger: Trigger 'quiet' is named but its condition is never written: write it in full on one "
        "row, e.g. 'quiet: no_official_post_by 15m'.",
    ]


def test_missing_settings_and_header_are_explained():
    assert _problems("time;message\nT+00:00;Hei\n") == [
        "s.csv: title: Not given: add a row 'title;…' above the table, or use --title.",
        "s.csv: municipality: Not given: add a row 'municipality;…' above the table, or use --municipality.",
        "s.csv: starts: Not given: add a row 'starts;…' above the table, or use --starts.",
    ]
    assert _problems("title;T\n")[0].startswith("s.csv: no column header row found")


def test_options_fill_and_override_settings():
    result = import_msel("title;Fra fila\n\ntime;message;kind\n11:07;Hei;question\n", "s.csv",
                         overrides={"title": "Fra valget", "municipality": "Testvik", "starts": "2026-11-03 11:00"})
    scenario = result.scenario
    assert scenario.title == "Fra valget" and scenario.id == "fra-valget"
    assert scenario.injects[0].at == 7 * 60
    assert scenario.duration == 30 * 60
    assert any("assumed" in note and "duration 30m" in note for note in result.notes)


def test_stream_rows_need_their_settings():
    text = HEAD + "row_type;time;until;rate;mix;id;message;kind\nstream;T+01:00;T+30:00;fort;question 50%;s;;\n" \
        "template;;;;;nope;Hei;question\n"
    assert _problems(text) == [
        "s.csv:7: rate: Not a rate: 'fort'. Write '2/min' for a steady stream, or 'peak 5/min at 20m, base "
        "0.4/min' for one that rises to a peak and falls back.",
        "s.csv:8: id: No stream has the id 'nope' (streams: none).",
    ]


def test_comment_rows_and_hash_texts():
    text = HEAD + "time;message;kind\n# en merknad til øvingsledelsen;;\n;#flom Er det noen her?;question\n"
    scenario = import_msel(text, "s.csv").scenario
    assert [i.text for i in scenario.injects] == ["#flom Er det noen her?"]


@pytest.mark.parametrize("content, message", [
    (None, "no such file."),
    ("folder", "this is a folder; give the path to a CSV file."),
    (b"PK\x03\x04\x00\x00binary", "this is not a text file; save the spreadsheet as CSV."),
])
def test_unreadable_files_exit_2_with_a_plain_message(cli, tmp_path: Path, content, message):
    path = tmp_path / "plan.csv"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    code, out, err = cli("import-msel", str(path))
    assert code == 2 and out == ""
    assert err == f"drill: {path}: {message}\n"


@pytest.mark.parametrize("language, expected", [
    ("nn", ["«gossip» er ikkje ein kjend innleggstype", "Må vere ja eller nei", "Meinte du «no_official_post_by»?",
            "Kvart innspel treng ei melding"]),
    ("nb", ["«gossip» er ikke en kjent innleggstype", "Må være ja eller nei", "Mente du «no_official_post_by»?",
            "Hvert innspill trenger en melding"]),
])
def test_bad_rows_are_reported_in_the_commands_language(cli, tmp_path: Path, language: str, expected: list[str]):
    sheet = tmp_path / "bad.csv"
    sheet.write_text(BAD_SHEET, encoding="utf-8")
    code, out, err = cli("import-msel", str(sheet), "--lang", language)
    assert code == 2 and out == ""
    for text in expected:
        assert text in err, err
    for english in ("Unknown", "Must be", "Did you mean", "Every inject", "got '"):
        assert english not in err, err

"""`drill preview`: the timeline table, the expected volumes and the MSEL CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from drill.scenario import load_scenario
from drill.scenario.rates import expected_between, expected_items
from drill.scenario.library import shipped_scenarios
from drill.scenario.msel import COLUMN_NAMES, export_msel
from drill.scenario.timeline import expected_volumes


@pytest.fixture
def gas(gas_scenario_path: Path):
    return load_scenario(gas_scenario_path).scenario


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_table_shows_time_clock_type_sender_text_and_labels(cli, gas_scenario_path: Path):
    code, out, err = cli("preview", str(gas_scenario_path), "--width", "150")
    assert code == 0, err
    lines = _lines(out)
    assert lines[0] == "Gasslukt på Torget (gasslukt-torget): crisis, language Norwegian (nb)"
    assert lines[1] == "Starts Tuesday 03.11.2026 10:55 (Fjellvik kommune), lasts 2h, ends 12:55."
    first = next(line for line in lines if "first-alarm " in line and line.startswith("+"))
    assert first.split()[:4] == ["+00:00", "10:55", "comment", "(citizen)"]
    assert "Hva skjer på Torget??" in first and first.endswith("question reply")
    rumour = next(line for line in lines if " bomb-rumour " in line)
    assert rumour.startswith("+06:00  11:01  comment     Heidi Torgersen")
    assert rumour.endswith("rumour reply false archive")
    late = next(line for line in lines if " why-so-slow " in line)
    assert late.startswith("+95:00  12:30")
    thread = next(line for line in lines if " alarm-thread-reply " in line)
    assert "↳first-alarm: Vi står utenfor Rema" in thread
    assert not any(" terror-rumour " in line and line.startswith("+") for line in lines), "trigger-only items are not timed"


def test_table_lists_triggers_with_what_they_post(cli, gas_scenario_path: Path):
    _, out, _ = cli("preview", str(gas_scenario_path), "--width", "200")
    lines = _lines(out)
    index = lines.index("  silence: if no official post by +15:00 (at +15:00, 11:10)")
    assert lines[index + 1].startswith("    → new item [complaint reply] comment from (citizen): Hvorfor sier ikke kommunen NOE?!")
    assert "  rumour-grows: if bomb-rumour not corrected within 20m (at +26:00, 11:21)" in lines
    assert "  censorship: if the team deletes an item it should not delete, then after 2m" in lines
    assert "  press-ignored: if no reply to press-call within 20m (at +28:00, 11:23)" in lines
    assert "  answered-first: if the team replies to first-alarm, then after 3m" in lines
    fired = lines[lines.index("  press-ignored: if no reply to press-call within 20m (at +28:00, 11:23)") + 1]
    assert fired.startswith("    → press-followup [press reply] press_call from Marte Solberg (Fjellvik Avis): Vi har ikke fått svar.")


def test_volume_table_per_ten_minutes(cli, gas_scenario_path: Path):
    _, out, _ = cli("preview", str(gas_scenario_path))
    lines = _lines(out)
    start = lines.index("EXPECTED COMMENTS PER 10 MINUTES (from the streams' rate curves)")
    header = lines[start + 1].split()
    assert header[:3] == ["window", "question", "complaint"] and header[-1] == "total"
    rows = lines[start + 2:start + 14]
    assert rows[0].split()[0] == "+00:00–+10:00"
    assert rows[-1].split()[0] == "+110:00–+120:00"
    # Rising from 0.4/min at 2m to 5/min at 20m: minutes 2-10 give 8 * (0.4 + 2.444)/2 = 11.38 comments.
    assert rows[0].split()[-1] == "11.4"
    assert lines[start + 14].split() == ["total", "119", "45", "32", "26", "16", "11", "8", "8", "265"]
    assert any("plus 6 comments for every 1,000 people bomb-rumour reaches, as they see it" in line for line in lines)


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_volumes_add_up_to_the_streams_expected_items(path: Path):
    scenario = load_scenario(path).scenario
    windows = expected_volumes(scenario)
    assert sum(w.total for w in windows) == pytest.approx(sum(expected_items(s) for s in scenario.streams))
    assert windows[-1].end == scenario.duration
    for stream in scenario.streams:
        halves = expected_between(stream, 0, scenario.duration / 2) + expected_between(stream, scenario.duration / 2, scenario.duration)
        assert halves == pytest.approx(expected_items(stream))


def _records(text: str, delimiter: str = ";") -> list[list[str]]:
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read æøå"
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=delimiter))


def _table(text: str, delimiter: str = ";") -> list[dict[str, str]]:
    records = _records(text, delimiter)
    start = records.index(list(COLUMN_NAMES))
    return [dict(zip(COLUMN_NAMES, r)) for r in records[start + 1:]]


def test_csv_columns_and_settings_block(cli, gas_scenario_path: Path):
    code, out, _ = cli("preview", str(gas_scenario_path), "--format", "csv")
    assert code == 0
    assert COLUMN_NAMES[:10] == ("row_type", "time", "clock", "inject_type", "from", "to", "message",
                                 "expected_action", "objective", "notes")
    records = _records(out)
    settings = {r[0]: r[1:] for r in records[:records.index([])]}
    assert settings["title"] == ["Gasslukt på Torget"]
    assert settings["starts"] == ["2026-11-03T10:55:00+01:00"]
    assert settings["municipality.switchboard"] == ["'+47 72 40 00 00"], "guarded so Excel does not compute it"
    assert settings["municipality.places"][:3] == ["Torget", "Sentrum", "Nordbyen"]
    assert settings["expectations.correction_within"] == ["20m"]
    assert ["persona", "torgmamma", "Heidi Torgersen", "local_profile", "Driver en populær lokal Facebook-gruppe"] in records


def test_csv_rows_carry_labels_spread_and_triggers(gas):
    rows = _table(export_msel(gas))
    by_id = {r["id"]: r for r in rows if r["row_type"] == "inject" and r["id"]}
    bomb = by_id["bomb-rumour"]
    assert (bomb["time"], bomb["clock"], bomb["inject_type"], bomb["from"], bomb["to"]) == ("T+06:00", "11:01", "comment", "torgmamma", "page")
    assert (bomb["kind"], bomb["needs_reply"], bomb["false_claim"], bomb["archive_worthy"]) == ("rumour", "yes", "yes", "yes")
    assert (bomb["share_probability"], bomb["spread_seeds"], bomb["spread_influential"]) == ("0,05", "3", "yes")
    assert bomb["expected_action"] == "Avkreft ryktet raskt med kilde (politiet) og lenke."
    assert by_id["mayor-attack"]["deletion_reason"] == "personal_attack"
    assert by_id["police-cordon"]["to"] == "team"
    assert by_id["alarm-thread-reply"]["thread"] == "first-alarm"
    terror = by_id["terror-rumour"]
    assert terror["time"] == "" and terror["trigger"] == "rumour-grows: not_corrected bomb-rumour within 20m"
    assert by_id["censorship-outcry"]["trigger"] == "censorship: wrongful_deletion, after 2m"
    assert by_id["thread-thanks"]["trigger"] == "answered-first: replied_to first-alarm, after 3m"
    written_for_trigger = [r for r in rows if r["row_type"] == "inject" and not r["id"]]
    assert [r["trigger"] for r in written_for_trigger] == ["silence: no_official_post_by 15m"] * 2
    timed = [r["time"] for r in rows if r["row_type"] == "inject" and r["time"]]
    assert timed == sorted(timed, key=lambda t: int(t[2:].split(":")[0]) * 60 + int(t.split(":")[1]))


def test_csv_stream_and_template_rows(gas):
    rows = _table(export_msel(gas))
    streams = [r for r in rows if r["row_type"] == "stream"]
    assert [s["id"] for s in streams] == ["sporsmal", "rykte-reaksjoner"]
    first = streams[0]
    assert (first["time"], first["until"], first["rate"]) == ("T+02:00", "T+100:00", "peak 5/min at 20m, base 0,4/min")
    assert first["mix"].startswith("question 45%, complaint 17%, info 12%")
    assert streams[1]["driven_by"] == "bomb-rumour: 6 per 1000 reached"
    templates = [r for r in rows if r["row_type"] == "template" and r["id"] == "sporsmal" and r["kind"] == "question"]
    assert len(templates) == 22 and templates[0]["message"] == "Er det farlig å være i {place} nå?"


def test_csv_with_commas_uses_decimal_points(cli, gas_scenario_path: Path, tmp_path: Path):
    out_file = tmp_path / "gas.csv"
    code, out, err = cli("preview", str(gas_scenario_path), "--format", "csv", "--delimiter", ",", "-o", str(out_file))
    assert code == 0 and out == "" and f"Wrote {out_file}." in err
    rows = _table(out_file.read_text(encoding="utf-8"), ",")
    bomb = next(r for r in rows if r["id"] == "bomb-rumour")
    assert bomb["share_probability"] == "0.05"
    assert out_file.read_bytes().count(b"\r\n") > 50, "Excel expects CRLF line ends"
    code, _, err = cli("preview", str(gas_scenario_path), "--format", "csv", "-o", str(out_file))
    assert code == 2 and "the file exists" in err


def test_preview_of_a_missing_scenario_exits_2(cli):
    code, out, err = cli("preview", "no-such-scenario")
    assert code == 2
    assert err.startswith("drill: no-such-scenario: no such file, and no shipped scenario has that name")

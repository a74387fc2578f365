"""Fuzzing what users hand to drill: scenarios, team scripts, MSEL sheets, session files and `drill tone` input.

Each fuzzer starts from a real file and damages it the ways people and disks do (lines lost
or doubled, values swapped for YAML oddities, tags, cells shuffled, rows of the log edited),
then checks the one promise: a `DrillError` with a message, or success; never another
exception (which the CLI would turn into exit 3). Few examples and no deadline keep the suite
fast; the shrunk example names the input when one fails.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill.errors import DrillError
from drill.live import LiveDrill
from drill.scenario import load_scenario, parse_scenario
from drill.scenario.msel import export_msel, import_msel
from drill.store import SessionStore
from drill.team import load_team_script

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"
GOOD_TEAM = ROOT / "scenarios" / "teams" / "gasslukt-torget--good.yaml"

EXAMPLES = int(os.environ.get("DRILL_FUZZ_EXAMPLES", "25"))
"""Set DRILL_FUZZ_EXAMPLES=2000 for a long hunt; the suite's default stays quick and repeatable."""
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 25,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ODD_VALUES = [
    "", "~", "null", "-1", "0", "1e308", "-1e308", ".nan", ".inf", "'", '"', "[", "{", "}", "&a", "*a", "*nope",
    "!!omap [{a: 1}]", "!!python/object/apply:os.system ['true']", "!!set {a}", "!!binary aGk=", "!x 1",
    "!!str 5", "? [a]", "- - -", "<<: *a", "2026-13-45T99:99:99", "99999999999999999999999", "9h99m",
    "'\u0000'", "\"\\ud800\"", "\t", "|", ">", "%YAML 1.1", "---", "...", "@", "`", "[" * 80, "{a: " * 70,
]


def _mutate_lines(text: str, edits: list[tuple[int, int, int]]) -> str:
    """Apply (operation, line, value) edits to the text's lines."""
    lines = text.splitlines()
    for operation, where, value in edits:
        if not lines:
            break
        index = where % len(lines)
        line = lines[index]
        if operation == 0:
            del lines[index]
        elif operation == 1:
            lines.insert(index, line)
        elif operation == 2 and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {ODD_VALUES[value % len(ODD_VALUES)]}"
        elif operation == 3:
            lines[index] = line[: value % (len(line) + 1)]
        elif operation == 4:
            lines[index] = " " * (value % 7) + line.lstrip()
        else:
            lines[index] = ODD_VALUES[value % len(ODD_VALUES)] + line
    return "\n".join(lines) + "\n"


EDITS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 10_000), st.integers(0, 10_000)), min_size=1,
                 max_size=6)


@FUZZ
@given(edits=EDITS)
def test_a_damaged_scenario_is_a_message_not_a_crash(edits):
    text = _mutate_lines(GAS.read_text(encoding="utf-8"), edits)
    try:
        parse_scenario(text, "fuzzed.yaml")
    except DrillError as error:
        assert str(error).strip()


@FUZZ
@given(edits=EDITS)
def test_a_damaged_team_script_is_a_message_not_a_crash(edits):
    scenario = load_scenario(GAS).scenario
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "team.yaml"
        script.write_text(_mutate_lines(GOOD_TEAM.read_text(encoding="utf-8"), edits), encoding="utf-8")
        try:
            load_team_script(script, scenario)
        except DrillError as error:
            assert str(error).strip()


@FUZZ
@given(
    cells=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.sampled_from(ODD_VALUES + ["x;y", "\n"])),
                   min_size=1, max_size=8),
    delimiter=st.sampled_from([";", ","]),
)
def test_a_damaged_msel_sheet_is_a_message_not_a_crash(cells, delimiter):
    rows = [line.split(delimiter) for line in export_msel(load_scenario(GAS).scenario, delimiter=delimiter).splitlines()]
    for row_at, column, value in cells:
        row = rows[row_at % len(rows)]
        if column < len(row):
            row[column] = value
        else:
            row.append(value)
    text = "\r\n".join(delimiter.join(row) for row in rows)
    try:
        import_msel(text, "fuzzed.csv")
    except DrillError as error:
        assert str(error).strip()


# --- session files ------------------------------------------------------------------------------

_RECORDED: dict[str, Path] = {}


def _recorded() -> Path:
    """A short recorded drill, made once per test run."""
    if "path" not in _RECORDED:
        path = Path(tempfile.mkdtemp(prefix="drill-fuzz-")) / "recorded.db"
        drill = LiveDrill.create(load_scenario(GAS), path, 1)
        drill.advance_to(300)
        drill.close()
        _RECORDED["path"] = path
    return _RECORDED["path"]


DAMAGE = st.one_of(
    st.tuples(st.just("meta"), st.sampled_from(["format", "format_version", "seed", "scenario_text", "scenario_hash"]),
              st.one_of(st.text(max_size=12), st.sampled_from(["1e308", "-1", "2", "NaN", "0x10", ""]))),
    st.tuples(st.just("event"), st.sampled_from(["seq", "t", "actor", "type", "payload", "wall"]),
              st.one_of(st.integers(-2, 10**12), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
                        st.sampled_from(['{"type": "item_posted"}', "{}", "null", '{"type": "drill_ended"}']))),
    st.tuples(st.just("delete"), st.integers(1, 60), st.just(None)),
    st.tuples(st.just("drop"), st.sampled_from(["meta", "events"]), st.just(None)),
)


@pytest.fixture(scope="module")
def recorded() -> Path:
    return _recorded()


@FUZZ
@given(damages=st.lists(DAMAGE, min_size=1, max_size=3), seq=st.integers(1, 60))
def test_a_damaged_session_file_is_a_message_not_a_crash(recorded, damages, seq):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.db"
        shutil.copy(recorded, path)
        db = sqlite3.connect(path)
        for kind, what, value in damages:
            try:
                if kind == "meta":
                    db.execute("UPDATE meta SET value = ? WHERE key = ?", (value, what))
                elif kind == "event":
                    db.execute(f"UPDATE events SET {what} = ? WHERE seq = ?", (value, seq))
                elif kind == "delete":
                    db.execute("DELETE FROM events WHERE seq = ?", (what,))
                else:
                    db.execute(f"DROP TABLE {what}")
            except sqlite3.Error:
                continue  # the damage itself was impossible (a dropped table, a clashing seq)
        db.commit()
        db.close()
        try:
            with SessionStore.open(path) as store:
                store.events()
                store.stored_scenario()
            LiveDrill.resume(path).close()
        except DrillError as error:
            assert str(error).strip()


_TONE_PIECES = ['{"reply": "Hei"}', '{"reply": ', '{', '}', '[', ']', '"', '\\u0000', "\x1b[2J", "Takk!",
                '{"reply": "ok", "language": "xx"}', '{"reply": "ok", "context": 5}', "1e308", "null",
                '{"reply": "' + "a" * 300 + '"}', "[" * 3000, "{\"reply\": " + "[" * 5000]


@FUZZ
@given(lines=st.lists(st.lists(st.sampled_from(_TONE_PIECES) | st.text(max_size=40), max_size=6)
                      .map("".join), max_size=6))
def test_drill_tone_input_gives_results_or_a_message(lines: list[str]) -> None:
    """`drill tone` reads whatever is piped to it: each line is scored or refused with its number."""
    import io

    from drill.commands.tone import read_replies
    from scoring.tone import analyse_reply

    try:
        for item in read_replies(io.StringIO("\n".join(lines) + "\n")):
            analyse_reply(item.reply, language=item.language or "auto", context=item.context)
    except DrillError as error:
        assert "stdin:" in str(error)

"""Single spreadsheet cells: every format the export writes is read back exactly, and the
forms trainers type by hand are understood."""

from __future__ import annotations

from datetime import time

import pytest

from drill.scenario.models import ItemKind
from drill.scenario.msel.cells import (
    CellError,
    ClockTime,
    format_mix,
    format_number,
    format_offset,
    format_rate,
    format_trigger,
    guard_formula,
    parse_bool,
    parse_mix,
    parse_probability,
    parse_rate,
    parse_time,
    parse_triggers,
    unguard_formula,
)


@pytest.mark.parametrize("text, seconds", [
    ("T+12:00", 720), ("+12:00", 720), ("t+00:30", 30), ("+95:00", 5700), ("+1:05:00", 3900),
    ("12m", 720), ("1h30m", 5400), ("90s", 90), (" T+02:05 ", 125),
])
def test_offsets(text: str, seconds: int):
    assert parse_time(text) == seconds


@pytest.mark.parametrize("text, clock", [("11:07", time(11, 7)), ("11.07", time(11, 7)), ("09:05:30", time(9, 5, 30))])
def test_clock_times(text: str, clock: time):
    assert parse_time(text) == ClockTime(clock)


@pytest.mark.parametrize("text, message", [
    ("12", "Say what 12 means: write +12:00 for minutes after the start, or a clock time such as 11:07."),
    ("+12:75", "Seconds and minutes go up to 59; got '+12:75'."),
    ("25:00", "Not a time of day: '25:00'."),
    ("soon", "Not a time: 'soon'."),
])
def test_bad_times(text: str, message: str):
    with pytest.raises(CellError) as raised:
        parse_time(text)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize("seconds", [0, 59, 60, 725, 5700, 10_799])
def test_offsets_round_trip(seconds: int):
    assert parse_time(format_offset(seconds)) == seconds


@pytest.mark.parametrize("mix", [
    {ItemKind.question: 0.45, ItemKind.complaint: 0.17, ItemKind.info: 0.12, ItemKind.chatter: 0.1,
     ItemKind.praise: 0.06, ItemKind.rumour: 0.04, ItemKind.attack: 0.033, ItemKind.spam: 0.027},
    {ItemKind.third_party: 0.07, ItemKind.personal_data: 0.93},
])
@pytest.mark.parametrize("decimal_comma", [True, False])
def test_mix_round_trips_exactly(mix: dict, decimal_comma: bool):
    parsed = parse_mix(format_mix(mix, decimal_comma=decimal_comma))
    assert parsed == mix and list(parsed) == list(mix)


def test_mix_as_trainers_write_it():
    assert parse_mix("spørsmål 0,5, klage 0,3; ros 0,2") == {
        ItemKind.question: 0.5, ItemKind.complaint: 0.3, ItemKind.praise: 0.2}
    assert parse_mix("question: 60 %, third party 40%") == {ItemKind.question: 0.6, ItemKind.third_party: 0.4}
    with pytest.raises(CellError, match="'question' is given twice"):
        parse_mix("question 50%, spørsmål 50%")
    with pytest.raises(CellError, match="Not a mix"):
        parse_mix("mostly questions")


@pytest.mark.parametrize("rate", [
    {"per_minute": 2.0}, {"per_minute": 0.0}, {"peak_per_minute": 5.0, "peak_at": 1200},
    {"peak_per_minute": 4.5, "peak_at": 1800, "base_per_minute": 0.6},
])
@pytest.mark.parametrize("decimal_comma", [True, False])
def test_rates_round_trip(rate: dict, decimal_comma: bool):
    text = format_rate(rate.get("per_minute"), rate.get("peak_per_minute"), rate.get("peak_at"),
                       rate.get("base_per_minute", 0.0), decimal_comma=decimal_comma)
    assert parse_rate(text) == rate


def test_rate_with_a_clock_style_peak():
    assert parse_rate("peak 3/min at T+20:00") == {"peak_per_minute": 3.0, "peak_at": 1200}
    with pytest.raises(CellError, match="Not a rate"):
        parse_rate("lots")


def test_triggers_round_trip_and_combine():
    cell = " | ".join([
        format_trigger("silence", {"no_official_post_by": 900}, 0, False),
        format_trigger("censorship", {"wrongful_deletion": True}, 120, True),
        format_trigger("viral", {"reach_above": 5000, "of": "bomb-rumour"}, 0, False),
    ])
    assert cell == ("silence: no_official_post_by 15m | censorship: wrongful_deletion, after 2m, repeat | "
                    "viral: reach_above 5000 of bomb-rumour")
    silence, censorship, viral = parse_triggers(cell)
    assert (silence.trigger_id, dict(silence.when)) == ("silence", {"no_official_post_by": 900})
    assert (censorship.after, censorship.repeat, dict(censorship.when)) == (120, True, {"wrongful_deletion": True})
    assert dict(viral.when) == {"reach_above": 5000, "of": "bomb-rumour"}


def test_trigger_written_by_hand():
    (spec,) = parse_triggers("no-reply-to press-call within +20:00")
    assert spec.trigger_id is None and dict(spec.when) == {"no_reply_to": "press-call", "within": 1200}
    (named_only,) = parse_triggers("silence")
    assert named_only.trigger_id == "silence" and not named_only.written_in_full
    with pytest.raises(CellError, match="'within' needs a value"):
        parse_triggers("no_reply_to press-call within")
    with pytest.raises(CellError, match="Say when the trigger fires"):
        parse_triggers("silence: after 2m")


def test_numbers_yes_no_and_shares():
    assert format_number(0.09, decimal_comma=True) == "0,09"
    assert format_number(5.0, decimal_comma=False) == "5"
    assert parse_probability("8 %") == pytest.approx(0.08) and parse_probability("0,25") == 0.25
    with pytest.raises(CellError):
        parse_probability("2")
    assert [parse_bool(v) for v in ("ja", "Nei", "x", "true", "0")] == [True, False, True, True, False]


@pytest.mark.parametrize("text", ["+47 72 40 00 00", "=HYPERLINK(\"x\")", "-- ikke slett", "@kommunen", "vanlig"])
def test_formula_guard_round_trips(text: str):
    guarded = guard_formula(text)
    assert guarded[0] not in "=+-@"
    assert unguard_formula(guarded) == text

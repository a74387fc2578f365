"""Clock and wording helpers behind every finding: office time, clock labels, numbers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from scoring.clock import ScenarioClock
from scoring.report.svg import nice_ticks
from scoring.texts import approx, duration, number, quote, quoted, share, signed

CET = timezone(timedelta(hours=1))


def test_clock_labels_follow_the_scenario_start():
    clock = ScenarioClock(datetime(2026, 11, 3, 10, 55, tzinfo=CET), "08:00-15:30")
    assert clock.label(0) == "10:55" and clock.label(9 * 60 + 59) == "11:04" and clock.label(14 * 3600) == "00:55"


@pytest.mark.parametrize(("t0", "t1", "expected_minutes"), [
    (0, 20 * 60, 20),                      # Friday 15:00 -> 15:20 inside office hours
    (20 * 60, 65 * 3600 + 50 * 60, 60),    # Friday 15:20 -> Monday 08:50: 10 min on Friday, 50 on Monday
    (40 * 60, 41 * 60, 0),                 # Friday 15:40 -> 15:41, after closing
])
def test_office_time_skips_evenings_and_weekends(t0, t1, expected_minutes):
    clock = ScenarioClock(datetime(2026, 11, 6, 15, 0, tzinfo=CET), "08:00-15:30")  # a Friday
    assert clock.office_seconds(t0, t1) == expected_minutes * 60


def test_office_hours_membership():
    clock = ScenarioClock(datetime(2026, 11, 7, 10, 0, tzinfo=CET), "08:00-15:30")  # a Saturday
    assert not clock.in_office_hours(0)
    assert clock.in_office_hours(48 * 3600)  # Monday 10:00


def test_numbers_and_durations_in_both_languages():
    assert number(4100, "nb") == "4\u00a0100" and number(4100, "en") == "4,100"
    assert approx(4137, "en") == "4,100" and approx(187, "nb") == "190"
    assert duration(45, "nb") == "45 s" and duration(6 * 60, "en") == "6 min"
    assert duration(62 * 60, "nb") == "1 t 2 min" and duration(2 * 3600, "en") == "2 h"
    assert duration(3 * 86400, "nb") == "3 døgn"
    assert share(3, 11, "nb") == "3 av 11" and share(3, 11, "en") == "3 of 11"
    assert signed(37.5, "nb") == "+37,5" and signed(-2.4, "en") == "\u22122.4"
    assert quoted("x", "nb") == "«x»" and quoted("x", "en") == "“x”"


def test_quotes_are_shortened_at_a_word():
    text = "Hørte fra en i politiet at det er en BOMBE, ikke gass. De sier gass for å unngå panikk!!"
    short = quote(text, 40)
    assert short.endswith("…") and len(short) <= 40 and text.startswith(short[:-1])


@pytest.mark.parametrize(("peak", "top"), [(7, 8), (33, 40), (4100, 6000), (0.2, 1)])
def test_chart_axes_end_on_round_numbers(peak, top):
    axis_top, ticks = nice_ticks(peak)
    assert axis_top == top and ticks[0] == 0 and ticks[-1] == top and axis_top >= peak

import pytest

from drill.scenario.durations import clock_label, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("15m", 900), ("2h30m", 9000), ("1h", 3600), ("1h 5m 3s", 3903), ("0.5m", 30), (45, 45), ("120", 120)],
)
def test_parses_the_forms_trainers_write(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", ["15 minutes", "m15", "", "1d", -5, True, "1h-5m"])
def test_refuses_anything_else(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


@pytest.mark.parametrize("seconds", [1, 59, 60, 61, 3600, 5400, 9045])
def test_format_round_trips(seconds):
    assert parse_duration(format_duration(seconds)) == seconds


def test_clock_label():
    assert clock_label(3909) == "1:05:09"

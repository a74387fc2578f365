"""Each rumour is told once in the crisis finding, and a correction is called too late only
when it came after the correction target."""

from __future__ import annotations

from scoring import score


def test_each_rumour_is_told_once_and_too_late_only_when_it_was(gas_runs) -> None:
    run = gas_runs["poor"]
    report = score(run.scenario, run.events, language="nb")
    k6 = next(f for f in report.findings if f.rule == "K6")
    assert "innen 20 min" in k6.what  # the gas scenario's correction target, as the finding states it
    for rumour in report.rumours:
        assert k6.what.count(rumour.quote[:30]) == 1, (rumour.quote, k6.what)
        if f"Rettelsen kl. {rumour.corrected_at_clock} kom for sent" in k6.what:
            assert rumour.corrected_at is not None and rumour.corrected_at - rumour.t > 20 * 60, k6.what

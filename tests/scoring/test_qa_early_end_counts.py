"""A debrief after an early end: the speed line counts the inquiries played, coverage also the
planned ones that never came. Two denominators side by side must say which is which."""

from __future__ import annotations


def test_the_coverage_summary_says_its_count_includes_the_planned_inquiries(plays) -> None:
    report = plays.report("video-ansatt", "poor", 0.1)
    unplayed = int(next(f for f in report.findings if f.rule == "C1").metrics["unplayed"])
    assert unplayed > 0
    coverage = report.dimension("coverage").summary
    assert "planlagt" in coverage and str(unplayed) in coverage, coverage

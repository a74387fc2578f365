"""The report's team line: members are "Name, department", so members are not separated by commas."""

from __future__ import annotations

import re

from scoring.report.build import build_report
from scoring.report.html import render_html
from scoring.report.markdown import render_markdown

LINE = "Team: Kari (kommunikasjon); Ola (kommunikasjon)"  # the builder's team: "Kari, kommunikasjon", "Ola, …"


def test_the_team_line_tells_one_member_from_the_next(scenario, session) -> None:
    events = session().item("q1", 0, "Når åpner svømmehallen?", kind="question", needs_reply=True).end(60)
    report = build_report(scenario(), events, file_name="x.db")
    assert LINE in render_markdown(report)
    assert LINE in re.sub(r"<[^>]+>", "", render_html(report))

"""An HTML report shows control characters from a session as visible signs: `cat x.html` in a
terminal must not obey them, and HTML5 calls them parse errors."""

from __future__ import annotations

from scoring.report.build import build_report
from scoring.report.html import render_html


def test_html_report_neutralises_control_characters_from_the_session(scenario, session) -> None:
    hostile = "Les dette\x1b]0;HACKED\x07 \x1b[2J nå <b>"
    events = session().item("q1", 0, hostile, kind="question", needs_reply=True).end(60)
    html = render_html(build_report(scenario(title="Gass\x1b[5m blink"), events, file_name="x.db"))
    assert "\x1b" not in html and "\x07" not in html
    assert "Gass␛[5m blink" in html and "Les dette␛]0;HACKED␇" in html
    assert "nå &lt;b&gt;" in html

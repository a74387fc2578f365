"""Markdown is read raw as often as rendered (a terminal, a diff, an e-mail): it escapes what
Markdown would act on, and an ampersand stays an ampersand instead of becoming `&amp;`."""

from __future__ import annotations

from scoring.report.build import build_report
from scoring.report.markdown import render_markdown


def test_markdown_keeps_an_ampersand_and_escapes_tags_the_markdown_way(scenario, session) -> None:
    text = "Q&A om vannet: er <b>kokevarsel</b> &amp; &#60; ekte?"
    events = session().item("q1", 0, text, kind="question", needs_reply=True).end(60)
    md = render_markdown(build_report(scenario(), events, file_name="x.db"))
    assert "&amp;" not in md.replace("\\&amp;", "")
    assert "&lt;" not in md and "&gt;" not in md
    assert "Q&A om vannet" in md  # a plain ampersand needs no escape
    assert "\\<b\\>kokevarsel\\</b\\>" in md  # a tag is shown, never rendered
    assert "\\&amp; \\&#60;" in md  # an entity as written, never decoded

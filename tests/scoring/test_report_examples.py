"""A finding's examples name each text once: the same reply pasted under four questions is one line."""

from __future__ import annotations

import re
from html import unescape

from scoring.report.build import build_report
from scoring.report.html import render_html
from scoring.report.markdown import render_markdown


def test_each_findings_examples_quote_a_text_once(gas_runs) -> None:
    good = gas_runs["good"]
    report = build_report(good.scenario, good.events, file_name="good.db")
    repeated = [f for f in report.score.findings if len({i.quote for i in f.items}) < len(f.items)]
    assert repeated, "the good team pastes one answer under several questions; some finding lists it more than once"
    html = render_html(report)
    lists = re.findall(r'<ul class="items">(.*?)</ul>', html)
    assert lists
    for block in lists:
        quotes = [unescape(q) for q in re.findall(r"<q>(.*?)</q>", block)]
        assert len(quotes) == len(set(quotes)), quotes
    blocks = re.split(r"^- \*\*", render_markdown(report), flags=re.MULTILINE)
    for block in blocks:
        lines = [line for line in block.splitlines() if line.startswith("  - ")]
        assert len(lines) == len(set(lines)), block

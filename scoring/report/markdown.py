"""The after-action report as Markdown: for a wiki, an e-mail or a pull request.

Text from the scenario, citizens and the team is shown, never obeyed: HTML tags, entities
and Markdown's link, emphasis and code marks are backslash-escaped, so a comment reading
`<script>` or `[klikk her](…)` is printed as written. Items are named by their clock time and
a quote, never by an id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from drill.roster import team_line
from drill.terminal_text import neutralise
from scoring.models import Finding
from scoring.rubric import Dimension
from scoring.report.catalogue import label
from scoring.report.model import AfterActionReport, distinct_examples
from scoring.texts import decimal, duration, quoted, say_n, signed

_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]|<>])")
_ENTITY = re.compile(r"&(?=#?\w+;)")  # only an ampersand that would start an entity needs escaping


def md(text: object) -> str:
    """Text as Markdown shows it literally, rendered or read raw: Markdown's own backslash escapes
    for its marks, tags and entities (never HTML entities, which read as `&amp;` in a terminal or a
    diff), and controls neutralised."""
    flat = neutralise(" ".join(str(text).split()))
    return _ENTITY.sub(r"\\&", _MARKDOWN_MARKS.sub(r"\\\1", flat))


def _cell(text: str) -> str:
    return md(text)


def _score(value: float | None, lang: str) -> str:
    return label("not_scored", lang) if value is None else f"{value:.0f}"


def _finding(f: Finding, lang: str, labels: Mapping[Dimension, str], did: list[str] | None = None) -> list[str]:
    points = "" if f.rule_score is None and f.points == 0 else f", {signed(f.points, lang)}"
    lines = [f"- **{md(f.title)}** ({labels.get(f.dimension, f.dimension)}{points})"]
    lines += [f"  - {md(sentence)}" for sentence in did or []]
    lines += [f"  - {md(f.what)}",
              f"  - {label('recommendation', lang)}: {md(f.recommendation)} *({label('source', lang)}: {md(f.source)})*"]
    for item in distinct_examples(f.items) if did is None else []:
        lines.append(f"  - {md(label('item', lang, at=item.at, quote=quoted(item.quote, lang)))}")
    return lines


def render_markdown(report: AfterActionReport) -> str:
    lang = report.language
    s = report.score
    names = {d.dimension: d.label for d in s.dimensions}
    out = [f"# {label('report_title', lang)}: {md(report.scenario.title)}", ""]
    variant = "" if report.session.seed is None else f" · {label('variant', lang, n=report.session.seed)}"
    out.append(f"{label('municipality', lang)}: {md(report.scenario.municipality)} · {label('started', lang)}: "
               f"{report.scenario.starts[:16].replace('T', ' ')}{variant} · "
               f"{label('team', lang)}: {md(team_line(report.session.team))}")
    if report.session.seed is not None:
        out += ["", f"*{label('variant_note', lang)}*"]
    out.append("")
    out.append(f"## {label('summary', lang)}")
    out.append("")
    grade = f" — **{s.grade.label}**. {md(s.grade.description)}" if s.grade else ""
    out.append(f"**{label('total', lang)}: {_score(s.total, lang)}**{grade}")
    out.append("")
    out.append(f"| {label('dimension', lang)} | {label('score', lang)} | {label('weight', lang)} | "
               f"{label('summary', lang)} |")
    out.append("|---|---:|---:|---|")
    for d in s.dimensions:
        out.append(f"| {d.label} | {_score(d.score, lang)} | {decimal(d.weight, lang)} | {_cell(d.summary)} |")
    out.append("")
    out.append(label("score_note", lang))
    out.append("")
    if report.comparison:
        c = report.comparison
        out += [f"## {label('compare', lang)}", "",
                f"| {label('dimension', lang)} | {label('this_session', lang)} | {md(c.other_file)} | "
                f"{label('change', lang)} |", "|---|---:|---:|---:|"]
        for row in c.rows:
            change = "–" if row.change is None else f"{row.change:+.0f}"
            out.append(f"| {row.label} | {_score(row.this, lang)} | {_score(row.other, lang)} | {change} |")
        total_change = ("–" if c.this_total is None or c.other_total is None
                        else f"{c.this_total - c.other_total:+.0f}")
        out.append(f"| **{label('total', lang)}** | {_score(c.this_total, lang)} | {_score(c.other_total, lang)} | "
                   f"{total_change} |")
        out.append("")
        for key, found in (("resolved", c.resolved), ("new_issues", c.new)):
            if found:
                out += [f"**{label(key, lang)}:**", ""] + [f"- {md(r.title)}" for r in found] + [""]
    out += [f"## {label('strengths', lang)}", ""]
    out += [line for f in report.strengths for line in _finding(f, lang, names, report.did.get(f.rule, []))] \
        or [label("none", lang)]
    out += ["", f"## {label('improvements', lang)}", ""]
    out += [line for f in report.improvements for line in _finding(f, lang, names)] or [label("none", lang)]
    out += ["", f"## {label('actions', lang)}", ""]
    for i, a in enumerate(report.corrective_actions, 1):
        out.append(f"{i}. {md(a.action)} *({md(a.source)})*")
    if not report.corrective_actions:
        out.append(label("none", lang))
    out += ["", f"## {label('moderation_decisions', lang)}", ""]
    if report.removals_to_review:
        out.append(f"| {label('time', lang)} | {label('event', lang)} | {label('reason', lang)} | "
                   f"{label('text', lang)} |")
        out.append("|---|---|---|---|")
        for r in report.removals_to_review:
            kind = label("wrongful" if r.outcome == "wrongful" else "missed", lang)
            out.append(f"| {r.item.at} | {kind} | {_cell(r.detail)} | {_cell(r.item.quote)} |")
    else:
        out.append(label("none", lang))
    if report.reach:
        out += ["", f"## {label('chart_reach', lang)}", ""]
        for series in report.reach:
            out.append(f"- {md(series.sentence or series.quote)}")
    out += ["", f"## {label('findings_all', lang)}", ""]
    for d in s.dimensions:
        out.append(f"### {d.label} ({_score(d.score, lang)})")
        out.append("")
        for f in d.findings:
            out += _finding(f, lang, names)
        out.append("")
    out += [f"## {label('timeline', lang)}", "", label("timeline_note", lang), "",
            f"| {label('time', lang)} | {label('event', lang)} | {label('who', lang)} | {label('text', lang)} |",
            "|---|---|---|---|"]
    for e in report.timeline:
        flag = f" ({label('wrongful', lang).lower()})" if e.flag == "wrongful" else ""
        out.append(f"| {e.at} | {e.kind_label}{flag} | {_cell(e.who_label)} | {_cell(e.text)} |")
    out += ["", "---", "", f"{label('ks_note', lang)} {label('generated_from', lang)} {md(report.session.file)} "
            f"({say_n(lang, 'report.events', report.session.events)}, {duration(report.session.simulated_s, lang)})."]
    return "\n".join(out) + "\n"

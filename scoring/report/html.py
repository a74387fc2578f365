"""The after-action report as one self-contained HTML file with inline SVG charts.

No scripts, no web fonts, no external requests: the file can be mailed, archived and
printed. Print CSS keeps sections together and drops the screen-only background. The font
stack ends in the colour emoji fonts of the common systems, so the emoji citizens write show
as emoji rather than empty boxes; where none is installed the browser falls back cleanly.
Items are named by their clock time and a quote, never by an id.
"""

from __future__ import annotations

from datetime import datetime

from drill.roster import team_line
from drill.scenario.durations import story_clock
from drill.terminal_text import html_text
from scoring.models import Finding, ItemRef
from scoring.report import svg
from scoring.report.catalogue import label
from scoring.report.model import AfterActionReport, distinct_examples
from scoring.texts import decimal, duration, say_n, signed

FONTS = ('system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif,'
         '"Noto Color Emoji","Apple Color Emoji","Segoe UI Emoji","Segoe UI Symbol"')
"""Text fonts first, then colour emoji fonts: a glyph missing from the text font is taken from them."""

_CSS = """
:root { --ink:#1a1a1a; --muted:#555; --line:#d0d0d0; --bg:#f6f7f9; --card:#fff;
        --good:#0072B2; --warn:#9a5b00; --bad:#b34400; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); line-height:1.5; font:16px/1.5 FONT_STACK; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 60px; }
header h1 { font-size: 1.8rem; margin: 0 0 4px; }
.meta { color: var(--muted); font-size: .95rem; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px;
          margin: 18px 0; }
h2 { font-size: 1.3rem; margin: 0 0 12px; }
h3 { font-size: 1.05rem; margin: 18px 0 8px; }
.total { display:flex; gap:20px; align-items:center; flex-wrap:wrap; }
.total .big { font-size: 3rem; font-weight: 700; line-height: 1; }
.total .grade { font-size: 1.3rem; font-weight: 600; }
table { width: 100%; border-collapse: collapse; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: #eef1f5; }
td.num, th.num { text-align: right; white-space: nowrap; }
.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 10px 0; }
.finding.strength { border-color: var(--good); }
.finding.improvement { border-color: var(--bad); }
.finding.note { border-color: #999; }
.finding .head { font-weight: 600; }
.finding .title { margin-right: 8px; }
.finding ul.did { margin: 4px 0 0 0; padding-left: 18px; }
.variant-note { color: var(--muted); font-size: .88rem; margin-top: 2px; }
.tag { display:inline-block; font-size:.8rem; padding:1px 7px; border-radius: 10px; border:1px solid var(--line);
       margin-right: 6px; background:#fafafa; white-space: nowrap; }
.tag.critical { background:#fbe3d6; border-color:#e5a27e; }
.tag.major { background:#fdf0d5; border-color:#e2bb6a; }
.rec, .src { color: var(--muted); font-size: .92rem; }
.items { margin: 4px 0 0 0; padding-left: 18px; font-size: .92rem; }
.items q { font-style: italic; }
.flag-wrongful td { background: #fbe3d6; }
.flag-casualty td { background: #fdf0d5; }
figure { margin: 12px 0 20px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
ol.actions li { margin-bottom: 6px; }
.chg-up { color: var(--good); font-weight:600; }
.chg-down { color: var(--bad); font-weight:600; }
footer { color: var(--muted); font-size: .85rem; margin-top: 24px; }
.table-wrap { overflow-x: auto; }
@media (max-width: 640px) {
  main { padding: 12px 8px 40px; }
  section { padding: 12px; }
  th, td { padding: 4px; font-size: .85rem; }
  .total .big { font-size: 2.4rem; }
}
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section { border: none; padding: 0; margin: 14pt 0; break-inside: auto; }
  figure, .finding, tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
""".replace("FONT_STACK", FONTS)


_e = html_text


def _score(value: float | None, lang: str) -> str:
    return label("not_scored", lang) if value is None else f"{value:.0f}"


def _quote(text: str, lang: str) -> str:
    return f"<q>{_e(text)}</q>"


def _items(items: list[ItemRef], lang: str) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{_e(label('at', lang, at=i.at))}: {_quote(i.quote, lang)}</li>"
                   for i in distinct_examples(items))
    return f'<ul class="items">{rows}</ul>'


def _finding(f: Finding, lang: str, *, with_action: bool = False, did: list[str] | None = None,
             dimension: str = "") -> str:
    """One finding; a strength (`did` given) shows what the team did instead of the items it missed.

    `dimension` names the finding's dimension where the finding stands outside that dimension's
    section (strengths, improvements); inside it the heading already says it.
    """
    severity = "" if f.verdict == "strength" or f.severity == "info" else \
        f'<span class="tag {f.severity}">{_e(label("severity_" + f.severity, lang))}</span>'
    shows_action = f.verdict == "improvement" or (f.verdict == "note" and f.rule_score is not None)
    action = f'<div class="rec"><strong>{_e(label("actions", lang))}:</strong> {_e(f.action)}</div>' \
        if with_action and f.action and shows_action else ""
    points = "" if f.rule_score is None and f.points == 0 else \
        f'<span class="tag">{_e(signed(f.points, lang))} {_e(label("points", lang).lower())}</span>'
    moments = "".join(f"<li>{_e(sentence)}</li>" for sentence in did or [])
    return (f'<div class="finding {f.verdict}"><div class="head"><span class="title">{_e(f.title)}</span>'
            + (f'<span class="tag">{_e(dimension)}</span>' if dimension else "")
            + f'{severity}{points}</div>'
            + (f'<ul class="did">{moments}</ul>' if moments else "")
            + f"<div>{_e(f.what)}</div>"
            f'<div class="rec">{_e(label("recommendation", lang))}: {_e(f.recommendation)} '
            f'<span class="src">({_e(label("source", lang))}: {_e(f.source)})</span></div>{action}'
            f"{'' if did is not None else _items(f.items, lang)}</div>")


def clock_ticks(starts_iso: str, end_s: float) -> list[tuple[float, str]]:
    """Clock labels every 15 or 30 minutes (more for long drills) for the time axes."""
    starts = datetime.fromisoformat(starts_iso)
    step = 900 if end_s <= 3 * 3600 else 1800 if end_s <= 8 * 3600 else 3600 * max(1, int(end_s // (8 * 3600)))
    ticks, t = [], 0.0
    while t <= end_s:
        ticks.append((t, story_clock(starts, t)))
        t += step
    return ticks


def render_html(report: AfterActionReport) -> str:
    lang = report.language
    s = report.score
    end = max(report.session.simulated_s, 1.0)
    parts = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">'
             f"<title>{_e(label('report_title', lang))}: {_e(report.scenario.title)}</title>"
             f"<style>{_CSS}</style></head><body><main>"]
    variant = "" if report.session.seed is None else f" · {_e(label('variant', lang, n=report.session.seed))}"
    note = "" if report.session.seed is None else f'<div class="variant-note">{_e(label("variant_note", lang))}</div>'
    parts.append(f"<header><h1>{_e(label('report_title', lang))}: {_e(report.scenario.title)}</h1>"
                 f'<div class="meta">{_e(report.scenario.municipality)} · {_e(label("started", lang))} '
                 f"{_e(_nice_start(report.scenario.starts))} · {_e(duration(report.session.simulated_s, lang))}"
                 f"{variant} · {_e(label('team', lang))}: "
                 f"{_e(team_line(report.session.team))}</div>{note}</header>")
    parts.append(_summary(report))
    names = {d.dimension: d.label for d in s.dimensions}
    if report.comparison:
        parts.append(_comparison(report))
    parts.append(f"<section><h2>{_e(label('strengths', lang))}</h2>"
                 + ("".join(_finding(f, lang, did=report.did.get(f.rule, []), dimension=names.get(f.dimension, ""))
                            for f in report.strengths)
                    or f"<p>{_e(label('none', lang))}</p>")
                 + "</section>")
    parts.append(f"<section><h2>{_e(label('improvements', lang))}</h2>"
                 + ("".join(_finding(f, lang, dimension=names.get(f.dimension, "")) for f in report.improvements)
                    or f"<p>{_e(label('none', lang))}</p>")
                 + "</section>")
    actions = "".join(f"<li>{_e(a.action)} "
                      f'<span class="src">({_e(a.source)})</span></li>'
                      for a in report.corrective_actions)
    parts.append(f"<section><h2>{_e(label('actions', lang))}</h2>"
                 + (f'<ol class="actions">{actions}</ol>' if actions else f"<p>{_e(label('none', lang))}</p>")
                 + "</section>")
    parts.append(_charts(report, end))
    parts.append(_removals(report))
    parts.append(f"<section><h2>{_e(label('findings_all', lang))}</h2>")
    for d in s.dimensions:
        parts.append(f"<h3>{_e(d.label)}: {_e(_score(d.score, lang))}</h3><p>{_e(d.summary)}</p>")
        parts.append("".join(_finding(f, lang, with_action=True) for f in d.findings))
    parts.append("</section>")
    parts.append(_timeline(report))
    parts.append(f"<footer><p>{_e(label('ks_note', lang))} {_e(label('score_note', lang))}</p>"
                 f"<p>{_e(label('generated_from', lang))} {_e(report.session.file)} "
                 f"({_e(say_n(lang, 'report.events', report.session.events))}).</p></footer>")
    parts.append("</main></body></html>")
    return "".join(parts)


def _nice_start(starts_iso: str) -> str:
    return datetime.fromisoformat(starts_iso).strftime("%Y-%m-%d %H:%M")


def _summary(report: AfterActionReport) -> str:
    lang, s = report.language, report.score
    grade = (f'<div><div class="grade">{_e(s.grade.label)}</div><div>{_e(s.grade.description)}</div></div>'
             if s.grade else "")
    rows = "".join(f"<tr><td>{_e(d.label)}</td><td class='num'>{_e(_score(d.score, lang))}</td>"
                   f"<td class='num'>{_e(decimal(d.weight, lang))}</td><td>{_e(d.summary)}</td></tr>" for d in s.dimensions)
    top = "".join(f"<li><strong>{_e(f.title)}</strong> {_e(f.what)}</li>" for f in s.top_findings(3))
    top_html = f"<h3>{_e(label('top_findings', lang))}</h3><ul>{top}</ul>" if top else ""
    return (f"<section><h2>{_e(label('summary', lang))}</h2>"
            f'<div class="total"><div class="big" aria-label="{_e(label("total", lang))}">{_e(_score(s.total, lang))}'
            f"</div>{grade}</div>"
            f"<div class='table-wrap'><table><thead><tr><th>{_e(label('dimension', lang))}</th>"
            f"<th class='num'>{_e(label('score', lang))}</th>"
            f"<th class='num'>{_e(label('weight', lang))}</th><th>{_e(label('summary', lang))}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>{top_html}<p class='rec'>{_e(label('score_note', lang))}</p></section>")


def _comparison(report: AfterActionReport) -> str:
    lang, c = report.language, report.comparison
    assert c is not None
    rows = []
    for r in c.rows:
        if r.change is None:
            change = "–"
        else:
            cls = "chg-up" if r.change > 0 else "chg-down" if r.change < 0 else ""
            change = f'<span class="{cls}">{r.change:+.0f}</span>'
        rows.append(f"<tr><td>{_e(r.label)}</td><td class='num'>{_e(_score(r.this, lang))}</td>"
                    f"<td class='num'>{_e(_score(r.other, lang))}</td><td class='num'>{change}</td></tr>")
    total_change = "–" if c.this_total is None or c.other_total is None else f"{c.this_total - c.other_total:+.0f}"
    rows.append(f"<tr><th>{_e(label('total', lang))}</th><th class='num'>{_e(_score(c.this_total, lang))}</th>"
                f"<th class='num'>{_e(_score(c.other_total, lang))}</th><th class='num'>{total_change}</th></tr>")
    changes = ""
    for key, found in (("resolved", c.resolved), ("new_issues", c.new)):
        if found:
            items = "".join(f"<li>{_e(r.title)}</li>" for r in found)
            changes += f"<h3>{_e(label(key, lang))}</h3><ul>{items}</ul>"
    return (f"<section><h2>{_e(label('compare', lang))}</h2><div class='table-wrap'><table><thead><tr>"
            f"<th>{_e(label('dimension', lang))}</th><th class='num'>{_e(label('this_session', lang))}</th><th class='num'>{_e(c.other_file)}</th>"
            f"<th class='num'>{_e(label('change', lang))}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"</div>{changes}</section>")


def _figure(caption: str, chart: str | None) -> str:
    if not chart:
        return ""
    return f"<figure><figcaption>{_e(caption)}</figcaption>{chart}</figure>"


def _charts(report: AfterActionReport, end: float) -> str:
    lang = report.language
    ticks = clock_ticks(report.scenario.starts, end)
    out = [f"<section><h2>{_e(label('charts', lang))}</h2>",
           _figure(label("chart_scores", lang), svg.scores_chart(report.score.dimensions, lang)),
           _figure(label("chart_response", lang), svg.response_chart(report.score.response_times, end, ticks, lang)),
           _figure(label("chart_volume", lang), svg.volume_chart(report.volume, lang))]
    if report.reach:
        out.append(_figure(label("chart_reach", lang), svg.reach_chart(report.reach, end, ticks, lang)))
        out.append("<ul>" + "".join(f"<li>{_e(r.sentence)}</li>" for r in report.reach if r.sentence) + "</ul>")
        if any(r.without_points or r.earlier_points for r in report.reach):
            out.append(f"<p class='rec'>{_e(label('reach_how', lang))}</p>")
    out.append("</section>")
    return "".join(out)


def _removals(report: AfterActionReport) -> str:
    lang = report.language
    if not report.removals_to_review:
        return (f"<section><h2>{_e(label('moderation_decisions', lang))}</h2><p>{_e(label('none', lang))}</p>"
                f"</section>")
    rows = []
    for r in report.removals_to_review:
        outcome = label("wrongful" if r.outcome == "wrongful" else "missed", lang)
        cls = " class='flag-wrongful'" if r.outcome == "wrongful" else ""
        rows.append(f"<tr{cls}><td>{_e(r.item.at)}</td><td>{_e(outcome)}</td><td>{_e(r.detail)}</td>"
                    f"<td>{_quote(r.item.quote, lang)}</td></tr>")
    return (f"<section><h2>{_e(label('moderation_decisions', lang))}</h2><div class='table-wrap'><table><thead><tr>"
            f"<th>{_e(label('time', lang))}</th><th>{_e(label('event', lang))}</th><th>{_e(label('reason', lang))}</th>"
            f"<th>{_e(label('text', lang))}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>")


def _timeline(report: AfterActionReport) -> str:
    lang = report.language
    rows = []
    for e in report.timeline:
        cls = f" class='flag-{e.flag}'" if e.flag in ("wrongful", "casualty") else ""
        flag = f" ({_e(label('wrongful', lang).lower())})" if e.flag == "wrongful" else ""
        rows.append(f"<tr{cls}><td>{_e(e.at)}</td><td>{_e(e.kind_label)}{flag}</td>"
                    f"<td>{_e(e.who_label)}</td><td>{_e(e.text)}</td></tr>")
    return (f"<section><h2>{_e(label('timeline', lang))}</h2><p class='rec'>{_e(label('timeline_note', lang))}</p>"
            f"<div class='table-wrap'><table><thead><tr><th>{_e(label('time', lang))}</th>"
            f"<th>{_e(label('event', lang))}</th><th>{_e(label('who', lang))}</th><th>{_e(label('text', lang))}</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>")

"""The history as one self-contained HTML file: the report's look, inline SVG, no scripts.

Each exercise comes first (the county's overview), with every municipality's name linking to
that team's own section further down the same file, so the whole history can be mailed as one
attachment and printed as is.
"""

from __future__ import annotations


from drill.history.charts import strip_chart, trend_chart
from drill.history.model import DimensionTrend, Exercise, FindingStreak, HistoryReport, TeamHistory
from drill.history.words import Words
from drill.terminal_text import html_text
from scoring.report.html import _CSS

_EXTRA_CSS = """
nav ul { margin: 4px 0; padding-left: 20px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 6px 16px; }
.better { color: var(--good); font-weight: 600; }
.worse { color: var(--bad); font-weight: 600; }
.quote { color: var(--muted); font-size: .92rem; }
.rank { color: var(--muted); font-size: .85rem; }
table.ranking th, table.ranking td { padding: 5px 4px; font-size: .85rem; }
table.ranking th.num { white-space: normal; }
table.ranking td.team { white-space: nowrap; }
.steps li { margin-bottom: 6px; }
"""


_e = html_text


def _quote(text: str, lang: str) -> str:
    return f"«{text}»" if lang != "en" else f"“{text}”"


def render_html(report: HistoryReport) -> str:
    words = Words(report.language)
    labels = {d.id: d.label for d in report.dimensions}
    labels["total"] = words("history.total")
    parts = [f'<!DOCTYPE html><html lang="{report.language}"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{_e(words('history.title'))}</title><style>{_CSS}{_EXTRA_CSS}</style></head><body><main>",
             f"<header><h1>{_e(words('history.title'))}</h1>"
             f"<p class=\"meta\">{_e(words('history.files_line', files=report.files, usable=report.usable, left_out=report.left_out))}</p>"
             "</header>", _contents(report, words)]
    parts += [_exercise(x, labels, words) for x in report.exercises]
    parts += [_team(team, labels, words) for team in report.teams]
    parts.append(_left_out(report, words))
    parts.append(f"<footer>{_e(words('history.footer'))}</footer></main></body></html>")
    return "\n".join(parts) + "\n"


def _contents(report: HistoryReport, words: Words) -> str:
    if not report.teams and not report.exercises:
        return f"<section><p>{_e(words('history.nothing_usable'))}</p></section>"
    items = []
    if report.exercises:
        links = "".join(f'<li><a href="#{x.anchor}">{_e(x.scenario_title)}</a> — '
                        f"{_e(words.count('history.teams_n', len(x.rows)))}</li>" for x in report.exercises)
        items.append(f"<p><strong>{_e(words('history.exercises'))}</strong></p><ul>{links}</ul>")
    links = "".join(f'<li><a href="#{t.anchor}">{_e(t.team)}</a> — {_e(words.count("history.drills_n", len(t.drills)))}</li>'
                    for t in report.teams)
    items.append(f"<p><strong>{_e(words('history.teams'))}</strong></p><ul>{links}</ul>")
    if report.incomparable:
        items.append(f'<p><a href="#left-out">{_e(words("history.left_out"))}</a> '
                     f"({len(report.incomparable)})</p>")
    return f"<nav><section><h2>{_e(words('history.contents'))}</h2>{''.join(items)}</section></nav>"


def _exercise(x: Exercise, labels: dict[str, str], words: Words) -> str:
    dims = [d for d in labels if d != "total"]
    head = "".join(f'<th class="num">{_e(labels[d])}</th>' for d in dims)
    rows = []
    for r in x.rows:
        cells = "".join(f'<td class="num">{_e(words.score(r.dimensions.get(d)))}'
                        f'{"" if r.ranks.get(d) is None else f" <span class=rank>({r.ranks[d]}.)</span>"}</td>'
                        for d in dims)
        rows.append(f'<tr><td class="num">{r.rank}</td><td class="team"><a href="#{r.anchor}">{_e(r.team)}</a></td>'
                    f'<td class="num"><strong>{_e(words.score(r.total))}</strong></td>{cells}</tr>')
    table = (f'<div class="table-wrap"><table class="ranking"><thead><tr><th class="num">#</th><th>{_e(words("history.col.team"))}</th>'
             f'<th class="num">{_e(words("history.col.total"))}</th>{head}'
             f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    strip_rows = [(s.label, s.values, s.median) for s in x.spread]
    desc = "; ".join(f"{s.label}: {words.score(s.min)}–{words.score(s.max)}, {words('history.median')} "
                     f"{words.score(s.median)}" for s in x.spread)
    chart = strip_chart(strip_rows, words("history.chart_spread"), desc, words("history.legend_team"),
                        words("history.median"))
    spread_rows = "".join(f'<tr><td>{_e(s.label)}</td><td class="num">{_e(words.score(s.min))}</td>'
                          f'<td class="num">{_e(words.score(s.median))}</td><td class="num">{_e(words.score(s.max))}</td></tr>'
                          for s in x.spread)
    spread = (f"<table><thead><tr><th>{_e(words('history.col.dimension'))}</th><th class=\"num\">{_e(words('history.min'))}</th>"
              f"<th class=\"num\">{_e(words('history.col.median'))}</th><th class=\"num\">{_e(words('history.max'))}</th></tr></thead>"
              f"<tbody>{spread_rows}</tbody></table>")
    if x.shared:
        shared = "".join(
            f"<li><strong>{_e(f.title)}</strong> — {_e(words('history.shared_count', n=f.teams, of=len(x.rows)))}"
            + (f"<br><span class=\"rec\">{_e(f.action)}</span>" if f.action else "") + "</li>" for f in x.shared)
        shared_html = f"<ol class=\"steps\">{shared}</ol>"
    else:
        shared_html = f"<p>{_e(words('history.shared_none'))}</p>"
    return (f'<section id="{x.anchor}"><h2>{_e(words("history.exercise_title", title=x.scenario_title))}</h2>'
            f"<p class=\"meta\">{_e(words('history.exercise_meta', seed=x.seed, teams=len(x.rows)))}</p>"
            f"<h3>{_e(words('history.ranking'))}</h3>{table}"
            f"<h3>{_e(words('history.spread'))}</h3><figure>{chart}</figure>{spread}"
            f"<h3>{_e(words('history.teach_next'))}</h3>{shared_html}</section>")


def _team(team: TeamHistory, labels: dict[str, str], words: Words) -> str:
    lang = words.language
    rows = "".join(
        f"<tr><td>{_e(words.date(d.date))}</td><td>{_e(d.scenario_title)}</td>"
        f"<td>{_e(words('history.kind.' + d.kind))}{_e(words('history.after_hours_mark')) if d.after_hours else ''}</td>"
        f'<td class="num"><strong>{_e(words.score(d.total))}</strong></td><td>{_e(d.grade or "–")}</td></tr>'
        for d in team.drills)
    drills = (f'<div class="table-wrap"><table><thead><tr><th>{_e(words("history.col.date"))}</th>'
              f'<th>{_e(words("history.col.scenario"))}</th><th>{_e(words("history.col.kind"))}</th>'
              f'<th class="num">{_e(words("history.col.total"))}</th><th>{_e(words("history.col.grade"))}</th></tr></thead>'
              f"<tbody>{rows}</tbody></table></div>")
    dates = [words.date(d.date)[:-5] if lang != "en" else d.date[5:10] for d in team.drills]
    total_points = list(zip(dates, [d.total for d in team.drills]))
    total_trend = next(t for t in team.trends if t.dimension == "total")
    total_chart = trend_chart(total_points, words("history.chart_total"), _trend_words(total_trend, labels, words))
    small = []
    for trend in team.trends:
        if trend.dimension == "total":
            continue
        points = list(zip(dates, [d.dimensions.get(trend.dimension) for d in team.drills]))
        small.append(f"<div>{trend_chart(points, labels[trend.dimension], _trend_words(trend, labels, words), width=300, height=140, small=True)}</div>")
    better = [t for t in team.trends if t.direction == "better"]
    not_better = [t for t in team.trends if t.direction != "better" and t.change is not None]
    if len(team.drills) < 2:
        development = f"<p>{_e(words('history.one_drill'))}</p>"
    else:
        development = (
            f"<figure><figcaption>{_e(words('history.chart_total'))}</figcaption>{total_chart}</figure>"
            f"<figure><figcaption>{_e(words('history.chart_dimensions'))}</figcaption>"
            f"<div class=\"grid\">{''.join(small)}</div></figure>"
            f"<h3>{_e(words('history.improved'))}</h3>{_trend_list(better, labels, words)}"
            f"<h3>{_e(words('history.not_improved'))}</h3>{_trend_list(not_better, labels, words)}")
    return (f'<section id="{team.anchor}"><h2>{_e(team.team)}</h2>'
            f"<p class=\"meta\">{_e(words.count('history.team_meta', len(team.drills), first=words.date(team.drills[0].date), last=words.date(team.drills[-1].date)))}</p>"
            f"{drills}"
            f"<h3>{_e(words('history.trends'))}</h3>{development}"
            f"<h3>{_e(words('history.recurring'))}</h3>{_streaks(team.recurring, 'recurring', words)}"
            f"<h3>{_e(words('history.gone'))}</h3>{_streaks(team.gone, 'gone', words)}"
            f"<h3>{_e(words('history.practised'))}</h3>{_practised(team, words)}"
            f"<h3>{_e(words('history.next'))}</h3><ol class=\"steps\">"
            + "".join(f"<li>{_e(step)}</li>" for step in team.next_steps) + "</ol></section>")


def _trend_words(trend: DimensionTrend, labels: dict[str, str], words: Words) -> str:
    label = labels[trend.dimension]
    if trend.change is None:
        return words("history.trend.single", label=label)
    return words(f"history.trend.{trend.direction}", label=label, first=words.score(trend.first),
                 last=words.score(trend.last), change=words.change(trend.change))


def _trend_list(trends: list[DimensionTrend], labels: dict[str, str], words: Words) -> str:
    if not trends:
        return f"<p>{_e(words('history.none'))}</p>"
    items = "".join(f'<li class="{t.direction}">{_e(_trend_words(t, labels, words))}</li>' for t in trends)
    return f"<ul>{items}</ul>"


def _streaks(streaks: list[FindingStreak], which: str, words: Words) -> str:
    if not streaks:
        return f"<p>{_e(words('history.none'))}</p>"
    items = []
    for s in streaks:
        text = words.count(f"history.{which}_line", s.drills, title=s.title, since=words.date(s.since))
        example = ""
        if s.example is not None:
            example = (f"<br><span class=\"quote\">{_e(words('history.example', at=s.example.at))} "
                       f"{_e(_quote(s.example.quote, words.language))}</span>")
        action = f"<br><span class=\"rec\">{_e(s.action)}</span>" if which == "recurring" and s.action else ""
        items.append(f"<li>{_e(text)}{example}{action}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _practised(team: TeamHistory, words: Words) -> str:
    rows = "".join(
        f"<tr><td>{_e(p.label)}</td><td>{_e(words.count('history.practised_yes', p.drills, last=words.date(p.last)) if p.last else words('history.practised_no'))}</td></tr>"
        for p in team.practised)
    return f"<table><tbody>{rows}</tbody></table>"


def _left_out(report: HistoryReport, words: Words) -> str:
    if not report.incomparable:
        return ""
    rows = "".join(f"<tr><td>{_e(i.file)}</td><td>{_e(i.detail)}</td></tr>" for i in report.incomparable)
    return (f'<section id="left-out"><h2>{_e(words("history.left_out"))}</h2><p>{_e(words("history.left_out_note"))}</p>'
            f"<table><thead><tr><th>{_e(words('history.col.file'))}</th><th>{_e(words('history.col.reason'))}</th></tr>"
            f"</thead><tbody>{rows}</tbody></table></section>")

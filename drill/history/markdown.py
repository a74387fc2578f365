"""The history as Markdown: the same sections as the HTML, tables instead of charts."""

from __future__ import annotations

from drill.history.model import HistoryReport
from drill.history.words import Words


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _quoted(text: str, words: Words) -> str:
    return f"“{_cell(text)}”" if words.language == "en" else f"«{_cell(text)}»"


def render_markdown(report: HistoryReport) -> str:
    words = Words(report.language)
    labels = {d.id: d.label for d in report.dimensions}
    out = [f"# {words('history.title')}", "",
           words("history.files_line", files=report.files, usable=report.usable, left_out=report.left_out), ""]
    for x in report.exercises:
        out += [f"## {_cell(words('history.exercise_title', title=x.scenario_title))}", "",
                words("history.exercise_meta", seed=x.seed, teams=len(x.rows)), ""]
        dims = list(labels)
        out.append("| # | " + " | ".join([words("history.col.team"), words("history.col.total"),
                                            words("history.col.grade"), *(labels[d] for d in dims)]) + " |")
        out.append("|---:|---|---:|---|" + "---:|" * len(dims))
        for r in x.rows:
            cells = [words.score(r.dimensions.get(d)) + (f" ({r.ranks[d]}.)" if r.ranks.get(d) else "") for d in dims]
            out.append(f"| {r.rank} | {_cell(r.team)} | {words.score(r.total)} | {_cell(r.grade or '–')} | "
                       + " | ".join(cells) + " |")
        out += ["", f"### {words('history.spread')}", "",
                f"| {words('history.col.dimension')} | {words('history.min')} | {words('history.col.median')} | "
                f"{words('history.max')} |", "|---|---:|---:|---:|"]
        out += [f"| {_cell(s.label)} | {words.score(s.min)} | {words.score(s.median)} | {words.score(s.max)} |"
                for s in x.spread]
        out += ["", f"### {words('history.teach_next')}", ""]
        out += [f"- **{_cell(f.title)}** — {words('history.shared_count', n=f.teams, of=len(x.rows))}"
                + (f". {f.action}" if f.action else "") for f in x.shared] or [words("history.shared_none")]
        out.append("")
    for team in report.teams:
        out += [f"## {_cell(team.team)}", "",
                words.count("history.team_meta", len(team.drills), first=words.date(team.drills[0].date),
                      last=words.date(team.drills[-1].date)), "",
                f"| {words('history.col.date')} | {words('history.col.scenario')} | {words('history.col.kind')} | "
                f"{words('history.col.total')} | {words('history.col.grade')} |", "|---|---|---|---:|---|"]
        out += [f"| {words.date(d.date)} | {_cell(d.scenario_title)} | {words('history.kind.' + d.kind)}"
                f"{words('history.after_hours_mark') if d.after_hours else ''} | {words.score(d.total)} | "
                f"{_cell(d.grade or '–')} |" for d in team.drills]
        out += ["", f"### {words('history.trends')}", ""]
        if len(team.drills) < 2:
            out.append(words("history.one_drill"))
        for t in team.trends if len(team.drills) > 1 else []:
            label = words("history.total") if t.dimension == "total" else labels[t.dimension]
            out.append("- " + (words("history.trend.single", label=label) if t.change is None else
                               words(f"history.trend.{t.direction}", label=label, first=words.score(t.first),
                                     last=words.score(t.last), change=words.change(t.change))))
        for which, streaks in (("recurring", team.recurring), ("gone", team.gone)):
            out += ["", f"### {words('history.' + which)}", ""]
            out += [f"- {_cell(words.count(f'history.{which}_line', s.drills, title=s.title, since=words.date(s.since)))}"
                    + (f" — {words('history.example', at=s.example.at)} {_quoted(s.example.quote, words)}" if s.example else "")
                    for s in streaks] or [words("history.none")]
        out += ["", f"### {words('history.practised')}", ""]
        out += [f"- {p.label}: " + (words.count("history.practised_yes", p.drills, last=words.date(p.last)) if p.last
                                    else words("history.practised_no")) for p in team.practised]
        out += ["", f"### {words('history.next')}", ""]
        out += [f"{i}. {_cell(step)}" for i, step in enumerate(team.next_steps, 1)]
        out.append("")
    if report.incomparable:
        out += [f"## {words('history.left_out')}", "", words("history.left_out_note"), "",
                f"| {words('history.col.file')} | {words('history.col.reason')} |", "|---|---|"]
        out += [f"| {_cell(i.file)} | {_cell(i.detail)} |" for i in report.incomparable]
        out.append("")
    return "\n".join(out) + "\n"

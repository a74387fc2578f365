"""The compact table `drill history` prints when no file is asked for.

Team names and file names are shown as recorded, with anything that is not printable (a
terminal escape sequence in a hand-made team name, say) replaced, so a name never moves the
cursor or recolours the terminal.
"""

from __future__ import annotations

from drill.history.model import HistoryReport
from drill.history.words import Words


def plain(text: str) -> str:
    return "".join(c if c.isprintable() else "\ufffd" for c in text)


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return [line(header).rstrip(), "  ".join("─" * w for w in widths), *(line(r).rstrip() for r in rows)]


def render_terminal(report: HistoryReport) -> str:
    words = Words(report.language)
    out = [words("history.title"),
           words("history.files_line", files=report.files, usable=report.usable, left_out=report.left_out),
           ""]
    if report.teams:
        rows = []
        for team in report.teams:
            total = next(t for t in team.trends if t.dimension == "total")
            latest = team.drills[-1]
            rows.append([plain(team.team), str(len(team.drills)), words.date(latest.date), plain(latest.scenario_title),
                         words.score(latest.total), words.change(total.change), str(len(team.recurring))])
        out += _table([words("history.col.team"), words("history.col.drills"), words("history.col.latest"),
                       words("history.col.scenario"), words("history.col.total"), words("history.col.change"),
                       words("history.col.recurring")], rows, {1, 4, 5, 6})
        for team in report.teams:
            if team.next_steps:
                out.append("")
                out.append(words("history.next_for", team=plain(team.team)))
                out += [f"  - {plain(step)}" for step in team.next_steps[:3]]
    for exercise in report.exercises:
        out += ["", words("history.exercise_line", title=plain(exercise.scenario_title), seed=exercise.seed,
                          teams=len(exercise.rows))]
        rows = [[str(r.rank), plain(r.team), words.score(r.total), plain(r.grade or "–")] for r in exercise.rows]
        out += _table(["#", words("history.col.team"), words("history.col.total"), words("history.col.grade")],
                      rows, {0, 2})
        if exercise.shared:
            out.append(words("history.shared_line", titles="; ".join(plain(f.title) for f in exercise.shared[:3])))
    if report.incomparable:
        out += ["", words("history.left_out")]
        out += [f"  {plain(item.file)}: {plain(item.detail)}" for item in report.incomparable]
    return "\n".join(out) + "\n"

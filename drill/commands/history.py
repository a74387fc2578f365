"""`drill history SESSIONS... [-o FILE.html] [--format html|md|json] [--lang nb|nn|en] [--team-name NAME]`.

One report over many drills: each team's results over time and, for a scenario several teams
ran with the same version and variant, all of them side by side. Files are read one at a time,
so a folder of a year's drills needs no more memory than one drill.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drill.errors import DrillError
from drill.history import history, render_json
from drill.history.cache import SummaryCache
from drill.history.html import render_html
from drill.history.markdown import render_markdown
from drill.history.model import HistoryReport
from drill.history.terminal import render_terminal
from drill.history.words import LANGUAGES_OFFERED
from drill.i18n import active_language, t

RENDERERS = {"html": render_html, "md": render_markdown, "json": render_json}

DESCRIPTION = """\
Reads session files (and every *.db under the folders given, recursively) one at a time.

Per team (the --team-name recorded when the drill was played, else the roster): the drills in
date order, the total and every dimension as trends, the findings that keep coming back and
those that went away, which kinds of drill have been practised, and what to practise next.

Per exercise (one scenario version and variant that two or more teams played): a ranked table,
the spread of results and the findings most teams share. In the HTML file each team's name
links to that team's own section further down the same file, so the overview and every
municipality's page travel as one self-contained file.

Files that cannot be compared (damaged, not finished, ended early, another version or variant
of an exercise's scenario) are listed with the reason. Without -o a compact table is printed.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("history", help="one report over many drills: each team over time, each exercise side by side",
                            description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sessions", metavar="SESSIONS", nargs="*", type=Path,
                        help="session files or folders of them (default: ./sessions)")
    parser.add_argument("-o", "--output", metavar="FILE", help="file to write (default: a table in the terminal)")
    parser.add_argument("--format", choices=tuple(RENDERERS),
                        help="html, md or json (default: html with -o, the terminal table without)")
    parser.add_argument("--lang", choices=LANGUAGES_OFFERED,
                        help="language of the report (default: DRILL_LANG, else the locale's)")
    parser.add_argument("--team-name", metavar="NAME", help="only this team (and the exercises it took part in)")
    parser.add_argument("--no-cache", action="store_true",
                        help="score every drill afresh (by default scores are remembered in ~/.cache/drill, "
                             "or $DRILL_CACHE_DIR, so the next history only scores new drills)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths: list[Path] = args.sessions or [Path("sessions")]
    for path in paths:
        if not path.exists():
            raise DrillError(t("history.cli.no_such", path=path))
    out = Path(args.output) if args.output and args.output != "-" else None
    if out is not None and out.is_dir():
        raise DrillError(t("history.cli.is_folder", path=out))
    cache = None if args.no_cache else SummaryCache()
    try:
        report = history(paths, args.lang or active_language(), cache=cache)
    finally:
        if cache is not None:
            cache.close()
    if args.team_name:
        report = only_team(report, args.team_name)
    if report.usable == 0:
        sys.stderr.write(render_terminal(report))
        raise DrillError(t("history.cli.nothing_usable", paths=", ".join(map(str, paths))))
    if out is None and args.format is None:
        sys.stdout.write(render_terminal(report))
        return 0
    fmt = args.format or "html"
    text = RENDERERS[fmt](report)
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise DrillError(t("history.cli.cannot_write", path=out, problem=error.strerror or error)) from None
    print(t("history.cli.written", path=out, format=fmt.upper(), n=report.usable), file=sys.stderr)
    return 0


def only_team(report: HistoryReport, name: str) -> HistoryReport:
    """The history of one team, with the exercises it took part in."""
    key = " ".join(name.split()).casefold()
    teams = [team for team in report.teams if " ".join(team.team.split()).casefold() == key]
    if not teams:
        known = ", ".join(team.team for team in report.teams) or "–"
        raise DrillError(t("history.cli.no_team", name=name, known=known))
    exercises = [x for x in report.exercises if any(r.anchor == teams[0].anchor for r in x.rows)]
    return report.model_copy(update={"teams": teams, "exercises": exercises, "usable": len(teams[0].drills)})

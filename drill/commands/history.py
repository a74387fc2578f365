"""`drill history SESSIONS... [-o FILE.html] [--format html|md|json] [--lang nb|nn|en] [--team-name NAME]`.

One report over many drills: each team's results over time and, for a scenario several teams
ran with the same version and variant, all of them side by side. Files are read one at a time,
so a folder of a year's drills needs no more memory than one drill.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from drill.commands._parser import LocalisedRawFormatter, help_text
from drill.errors import DrillError
from drill.history import history, render_json
from drill.history.cache import SummaryCache
from drill.history.html import render_html
from drill.history.markdown import render_markdown
from drill.history.model import HistoryReport
from drill.history.reading import default_workers
from drill.history.sessions import ReadCounts
from drill.history.terminal import render_terminal
from drill.history.words import LANGUAGES_OFFERED
from drill.i18n import active_language, number, plural, t

RENDERERS = {"html": render_html, "md": render_markdown, "json": render_json}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("history", help=help_text("cli.help.history"),
                            description=t("cli.help.history.description"),
                            formatter_class=LocalisedRawFormatter)
    parser.add_argument("sessions", metavar=t("cli.metavar.sessions"), nargs="*", type=Path,
                        help=help_text("cli.help.history.sessions"))
    parser.add_argument("-o", "--output", metavar=t("cli.metavar.file"), help=help_text("cli.help.history.output"))
    parser.add_argument("--format", choices=tuple(RENDERERS),
                        help=help_text("cli.help.history.format"))
    parser.add_argument("--lang", choices=LANGUAGES_OFFERED,
                        help=help_text("cli.help.history.lang"))
    parser.add_argument("--team-name", metavar=t("cli.metavar.name"), help=help_text("cli.help.history.team_name"))
    parser.add_argument("--no-cache", action="store_true",
                        help=help_text("cli.help.history.no_cache"))
    parser.add_argument("--workers", type=int, metavar="N", help=help_text("history.help.workers"))
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
    counts = ReadCounts()
    progress = Progress(sys.stderr)
    try:
        report = history(paths, args.lang or active_language(), cache=cache, workers=args.workers or default_workers(),
                         counts=counts, progress=progress)
    finally:
        progress.done()
        if cache is not None:
            cache.close()
    print(t("history.cli.counts", cached=number(counts.cached), scored=number(counts.scored),
            same=number(counts.same)), file=sys.stderr)
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
    print(plural("history.cli.written", report.usable, path=out, format=fmt.upper()), file=sys.stderr)
    return 0


class Progress:
    """How far a long history has come, on standard error: nothing for a run of a few seconds,
    then a line rewritten in place on a terminal (a line every ten seconds in a log)."""

    QUIET_S = 2.0

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._started = time.monotonic()
        self._shown = 0.0
        self._written = False

    def __call__(self, done: int, counts: ReadCounts) -> None:
        now = time.monotonic()
        if now - self._started < self.QUIET_S or now - self._shown < (0.5 if self._tty else 10.0):
            return
        self._shown = now
        line = t("history.cli.progress", done=number(done), scored=number(counts.scored))
        self._stream.write(f"\r{line}\x1b[K" if self._tty else line + "\n")
        self._stream.flush()
        self._written = True

    def done(self) -> None:
        if self._written and self._tty:
            self._stream.write("\r\x1b[K")
            self._stream.flush()


def only_team(report: HistoryReport, name: str) -> HistoryReport:
    """The history of one team, with the exercises it took part in.

    The other teams' drills stay in the history (the exercises rank the team against them), so
    the counts of files read, in the history and left out are the whole folder's."""
    key = " ".join(name.split()).casefold()
    teams = [team for team in report.teams if " ".join(team.team.split()).casefold() == key]
    if not teams:
        known = ", ".join(team.team for team in report.teams) or "–"
        raise DrillError(t("history.cli.no_team", name=name, known=known))
    exercises = [x for x in report.exercises if any(r.anchor == teams[0].anchor for r in x.rows)]
    return report.model_copy(update={"teams": teams, "exercises": exercises})

"""`drill report SESSION.db --format html|md|json -o FILE [--lang nb|en] [--compare OTHER.db]`.

Writes the after-action report of a session. The scenario comes from the session file
itself, so a report can be written long after the scenario file changed or disappeared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drill.commands._parser import help_text
from drill.errors import DrillError
from drill.history.cache import record_score
from drill.i18n import t
from scoring.report.build import build_report
from scoring.report.files import RENDERERS
from scoring.session import load_session
from drill.i18n import LANGUAGE_CODES


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help=help_text("cli.help.report"))
    parser.add_argument("session", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_file"))
    parser.add_argument("--format", choices=tuple(RENDERERS), default="html", help=help_text("cli.help.report.format"))
    parser.add_argument("-o", "--output", metavar=t("cli.metavar.file"), help=help_text("cli.help.report.output"))
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help=help_text("cli.help.report.lang"))
    parser.add_argument("--compare", metavar=t("cli.metavar.other_session"), help=help_text("cli.help.report.compare"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output) if args.output and args.output != "-" else None
    if out is not None and out.is_dir():
        raise DrillError(t("cli.report.folder", path=out))
    session = load_session(args.session)
    other = None
    if args.compare:
        previous = load_session(args.compare)
        if previous.scenario.id != session.scenario.id:
            raise DrillError(t("cli.report.other_scenario", path=args.compare, other=previous.scenario.title,
                               this=session.scenario.title))
        other = (previous.path.name, previous.scenario, previous.events)
    report = build_report(session.scenario, session.events, language=args.lang, file_name=session.path.name,
                          other=other)
    record_score(session.path, session.events, report.score)
    text = RENDERERS[args.format](report)
    if args.output is None and args.format == "html" and sys.stdout.isatty():
        # A terminal shows HTML as one long line of markup; the trainer wants the page, so it is
        # written where the app's `w` writes it, and the line below says where. `-o -` still prints.
        out = session.path.with_suffix(".html")
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise DrillError(t("cli.report.cannot_write", path=out, problem=error.strerror or error)) from None
    print(t("cli.report.written", path=out, format=args.format.upper()), file=sys.stderr)
    return 0

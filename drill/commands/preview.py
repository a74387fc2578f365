"""`drill preview SCENARIO`: the timeline as a table, or as an MSEL spreadsheet with --format csv.

A trainer checks a scenario the way they check an exercise plan: what comes when, from whom,
what it really is, what the scenario does if the team is slow, and how busy the feed gets.
The CSV export is the same plan as a spreadsheet; `drill import-msel` reads it back.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from drill.commands._parser import help_text
from drill.errors import DrillError
from drill.i18n import t
from drill.scenario import load_scenario
from drill.scenario.library import resolve_scenario
from drill.scenario.msel import export_msel
from drill.scenario.preview import preview_lines


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("preview", help=help_text("cli.help.preview"))
    parser.add_argument("scenario", metavar=t("cli.metavar.scenario"), help=help_text("cli.help.scenario_named"))
    parser.add_argument("--format", choices=("table", "csv"), default="table",
                        help=help_text("cli.help.preview.format"))
    parser.add_argument("--delimiter", choices=(";", ","), default=";",
                        help=help_text("cli.help.preview.delimiter"))
    parser.add_argument("-o", "--out", metavar=t("cli.metavar.file"), help=help_text("cli.help.preview.out"))
    parser.add_argument("--overwrite", action="store_true", help=help_text("cli.help.preview.overwrite"))
    parser.add_argument("--width", type=int, default=None, metavar=t("cli.metavar.width"),
                        help=help_text("cli.help.preview.width"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    scenario = load_scenario(resolve_scenario(args.scenario)).scenario
    if args.format == "csv":
        text = export_msel(scenario, delimiter=args.delimiter)
    else:
        width = args.width or shutil.get_terminal_size((120, 24)).columns
        text = "\n".join(preview_lines(scenario, width=max(width, 60))) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    if out.exists() and not args.overwrite:
        raise DrillError(t("cli.file_exists", path=out))
    try:
        # newline="" keeps the CSV's own CRLF line ends, which Excel expects.
        out.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise DrillError(t("cli.cannot_write", path=out, problem=error.strerror)) from None
    print(t("cli.wrote", path=out), file=sys.stderr)
    return 0

"""`drill import-msel FILE.csv [-o SCENARIO.yaml]`: a spreadsheet exercise plan as a scenario file.

Trainers plan exercises in spreadsheets (an MSEL: one row per inject). This reads such a
sheet as Excel saves it (semicolons or commas, decimal commas, UTF-8 with or without a
byte-order mark, or Excel's older Windows-1252 CSV), and writes a scenario that loads. Every
bad row is reported at once as `FILE.csv:ROW: column: message`, and nothing is written then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drill.errors import DrillError, InputFileError
from drill.i18n import number, plural, t
from drill.invocation import command_line
from drill.scenario.msel import import_msel
from drill.scenario.scaffold import modeline, schema_reference
from drill.yamlsource import MAX_FILE_BYTES

OPTIONS = ("id", "title", "kind", "language", "municipality", "followers", "starts", "duration")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import-msel", help="turn an MSEL spreadsheet (CSV) into a scenario file")
    parser.add_argument("file", metavar="FILE.csv", help="the spreadsheet saved as CSV")
    parser.add_argument("-o", "--out", metavar="SCENARIO.yaml", help="write the scenario here (default: the screen)")
    parser.add_argument("--overwrite", action="store_true", help="replace SCENARIO.yaml if it exists")
    group = parser.add_argument_group("scenario settings (override the rows above the table)")
    group.add_argument("--id", help="the scenario's id (default: from the title)")
    group.add_argument("--title", help="the scenario's title")
    group.add_argument("--kind", choices=("crisis", "reputation", "everyday"), help="default: crisis")
    group.add_argument("--language", choices=("nb", "en"), help="language of generated comments (default: nb)")
    group.add_argument("--municipality", metavar="NAME", help="the municipality's name")
    group.add_argument("--followers", metavar="N", help="followers of the municipality's page (default: 10000)")
    group.add_argument("--starts", metavar="DATETIME", help="when the story begins, e.g. '2026-11-03 10:55'")
    group.add_argument("--duration", metavar="DURATION", help="how long the drill lasts, e.g. 2h (default: from the rows)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    text, encoding_note = read_spreadsheet_text(path)
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not args.overwrite:
        raise DrillError(t("cli.file_exists", path=out))
    target = out if out is not None else Path.cwd() / "scenario.yaml"
    overrides = {name: getattr(args, name) for name in OPTIONS if getattr(args, name) is not None}
    result = import_msel(text, str(path), overrides=overrides, modeline=modeline(schema_reference(target)),
                         source_name=path.name)
    for note in [*encoding_note, *result.notes]:
        print(t("cli.msel.note", note=note), file=sys.stderr)
    if out is None:
        sys.stdout.write(result.yaml_text)
        return 0
    try:
        out.write_text(result.yaml_text, encoding="utf-8")
    except OSError as error:
        raise DrillError(t("cli.cannot_write", path=out, problem=error.strerror)) from None
    scenario = result.scenario
    print(t("cli.msel.wrote", path=out, title=scenario.title,
            injects=plural("cli.count.injects", len(scenario.injects)),
            streams=plural("cli.count.streams", len(scenario.streams)),
            triggers=plural("cli.count.triggers", len(scenario.triggers)),
            command=command_line("validate", out)), file=sys.stderr)
    return 0


def read_spreadsheet_text(path: Path) -> tuple[str, list[str]]:
    """The file's text; Excel's non-UTF-8 CSV (Windows-1252) is accepted with a note."""
    try:
        if path.is_dir():
            raise InputFileError([t("cli.msel.folder", path=path)])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError([t("cli.msel.missing", path=path)]) from None
    except OSError as error:
        raise InputFileError([t("cli.msel.unreadable", path=path, problem=error.strerror)]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputFileError([t("cli.msel.too_large", path=path, size=number(len(raw)), limit=number(MAX_FILE_BYTES))])
    if b"\x00" in raw:
        raise InputFileError([t("cli.msel.not_text", path=path)])
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), [t("cli.msel.not_utf8")]

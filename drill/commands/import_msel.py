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

from drill.commands._parser import help_text
from drill.errors import DrillError, InputFileError
from drill.i18n import number, plural, t
from drill.invocation import command_line
from drill.scenario.msel import import_msel
from drill.scenario.scaffold import modeline, schema_reference
from drill.yamlsource import MAX_FILE_BYTES

OPTIONS = ("id", "title", "kind", "language", "municipality", "followers", "starts", "duration")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import-msel", help=help_text("cli.help.import_msel"))
    parser.add_argument("file", metavar=t("cli.metavar.csv"), help=help_text("cli.help.import_msel.file"))
    parser.add_argument("-o", "--out", metavar=t("cli.metavar.scenario_yaml"), help=help_text("cli.help.import_msel.out"))
    parser.add_argument("--overwrite", action="store_true", help=help_text("cli.help.import_msel.overwrite"))
    group = parser.add_argument_group(t("cli.help.import_msel.settings"))
    group.add_argument("--id", metavar=t("cli.metavar.name"), help=help_text("cli.help.import_msel.id"))
    group.add_argument("--title", metavar=t("cli.metavar.text"), help=help_text("cli.help.import_msel.title"))
    group.add_argument("--kind", choices=("crisis", "reputation", "everyday"), help=help_text("cli.help.import_msel.kind"))
    group.add_argument("--language", choices=("nb", "nn", "en"), help=help_text("cli.help.import_msel.language"))
    group.add_argument("--municipality", metavar=t("cli.metavar.name"), help=help_text("cli.help.import_msel.municipality"))
    group.add_argument("--followers", metavar=t("cli.metavar.number"), help=help_text("cli.help.import_msel.followers"))
    group.add_argument("--starts", metavar=t("cli.metavar.datetime"), help=help_text("cli.help.import_msel.starts"))
    group.add_argument("--duration", metavar=t("cli.metavar.duration"), help=help_text("cli.help.import_msel.duration"))
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

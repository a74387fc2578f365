"""`drill new [--kind ...] [--lang ...] PATH`: start a scenario from a commented example.

The new file loads and validates as it is, explains every section in comments (Norwegian by
default), and points editors at the JSON Schema so keys are completed while typing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from drill.commands._parser import help_text
from drill.errors import DrillError
from drill.i18n import t
from drill.invocation import command_line
from drill.scenario.models import Language, ScenarioKind
from drill.scenario.scaffold import SCHEMA_NAME, schema_reference, write_scaffold


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help=help_text("cli.help.new"))
    parser.add_argument("path", metavar=t("cli.metavar.path"), help=help_text("cli.help.new.path"))
    parser.add_argument("--kind", choices=[k.value for k in ScenarioKind], default=ScenarioKind.crisis.value,
                        help=help_text("cli.help.new.kind"))
    parser.add_argument("--lang", choices=[lang.value for lang in Language], default=Language.nb.value,
                        help=help_text("cli.help.new.lang"))
    parser.add_argument("--schema", metavar=t("cli.metavar.schema"), help=help_text("cli.help.new.schema"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target = Path(args.path)
    if target.is_dir() or not target.name:
        raise DrillError(t("cli.new.folder", path=args.path, example=Path(args.path) / "min-ovelse.yaml"))
    if target.suffix.lower() not in (".yaml", ".yml"):
        target = target.with_name(target.name + ".yaml")
    write_scaffold(target, ScenarioKind(args.kind), Language(args.lang), schema=args.schema)
    print(t("cli.new.created", path=target, kind=t(f"kind.{args.kind}").lower(), language=t(f"language.{args.lang}"),
            validate=command_line("validate", target), preview=command_line("preview", target)))
    if args.schema is None and schema_reference(target) == SCHEMA_NAME and not (target.parent / SCHEMA_NAME).exists():
        print(t("cli.new.schema_hint", command=command_line("schema") + " > " + str(target.parent / SCHEMA_NAME)))
    return 0

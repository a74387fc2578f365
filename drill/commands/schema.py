"""`drill schema`: the JSON Schema of scenario files (or team scripts), for editors.

Shipped scenarios start with `# yaml-language-server: $schema=schema.json`, so editors
with the YAML language server complete keys and flag mistakes as the trainer types.
"""

from __future__ import annotations

import argparse
import json

from pydantic import BaseModel

from drill.commands._parser import help_text
from drill.scenario.models import Scenario
from drill.team.models import TeamScript


def schema_json(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("schema", help=help_text("cli.help.schema"))
    parser.add_argument("--team", action="store_true", help=help_text("cli.help.schema.team"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(schema_json(TeamScript if args.team else Scenario), end="")
    return 0

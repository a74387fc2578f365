"""Starting a new scenario from a commented example that loads as it is.

A trainer who has never seen the file format learns it best from a small, complete scenario
whose comments explain each section where it stands. The examples live as data files in
`drill/scenario/scaffolds/` (one per scenario kind and language); this module fills in the
few things that depend on where the file goes: its id, the start date, and the path editors
use to find the JSON Schema.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from drill.errors import DrillError
from drill.i18n import t
from drill.scenario.library import shipped_dir
from drill.scenario.models import Language, ScenarioKind
from drill.scenario.msel.cells import slug

SCAFFOLD_PACKAGE = "drill.scenario"
SCAFFOLD_FOLDER = "scaffolds"
DEFAULT_START_HOUR = 10
SCHEMA_NAME = "schema.json"


def schema_reference(target: Path) -> str:
    """Where the YAML language server should look for the schema, seen from `target`.

    Next to the shipped scenarios it is simply `schema.json`. Inside a checkout of drill a
    relative path to `scenarios/schema.json` keeps working when the checkout moves or is
    shared. Anywhere else it is `schema.json` beside the file, the name the schema is
    published under: a machine's absolute path would break as soon as the file is sent to
    a colleague, and `drill schema > schema.json` puts the schema there (`drill new` says so).
    """
    schema = (shipped_dir() / "schema.json").resolve()
    folder = target.resolve().parent
    if folder == schema.parent:
        return SCHEMA_NAME
    checkout = schema.parent.parent
    installed = schema.parent.name == "_shipped_scenarios"
    if not installed and folder.is_relative_to(checkout):
        return Path(os.path.relpath(schema, folder)).as_posix()
    return SCHEMA_NAME


def modeline(reference: str) -> str:
    return f"# yaml-language-server: $schema={reference}"


def scaffold_text(kind: ScenarioKind, language: Language, target: Path, *, schema: str | None = None,
                  today: datetime | None = None) -> str:
    template = (
        resources.files(SCAFFOLD_PACKAGE).joinpath(SCAFFOLD_FOLDER, f"{kind.value}.{language.value}.yaml")
        .read_text(encoding="utf-8")
    )
    replacements = {
        "@@MODELINE@@": modeline(schema or schema_reference(target)),
        "@@ID@@": slug(target.stem, max_length=64) or "ny-ovelse",
        "@@FILE@@": target.as_posix(),
        "@@STARTS@@": _start(today).isoformat(),
    }
    for marker, value in replacements.items():
        template = template.replace(marker, value)
    return template


def _start(today: datetime | None) -> datetime:
    """A week from today at ten o'clock, Norwegian time: a plausible exercise date."""
    zone = ZoneInfo("Europe/Oslo")
    base = (today or datetime.now(zone)).astimezone(zone) + timedelta(days=7)
    return base.replace(hour=DEFAULT_START_HOUR, minute=0, second=0, microsecond=0)


def write_scaffold(target: Path, kind: ScenarioKind, language: Language, *, schema: str | None = None) -> str:
    """Create the file; never replace an existing one (a trainer's work could be lost)."""
    text = scaffold_text(kind, language, target, schema=schema)
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise DrillError(t("cli.new.exists", path=target)) from None
    except FileNotFoundError:
        raise DrillError(t("cli.new.no_folder", path=target.parent)) from None
    except OSError as error:
        raise DrillError(t("cli.cannot_write", path=target, problem=error.strerror)) from None
    return text

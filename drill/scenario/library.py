"""Finding scenario files: the shipped library, and names given on the command line.

Shipped scenarios live in `scenarios/` in a checkout and inside the package in a wheel
(`drill/_shipped_scenarios`); either way a user can say `drill run gasslukt-torget`
instead of a path.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from drill.errors import DrillError
from drill.i18n import message

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def shipped_dir() -> Path:
    installed = _PACKAGE_DIR / "_shipped_scenarios"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "scenarios"


def shipped_scenarios() -> list[Path]:
    folder = shipped_dir()
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def shipped_team_scripts(scenario_id: str) -> list[Path]:
    folder = shipped_dir() / "teams"
    return sorted(folder.glob(f"{scenario_id}--*.yaml")) if folder.is_dir() else []


def resolve_scenario(name: str) -> Path:
    """A path as given, or the shipped scenario with that id or file name."""
    path = Path(name)
    if path.exists():
        return path
    for candidate in shipped_scenarios():
        if name in (candidate.stem, candidate.name):
            return candidate
    stems = [p.stem for p in shipped_scenarios()]
    close = difflib.get_close_matches(name, stems, n=1, cutoff=0.6)
    hint = message("check.did_you_mean", hint=close[0]) if close else ""
    raise DrillError(message("input.no_scenario", name=name, hint=hint, names=", ".join(stems) or message("check.none")))


def resolve_team_script(name: str, scenario_id: str) -> Path:
    """A path as given, or a shipped team script for the scenario (`good`, `poor`)."""
    path = Path(name)
    if path.exists():
        return path
    for candidate in shipped_team_scripts(scenario_id):
        if name in (candidate.stem, candidate.name, candidate.stem.split("--", 1)[1]):
            return candidate
    names = ", ".join(p.stem.split("--", 1)[1] for p in shipped_team_scripts(scenario_id)) or message("check.none")
    raise DrillError(message("input.no_team", name=name, scenario=scenario_id, names=names))

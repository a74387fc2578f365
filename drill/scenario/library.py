"""Finding scenario files: the shipped library, and names given on the command line.

Shipped scenarios live in `scenarios/` in a checkout and inside the package in a wheel
(`drill/_shipped_scenarios`); either way a user can say `drill run gasslukt-torget`
instead of a path.
"""

from __future__ import annotations

from pathlib import Path

from drill.errors import DrillError

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
    names = ", ".join(p.stem for p in shipped_scenarios()) or "none"
    raise DrillError(f"{name}: no such file, and no shipped scenario has that name (shipped: {names}).")


def resolve_team_script(name: str, scenario_id: str) -> Path:
    """A path as given, or a shipped team script for the scenario (`good`, `poor`)."""
    path = Path(name)
    if path.exists():
        return path
    for candidate in shipped_team_scripts(scenario_id):
        if name in (candidate.stem, candidate.name, candidate.stem.split("--", 1)[1]):
            return candidate
    names = ", ".join(p.stem.split("--", 1)[1] for p in shipped_team_scripts(scenario_id)) or "none"
    raise DrillError(f"{name}: no such file, and no shipped team script for '{scenario_id}' has that name (shipped: {names}).")

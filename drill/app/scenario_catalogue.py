"""Scenarios a user can pick: the shipped library and valid scenario files in a folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drill.errors import DrillError
from drill.scenario import LoadedScenario, load_scenario
from drill.scenario.library import shipped_scenarios


@dataclass(frozen=True)
class ScenarioEntry:
    loaded: LoadedScenario
    shipped: bool

    @property
    def path(self) -> Path:
        return Path(self.loaded.path)


def available_scenarios(folder: Path | None) -> list[ScenarioEntry]:
    """Shipped scenarios first, then `*.yaml` in `folder` that load as scenarios (others are skipped).

    A file that is a shipped scenario (running from a checkout's `scenarios/`) is listed once.
    """
    entries: list[ScenarioEntry] = []
    seen: set[Path] = set()
    for path in shipped_scenarios():
        entry = _entry(path, shipped=True)
        if entry is not None:
            entries.append(entry)
            seen.add(path.resolve())
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            if path.resolve() in seen:
                continue
            entry = _entry(path, shipped=False)
            if entry is not None:
                entries.append(entry)
    return entries


def _entry(path: Path, *, shipped: bool) -> ScenarioEntry | None:
    try:
        return ScenarioEntry(load_scenario(path), shipped)
    except DrillError:
        return None

"""Reading a session file for scoring: the events and the scenario stored inside it.

Reports must work without the original scenario file (it may have been edited or deleted
since the drill), so the scenario is always parsed from the text the session recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drill.errors import DrillError
from drill.events import Event
from drill.scenario.loader import parse_scenario
from drill.scenario.models import Scenario
from drill.store import SessionStore


@dataclass(frozen=True)
class Session:
    path: Path
    scenario: Scenario
    events: list[Event]


def load_session(path: Path | str) -> Session:
    path = Path(path)
    with SessionStore.open(path) as store:
        events = store.events()
        text = store.meta.get("scenario_text")
        origin = store.scenario_path or str(path)
    if not text:
        raise DrillError(f"{path}: the session file holds no scenario text, so it cannot be scored.")
    try:
        scenario = parse_scenario(text, f"{origin} (stored in {path.name})").scenario
    except DrillError as error:
        raise DrillError(f"{path}: the scenario stored in the session file is not valid:\n{error}") from None
    if not events:
        raise DrillError(f"{path}: the session file has no events yet; nothing to score.")
    return Session(path, scenario, events)

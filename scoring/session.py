"""Reading a session file for scoring: the events and the scenario stored inside it.

Reports must work without the original scenario file (it may have been edited or deleted
since the drill), so the scenario is always the one parsed from the text the session recorded
(parsed once on this machine, `drill.kept_scenarios`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drill.errors import DrillError
from drill.events import Event
from drill.i18n import message
from drill.kept_scenarios import stored_scenario
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
        scenario = stored_scenario(store)
    if not events:
        raise DrillError(message("walk.session.empty", path=path))
    return Session(path, scenario, events)

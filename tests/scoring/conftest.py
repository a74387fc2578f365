"""Fixtures for scoring tests: the gas scenario played by the good and poor teams, and a
small builder for synthetic sessions (a scenario plus hand-written events)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from drill.events import (
    ArchiveMarked,
    CounterfactualReach,
    DrillEnded,
    DrillStarted,
    DutyHandedOver,
    Event,
    ItemDeleted,
    ItemHidden,
    ItemLiked,
    ItemPosted,
    OfficialPostPublished,
    ReachUpdated,
    ReplyPosted,
)
from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.scenario.models import Labels, Scenario
from drill.team import load_team_script, run_team

ROOT = Path(__file__).resolve().parents[2]
GAS = ROOT / "scenarios" / "gasslukt-torget.yaml"
TEAMS = ROOT / "scenarios" / "teams"


@dataclass
class GasRun:
    path: Path
    scenario: Scenario
    events: list[Event]


def _play(team: str, folder: Path) -> GasRun:
    loaded = load_scenario(GAS)
    script = load_team_script(TEAMS / f"gasslukt-torget--{team}.yaml", loaded.scenario)
    path = folder / f"{team}.db"
    drill = LiveDrill.create(loaded, path, 1, overwrite=True)
    try:
        run_team(drill, script)
        events = list(drill.engine.events)
    finally:
        drill.close()
    return GasRun(path, loaded.scenario, events)


@pytest.fixture(scope="session")
def gas_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GasRun]:
    folder = tmp_path_factory.mktemp("gas")
    return {team: _play(team, folder) for team in ("good", "poor")}


def make_scenario(**changes: Any) -> Scenario:
    """A minimal valid scenario; keyword arguments replace top-level keys."""
    data: dict[str, Any] = {
        "id": "synthetic",
        "title": "Syntetisk øvelse",
        "kind": "crisis",
        "municipality": {"name": "Prøvevik kommune", "followers": 5000,
                         "official_link": "https://www.provevik.kommune.no/krise",
                         "switchboard": "+47 70 00 00 00", "email_domain": "provevik.kommune.no"},
        "starts": "2026-11-03T10:00:00+01:00",
        "duration": "2h",
        "team": ["Kari, kommunikasjon", "Ola, kommunikasjon"],
    }
    data.update(changes)
    return Scenario.model_validate(data)


@dataclass
class SessionBuilder:
    """Writes a drill's events by hand, in time order, as the engine would record them."""

    language: str = "nb"
    on_duty: str = "Kari, kommunikasjon"
    events: list[Event] = field(default_factory=list)
    _replies: int = 0
    _posts: int = 0

    def __post_init__(self) -> None:
        self._add(0.0, "system", DrillStarted(
            scenario_id="synthetic", scenario_title="Syntetisk øvelse", scenario_hash="sha256:0", seed=1,
            language=self.language, team=["Kari, kommunikasjon", "Ola, kommunikasjon"], on_duty=self.on_duty,
            engine_version=1))

    def _add(self, t: float, actor: str, payload: Any) -> None:
        self.events.append(Event(seq=len(self.events) + 1, t=t, actor=actor, payload=payload))

    def item(self, item_id: str, minute: float, text: str, kind: str = "question", *, channel: str = "comment",
             thread: str | None = None, spreads: bool = False, **labels: Any) -> SessionBuilder:
        self._add(minute * 60, "system", ItemPosted(
            item_id=item_id, channel=channel, author="Innbygger", author_role="citizen", text=text,
            thread_id=thread, parent_id=thread, source="inject", source_id=item_id,
            labels=Labels(kind=kind, **labels), spreads=spreads))
        return self

    def reply(self, item_id: str, minute: float, text: str, *, by: str | None = None, public: bool = True,
              corrects: list[str] | None = None, thread: str | None = None) -> SessionBuilder:
        self._replies += 1
        self._add(minute * 60, by or self.on_duty, ReplyPosted(
            reply_id=f"r{self._replies:04d}", item_id=item_id, thread_id=thread or item_id, text=text,
            public=public, corrects=corrects or []))
        return self

    def post(self, minute: float, text: str, *, link: str | None = None, corrects: list[str] | None = None,
             by: str | None = None) -> SessionBuilder:
        self._posts += 1
        self._add(minute * 60, by or self.on_duty, OfficialPostPublished(
            post_id=f"p{self._posts:03d}", text=text, link=link, corrects=corrects or []))
        return self

    def delete(self, item_id: str, minute: float, reason: str = "usaklig", note: str = "") -> SessionBuilder:
        self._add(minute * 60, self.on_duty, ItemDeleted(item_id=item_id, reason=reason, note=note))
        return self

    def hide(self, item_id: str, minute: float, reason: str = "personal_data", note: str = "") -> SessionBuilder:
        self._add(minute * 60, self.on_duty, ItemHidden(item_id=item_id, reason=reason, note=note))
        return self

    def like(self, item_id: str, minute: float) -> SessionBuilder:
        self._add(minute * 60, self.on_duty, ItemLiked(item_id=item_id))
        return self

    def archive(self, item_id: str, minute: float, note: str = "") -> SessionBuilder:
        self._add(minute * 60, self.on_duty, ArchiveMarked(item_id=item_id, note=note))
        return self

    def handover(self, minute: float, to: str) -> SessionBuilder:
        self._add(minute * 60, self.on_duty, DutyHandedOver(from_member=self.on_duty, to_member=to))
        self.on_duty = to
        return self

    def reach(self, item_id: str, minute: float, reached: int) -> SessionBuilder:
        self._add(minute * 60, "system", ReachUpdated(item_id=item_id, reached=reached, shares=reached // 10))
        return self

    def counterfactual(self, item_id: str, minute: float, *, actual: int, without: int, corrected_minute: float | None,
                       earlier_by_min: float, with_earlier: int) -> SessionBuilder:
        self._add(minute * 60, "system", CounterfactualReach(
            item_id=item_id, actual=actual, without_correction=without,
            corrected_at=None if corrected_minute is None else corrected_minute * 60,
            earlier_by=earlier_by_min * 60, with_earlier_correction=with_earlier))
        return self

    def end(self, minute: float) -> list[Event]:
        self._add(minute * 60, "system", DrillEnded(reason="time_up"))
        return self.events


@pytest.fixture
def session() -> type[SessionBuilder]:
    return SessionBuilder


@pytest.fixture
def scenario() -> Any:
    """`scenario(**changes)` builds a minimal valid scenario."""
    return make_scenario

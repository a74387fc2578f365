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

    def archive(self, item_id: str, minute: float, note: str = "", *, post: bool = False) -> SessionBuilder:
        self._add(minute * 60, self.on_duty, ArchiveMarked(item_id=item_id, note=note, post=post))
        return self

    def handover(self, minute: float, to: str) -> SessionBuilder:
        self._add(minute * 60, self.on_duty, DutyHandedOver(from_member=self.on_duty, to_member=to))
        self.on_duty = to
        return self

    def reach(self, item_id: str, minute: float, reached: int) -> SessionBuilder:
        self._add(minute * 60, "system", ReachUpdated(item_id=item_id, reached=reached, shares=reached // 10))
        return self

    def counterfactual(self, item_id: str, minute: float, *, actual: int, without: int, corrected_minute: float | None,
                       earlier_by_min: float, with_earlier: int,
                       without_curve: list[tuple[float, int]] | None = None,
                       earlier_curve: list[tuple[float, int]] | None = None) -> SessionBuilder:
        """Curves are (minute, people) pairs, as the spread model's replays record them."""
        self._add(minute * 60, "system", CounterfactualReach(
            item_id=item_id, actual=actual, without_correction=without,
            corrected_at=None if corrected_minute is None else corrected_minute * 60,
            earlier_by=earlier_by_min * 60, with_earlier_correction=with_earlier,
            without_curve=[(m * 60, n) for m, n in without_curve or []],
            earlier_curve=[(m * 60, n) for m, n in earlier_curve or []]))
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


# --- shipped scenarios played by shipped, stopped and adversarial teams ----------------------

SCENARIO_NAMES = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))

PASTED_LINE = "Takk for innspill. Hilsen Kari, kommunikasjonsavdelingen"
POLITE_NON_ANSWERS = (
    "Takk for at du tar kontakt, {first_name}! Vi setter stor pris på engasjementet ditt. "
    "Hilsen Kari, kommunikasjonsavdelingen",
    "Hei {first_name}, takk for innspillet – det er fint at du bryr deg. Ha en fin dag! "
    "Hilsen Kari, kommunikasjonsavdelingen",
    "Takk for meldingen, {first_name}. Vi har notert oss det du skriver. Hilsen Kari, kommunikasjonsavdelingen",
)
SPAM_POST = "Vi følger situasjonen og kommer tilbake med mer informasjon. Hilsen Kari, kommunikasjonsavdelingen"

AGREEING_REPLY = ("Ja, det stemmer dessverre. Vi følger med og kommer tilbake med mer så snart vi vet noe. "
                  "Hilsen Kari, kommunikasjonsavdelingen")

ADVERSARIES = ("canned", "polite", "agrees", "hide_critics", "post_spam", "delete_all", "silent", "end_early")


def _load_script(name: str, team: str, scenario: Scenario) -> Any:
    from drill.team.models import TeamScript

    if team == "silent":
        return TeamScript(name="Stille team", scenario=name)
    return load_team_script(TEAMS / f"{name}--{team}.yaml", scenario)


def adversarial_script(name: str, kind: str, scenario: Scenario) -> Any:
    """The shipped good team's script turned into a team that games the score one way.

    canned: every reply is the same pasted line. polite: every reply is a friendly non-answer.
    hide_critics: the good team, but every complaint is hidden. post_spam: no replies at all,
    only the same holding post every five minutes. delete_all: every comment deleted (the first
    60), nothing answered. silent: does nothing. end_early: the good team, ending the drill at a quarter.
    """
    from drill.team.models import Policy, PostSpec, TimedAction, TeamScript

    good = _load_script(name, "good", scenario)
    if kind == "silent":
        return _load_script(name, "silent", scenario)
    if kind == "agrees":
        # Fast, signed and polite, and wrong: every reply to a claim agrees with it.
        rumours = {i.id for i in scenario.injects if i.labels is not None and i.labels.kind == "rumour"}
        actions = [a.model_copy(update={"reply": a.reply.model_copy(update={"text": AGREEING_REPLY})})
                   if a.reply is not None and a.reply.to in rumours else a for a in good.actions]
        policies = [p.model_copy(update={"reply": AGREEING_REPLY})
                    if p.reply is not None and "rumour" in (p.when.kind or []) else p for p in good.policies]
        # Its official posts say nothing against the claims either.
        actions = [a.model_copy(update={"official_post": a.official_post.model_copy(update={"corrects": []})})
                   if a.official_post is not None else a for a in actions]
        return good.model_copy(update={"actions": actions, "policies": policies})
    if kind in ("canned", "polite"):
        texts = [PASTED_LINE] if kind == "canned" else list(POLITE_NON_ANSWERS)
        actions = []
        for index, action in enumerate(good.actions):
            if action.reply is not None:
                text = texts[index % len(texts)].replace("{first_name}", "")
                text = text.replace(", !", "!").replace("Hei ,", "Hei,").replace(", .", ".")
                action = action.model_copy(update={"reply": action.reply.model_copy(update={"text": text})})
            actions.append(action)
        policies = [p.model_copy(update={"reply": texts[i % len(texts)]}) if p.reply is not None else p
                    for i, p in enumerate(good.policies)]
        return good.model_copy(update={"actions": actions, "policies": policies})
    if kind == "hide_critics":
        # Bounded: hiding criticism provokes censorship outcries in some scenarios, which would be hidden too.
        hide = Policy(when={"kind": ["complaint"], "channel": ["comment"]}, after=60, hide="usaklig",
                      note="Usaklig kritikk skjult.", limit=25)
        return good.model_copy(update={"policies": [hide, *good.policies]})
    if kind == "post_spam":
        every = 300
        posts = [TimedAction(at=t, official_post=PostSpec(text=SPAM_POST, link=scenario.municipality.official_link))
                 for t in range(120, int(scenario.duration), every)]
        return TeamScript(name="Innleggsspam", scenario=name, actions=posts)
    if kind == "delete_all":
        # Bounded like hide_critics: every wrongful deletion can provoke a new outcry to delete.
        delete = Policy(when={"channel": ["comment"]}, after=60, delete="usaklig", note="Fjernet.", limit=60)
        return TeamScript(name="Sletter alt", scenario=name, policies=[delete])
    if kind == "end_early":
        return good.model_copy(update={"actions": [*good.actions,
                                                   TimedAction(at=0.25 * scenario.duration, end=True)]})
    raise ValueError(kind)


class Plays:
    """Plays shipped scenarios through the public path (LiveDrill + team runner, ending a drill
    early with the team's `end` action) and scores them; each play is made once per test run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._scenarios: dict[str, Any] = {}
        self._reports: dict[tuple[str, str, float | None], Any] = {}

    def scenario(self, name: str) -> Any:
        if name not in self._scenarios:
            self._scenarios[name] = load_scenario(ROOT / "scenarios" / f"{name}.yaml")
        return self._scenarios[name]

    def script(self, name: str, team: str) -> Any:
        scenario = self.scenario(name).scenario
        if team in ADVERSARIES:
            return adversarial_script(name, team, scenario)
        return _load_script(name, team, scenario)

    def events(self, name: str, team: str, stop_at: float | None = None) -> list[Event]:
        from drill.team.models import TimedAction

        loaded = self.scenario(name)
        script = self.script(name, team)
        if stop_at is not None:
            at = stop_at * loaded.scenario.duration
            script = script.model_copy(update={"actions": [*script.actions, TimedAction(at=at, end=True)]})
        path = self.folder / f"{name}-{team}-{stop_at}.db"
        drill = LiveDrill.create(loaded, path, 1, overwrite=True)
        try:
            run_team(drill, script)
            return list(drill.engine.events)
        finally:
            drill.close()
            path.unlink(missing_ok=True)

    def report(self, name: str, team: str, stop_at: float | None = None) -> Any:
        from scoring import score

        key = (name, team, stop_at)
        if key not in self._reports:
            self._reports[key] = score(self.scenario(name).scenario, self.events(name, team, stop_at))
        return self._reports[key]


@pytest.fixture(scope="session")
def plays(tmp_path_factory: pytest.TempPathFactory) -> Plays:
    return Plays(tmp_path_factory.mktemp("plays"))

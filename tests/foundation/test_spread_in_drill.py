"""The spread model inside a drill: reach events, reach-driven comments and counterfactuals."""

from __future__ import annotations

from pathlib import Path

from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.engine.spread.adapter import spread_for_scenario
from drill.events import CounterfactualReach
from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.team import load_team_script, run_team

ROOT = Path(__file__).resolve().parents[2]


def play_team(tmp_path: Path, team: str) -> LiveDrill:
    loaded = load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml")
    script = load_team_script(ROOT / "scenarios" / "teams" / f"gasslukt-torget--{team}.yaml", loaded.scenario)
    drill = LiveDrill.create(loaded, tmp_path / f"{team}.db", 1)
    run_team(drill, script)
    return drill


def impacts(drill: LiveDrill) -> dict[str, CounterfactualReach]:
    return {e.payload.item_id: e.payload for e in drill.engine.events if isinstance(e.payload, CounterfactualReach)}


def test_a_quick_correction_keeps_the_rumour_small(tmp_path: Path):
    good, poor = play_team(tmp_path, "good"), play_team(tmp_path, "poor")
    good_rumour, poor_rumour = impacts(good)["bomb-rumour"], impacts(poor)["bomb-rumour"]
    assert good_rumour.actual * 3 < poor_rumour.actual
    # Same draws: without any correction both drills would have seen the same rumour.
    assert good_rumour.without_correction == poor_rumour.without_correction == poor_rumour.actual
    assert good_rumour.corrected_at == 540 and poor_rumour.corrected_at is None
    assert poor_rumour.with_earlier_correction < poor_rumour.actual
    # Counterfactuals come just before the end, so every reader finds them in the log.
    assert good.engine.events[-1].type == "drill_ended"
    assert good.engine.events[-2].type == "counterfactual_reach"


def test_a_rumour_left_standing_fills_the_feed(tmp_path: Path):
    good, poor = play_team(tmp_path, "good"), play_team(tmp_path, "poor")

    def driven(drill: LiveDrill) -> int:
        return sum(1 for i in drill.state.items.values() if i.source_id == "rykte-reaksjoner")

    assert driven(poor) > 3 * max(1, driven(good))


def test_deleting_a_rumour_stops_its_spread(tmp_path: Path):
    loaded = load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml")
    left = DrillEngine(loaded.scenario, 1, spread_factory=spread_for_scenario)
    removed = DrillEngine(loaded.scenario, 1, spread_factory=spread_for_scenario)
    for engine in (left, removed):
        engine.start()
        engine.advance_to(7 * 60)
    removed.apply(act.Delete(item="bomb-rumour", reason="usaklig"))
    for engine in (left, removed):
        engine.advance_to(60 * 60)
    assert removed.state.reach["bomb-rumour"][0] < left.state.reach["bomb-rumour"][0]


def test_reach_does_not_depend_on_how_the_clock_is_driven():
    loaded = load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml")
    runs = []
    for steps in ([1800.0], [x * 7.3 for x in range(1, 247)] + [1800.0]):
        engine = DrillEngine(loaded.scenario, 2, spread_factory=spread_for_scenario)
        engine.start()
        for t in steps:
            if t >= 600 and not engine.state.official_posts:
                engine.advance_to(600)
                engine.apply(act.OfficialPost(text="Det er gass, ikke bombe.", corrects=["bomb-rumour"]))
            engine.advance_to(t)
        runs.append([e.deterministic_view() for e in engine.events])
    assert runs[0] == runs[1]
    assert any(e["payload"]["type"] == "reach_updated" for e in runs[0])


def test_the_last_reach_event_agrees_with_the_counterfactual(tmp_path: Path):
    drill = play_team(tmp_path, "poor")
    for rumour_id, impact in impacts(drill).items():
        assert drill.state.reach[rumour_id][0] == impact.actual, rumour_id

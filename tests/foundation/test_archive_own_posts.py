"""The team marks its own official posts (with their threads) for the archive, as it marks items.

The page's own posts are its publication and are archived as a rule (DIFI, rubric A2): the
engine accepts a post id, the event says it is a post, the state shows it, and a team script's
`archive: {item: p001}` is checked against the posts the script publishes before it.
"""

from __future__ import annotations

import pytest

from drill.engine import actions as act
from drill.engine.engine import ActionRejected, DrillEngine
from drill.events import ArchiveMarked, Event
from drill.scenario import parse_scenario
from drill.state import DrillState
from drill.summary import summarise
from drill.team.loader import team_problems
from drill.team.models import TeamScript
from tests.foundation.test_cli import run_cli
from tests.foundation.test_engine import SMALL


def _engine() -> DrillEngine:
    e = DrillEngine(parse_scenario(SMALL, "small.yaml").scenario, 1)
    e.start()
    e.advance_to(120)
    e.apply(act.OfficialPost(text="Vi undersøker saken. Hilsen Kari, komm"))
    return e


def test_the_engine_marks_an_official_post_and_says_it_is_a_post():
    e = _engine()
    forked = e.state.fork()
    e.apply(act.Archive(item="p001", note="vår publisering"))
    mark = e.events[-1].payload
    assert isinstance(mark, ArchiveMarked)
    assert (mark.item_id, mark.post, mark.note) == ("p001", True, "vår publisering")
    assert e.state.official_posts[0].archived
    assert not any(i.archived for i in e.state.items.values())
    assert not forked.official_posts[0].archived, "a fork shares posts and must not see a mark it was not given"
    assert DrillState.from_events(list(e.events)).official_posts[0].archived


def test_marking_a_post_twice_or_one_never_published_is_refused():
    e = _engine()
    e.apply(act.Archive(item="p001"))
    before = len(e.events)
    with pytest.raises(ActionRejected, match="already marked") as twice:
        e.apply(act.Archive(item="p001"))
    assert twice.value.reason == "already_archived"
    with pytest.raises(ActionRejected) as unknown:
        e.apply(act.Archive(item="p002"))
    assert unknown.value.reason == "no_item"
    assert len(e.events) == before


def test_an_item_mark_is_still_an_item_mark_and_old_files_read_as_items():
    e = _engine()
    e.apply(act.Archive(item="q"))
    assert e.events[-1].payload.post is False and e.state.items["q"].archived
    old = Event.model_validate({"seq": 9, "t": 60, "actor": "Kari", "payload": {"type": "archive_marked", "item_id": "q"}})
    assert isinstance(old.payload, ArchiveMarked) and old.payload.post is False


def test_the_summary_counts_a_marked_post():
    e = _engine()
    e.apply(act.Archive(item="q"))
    e.apply(act.Archive(item="p001"))
    assert summarise(list(e.events)).archived == 2


def _script(*actions: dict) -> TeamScript:
    return TeamScript.model_validate({"name": "Arkivteam", "actions": list(actions)})


def test_a_team_script_may_archive_a_post_it_has_published():
    scenario = parse_scenario(SMALL, "small.yaml").scenario
    post = {"at": "5m", "official_post": {"text": "Oppdatering"}}
    assert team_problems(_script(post, {"at": "6m", "archive": {"item": "p001"}}), scenario) == []
    assert team_problems(_script(post, {"at": "5m", "archive": {"item": "p001"}}), scenario) == []
    early = team_problems(_script(post, {"at": "4m", "archive": {"item": "p001"}}), scenario)
    assert [p.loc for p in early] == [("actions", 1, "archive", "item")]
    assert "p001" in early[0].message
    second = team_problems(_script(post, {"at": "9m", "archive": {"item": "p002"}}), scenario)
    assert [p.loc for p in second] == [("actions", 1, "archive", "item")]
    # Only archive takes a post: a like on p001 is still no item of the scenario.
    liked = team_problems(_script(post, {"at": "9m", "like": {"item": "p001"}}), scenario)
    assert [p.loc for p in liked] == [("actions", 1, "like", "item")]


def test_a_scenario_may_not_name_an_inject_as_the_team_names_its_posts(tmp_path, capsys, monkeypatch):
    """`archive p001` would mean the inject or the team's first post: the scenario is refused,
    naming the file, the line and the field, in the trainer's language."""
    monkeypatch.setenv("DRILL_LANG", "nb")
    path = tmp_path / "p.yaml"
    path.write_text(SMALL.replace("{id: crit, at: 2m", "{id: p001, at: 2m"), encoding="utf-8")
    code, _, err = run_cli(capsys, "run", str(path), "--out", str(tmp_path / "p.db"))
    assert code == 2
    assert f"{path}:10:6: injects[1].id: " in err
    assert "«p001» er navnet drill gir lagets egne offisielle innlegg" in err and "Traceback" not in err
    # Only the exact post names are taken: p1, p0001 and post-1 are no post's name.
    for ident in ("p1", "p0001", "post-1"):
        assert parse_scenario(SMALL.replace("{id: crit, at: 2m", f"{{id: {ident}, at: 2m"), "s.yaml")

"""The built-in crowd fits the drill: comments under a post follow the drill's kind, and a thanks
for a quick answer follows only a reply that was quick by the scenario's own target."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import pytest
from ruamel.yaml import YAML

from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.engine.reactions import CitizenReactions
from drill.events import ItemPosted
from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.models import Language, Scenario, ScenarioKind
from scoring.judge import judge_for
from tests.flood.replies import GOOD

QUICK = re.compile(r"rask|kjapp|snøgg|quick|fast|prompt", re.IGNORECASE)
"""Words that thank for the speed of an answer."""


@cache
def shipped(name: str) -> Scenario:
    return load_scenario(shipped_dir() / f"{name}.yaml").scenario


@cache
def voices() -> dict[str, dict[str, dict[str, list[str]]]]:
    """The built-in post comments per language, per drill kind (read from the file, as written)."""
    data = YAML(typ="safe").load(resources.files("drill.voices").joinpath("reactions.yaml").read_text("utf-8"))
    return {language: data[language]["post_comment"] for language in data}


def as_pattern(template: str) -> re.Pattern[str]:
    """A comment written from `template`: its words as they are, any text in its slots."""
    return re.compile(".+".join(re.escape(part) for part in re.split(r"\{\w+\}", template)), re.DOTALL)


def templates(language: Language, kind: ScenarioKind) -> set[str]:
    return {t for kinds in voices()[language.value][kind.value].values() for t in kinds}


def lines(language: Language, kind: ScenarioKind) -> list[re.Pattern[str]]:
    return [as_pattern(t) for t in templates(language, kind)]


def comments_under_a_post(name: str, language: Language) -> list[str]:
    """What a busy afternoon of comments under one post says in the shipped drill `name`."""
    scenario = shipped(name)
    scenario = scenario.model_copy(update={
        "language": language,
        "official_post_comments": scenario.official_post_comments.model_copy(update={"rate_per_hour": 600.0}),
    })
    planned = CitizenReactions(scenario, seed=3).under_post("p001", 0.0, 6 * 3600.0)
    assert len(planned) > 100
    return [p.text for p in planned]


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize(("name", "kind"), [("video-ansatt", ScenarioKind.reputation),
                                            ("barnehagesoknad-frist", ScenarioKind.everyday)])
def test_a_non_crisis_drill_draws_none_of_the_crisis_comments(name: str, kind: ScenarioKind,
                                                             language: Language) -> None:
    """A viral video and a deadline day were commented «Må vi holde vinduene lukket» and
    «Så mye blålys i {place}»: their comments now come from their own kind's lines only (an
    everyday drill shares a few plain ones, «Når kommer neste oppdatering?», with a crisis)."""
    assert shipped(name).kind == kind
    said = comments_under_a_post(name, language)
    crisis = [as_pattern(t) for t in templates(language, ScenarioKind.crisis) - templates(language, kind)]
    own = lines(language, kind)
    assert len(crisis) >= 10
    assert not [text for text in said if any(p.fullmatch(text) for p in crisis)]
    assert all(any(p.fullmatch(text) for p in own) for text in said)


@pytest.mark.parametrize("language", list(Language))
def test_a_crisis_drill_keeps_the_crisis_comments(language: Language) -> None:
    said = comments_under_a_post("gasslukt-torget", language)
    crisis = lines(language, ScenarioKind.crisis)
    assert all(any(p.fullmatch(text) for p in crisis) for text in said)


def sure_thanks(target: int | None, language: Language = Language.nb) -> CitizenReactions:
    """The gas drill, where every good reply is thanked, with the given reply target."""
    gas = shipped("gasslukt-torget")
    off = {k: 0.0 for k in ("follow_up", "angrier", "like", "accepts", "disputes")}
    scenario = gas.model_copy(update={
        "language": language,
        "reactions": gas.reactions.model_copy(update={**off, "thanks": 1.0}),
        "expectations": gas.expectations.model_copy(update={"reply_within": target}),
    })
    return CitizenReactions(scenario, seed=11)


def thanks(people: CitizenReactions, waited: float) -> list[str]:
    said = [p.text for n in range(300)
            for p in people.to_reply(f"q{n}", "Astrid Jørgensen", f"r{n}", "good", 600.0, 1, 0, waited=waited)]
    assert len(said) == 300
    return said


@pytest.mark.parametrize("language", list(Language))
def test_a_thanks_for_a_quick_answer_follows_only_a_reply_within_the_target(language: Language) -> None:
    """«Tusen takk for raskt svar!» thanked a team that answered after an hour."""
    people = sure_thanks(900, language)
    assert any(QUICK.search(text) for text in thanks(people, 900.0)), "a reply on target may be thanked for it"
    assert not [text for text in thanks(people, 901.0) if QUICK.search(text)]
    assert not [text for text in thanks(people, 3600.0) if QUICK.search(text)]


def test_without_a_reply_target_no_reply_is_thanked_for_its_speed() -> None:
    """The score's default target lives in the rubric, which the engine does not read."""
    assert not [text for text in thanks(sure_thanks(None), 30.0) if QUICK.search(text)]


def test_the_engine_measures_the_wait_from_when_the_comment_was_posted() -> None:
    """The gas drill's school question (4 minutes in, target 15 minutes), answered well on time
    and an hour late, over a few variants: only the timely answers may be thanked for their speed."""
    gas = shipped("gasslukt-torget")
    off = {k: 0.0 for k in ("follow_up", "angrier", "like", "accepts", "disputes")}
    scenario = gas.model_copy(update={"reactions": gas.reactions.model_copy(update={**off, "thanks": 1.0})})

    def thanked(at: float, seed: int) -> str:
        engine = DrillEngine(scenario, seed, judge=judge_for("nb"))
        engine.start()
        engine.advance_to(at)
        engine.apply(act.Reply(item="school-question", text=GOOD))
        engine.advance_to(at + 3600.0)
        return next(e.payload.text for e in engine.events
                    if isinstance(e.payload, ItemPosted) and e.payload.source_id == "thanks")

    seeds = range(1, 13)
    assert any(QUICK.search(thanked(600.0, seed)) for seed in seeds)
    assert not [seed for seed in seeds if QUICK.search(thanked(240.0 + 3600.0, seed))]

"""A repeating trigger is bounded: a cooldown between firings and a cap, both the scenario's to set."""

from __future__ import annotations

import pytest

from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.events import TriggerFired
from drill.scenario import parse_scenario
from drill.scenario.models import DEFAULT_REPEAT_CAP, DEFAULT_REPEAT_COOLDOWN, DeletionReason
from drill.errors import InputFileError

BASE = """\
id: censor
title: Censor
kind: reputation
municipality: {{name: Testvik kommune, followers: 1000}}
starts: 2026-11-03T10:55:00+01:00
duration: 2h
team: ["Kari, komm"]
streams:
  - {{id: crit, from: 0m, to: 2h, rate: {{per_minute: 2}}, mix: {{complaint: 1.0}}}}
triggers:
  - id: censorship
    when: {{wrongful_deletion: true}}
    after: 1m
    repeat: true
{extra}    then: [{{text: "Sensur!", labels: {{kind: complaint}}}}]
"""


def firings(extra: str = "") -> list[float]:
    """Delete every comment a minute after it appears; when did the trigger fire?"""
    engine = DrillEngine(parse_scenario(BASE.format(extra=extra), "censor.yaml").scenario, 3)
    engine.start()
    deleted: set[str] = set()
    t = 0.0
    while not engine.state.ended:
        t += 60.0
        engine.advance_to(t)
        for item in list(engine.state.items.values()):
            if item.visibility == "visible" and item.item_id not in deleted and item.labels.deletion_justified is not True:
                deleted.add(item.item_id)
                engine.apply(act.Delete(item=item.item_id, reason=DeletionReason.usaklig))
    return [e.t for e in engine.events if isinstance(e.payload, TriggerFired)]


def test_defaults_space_firings_and_cap_them() -> None:
    fired = firings()
    assert len(fired) == DEFAULT_REPEAT_CAP
    assert all(b - a >= DEFAULT_REPEAT_COOLDOWN for a, b in zip(fired, fired[1:]))


def test_the_scenario_sets_its_own_cooldown_and_cap() -> None:
    fired = firings("    cooldown: 2m\n    max_fires: 4\n")
    assert len(fired) == 4
    assert all(b - a >= 120 for a, b in zip(fired, fired[1:])) and fired[1] - fired[0] < DEFAULT_REPEAT_COOLDOWN


def test_unlimited_is_bounded_only_by_the_cooldown() -> None:
    fired = firings("    cooldown: 10m\n    max_fires: unlimited\n")
    assert len(fired) > DEFAULT_REPEAT_CAP
    assert all(b - a >= 600 for a, b in zip(fired, fired[1:]))


def test_cooldown_without_repeat_is_an_error() -> None:
    text = BASE.format(extra="    cooldown: 2m\n").replace("    repeat: true\n", "")
    with pytest.raises(InputFileError, match="only applies to a repeating trigger"):
        parse_scenario(text, "censor.yaml")


def test_lint_warns_about_an_unbounded_trigger_and_a_following_bigger_than_the_audience() -> None:
    from drill.scenario.lint import lint_scenario

    text = BASE.format(extra="    max_fires: unlimited\n").replace("followers: 1000", "followers: 1000000")
    messages = [w.message for w in lint_scenario(parse_scenario(text, "censor.yaml").scenario)]
    assert any("[unbounded-trigger]" in m and "up to 25 firings" in m for m in messages)
    assert any("[audience-sample]" in m and "1,000,000 followers" in m and "20,000 people" in m for m in messages)
    bounded = [w.message for w in lint_scenario(parse_scenario(BASE.format(extra=""), "censor.yaml").scenario)]
    assert not any("[unbounded-trigger]" in m or "[audience-sample]" in m for m in bounded)

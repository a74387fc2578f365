"""The app's pure parts: the feed model, the UI catalogues, formatting, the debrief's fallbacks."""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from drill.app.debrief_data import build_debrief
from drill.app.feed_model import FeedModel
from drill.app.formatting import duration_words, elapsed, reach_words, signature, waited, wall_clock
from drill.engine.actions import Delete, Reply, Unhide, Hide
from drill.i18n import areas
from drill.i18n import LANGUAGES, Catalogue, placeholders, use_language
from drill.live import LiveDrill
from drill.scenario.models import DeletionReason
from drill.summary import items_in_words, summarise

APP_SOURCES = Path(__file__).resolve().parents[2] / "drill" / "app"


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    assert set(LANGUAGES) == {"nb", "nn", "en"}
    nb = LANGUAGES["nb"]
    for language in ("nn", "en"):
        other = LANGUAGES[language]
        assert nb.keys() == other.keys(), language
        for key in nb:
            assert placeholders(nb[key]) == placeholders(other[key]), (language, key)


def test_every_area_module_speaks_all_three_languages_alike() -> None:
    """An area brings nb, nn and en with the same keys and placeholders, each under one prefix."""
    modules = [importlib.import_module(f"{areas.__name__}.{info.name}") for info in pkgutil.iter_modules(areas.__path__)]
    for module in modules:
        texts = module.TEXTS
        assert set(texts) == {"nb", "nn", "en"}, module.__name__
        for language in ("nn", "en"):
            assert texts["nb"].keys() == texts[language].keys(), (module.__name__, language)
            for key, text in texts["nb"].items():
                assert placeholders(text) == placeholders(texts[language][key]), (module.__name__, language, key)


def test_counted_texts_have_both_plural_forms() -> None:
    for key in LANGUAGES["nb"]:
        if key.endswith(".one"):
            assert key.removesuffix(".one") + ".other" in LANGUAGES["nb"], key


def test_nynorsk_is_not_bokmal_with_a_few_words_changed() -> None:
    nb, nn = LANGUAGES["nb"], LANGUAGES["nn"]
    long_texts = [key for key in nb if len(nb[key]) > 25]
    differing = [key for key in long_texts if nb[key] != nn[key]]
    assert len(differing) > 0.9 * len(long_texts)


def test_every_literal_key_used_by_the_app_exists() -> None:
    used: set[str] = set()
    for path in APP_SOURCES.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]*[a-z_]|signature)["']""", path.read_text(encoding="utf-8")))
    assert len(used) > 100
    assert used - LANGUAGES["nb"].keys() == set()


def test_dynamic_keys_cover_every_enum_value() -> None:
    from drill.scenario.models import Channel, Language, PersonaRole, ScenarioKind

    strings = LANGUAGES["nb"]
    for prefix, values in [("channel", Channel), ("reason", DeletionReason), ("role", PersonaRole),
                           ("kind", ScenarioKind), ("language", Language),
                           ("walk.picker.language_short", Language)]:
        for value in values:
            assert f"{prefix}.{value.value}" in strings
    for reason in ("time_up", "ended_by_team", "ended_by_trainer", "interrupted"):
        assert f"end_reason.{reason}" in strings


def test_catalogue_formats_numbers_and_refuses_unknown_keys() -> None:
    assert Catalogue("nb").number(12345) == "12 345"
    assert Catalogue("nn").number(1234567) == "1 234 567"
    assert Catalogue("en").number(12345) == "12,345"
    with pytest.raises(KeyError, match="missing from the en catalogue"):
        Catalogue("en")("no.such.key")
    with pytest.raises(ValueError):
        Catalogue("de")


def test_signatures_and_times_in_both_languages() -> None:
    starts = datetime(2026, 11, 3, 10, 55, tzinfo=timezone(timedelta(hours=1)))
    assert wall_clock(starts, 9 * 60 + 59) == "11:04"
    assert elapsed(3909) == "+1:05:09"
    use_language("nb")
    assert signature("Kari Nordmann, kommunikasjonsavdelingen", "x") == "Hilsen Kari, kommunikasjonsavdelingen"
    assert signature("Kari", "servicetorget") == "Hilsen Kari, servicetorget"
    assert waited(42) == "42 s" and waited(7 * 60 + 5) == "7 min" and waited(3900) == "1 t 5 min"
    assert duration_words(9000) == "2 t 30 min" and duration_words(7200) == "2 t"
    use_language("en")
    assert signature("Kari, communications", "x") == "Kind regards, Kari, communications"
    assert duration_words(7200) == "2 h"
    use_language("nb")


@pytest.mark.parametrize(("language", "once", "often"), [
    ("nb", "Nådd 1 person, delt 1 gang", "Nådd 3 personer, delt 2 ganger"),
    ("nn", "Nådde 1 person, delt 1 gong", "Nådde 3 personar, delt 2 gonger"),
    ("en", "Reached 1 person, shared 1 time", "Reached 3 people, shared 2 times"),
])
def test_a_rumours_reach_counts_people_and_shares_in_the_right_number(language: str, once: str, often: str) -> None:
    """The walk of the gas drill read «Nådd 3 personer, delt 1 ganger» under a rumour shared once."""
    use_language(language)
    try:
        assert reach_words(1, 1) == once
        assert reach_words(3, 2) == often
    finally:
        use_language("nb")


def test_the_summary_counts_one_comment_and_one_message_in_the_singular() -> None:
    """The debrief said '1 henvendelser' where `drill run` said '1 henvendelse': both now word it alike."""
    use_language("nb")
    one_each = replace(summarise([]), items=2, comments=1, messages=1)
    assert items_in_words(one_each) == "2 (1 kommentar, 1 henvendelse)"
    assert items_in_words(replace(one_each, items=505, comments=498, messages=7)) == "505 (498 kommentarer, 7 henvendelser)"


def test_feed_model_follows_replies_moderation_and_reading(gas, tmp_path: Path) -> None:  # noqa: ANN001
    live = LiveDrill.create(gas, tmp_path / "m.db", seed=1)
    model = FeedModel(live.state)
    live.listeners.append(model.apply)
    live.advance_to(6 * 60)
    assert model.rows[:2] == ["bomb-rumour", "first-alarm"]
    assert model.is_unanswered("alarm-thread-reply")
    # A reply in the thread answers what was posted in it before (as the engine counts it).
    live.act(Reply(item="first-alarm", text="Vi vet om det."))
    assert not model.is_unanswered("alarm-thread-reply") and not model.is_unanswered("first-alarm")
    assert model.rows[0] == "first-alarm"
    count = model.unanswered_count
    live.act(Hide(item="bomb-rumour", reason=DeletionReason.usaklig))
    assert model.unanswered_count == count - 1
    live.act(Unhide(item="bomb-rumour"))
    assert model.unanswered_count == count
    live.act(Delete(item="bomb-rumour", reason=DeletionReason.other, note="test"))
    assert not model.is_unanswered("bomb-rumour")
    assert not model.is_unanswered("smell-report"), "information needs no answer"
    first_waiting = min(i.t for i in live.state.waiting())
    assert model.oldest_waiting(live.state.now) == 6 * 60 - first_waiting > 0
    assert model.thread_unread("first-alarm")
    version = model.thread_version("first-alarm")
    model.mark_seen(["first-alarm", "alarm-thread-reply"])
    assert not model.thread_unread("first-alarm") and model.thread_version("first-alarm") > version
    rebuilt = FeedModel(live.state, live.engine.events)
    assert rebuilt.rows == model.rows and rebuilt.unanswered_count == model.unanswered_count
    assert rebuilt.inbox == model.inbox == ["police-cordon"]
    live.close()


def test_debrief_survives_a_failing_scorer(gas, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    def broken(scenario, events, language):  # noqa: ANN001, ANN202
        raise RuntimeError("rubric missing")

    monkeypatch.setattr("drill.app.debrief_data.scorer", lambda: broken)
    live = LiveDrill.create(gas, tmp_path / "d.db", seed=1)
    live.advance_to(600)
    debrief = build_debrief(gas.scenario, live.engine.events, "nb")
    assert debrief.score is None and debrief.score_problem == "RuntimeError: rubric missing"
    assert debrief.summary.items == len(live.state.items)
    live.close()


def test_both_connections_satisfy_the_protocol(gas, tmp_path: Path) -> None:  # noqa: ANN001
    from drill.app.connection import DrillConnection, LocalConnection, ReplayConnection

    live = LiveDrill.create(gas, tmp_path / "p.db", seed=1)
    local = LocalConnection(live)
    seen: list[int] = []
    local.add_listener(lambda events: seen.append(len(events)))
    assert isinstance(local, DrillConnection)
    assert local.tick(0) == [] and local.now == 0
    local.tick(90)
    assert local.now == 90 and sum(seen) == len(local.events) - 1, "every event after the start reaches listeners"
    local.close()
    replay = ReplayConnection.open(tmp_path / "p.db")
    assert isinstance(replay, DrillConnection) and replay.read_only and not local.read_only


def test_refusals_match_what_the_engine_refuses(gas, tmp_path: Path) -> None:  # noqa: ANN001
    """Every common refusal the engine makes reaches the console in the team's language."""
    from drill.refusals import explain
    from drill.engine.actions import Archive, Handover, Like, Restore
    from drill.engine.engine import ActionRejected
    from drill.i18n import nb, use_language

    use_language("nb")
    live = LiveDrill.create(gas, tmp_path / "r.db", seed=1)
    live.advance_to(13 * 60)
    live.act(Like(item="first-alarm"))
    live.act(Archive(item="first-alarm"))
    live.act(Hide(item="mayor-attack", reason=DeletionReason.personal_attack))
    live.act(Delete(item="bomb-rumour", reason=DeletionReason.usaklig))
    attempts = [
        Like(item="first-alarm"), Archive(item="first-alarm"), Hide(item="mayor-attack", reason=DeletionReason.usaklig),
        Hide(item="bomb-rumour", reason=DeletionReason.usaklig), Delete(item="bomb-rumour", reason=DeletionReason.usaklig),
        Unhide(item="first-alarm"), Restore(item="mayor-attack"), Reply(item="bomb-rumour", text="x"),
        Handover(to="Kari, kommunikasjonsavdelingen"), Delete(item="first-alarm", reason=DeletionReason.other),
    ]
    norwegian = set(nb.STRINGS.values())
    for action in attempts:
        with pytest.raises(ActionRejected) as caught:
            live.engine.apply(action)
        words = explain(caught.value)
        assert words != str(caught.value), action
        assert words in norwegian or words == nb.STRINGS["refusal.already_on_duty"].format(name="Kari"), action
    live.act(Like(item="mayor-attack"))  # nothing stands in the way of what the engine allows
    live.close()

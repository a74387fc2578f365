"""The host: the only writer of events, applying requests in order, exactly once, even across a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from drill.engine import actions as act
from drill.events import TRAINER, ClockChanged, ReplyPosted
from drill.live import LiveDrill
from drill.scenario import LoadedScenario
from drill.store import SessionStore
from drill.team_play.database import connect
from drill.team_play.host import TeamHost
from drill.team_play.presence import ROLE_SEAT, ROLE_TRAINER, HostBeacon, HostRunning
from drill.team_play.requests import RequestQueue
from drill.team_play.texts import worded

from .conftest import seat_signer, trainer_signer


def _host(path: Path, gas: LoadedScenario, clock, speed: float = 1.0) -> TeamHost:
    return TeamHost.create(gas, path, 7, speed=speed, clock=clock)


def test_requests_become_events_in_the_order_sent_under_each_members_name(tmp_path: Path, gas: LoadedScenario, fake_clock):
    clock = fake_clock
    host = _host(tmp_path / "s.db", gas, clock)
    queue = RequestQueue(connect(tmp_path / "s.db"))
    ola, kari = seat_signer(host, tmp_path / "s.db", "Ola, komm"), seat_signer(host, tmp_path / "s.db", "Kari, komm")
    first = ola.submit(act.Reply(item="first-alarm", text="Vi vet om saken."))
    second = kari.submit(act.OfficialPost(text="Gasslekkasje på Torget; hold avstand."))
    clock.advance(2)
    host.step()
    done = [queue.get(first), queue.get(second)]
    assert [r.state for r in done] == ["done", "done"]
    events = host.live.engine.events
    assert events[done[0].first_seq - 1].actor == "Ola, komm"
    assert events[done[0].first_seq - 1].type == "reply_posted"
    assert events[done[1].first_seq - 1].actor == "Kari, komm"
    assert done[0].last_seq < done[1].first_seq
    assert host.live.state.now == pytest.approx(2.0)
    host.close()


def test_a_refused_action_comes_back_with_the_engines_message(tmp_path: Path, gas: LoadedScenario, fake_clock):
    clock = fake_clock
    host = _host(tmp_path / "s.db", gas, clock)
    queue = RequestQueue(connect(tmp_path / "s.db"))
    request = seat_signer(host, tmp_path / "s.db", "Ola").submit(act.Reply(item="bomb-rumour", text="Det stemmer ikke."))
    host.step()
    refused = queue.get(request)
    assert refused.state == "rejected"
    # The refusal crosses the file as a reason; each seat reads it in its own language.
    assert worded(refused.message, "nb") == "Innlegget finnes ikke (ennå)."
    assert worded(refused.message, "nn") == "Innlegget finst ikkje (enno)."
    assert worded(refused.message, "en") == "There is no such post (yet)."
    assert not [e for e in host.live.engine.events if e.actor == "Ola"]
    host.close()


def test_only_the_trainer_runs_the_clock_and_the_host_honours_it(tmp_path: Path, gas: LoadedScenario, fake_clock):
    clock = fake_clock
    host = _host(tmp_path / "s.db", gas, clock)
    queue = RequestQueue(connect(tmp_path / "s.db"))
    from_seat = seat_signer(host, tmp_path / "s.db", "Ola").submit(act.SetClock(speed=1.0, paused=True))
    trainer = trainer_signer(tmp_path / "s.db", "Hege")
    host.step()
    assert queue.get(from_seat).state == "rejected"
    assert "Bare treneren" in worded(queue.get(from_seat).message, "nb")
    assert "Only the trainer" in worded(queue.get(from_seat).message, "en")

    trainer.submit(act.SetClock(speed=1.0, paused=True))
    host.step()
    paused_at = host.live.state.now
    assert host.live.engine.events[-1].actor == TRAINER
    clock.advance(30)
    host.step()
    assert host.live.state.now == paused_at, "a paused drill does not move"

    trainer.submit(act.SetClock(speed=10.0, paused=False))
    host.step()
    clock.advance(3)
    host.step()
    assert host.live.state.now == pytest.approx(paused_at + 30.0)
    assert [e.payload.paused for e in host.live.engine.events if isinstance(e.payload, ClockChanged)] == [True, False]
    host.close()


def test_start_speed_is_a_clock_event_so_a_resumed_drill_keeps_it(tmp_path: Path, gas: LoadedScenario, fake_clock):
    clock = fake_clock
    host = _host(tmp_path / "s.db", gas, clock, speed=30.0)
    clock.advance(10)
    host.step()
    assert host.live.state.now == pytest.approx(300.0)
    host.close()
    resumed = TeamHost.resume(tmp_path / "s.db", clock=clock)
    assert resumed.live.state.speed == 30.0
    resumed.close()


def test_one_host_at_a_time_and_a_restart_carries_on_from_the_clock(tmp_path: Path, gas: LoadedScenario, fake_clock):
    clock = fake_clock
    host = _host(tmp_path / "s.db", gas, clock, speed=10.0)
    clock.advance(50)  # 500 s simulated
    host.step()
    with pytest.raises(HostRunning, match="Another host"):
        TeamHost.resume(tmp_path / "s.db", clock=clock)
    host.close()  # stopped on purpose: the lease is free at once
    beat = HostBeacon(connect(tmp_path / "s.db")).read()
    assert beat is not None and beat.stopped and beat.now == pytest.approx(500.0)
    resumed = TeamHost.resume(tmp_path / "s.db", clock=clock)
    assert resumed.live.state.now == pytest.approx(500.0)
    recorded = SessionStore.open(tmp_path / "s.db").events()
    assert [e.deterministic_view() for e in recorded] == [e.deterministic_view() for e in resumed.live.engine.events]
    resumed.close()


def test_a_crash_between_writing_events_and_the_verdict_applies_nothing_twice(tmp_path: Path, gas: LoadedScenario, fake_clock):
    path = tmp_path / "s.db"
    clock = fake_clock
    host = _host(path, gas, clock)
    clock.advance(1)
    host.step()
    seat = RequestQueue(connect(path))
    ola, kari, jonas = (seat_signer(host, path, name) for name in ("Ola", "Kari", "Jonas"))
    written = ola.submit(act.Reply(item="first-alarm", text="Vi undersøker saken."))
    lost = kari.submit(act.Like(item="first-alarm"))
    late = jonas.submit(act.Archive(item="first-alarm"))
    # The host claims `written` and records its events, then dies before marking it done.
    host_queue = RequestQueue(connect(path))
    host_queue.claim(written, after_seq=len(host.live.engine.events))
    host.live.act(act.Reply(item="first-alarm", text="Vi undersøker saken."), by="Ola")
    # `lost` was claimed too, but nothing reached the log for it.
    host_queue.claim(lost, after_seq=len(host.live.engine.events))
    db = sqlite3.connect(path)
    db.execute("UPDATE host_heartbeat SET heartbeat = heartbeat - 60")  # the heartbeat stops
    db.commit()
    db.close()

    resumed = TeamHost.resume(path, clock=clock)
    assert seat.get(written).state == "done"
    assert seat.get(lost).state == "rejected" and "send det på nytt" in worded(seat.get(lost).message, "nb")
    assert seat.get(late).state == "rejected" and "ikke kjørte" in worded(seat.get(late).message, "nb")
    assert resumed.rejected_on_start == 1
    resumed.step()
    replies = [e for e in SessionStore.open(path).events() if isinstance(e.payload, ReplyPosted)]
    assert len(replies) == 1 and replies[0].seq == seat.get(written).first_seq
    resumed.close()


def test_a_session_recorded_before_team_play_can_be_hosted(tmp_path: Path, gas: LoadedScenario, fake_clock):
    path = tmp_path / "old.db"
    old = LiveDrill.create(gas, path, 2)
    old.advance_to(120)
    old.close()
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"meta", "events"}
    last_event_at = SessionStore.open(path).events()[-1].t
    host = TeamHost.resume(path, clock=fake_clock)
    # Without a heartbeat row, the clock carries on from the last recorded event.
    assert host.live.state.now == pytest.approx(last_event_at)
    host.close()
    with SessionStore.open(path) as store:
        assert store.meta["format_version"] == "1"
        assert store.last_seq() > 0

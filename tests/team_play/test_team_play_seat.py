"""Seats: they see each other within a second, say what they are writing, and get plain refusals."""

from __future__ import annotations

import io
import sqlite3
import time
from pathlib import Path

import pytest

from drill.engine import actions as act
from drill.engine.engine import ActionRejected
from drill.events import ReplyPosted
from drill.store import SessionFileError, SessionStore
from drill.team_play import database
from drill.team_play.host import TeamHost
from drill.team_play.plain import PlainConsole
from drill.team_play.presence import ACTIVITY_REPLY, ROLE_TRAINER, SeatTaken
from drill.team_play.grants import GrantRefused
from drill.team_play.seat import SeatConnection


def _wait_for(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _until_item(seat: SeatConnection, item_id: str) -> None:
    _wait_for(lambda: seat.tick() is not None and item_id in seat.state.items)


def test_two_seats_see_each_others_actions_within_a_second(hosted: Path):
    ola = SeatConnection(hosted, "Ola, kommunikasjonsavdelingen")
    kari = SeatConnection(hosted, "Kari, kommunikasjonsavdelingen")
    _until_item(ola, "first-alarm")
    sent = time.monotonic()
    events = ola.apply(act.Reply(item="first-alarm", text="Vi vet om saken og kommer tilbake."))
    assert [e.type for e in events] == ["reply_posted"]
    assert events[0].actor == "Ola, kommunikasjonsavdelingen"
    _wait_for(lambda: kari.tick() is not None and any(e.seq == events[0].seq for e in kari.events), 1.0)
    assert time.monotonic() - sent < 1.0
    assert kari.state.items["first-alarm"].replies[0].author == "Ola, kommunikasjonsavdelingen"
    ola.close()
    kari.close()


def test_a_late_seat_catches_up_with_the_whole_log(hosted: Path):
    early = SeatConnection(hosted, "Ola")
    _until_item(early, "smell-report")
    early.apply(act.Like(item="smell-report"))
    late = SeatConnection(hosted, "Ingrid, servicetorget")
    with SessionStore.open(hosted) as store:
        recorded = store.events(0)
    assert [e.seq for e in late.events[: len(recorded)]] == [e.seq for e in recorded]
    assert late.state.items["smell-report"].liked
    early.close()
    late.close()


def test_a_seat_tells_the_others_which_item_it_is_answering(hosted: Path):
    ola = SeatConnection(hosted, "Ola")
    kari = SeatConnection(hosted, "Kari")
    _until_item(kari, "first-alarm")
    ola.set_activity(ACTIVITY_REPLY, "first-alarm")
    busy = kari.busy_with("first-alarm")
    assert [(p.seat, p.activity) for p in busy] == [("Ola", ACTIVITY_REPLY)]
    assert ola.busy_with("first-alarm") == [], "a seat is not warned about itself"
    ola.set_activity("")
    assert kari.busy_with("first-alarm") == []
    ola.close()
    kari.close()


def test_a_name_in_use_is_refused_and_free_again_after_leaving_or_a_crash(hosted: Path):
    ola = SeatConnection(hosted, "Ola")
    with pytest.raises(GrantRefused, match="allerede tatt"):
        SeatConnection(hosted, "Ola")
    ola.close()
    again = SeatConnection(hosted, "Ola")
    # A crash leaves the row behind; once its heartbeat is stale the name is free.
    db = sqlite3.connect(hosted)
    db.execute("UPDATE presence SET heartbeat = heartbeat - 60 WHERE seat = 'Ola'")
    db.commit()
    db.close()
    rejoined = SeatConnection(hosted, "Ola")
    assert [p.seat for p in rejoined.seats()] == ["Ola"]
    rejoined.close()
    again._close_files()


def test_seats_see_the_host_go_and_nothing_is_sent_meanwhile(tmp_path: Path, gas, start_host):
    path = tmp_path / "s.db"
    host = start_host(lambda: TeamHost.create(gas, path, 1, speed=60.0))
    seat = SeatConnection(path, "Ola")
    assert seat.host_alive and not seat.paused
    host.stop()
    seat.tick()
    assert not seat.host_alive and seat.paused
    frozen = seat.now
    time.sleep(0.05)
    assert seat.now == frozen, "without a host the clock does not move"
    with pytest.raises(ActionRejected, match="Verten kjører ikke"):
        seat.apply(act.OfficialPost(text="Hei"))
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 0
    # The host comes back and the seat carries on.
    start_host(lambda: TeamHost.resume(path))
    _wait_for(lambda: seat.tick() is not None and seat.host_alive)
    assert seat.apply(act.OfficialPost(text="Gasslekkasje på Torget."))[0].actor == "Ola"
    seat.close()


def test_missing_corrupt_and_locked_files_give_plain_messages(tmp_path: Path, hosted: Path, monkeypatch):
    with pytest.raises(SessionFileError, match="no such session file"):
        SeatConnection(tmp_path / "nothing.db", "Ola")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    with pytest.raises(SessionFileError):
        SeatConnection(garbage, "Ola")
    monkeypatch.setattr(database, "LOCK_WAIT", 0.2)
    blocker = sqlite3.connect(hosted, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(SessionFileError, match="busy or locked"):
            SeatConnection(hosted, "Ola")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_the_plain_console_turns_lines_into_actions(hosted: Path):
    out = io.StringIO()
    seat = SeatConnection(hosted, "Ola")
    trainer = SeatConnection(hosted, "Hege", ROLE_TRAINER)
    _until_item(seat, "first-alarm")
    console = PlainConsole(seat, out)
    watcher = SeatConnection(hosted, "Kari")
    assert console.handle("reply first-alarm")
    assert [p.seat for p in watcher.busy_with("first-alarm")] == ["Ola"]
    assert console.handle("Vi er på saken.")
    assert console.handle("pause")  # not a seat's command
    assert console.handle("hide first-alarm rudeness")
    assert not console.handle("quit")
    text = out.getvalue()
    assert "svarte på first-alarm: Vi er på saken." in text
    assert "ukjent kommando «pause»" in text
    assert "bruk: hide ITEM GRUNN [NOTAT]  (grunner: usaklig, personangrep" in text
    assert watcher.busy_with("first-alarm") == []

    control = PlainConsole(trainer, io.StringIO())
    control.handle("note first-alarm Godt svar, men mangler lenke")
    control.handle("fire bomb-rumour")
    _wait_for(lambda: watcher.tick() is not None and "bomb-rumour" in watcher.state.items)
    trainer.tick()
    assert trainer.state.notes[-1].item_id == "first-alarm"
    replies = [e for e in watcher.events if isinstance(e.payload, ReplyPosted)]
    assert [(e.actor, e.payload.text) for e in replies] == [("Ola", "Vi er på saken.")]
    for connection in (seat, trainer, watcher):
        connection.close()

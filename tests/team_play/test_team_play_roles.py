"""Roles are granted by the host, not claimed by a row: forged, unsigned, replayed and
impersonating requests are refused, and the trainer's console is told."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from drill.cli import main
from drill.engine import actions as act
from drill.events import ClockChanged
from drill.scenario import LoadedScenario
from drill.team_play.database import connect
from drill.team_play.grants import (
    DH_PRIME,
    TRAINER_GRANT,
    GrantRefused,
    host_key_path,
    sign,
    trainer_key_path,
)
from drill.team_play.host import TeamHost
from drill.team_play.presence import HostBeacon
from drill.team_play.requests import RequestQueue
from drill.team_play.seat import SeatConnection
from drill.team_play.texts import worded

from .conftest import seat_signer, trainer_signer


def _host(path: Path, gas: LoadedScenario, clock) -> TeamHost:
    return TeamHost.create(gas, path, 7, speed=10.0, clock=clock)


def _forge(path: Path, seat: str, role: str, action_json: str, grant_id=None, counter=None, mac=None) -> int:
    """What any process that can write the file can do: insert a row by hand."""
    db = sqlite3.connect(path)
    cursor = db.execute(
        "INSERT INTO requests (wall, seat, role, action, grant_id, counter, mac) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (time.time(), seat, role, action_json, grant_id, counter, mac),
    )
    db.commit()
    db.close()
    return int(cursor.lastrowid)


SPEED_UP = '{"type": "set_clock", "speed": 1000.0, "paused": false}'


def test_a_forged_trainer_row_is_refused_and_shown_to_the_trainer(tmp_path: Path, gas, fake_clock):
    path = tmp_path / "s.db"
    host = _host(path, gas, fake_clock)
    notices: list[str] = []
    host.notices.append(notices.append)
    ola = seat_signer(host, path, "Ola")
    queue = RequestQueue(connect(path))
    forged = [
        _forge(path, "trainer", "trainer", SPEED_UP),  # unsigned, role column says trainer
        _forge(path, "trainer", "trainer", SPEED_UP, TRAINER_GRANT, 5, "0" * 64),  # a made-up signature
        # Ola's own key, but claiming the trainer's grant: the host derives the key from its record.
        _forge(path, "trainer", "trainer", SPEED_UP, TRAINER_GRANT, 6, sign(ola.credentials.key, 0, 6, SPEED_UP)),
        # Ola signing as Ola, but with the role column saying trainer: refused as a seat's request.
        ola.queue.submit("trainer", "trainer", act.SetClock(speed=1000.0), grant_id=ola.credentials.grant_id,
                         key=ola.credentials.key, counter=99),
    ]
    host.step()
    states = [queue.get(i).state for i in forged]
    assert states == ["forged", "forged", "forged", "rejected"]
    assert "Bare treneren" in worded(queue.get(forged[3]).message, "nb")
    assert not [e for e in host.live.engine.events if isinstance(e.payload, ClockChanged) and e.payload.speed == 1000]
    assert len(notices) == 3 and all("AVVIST" in line for line in notices)
    # The trainer's console lists them.
    trainer = SeatConnection(path, "trainer", "trainer", credentials=trainer_signer(path).credentials)
    assert [r.id for r in trainer.forged()] == forged[:3]
    assert trainer.forged_count() == 3
    trainer._close_files()
    host.close()


def test_a_replayed_or_altered_row_is_refused(tmp_path: Path, gas, fake_clock):
    path = tmp_path / "s.db"
    host = _host(path, gas, fake_clock)
    trainer = trainer_signer(path)
    first = trainer.submit(act.SetClock(speed=2.0, paused=False))
    host.step()
    queue = RequestQueue(connect(path))
    original = queue.get(first)
    assert original.state == "done"
    replay = _forge(path, "trainer", "trainer", original.action_json, TRAINER_GRANT, original.counter, original.mac)
    altered = _forge(path, "trainer", "trainer", SPEED_UP, TRAINER_GRANT, original.counter + 1, original.mac)
    host.step()
    assert queue.get(replay).state == "forged" and "gjentatt" in queue.get(replay).message
    assert queue.get(altered).state == "forged"
    host.close()
    # A resumed host remembers the counters too.
    resumed = TeamHost.resume(path, clock=fake_clock)
    again = _forge(path, "trainer", "trainer", original.action_json, TRAINER_GRANT, original.counter, original.mac)
    resumed.step()
    assert queue.get(again).state == "forged"
    resumed.close()


def test_trainer_and_roster_names_cannot_be_taken(tmp_path: Path, gas, fake_clock):
    path = tmp_path / "s.db"
    host = _host(path, gas, fake_clock)
    roster = gas.scenario.team[0]
    for name in ("trainer", " Trainer ", "TRENER"):
        with pytest.raises(GrantRefused, match="forbeholdt"):
            seat_signer(host, path, name)
    holder = seat_signer(host, path, roster)
    assert holder.credentials.member == roster
    with pytest.raises(GrantRefused, match="allerede tatt"):
        seat_signer(host, path, roster.upper())
    # The name sticks with its holder even when its seat has gone quiet.
    with pytest.raises(GrantRefused, match="allerede tatt"):
        seat_signer(host, path, roster)
    # A seat's reply is logged under the name the host granted, whatever the row's seat column says.
    reply = holder.queue.submit("Someone else", "seat", act.OfficialPost(text="Vi følger med."),
                                grant_id=holder.credentials.grant_id, key=holder.credentials.key, counter=1)
    host.step()
    done = RequestQueue(connect(path)).get(reply)
    assert host.live.engine.events[done.first_seq - 1].actor == roster
    host.close()


def test_a_reader_of_the_file_cannot_learn_a_seat_key(tmp_path: Path, gas, fake_clock):
    path = tmp_path / "s.db"
    host = _host(path, gas, fake_clock)
    ola = seat_signer(host, path, "Ola")
    dump = b"".join(Path(f"{path}{suffix}").read_bytes() for suffix in ("", "-wal") if Path(f"{path}{suffix}").exists())
    assert ola.credentials.key.hex().encode() not in dump and ola.credentials.key not in dump
    trainer_key = bytes.fromhex(trainer_key_path(path).read_text().strip())
    assert trainer_key.hex().encode() not in dump
    for key_file in (host_key_path(path), trainer_key_path(path)):
        assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    host.close()


def test_the_handshake_group_is_a_safe_prime():
    def probably_prime(n: int) -> bool:
        d, r = n - 1, 0
        while d % 2 == 0:
            d, r = d // 2, r + 1
        for a in (2, 3, 5, 7, 11, 13, 17):
            x = pow(a, d, n)
            if x in (1, n - 1):
                continue
            for _ in range(r - 1):
                x = pow(x, 2, n)
                if x == n - 1:
                    break
            else:
                return False
        return True

    assert DH_PRIME.bit_length() == 2048
    assert probably_prime(DH_PRIME) and probably_prime((DH_PRIME - 1) // 2)


def test_join_as_trainer_is_refused(capsys, hosted: Path):
    for name in ("trainer", "Trainer", " trener "):
        code = main(["join", str(hosted), "--as", name, "--plain"])
        err = capsys.readouterr().err
        assert code == 2 and err.startswith(f"drill: {hosted}: ") and "reserved" in err


def test_control_without_the_trainer_key_is_refused(capsys, hosted: Path, monkeypatch):
    monkeypatch.delenv("DRILL_TRAINER_KEY", raising=False)
    trainer_key_path(hosted).rename(f"{hosted}.moved")
    code = main(["control", str(hosted), "--plain"])
    assert code == 2 and "trainer key was not found" in capsys.readouterr().err
    monkeypatch.setenv("DRILL_TRAINER_KEY", "not a key")
    code = main(["control", str(hosted), "--plain"])
    assert code == 2 and "not valid" in capsys.readouterr().err


def test_resume_sees_a_dead_host_at_once(tmp_path: Path, gas, fake_clock):
    path = tmp_path / "s.db"
    host = _host(path, gas, fake_clock)
    host.step()
    db = sqlite3.connect(path)
    db.execute("UPDATE host_heartbeat SET pid = 2147483646")  # the host's process is gone (kill -9)
    db.commit()
    db.close()
    beat = HostBeacon(connect(path)).read()
    assert beat is not None and beat.alive(time.time()), "its heartbeat is still fresh"
    resumed = TeamHost.resume(path, clock=fake_clock)  # no waiting for the heartbeat to go stale
    resumed.close()
    host._db.close()
    host.live.close()


def test_overwrite_refuses_a_file_in_use(capsys, hosted: Path):
    code = main(["host", "gasslukt-torget", "--out", str(hosted), "--overwrite"])
    err = capsys.readouterr().err
    assert code == 2 and "in use" in err and str(hosted) in err


def test_the_lobby_holds_the_clock_until_the_trainer_starts_and_duty_goes_to_someone_present(tmp_path: Path, gas,
                                                                                              fake_clock):
    from drill.team_play.host import START_DRILL
    from drill.team_play.presence import PresenceBoard

    path = tmp_path / "s.db"
    host = TeamHost.create(gas, path, 7, speed=5.0, clock=fake_clock, lobby=True)
    kari = seat_signer(host, path, "Kari")  # joined under her own name; not the roster's spelling
    PresenceBoard(connect(path)).join("Kari", "seat", "kari-instance")
    fake_clock.advance(60)
    host.step()
    assert host.live.state.now == 0.0, "the clock stands still in the lobby"
    queue = RequestQueue(connect(path))
    early = kari.submit(act.OfficialPost(text="Vi følger med."))
    host.step()
    assert queue.get(early).state == "rejected" and "ikke startet" in worded(queue.get(early).message, "nb")
    absent_first = gas.scenario.team[0]
    assert host.live.state.on_duty == absent_first
    start = trainer_signer(path).submit({"type": START_DRILL, "mapping": {gas.scenario.team[1]: kari.credentials.grant_id}})
    host.step()
    assert queue.get(start).state == "done"
    assert host.live.state.on_duty == gas.scenario.team[1], "duty goes to the member who is here"
    fake_clock.advance(2)
    host.step()
    assert host.live.state.now == pytest.approx(10.0), "the clock runs from the start, not from the host's start"
    reply = kari.submit(act.OfficialPost(text="Gasslekkasje; hold avstand."))
    host.step()
    assert host.live.engine.events[queue.get(reply).first_seq - 1].actor == gas.scenario.team[1]
    host.close()

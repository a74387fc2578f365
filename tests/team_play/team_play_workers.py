"""Process entry points for the concurrency test (spawned processes import them by name)."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from drill.engine import actions as act
from drill.scenario import load_scenario
from drill.team_play.database import connect
from drill.team_play.host import TeamHost
from drill.team_play.presence import ROLE_SEAT
from drill.team_play.requests import RequestQueue
from drill.team_play.grants import Credentials
from drill.team_play.seat import SeatConnection

NO_HOST_NEEDED = Credentials(1, bytes(32), "Ola")
"""The lock tests hold a seat without a host; its key is never used to sign anything."""


HOST_SPEED = 300.0
"""Five simulated minutes (the longest gap between the scenario's early injects) per real second."""
PAUSE_BETWEEN_WAITED = 0.3
"""Real seconds between a seat's one-by-one actions: its actions span over a simulated gap."""


def host_process(scenario: str, path: str, ready, stop) -> None:
    host = TeamHost.create(load_scenario(scenario), path, 11, speed=HOST_SPEED)
    ready.set()
    try:
        while not stop.is_set():
            host.step()
            time.sleep(0.01)
    finally:
        host.close()


def seat_process(path: str, seat: str, bursts: int, waited: int) -> dict:
    """Send `bursts` requests as fast as possible, then `waited` more one by one through apply."""
    connection = SeatConnection(path, seat)
    deadline = time.monotonic() + 20
    while "first-alarm" not in connection.state.items:
        assert time.monotonic() < deadline
        time.sleep(0.01)
        connection.tick()
    queue = RequestQueue(connect(path))
    sent: list[tuple[int, str]] = []
    for index in range(bursts):
        text = f"{seat} #{index}"
        sent.append((connection.submit(act.Reply(item="first-alarm", text=text)), text))
    for index in range(bursts, bursts + waited):
        time.sleep(PAUSE_BETWEEN_WAITED)
        text = f"{seat} #{index}"
        events = connection.apply(act.Reply(item="first-alarm", text=text))
        assert events and events[0].payload.text == text
        sent.append((-events[0].seq, text))  # negative: identified by its event, not a request id
    while any(r is None or not r.settled for r in (queue.get(i) for i, _ in sent if i > 0)):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    last = max(queue.get(i).last_seq for i, _ in sent if i > 0)
    while not connection.events or connection.events[-1].seq < last:
        assert time.monotonic() < deadline
        time.sleep(0.01)
        connection.tick()
    seen = [e.deterministic_view() for e in connection.events[:last]]
    connection.close()
    return {"seat": seat, "sent": sent, "seen_upto": last, "seen_hash": digest(seen)}


def digest(views: list[dict]) -> str:
    return hashlib.sha256(json.dumps(views, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def scenario_path() -> str:
    return str(Path(__file__).resolve().parents[2] / "scenarios" / "gasslukt-torget.yaml")


def hold_seat_app(path: str, ready, release) -> None:
    """A terminal seat as `drill join` builds it: the connection, then the app around it."""
    from drill.team_play.tui.app import TeamApp

    seat = SeatConnection(path, "Ola", credentials=NO_HOST_NEEDED)
    TeamApp(path, connection=seat, ticking=False)
    ready.set()
    release.wait(20)
    seat.close()


def hold_resumed_host(path: str, ready, release) -> None:
    host = TeamHost.resume(path)
    ready.set()
    release.wait(20)
    host.close()


def hold_then_reopen_store(path: str, ready, release) -> None:
    """What the two holders above must not do: open and close a plain handle beside a live connection."""
    seat = SeatConnection(path, "Ola", credentials=NO_HOST_NEEDED)
    with open(path, "rb") as handle:  # as the store's header check does
        handle.read(16)
    ready.set()
    release.wait(20)
    seat.close()

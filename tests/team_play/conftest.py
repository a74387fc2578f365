"""Helpers for team-play tests: a host running in a background thread, and a fake wall clock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drill.engine.actions import Action
from drill.scenario import LoadedScenario, load_scenario
from drill.team_play.database import connect
from drill.team_play.grants import TRAINER_GRANT, Credentials, read_trainer_key
from drill.team_play.host import TeamHost
from drill.team_play.joining import ask_to_join, collect_grant
from drill.team_play.presence import ROLE_SEAT, ROLE_TRAINER
from drill.team_play.requests import RequestQueue


class Signer:
    """Sends requests the way a seat does (signed with its credentials), without a SeatConnection."""

    def __init__(self, path: Path, seat: str, credentials: Credentials, role: str = ROLE_SEAT) -> None:
        self.queue = RequestQueue(connect(path))
        self.seat, self.credentials, self.role = seat, credentials, role
        self.counter = 0

    def submit(self, action: Action | dict) -> int:
        self.counter += 1
        return self.queue.submit(self.seat, self.role, action, grant_id=self.credentials.grant_id,
                                 key=self.credentials.key, counter=self.counter)


def seat_signer(host: TeamHost, path: Path, name: str) -> Signer:
    """Join `name` through the host (stepping it once to answer) and return its signer."""
    db = connect(path)
    ticket = ask_to_join(db, name)
    host.step()
    credentials = collect_grant(db, ticket)
    db.close()
    assert credentials is not None
    return Signer(path, name, credentials)


def trainer_signer(path: Path, name: str = "trainer") -> Signer:
    key = read_trainer_key(path)
    assert key is not None
    return Signer(path, name, Credentials(TRAINER_GRANT, key, "trainer"), ROLE_TRAINER)


class FakeClock:
    """Wall time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class HostThread:
    """A host stepping every 20 ms in a thread of its own (it must also be created there:
    SQLite connections belong to the thread that opened them)."""

    def __init__(self, make: Callable[[], TeamHost]) -> None:
        self._make = make
        self._stop = threading.Event()
        self._ready = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True, name="test-host")

    def _run(self) -> None:
        try:
            host = self._make()
        except BaseException as error:  # handed to the test thread
            self.error = error
            self._ready.set()
            return
        self._ready.set()
        try:
            host.run(self._stop, interval=0.02)
        except BaseException as error:
            self.error = error
        finally:
            host.close()

    def start(self) -> HostThread:
        self.thread.start()
        assert self._ready.wait(20), "the host did not start"
        if self.error:
            raise self.error
        return self

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(10)
        assert not self.thread.is_alive()
        if self.error:
            raise self.error


@pytest.fixture(scope="session")
def gas(gas_scenario_path: Path) -> LoadedScenario:
    return load_scenario(gas_scenario_path)


@pytest.fixture(scope="session")
def gas_scenario_path() -> Path:
    return Path(__file__).resolve().parents[2] / "scenarios" / "gasslukt-torget.yaml"


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def start_host() -> Iterator[Callable[[Callable[[], TeamHost]], HostThread]]:
    """Start hosts in background threads; any still running are stopped after the test."""
    started: list[HostThread] = []

    def start(make: Callable[[], TeamHost]) -> HostThread:
        host = HostThread(make).start()
        started.append(host)
        return host

    yield start
    for host in started:
        if host.thread.is_alive():
            host.stop()


@pytest.fixture
def hosted(tmp_path: Path, gas: LoadedScenario, start_host) -> Path:
    """A drill hosted at 60× in a background thread; returns the session file."""
    path = tmp_path / "team.db"
    start_host(lambda: TeamHost.create(gas, path, 3, speed=60.0))
    return path

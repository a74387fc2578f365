"""The engine on its own thread: the console's copy of the drill stays the engine's, event for event.

`ThreadedConnection` runs the engine in a worker thread and feeds the console a copy of the
drill (`DrillState.fork`). These tests drive it with a real thread and check what matters: the
copy equals the drill rebuilt from the session file, a team action lands in order and at the
engine's time, the session can be resumed (replaying it gives the same events), and the app
shows the flood as it comes without a tick of its own blocking.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from drill.app.app import DrillApp, PlayOptions
from drill.app.engine_thread import ThreadedConnection
from drill.app.widgets.page_feed import PageFeed
from drill.engine.actions import Hide, Reply, SetClock
from drill.engine.spread_port import RumourImpact
from drill.events import ReplyPosted
from drill.live import LiveDrill
from drill.scenario import LoadedScenario
from drill.state import DrillState
from drill.store import SessionStore

from .conftest import LinearSpread, linear_spread


def same_drill(a: DrillState, b: DrillState) -> None:
    """Every fact the console, the account and the score read agrees between two states."""
    assert a.items == b.items
    assert a.threads == b.threads
    assert a.replies == b.replies
    assert a.reach == b.reach
    assert a.official_posts == b.official_posts
    assert a.post_comments == b.post_comments and a.reactions == b.reactions
    assert (a.on_duty, a.speed, a.paused, a.ended) == (b.on_duty, b.speed, b.paused, b.ended)
    assert a.waiting_count == b.waiting_count and [i.item_id for i in a.waiting()] == [i.item_id for i in b.waiting()]
    assert [(g.group_id, dict(g.waiting), g.members) for g in a.groups()] == [
        (g.group_id, dict(g.waiting), g.members) for g in b.groups()]
    assert a.grouper.groups == b.grouper.groups


def test_a_fork_takes_the_same_events_apart_from_its_original(gas: LoadedScenario, tmp_path: Path) -> None:
    live = LiveDrill.create(gas, tmp_path / "fork.db", seed=3, spread_factory=linear_spread)
    live.advance_to(20 * 60)
    first = next(i for i in live.state.waiting())
    live.act(Reply(item=first.item_id, text="Vi undersøker saken nå. Hilsen Kari, kommunen"))
    fork = live.state.fork()
    same_drill(fork, DrillState.from_events(live.engine.events))
    done = len(live.engine.events)

    live.advance_to(40 * 60)
    waiting = live.state.waiting()
    live.act(Reply(item=waiting[0].item_id, text="Se oppdateringen vår. Hilsen Kari"))
    live.act(Hide(item=waiting[1].item_id, reason="personal_attack"))
    live.advance_to(60 * 60)
    later = live.engine.events[done:]
    assert any(isinstance(e.payload, ReplyPosted) for e in later)

    # The fork has not moved with the original...
    assert len(fork.items) < len(live.state.items)
    assert fork.items[waiting[0].item_id].answer is None
    # ...and catches up exactly when given the same events.
    for event in later:
        fork.apply(event)
    same_drill(fork, live.state)
    same_drill(fork, DrillState.from_events(live.engine.events))


class EngineThread:
    """`ThreadedConnection.run` on a real thread; `woken` is set whenever it has news."""

    def __init__(self, connection: ThreadedConnection) -> None:
        self.woken = threading.Event()
        self.stop = False
        self.thread = threading.Thread(target=connection.run, args=(self.woken.set, lambda: self.stop))
        self.thread.start()

    def close(self) -> None:
        self.stop = True
        self.thread.join(5)


def run_until(connection: ThreadedConnection, engine: EngineThread, t: float, wall_step: float = 1.0) -> None:
    """Tick the clock until the console's copy has reached simulated time `t`."""
    deadline = time.monotonic() + 30
    while connection.now < t:
        assert time.monotonic() < deadline, f"the engine never reached {t} (at {connection.now})"
        connection.tick(wall_step)
        engine.woken.wait(0.05)
        engine.woken.clear()


def test_the_engine_thread_records_what_a_headless_drill_records(gas: LoadedScenario, tmp_path: Path) -> None:
    path = tmp_path / "threaded.db"
    connection = ThreadedConnection(LiveDrill.create(gas, path, seed=5, spread_factory=linear_spread))
    seen: list[int] = []
    connection.add_listener(lambda events: seen.extend(e.seq for e in events))
    engine = EngineThread(connection)
    try:
        connection.apply(SetClock(speed=60))
        run_until(connection, engine, 25 * 60)
        # The team acts on what its console shows; the engine may be a little further on.
        target = connection.state.waiting()[0].item_id
        fresh = connection.apply(Reply(item=target, text="Vi undersøker saken nå. Hilsen Kari"))
        assert any(isinstance(e.payload, ReplyPosted) and e.payload.item_id == target for e in fresh)
        assert connection.state.items[target].answered  # on the console at once, not at the next tick
        run_until(connection, engine, 50 * 60)
        connection.drain()
    finally:
        engine.close()
    events = list(connection.events)
    # The session file keeps the events; neither the engine nor the console holds them.
    assert connection.live.engine.events == [] and len(events) == len(connection.events) > 100
    # The listeners heard every event once, in order, with no gap.
    assert seen == [e.seq for e in events][len(events) - len(seen):]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    same_drill(connection.state, DrillState.from_events(events))
    connection.close()
    with SessionStore.open(path) as store:
        assert [e.deterministic_view() for e in store.events()] == [e.deterministic_view() for e in events]
    # The team's action was taken at the engine's time and is replayed there: the session resumes.
    resumed = LiveDrill.resume(path, spread_factory=linear_spread)
    assert [e.deterministic_view() for e in resumed.engine.events[: len(events)]] == [
        e.deterministic_view() for e in events]
    resumed.close()


async def test_the_console_fills_while_the_engine_runs_on_its_thread(gas: LoadedScenario, tmp_path: Path) -> None:
    live = LiveDrill.create(gas, tmp_path / "app.db", seed=1, spread_factory=linear_spread)
    connection = ThreadedConnection(live)
    app = DrillApp(connection=connection, ticking=True, options=PlayOptions())
    async with app.run_test(size=(120, 36)) as pilot:
        connection.apply(SetClock(speed=100))
        deadline = time.monotonic() + 30
        while len(connection.state.items) < 20:
            assert time.monotonic() < deadline, "no comments reached the console"
            await pilot.pause(0.05)
        feed = app.screen.query_one(PageFeed)
        await pilot.pause(0.2)
        assert feed.selected is not None
        assert feed.line_text(feed.selected).strip()
        # The engine thread never touched the console's copy: it is the log, replayed.
        connection.apply(SetClock(speed=100, paused=True))
        await pilot.pause(0.2)
        connection.drain()
        same_drill(connection.state, DrillState.from_events(list(connection.events)))
        assert connection.now >= live.state.now - 1e-9
    assert connection.now > 0


class ReplayedSpread(LinearSpread):
    """A model with one rumour to replay at the end, so the drill stops in "ending" first."""

    def rumours_to_replay(self) -> int:
        return 1

    def counterfactuals(self, until: float, **options: object) -> list[RumourImpact]:
        return [RumourImpact("bomb-rumour", actual=100, without_correction=300, with_earlier_correction=50,
                             corrected_at=None, earlier_by=600.0)]


def test_a_threaded_drill_ends_with_its_counterfactuals_recorded_after_everything_else(
        gas: LoadedScenario, tmp_path: Path) -> None:
    live = LiveDrill.create(gas, tmp_path / "end.db", seed=2, spread_factory=lambda scenario, seed: ReplayedSpread())
    connection = ThreadedConnection(live)
    engine = EngineThread(connection)
    try:
        connection.apply(SetClock(speed=1000))
        deadline = time.monotonic() + 300
        while not connection.ending:
            assert not connection.ended, "the drill ended without stopping for its counterfactuals"
            assert time.monotonic() < deadline, f"the drill never reached its end (at {connection.now})"
            connection.tick(1.0)
            engine.woken.wait(0.05)
            engine.woken.clear()
    finally:
        engine.close()
    connection.complete_end(connection.compute_impacts())
    events = list(connection.events)
    assert connection.ended and [e.type for e in events[-2:]] == ["counterfactual_reach", "drill_ended"]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    same_drill(connection.state, DrillState.from_events(events))
    connection.close()

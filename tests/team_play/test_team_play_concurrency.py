"""Several seat processes and a generating host on one session file: nothing lost, nothing doubled."""

from __future__ import annotations

import multiprocessing
import sys
from collections import Counter
from pathlib import Path

from drill.events import ItemPosted, ReplyPosted
from drill.store import SessionStore
from drill.team_play.database import connect
from drill.team_play.requests import RequestQueue

sys.path.insert(0, str(Path(__file__).resolve().parent))
import team_play_workers as workers  # noqa: E402  (spawned processes import it by this name)

SEATS = 4
BURSTS = 30
WAITED = 5


def test_concurrent_seats_every_action_once_in_one_order(tmp_path: Path):
    path = str(tmp_path / "busy.db")
    spawn = multiprocessing.get_context("spawn")
    ready, stop = spawn.Event(), spawn.Event()
    host = spawn.Process(target=workers.host_process, args=(workers.scenario_path(), path, ready, stop), daemon=True)
    host.start()
    try:
        assert ready.wait(30), "the host did not start"
        with spawn.Pool(SEATS) as pool:
            pending = pool.starmap_async(
                workers.seat_process, [(path, f"seat-{k}", BURSTS, WAITED) for k in range(SEATS)]
            )
            results = pending.get(timeout=40)
    finally:
        stop.set()
        host.join(10)
        if host.is_alive():
            host.terminate()
    assert host.exitcode == 0

    with SessionStore.open(path) as store:
        events = store.events()
    assert [e.seq for e in events] == list(range(1, len(events) + 1)), "no gaps, no duplicates"
    replies = [e for e in events if isinstance(e.payload, ReplyPosted)]
    texts = Counter(e.payload.text for e in replies)
    expected = {f"seat-{k} #{i}" for k in range(SEATS) for i in range(BURSTS + WAITED)}
    assert set(texts) == expected
    assert max(texts.values()) == 1, "every action exactly once"
    for reply in replies:
        assert reply.actor == reply.payload.text.split(" #")[0]

    # Each seat's actions appear in the order it sent them.
    for k in range(SEATS):
        mine = [int(e.payload.text.split("#")[1]) for e in replies if e.actor == f"seat-{k}"]
        assert mine == sorted(mine)

    # The log's order is the order of the requests, and each request points at its own event.
    queue = RequestQueue(connect(path))
    settled = [queue.get(i) for result in results for i, _ in result["sent"] if i > 0]
    assert all(r.state == "done" for r in settled)
    by_id = sorted(settled, key=lambda r: r.id)
    assert [r.first_seq for r in by_id] == sorted(r.first_seq for r in by_id)
    for request in settled:
        event = events[request.first_seq - 1]
        assert event.actor == request.seat and event.payload.text == request.action().text

    # The host kept generating the drill in between (each seat's actions span more than
    # the longest gap between the scenario's early injects).
    first, last = replies[0].seq, replies[-1].seq
    assert any(isinstance(e.payload, ItemPosted) for e in events[first:last])

    # Every seat saw exactly the log the host wrote.
    for result in results:
        upto = result["seen_upto"]
        assert result["seen_hash"] == workers.digest([e.deterministic_view() for e in events[:upto]])

"""Replies analysed on several cores (`scoring.parallel`) give what one core gives, in the same
order, and the pool is used only where forking is safe."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from drill.events import ReplyPosted
from scoring import cache, parallel
from scoring.cache import Request
from scoring.parallel import available_workers, ordered_map
from scoring.scorer import score
from tests.scoring.conftest import GasRun

needs_cores = pytest.mark.skipif(available_workers() < 2, reason="one core, or forking is unsafe here")


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@needs_cores
def test_results_come_back_in_the_order_asked_from_several_processes() -> None:
    items = list(range(400))
    results = ordered_map(_pid_and_square, items, workers=2)
    assert [square for _, square in results] == [n * n for n in items]
    assert {pid for pid, _ in results} - {os.getpid()}, "the work was done in forked workers"


def test_few_items_stay_in_this_process() -> None:
    results = ordered_map(_pid_and_square, list(range(parallel.MIN_PER_WORKER - 1)), workers=2)
    assert {pid for pid, _ in results} == {os.getpid()}


@needs_cores
def test_heavy_items_go_to_workers_from_one_each() -> None:
    """A model fitted per item (a training fold) pays a fork where an analysis does not."""
    results = ordered_map(_pid_and_square, [3, 4], workers=2, min_per_worker=1)
    assert [square for _, square in results] == [9, 16]
    assert {pid for pid, _ in results} - {os.getpid()}, "two items were worth the pool"


@needs_cores
def test_a_cap_of_one_process_keeps_the_work_here() -> None:
    with parallel.at_most(1):
        assert {pid for pid, _ in ordered_map(_pid_and_square, list(range(400)))} == {os.getpid()}
    assert {pid for pid, _ in ordered_map(_pid_and_square, list(range(400)))} - {os.getpid()}


@needs_cores
def test_a_worker_never_starts_a_pool_of_its_own() -> None:
    assert set(ordered_map(lambda _: available_workers(), [0] * 200, workers=2)) == {1}


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert available_workers() == 1
        assert {pid for pid, _ in ordered_map(_pid_and_square, list(range(400)))} == {os.getpid()}
    finally:
        release.set()
        other.join()


@needs_cores
def test_work_of_a_worker_that_dies_is_done_here() -> None:
    parent = os.getpid()

    def dies_in_a_worker(n: int) -> int:
        if os.getpid() != parent and n == 150:
            os._exit(3)
        return n + 1

    assert ordered_map(dies_in_a_worker, list(range(300)), workers=2) == [n + 1 for n in range(300)]


def _requests(runs: dict[str, GasRun]) -> list[Request]:
    """Every reply of the gas drills, with and without a complaint (with a phone number) as its
    comment, explained in bokmål and in English."""
    texts = dict.fromkeys(e.payload.text for run in runs.values() for e in run.events
                          if isinstance(e.payload, ReplyPosted))
    complaint = "Dette er en skandale! Ingen har sagt noe på tre timer. Ring meg på 912 34 567."
    return [Request(text, context, "nb", ("72 40 00 00",), ("fjellvik.kommune.no",), explain)
            for text in texts for context in (None, complaint) for explain in ("nb", "en")]


@needs_cores
def test_analyses_made_on_several_cores_equal_those_made_on_one(gas_runs: dict[str, GasRun],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    requests = _requests(gas_runs)
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 8)
    assert parallel.workers_for(len(requests), 2) == 2
    assert ordered_map(cache.analyse, requests, workers=2) == [cache.analyse(r) for r in requests]


@needs_cores
def test_a_score_made_on_several_cores_equals_one_made_on_one(gas_runs: dict[str, GasRun], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    run = gas_runs["poor"]
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 2)  # the gas drill's few dozen replies go to the pool
    forked: list[int] = []
    real = parallel.ordered_map

    def recorded(function, items, *, workers=None):  # type: ignore[no-untyped-def]
        forked.append(parallel.workers_for(len(items), workers))
        return real(function, items, workers=workers)

    monkeypatch.setattr(cache, "ordered_map", recorded)
    monkeypatch.setenv("DRILL_CACHE_DIR", str(tmp_path / "parallel"))
    cache.forget()
    on_several = score(run.scenario, run.events)
    assert forked and max(forked) >= 2
    monkeypatch.setattr(parallel, "available_workers", lambda: 1)
    monkeypatch.setenv("DRILL_CACHE_DIR", str(tmp_path / "serial"))
    cache.forget()
    on_one = score(run.scenario, run.events)
    cache.forget()
    assert on_several.model_dump() == on_one.model_dump()

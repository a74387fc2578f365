"""Many replies analysed on every core: a forked pool for the analyses a score cannot find kept.

A drill scored on a machine that never saw it (a file copied from another, a cleared cache, a
changed analyser) has every distinct reply analysed, milliseconds each, thousands in a big
drill: a single core spends seconds on what is independent work per reply. `ordered_map`
spreads it over a pool of forked workers and hands the results back in the order asked, so
a score is the same on one core or many (an analysis is a pure function of its request).

Forked, not spawned: a fork starts with the parent's loaded rules, lexicons and model, where a
spawned worker would spend a second loading them again. The pool is used only where a fork is
safe and pays:

- the platform can fork, and this is a main process (a history's workers already use every
  core, one drill each) with no other thread running (a fork copies only the calling thread,
  so a lock another thread held, in the app for one, would stay held in the child for ever);
- there are at least `MIN_PER_WORKER` items for each extra worker: below that, the fork and the
  pickling of results cost more than the pool saves.

Anything else is the serial loop, which gives the same results. A worker that dies (out of
memory) leaves its work to be done here.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PER_WORKER = 40
"""Items per worker below which one process is as fast or faster. Measured with the benchmark
session's replies (a machine at load 6, so roughly): 20 analyses took 0.26–0.46 s in this process
and 0.41–0.73 s in a pool of two, 40 took 0.43–0.48 s against 0.51–0.64 s: forking a loaded
scorer and bringing results back costs what 20–40 analyses do, so the pool starts at 40 per
worker."""
CHUNKS_PER_WORKER = 4
"""Each worker takes a few chunks in turn, so one slow chunk (long replies) does not leave the
other cores idle at the end."""

_LIMIT: int | None = None
"""A cap on the processes a pool may use, set by `at_most` (None: every core)."""

_TASK: Callable[[Any], Any] | None = None
"""The function the pool's workers apply: set before the pool forks, so the workers inherit it
and nothing but the items and results crosses between processes (the function need not pickle)."""


@contextmanager
def at_most(workers: int) -> Iterator[None]:
    """Within the block, pools use at most `workers` processes: a user who asked a history
    for one process gets one."""
    global _LIMIT
    was, _LIMIT = _LIMIT, max(1, workers)
    try:
        yield
    finally:
        _LIMIT = was


def available_workers() -> int:
    """The cores a pool may use here: one per core this process may run on (at most the
    `at_most` cap), or 1 where forking is unsafe or unavailable (see the module docstring)."""
    if _LIMIT is not None and _LIMIT <= 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if multiprocessing.parent_process() is not None or threading.active_count() > 1:
        return 1
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    return cores if _LIMIT is None else min(cores, _LIMIT)


def workers_for(count: int, workers: int | None = None, min_per_worker: int | None = None) -> int:
    """How many processes `count` items are worth: `workers` (default: `available_workers()`),
    fewer when there are not `min_per_worker` (default `MIN_PER_WORKER`) items for each."""
    most = available_workers() if workers is None else max(1, workers)
    least = MIN_PER_WORKER if min_per_worker is None else max(1, min_per_worker)
    return max(1, min(most, count // least))


def ordered_map(function: Callable[[T], R], items: Sequence[T], *, workers: int | None = None,
                min_per_worker: int | None = None) -> list[R]:
    """`[function(item) for item in items]`, spread over forked workers where that pays.

    `function` must be a pure function of its item: the results are the same, in the same
    order, whether one process made them or several. `min_per_worker` is for items far heavier
    than an analysis (a model fitted per item pays a fork from one item on)."""
    count = workers_for(len(items), workers, min_per_worker)
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    # Imported here: a score that analyses nothing new (the usual case) need not load them.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, -(-len(items) // (count * CHUNKS_PER_WORKER)))
    chunks = [list(items[start:start + size]) for start in range(0, len(items), size)]
    global _TASK
    _TASK = function
    results: list[R] = []
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
            for done in pool.map(_run_chunk, chunks):
                results.extend(done)
    except BrokenProcessPool:
        return results + [function(item) for item in items[len(results):]]
    finally:
        _TASK = None
    return results


def _run_chunk(chunk: list[Any]) -> list[Any]:
    assert _TASK is not None, "set by ordered_map before the pool forks"
    return [_TASK(item) for item in chunk]

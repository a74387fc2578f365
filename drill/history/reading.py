"""Many session files summarised in order, the drills never scored here scored in parallel.

A folder copied from other machines may hold hundreds of drills this machine has never
scored, at about a second each (the tone analysis of every reply), so they are scored in a
pool of worker processes, one per core. The files are still taken one at a time and in
order: the reader prepares each file (cheap: its metadata, fingerprint and any score already
known), a drill never scored goes to a worker, and results are handed on in the files'
order, so the history is the same however many workers there are. Only a bounded window of
files is in flight, so memory stays flat however large the folder is.

Every `DRILLS_PER_WORKER` drills per worker the pool is handed its last drills and replaced by
a fresh fork, so the workers' caches stay bounded. The first drill to be scored is scored here
(its replies on the cores the history may use, `scoring.parallel`), before the pool starts: on Linux the workers are
forked from this process and so start with the scorer's rules and models already loaded, and
the analyses of replies repeated across drills are shared: within a worker by its memo, across
workers (and pools, and later runs) by the machine's store (`scoring.cache`). A worker is
handed the scenario the reader parsed already, so it parses no scenario's YAML itself.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from drill.history.model import Incomparable, IncomparableReason
from drill.history.sessions import Pending, SessionReader, SessionSummary, find_session_files, score_file
from drill.history.scores import Summary
from scoring.parallel import at_most

Result = SessionSummary | Incomparable
Outcome = Summary | IncomparableReason
IN_FLIGHT_PER_WORKER = 4
DRILLS_PER_WORKER = 40
"""A pool is replaced by a fresh fork after this many drills per worker: the tone caches a worker
fills are worth most within a team's drills and would otherwise grow with every distinct reply
of a year's folder (memory flat however large the folder is)."""


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def read_sessions(reader: SessionReader, paths: Iterable[Path | str], *, workers: int = 1,
                  progress: Callable[[int], None] | None = None) -> Iterator[Result]:
    """Every session file under `paths`, summarised, in the order `find_session_files` gives."""
    window: deque[tuple[Pending, Future[Outcome]] | Result] = deque()
    in_flight: dict[str, Future[Outcome]] = {}
    pool: ProcessPoolExecutor | None = None
    retired: list[ProcessPoolExecutor] = []
    submitted = 0
    done = 0

    def hand_on() -> Result:
        nonlocal done
        entry = window.popleft()
        if isinstance(entry, tuple):
            pending, future = entry
            in_flight.pop(pending.fingerprint, None)
            try:
                outcome = future.result()
            except Exception:  # noqa: BLE001 - a worker that died (out of memory): score it here
                outcome = score_file(pending.path, pending.scenario)
            entry = reader.finish(pending, outcome)
        done += 1
        if progress is not None:
            progress(done)
        return entry

    try:
        for path in find_session_files(paths):
            step = reader.prepare(path)
            if not isinstance(step, Pending):
                window.append(step)
            elif step.fingerprint in in_flight:
                window.append((step, in_flight[step.fingerprint]))  # a copy of a drill being scored
            elif workers <= 1 or reader.counts.scored == 0:
                with at_most(workers):  # one process asked for: no pool for a drill's replies either
                    window.append(reader.finish(step, score_file(step.path, step.scenario)))
            else:
                if pool is None:
                    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_fork_context())
                future = in_flight[step.fingerprint] = pool.submit(score_file, step.path, step.scenario)
                window.append((step, future))
                submitted += 1
                if submitted % (workers * DRILLS_PER_WORKER) == 0:
                    pool.shutdown(wait=False)  # its workers finish what they have, then exit
                    retired.append(pool)
                    pool = None
            while len(window) > max(1, workers) * IN_FLIGHT_PER_WORKER:
                yield hand_on()
        while window:
            yield hand_on()
    finally:
        for old in [*retired, *([pool] if pool is not None else [])]:
            old.shutdown(wait=True, cancel_futures=True)


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Forked workers inherit the loaded scorer; where there is no fork, the platform's default."""
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None

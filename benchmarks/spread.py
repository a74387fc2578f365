"""Spread model speed, measured fairly: our kernels against NDlib, EoN and a tuned numpy kernel.

All on Barabási–Albert audiences (m = 5) of 10k, 100k and 1M nodes, in one process:
independent cascade (p = 0.1) against NDlib's IndependentCascadesModel and against the
yardstick, a tuned numpy IC kernel that draws geometric skips (where the next success among
the frontier's arcs is) instead of one coin per arc; continuous SIR (tau = 0.2, gamma = 1)
against EoN's fast_SIR. The drill's rumour-versus-correction model runs end to end at 1M.

The method, for every size and every contender alike:

* the same graph (networkx copies for the peers are converted once; that conversion and our
  CSR build are reported as graph set-up), the same seed nodes, the same run numbers;
* each run's own set-up (NDlib's model and per-edge status; ours and the yardstick have
  none worth separating, so theirs is counted as simulation) is timed apart from the
  simulation and reported apart;
* one warm-up run each (imports and caches land there, and it is not counted);
* contenders interleaved round by round, with the order rotated every round, so load
  from other work on the machine falls on all of them alike;
* a ratio is the median over rounds of the paired ratio (peer round r / ours round r),
  reported with its min–max, next to every contender's final sizes;
* a run of ours takes milliseconds, so ours and the yardstick make as many runs per round as
  fill ``ROUND_S`` by their warm-up (times per run): one wait for the CPU under load, or the
  odd outbreak that dies at once, then does not decide a paired ratio.

Sizes go up one at a time, IC then SIR at each. The whole benchmark has a wall-time budget
(``--budget``, default ``SPREAD_BUDGET_S``): a peer runs at a size only if its graph
conversion, its warm-up and ``MIN_ROUNDS`` rounds, estimated (n log n plus 20 %) from its
measured rounds at the smaller size, fit in what is left; otherwise the output and the JSON say
"not measured" with the estimate, and that target is not shown as met.

Big audiences: a 10M-node Barabási–Albert audience is built in a fresh process, whose wall
time, CPU time and peak RSS (VmHWM: interpreter and imports included) are the figures.

Full run (at most the budget, nine minutes, plus the last peer's overrun of its estimate):
``python -m benchmarks spread``; with the 1M peers on a quiet machine: ``--budget 1800``.
Sanity run: ``--quick`` (10k and 100k, three rounds, no end-to-end drill, a 1M-node build);
its verdicts on the 1M and 10M targets are "not measured".
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import os
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from drill.engine.spread import SpreadSimulation, build_audience, independent_cascade, sir, to_networkx
from drill.engine.spread.csr import CSRGraph

SIZES = (10_000, 100_000, 1_000_000)
M = 5
IC_P = 0.1
SIR_TAU, SIR_GAMMA = 0.2, 1.0
SEEDS = 10
ROUND_S = 0.25
"""Ours and the yardstick make as many runs per round as their warm-up says fill this (at most
MAX_BATCH): a run of a few milliseconds is otherwise decided by one wait for the CPU."""
MAX_BATCH = 200
PEER_BUDGET_S = 100.0
"""Paired rounds at a size: as many as fit in this (by the warm-ups), between MIN_ROUNDS and MAX_ROUNDS."""
SPREAD_BUDGET_S = 540.0
"""Wall time the whole spread benchmark may take (``--budget``): a peer runs at a size only if its
graph conversion, warm-up and MIN_ROUNDS rounds are estimated to fit in what is left of it."""
MIN_ROUNDS = 3
MAX_ROUNDS = 9
E2E_NODES = 1_000_000
E2E_HOURS = 3
E2E_CADENCE_S = 60.0
E2E_NEUTRAL_POSTS = 200
BIG_AUDIENCE = 10_000_000

TARGETS = {
    "ic_vs_ndlib": 300.0,
    "ic_vs_yardstick_max": 1.2,
    "sir_vs_eon": 20.0,
    "e2e_seconds": 10.0,
    "e2e_peak_mb": 600.0,
    "big_build_s": 15.0,
    "big_build_rss_mb": 1500.0,
}


# -- the yardsticks -----------------------------------------------------------------


def _gather(indptr: np.ndarray, indices: np.ndarray, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    starts = indptr[frontier].astype(np.int64)
    counts = indptr[frontier + 1].astype(np.int64) - starts
    owner = np.repeat(np.arange(frontier.size), counts)
    offsets = np.cumsum(counts) - counts
    arcs = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(offsets - starts, counts)
    return indices[arcs], owner


def skip_ic(graph: CSRGraph, p: float, seeds: np.ndarray, rng: np.random.Generator) -> int:
    """The tuned numpy IC kernel: geometric skips to the arcs whose coin comes up.

    Generation by generation, the frontier's arcs are one virtual array of length A (never
    built); the positions of its successes are cumulative sums of Geometric(p) gaps, about
    p * A draws instead of A, and a search over the frontier's cumulative degrees maps each
    position back to its arc. Work per generation is O(frontier + p * arcs).
    """
    indptr, indices = graph.indptr, graph.indices
    active = np.zeros(graph.num_nodes, dtype=bool)
    frontier = np.unique(seeds.astype(np.int64))
    active[frontier] = True
    total = frontier.size
    slot = np.empty(graph.num_nodes, dtype=np.int64)
    while frontier.size:
        starts = indptr[frontier].astype(np.int64)
        degrees = indptr[frontier + 1] - starts
        ends = np.cumsum(degrees)
        arcs_total = int(ends[-1])
        if arcs_total == 0:
            break
        expect = arcs_total * p
        gaps = rng.geometric(p, int(expect + 5.0 * math.sqrt(expect + 1.0) + 8.0))
        positions = np.cumsum(gaps)
        while positions[-1] <= arcs_total:  # rare: the first batch fell short
            more = np.cumsum(rng.geometric(p, positions.size)) + positions[-1]
            positions = np.concatenate((positions, more))
        positions = positions[: np.searchsorted(positions, arcs_total, side="right")] - 1
        owner = np.searchsorted(ends, positions, side="right")
        targets = indices[positions + (starts - ends + degrees)[owner]]
        targets = targets[~active[targets]]
        # Several arcs may hit one node: keep its first hit (a scatter, no sort).
        order = np.arange(targets.size)
        slot[targets] = order
        frontier = targets[slot[targets] == order]
        active[frontier] = True
        total += frontier.size
    return total


def numpy_loop_ic(graph: CSRGraph, p: float, seeds: np.ndarray, rng: np.random.Generator) -> int:
    """The plain per-arc loop: every arc out of the frontier flips one coin (reported for reference)."""
    active = np.zeros(graph.num_nodes, dtype=bool)
    active[seeds] = True
    frontier = seeds
    while frontier.size:
        targets, _ = _gather(graph.indptr, graph.indices, frontier)
        hit = targets[rng.random(targets.size) < p]
        hit = np.unique(hit[~active[hit]])
        active[hit] = True
        frontier = hit
    return int(active.sum())


def numpy_loop_sir(graph: CSRGraph, tau: float, gamma: float, seeds: np.ndarray, rng: np.random.Generator) -> int:
    """SIR final size as percolation: an arc transmits if its Exp(tau) wait beats the Exp(gamma) recovery."""
    infected = np.zeros(graph.num_nodes, dtype=bool)
    infected[seeds] = True
    frontier = seeds
    while frontier.size:
        recovery = rng.exponential(1.0 / gamma, frontier.size)
        targets, owner = _gather(graph.indptr, graph.indices, frontier)
        hit = targets[rng.exponential(1.0 / tau, targets.size) < recovery[owner]]
        hit = np.unique(hit[~infected[hit]])
        infected[hit] = True
        frontier = hit
    return int(infected.sum())


# -- peers ----------------------------------------------------------------------------


def ndlib_ic_setup(nx_graph: Any, p: float, seeds: list[int], run: int) -> Any:
    """NDlib's model with its per-node (and, for p != 0.1, per-edge) status: the peer's set-up."""
    import ndlib.models.epidemics as ep
    import ndlib.models.ModelConfig as mc

    model = ep.IndependentCascadesModel(nx_graph, seed=run)
    config = mc.Configuration()
    config.add_model_initial_configuration("Infected", seeds)
    if p != 0.1:  # NDlib's default edge threshold is 0.1
        for edge in nx_graph.edges():
            config.add_edge_configuration("threshold", edge, p)
    model.set_initial_status(config)
    return model


def ndlib_ic_run(model: Any) -> int:
    while True:
        counts = model.iteration(node_status=False)["node_count"]
        if counts[1] == 0:
            return int(counts[2])


def eon_sir(nx_graph: Any, tau: float, gamma: float, seeds: list[int], run: int) -> int:
    import EoN

    rng = np.random.default_rng(run)
    return int(EoN.fast_SIR(nx_graph, tau, gamma, initial_infecteds=seeds, rng=rng)[3][-1])


# -- the paired method ---------------------------------------------------------------------


@dataclass
class Contender:
    """``setup(run)`` prepares one run (timed as set-up); ``simulate(prepared)`` returns its final size."""

    name: str
    setup: Callable[[int], Any]
    simulate: Callable[[Any], int]
    batch: int = 1
    """Runs per round (run numbers round * batch ...): times are per run, every final size is kept."""
    batchable: bool = False
    """Its batch is set after the warm-ups, to fill ROUND_S (the same for every batchable contender)."""
    setup_s: list[float] = field(default_factory=list)
    sim_s: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    warmup_s: float = 0.0

    def once(self, run: int) -> tuple[float, float, list[int]]:
        gc.collect()
        setup_s = sim_s = 0.0
        sizes = []
        for k in range(self.batch):
            start = time.perf_counter()
            prepared = self.setup(run * self.batch + k)
            ready = time.perf_counter()
            sizes.append(self.simulate(prepared))
            done = time.perf_counter()
            del prepared
            setup_s += ready - start
            sim_s += done - ready
        return setup_s / self.batch, sim_s / self.batch, sizes

    def summary(self) -> dict:
        return {
            "setup_median_s": statistics.median(self.setup_s),
            "sim_median_s": statistics.median(self.sim_s),
            "sim_s": self.sim_s,
            "setup_s": self.setup_s,
            "final_sizes": self.sizes,
            "final_size_median": float(np.median(self.sizes)),
            "warmup_s": self.warmup_s,
        }


WARMUP_RUN = 10_000


def paired_rounds(contenders: list[Contender], rounds: int | None, budget_s: float = PEER_BUDGET_S) -> int:
    """Warm every contender up once, then run them interleaved round by round (order rotated).

    Without a fixed number of rounds, as many as the slowest contender's warm-up says fit in
    ``budget_s`` (between MIN_ROUNDS and MAX_ROUNDS).
    """
    for c in contenders:
        setup, sim, _ = c.once(WARMUP_RUN)
        c.warmup_s = setup + sim
    batchable = [c for c in contenders if c.batchable]
    if batchable:
        # Timed on a second, warm run: the first one pays first touches and caches.
        per_run = max(sum(c.once(WARMUP_RUN + 1)[:2]) for c in batchable)
        batch = max(1, min(MAX_BATCH, math.ceil(ROUND_S / max(per_run, 1e-6))))
        for c in batchable:
            c.batch = batch
    if rounds is None:
        per_round = sum(c.warmup_s * c.batch for c in contenders)
        rounds = max(MIN_ROUNDS, min(MAX_ROUNDS, int(budget_s / max(per_round, 1e-6))))
    for r in range(rounds):
        shift = r % len(contenders)
        for c in contenders[shift:] + contenders[:shift]:
            setup, sim, sizes = c.once(r)
            c.setup_s.append(setup)
            c.sim_s.append(sim)
            c.sizes.extend(sizes)
    return rounds


def paired_ratio(numerator: Contender, denominator: Contender) -> dict:
    """Median, min and max over rounds of numerator round r / denominator round r (simulation only)."""
    ratios = [a / b for a, b in zip(numerator.sim_s, denominator.sim_s)]
    return {"median": statistics.median(ratios), "min": min(ratios), "max": max(ratios), "rounds": ratios}


class PeerEstimate:
    """A peer's per-run time (set-up plus simulation) and graph conversion at the last size,
    scaled by n log n plus 20 % to the next, so a size that would not fit the budget is skipped."""

    def __init__(self) -> None:
        self.last: tuple[int, float, float] | None = None

    def estimate(self, size: int) -> tuple[float, float] | None:
        """(seconds per run, seconds of graph conversion) at ``size``."""
        if self.last is None:
            return None
        n, run_s, conversion_s = self.last
        scale = (size / n) * (math.log(size) / math.log(n)) * 1.2
        return run_s * scale, conversion_s * scale

    def record(self, size: int, run_s: float, conversion_s: float) -> None:
        self.last = (size, run_s, conversion_s)


class Budget:
    """The wall time left to the spread benchmark (peers are skipped, never cut short)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.perf_counter() + seconds

    def left(self) -> float:
        return self.deadline - time.perf_counter()


def _run_number(run: int) -> int:
    """Ours and the yardsticks have no per-run set-up worth separating: all of it counts as simulation."""
    return run


def _call(fn: Callable[[CSRGraph, np.ndarray, int], int], graph: CSRGraph, seeds: np.ndarray, run: int) -> int:
    return fn(graph, seeds, run)


def _sizes_text(c: Contender) -> str:
    return f"{int(np.median(c.sizes)):,} [{min(c.sizes):,}–{max(c.sizes):,}]"


def _ratio_text(r: dict) -> str:
    return f"{r['median']:.2f} [{r['min']:.2f}–{r['max']:.2f}]"


def _section(
    title: str,
    graphs: dict[int, CSRGraph],
    nx_graph: Callable[[int], Any],
    ours: Callable[[CSRGraph, np.ndarray, int], int],
    yardstick: tuple[str, Callable[[CSRGraph, np.ndarray, int], int]] | None,
    peer_name: str,
    peer_setup: Callable[[Any, list[int], int], Any],
    peer_run: Callable[[Any], int],
    rounds: int | None,
    tracker: PeerEstimate,
    budget: Budget | None,
) -> dict:
    """One section (IC or SIR) at the sizes of ``graphs``; ``budget`` None leaves the peer out."""
    print(f"\n== {title}")
    out: dict[str, dict] = {}
    for size, graph in graphs.items():
        seeds = np.random.default_rng(size).choice(size, SEEDS, replace=False).astype(np.int64)
        seed_list = seeds.tolist()
        # A run of milliseconds: several per round keep timer and scheduler noise (and the odd
        # outbreak that dies at once) from deciding a paired ratio; see ROUND_S.
        contenders = [Contender("ours", _run_number, functools.partial(_call, ours, graph, seeds), batchable=True)]
        if yardstick is not None:
            name, fn = yardstick
            contenders.append(Contender(name, _run_number, functools.partial(_call, fn, graph, seeds),
                                        batchable=True))
        row: dict[str, Any] = {}
        estimate = tracker.estimate(size)
        needed = None if estimate is None else estimate[1] + (1 + MIN_ROUNDS) * estimate[0]
        if budget is None:
            row["peer_skipped"] = "peers left out (--no-peers)"
        elif needed is not None and needed > budget.left():
            row["peer_skipped"] = (
                f"not measured: conversion, warm-up and {MIN_ROUNDS} rounds estimated at {needed:.0f} s "
                f"({estimate[0]:.0f} s per run), {max(budget.left(), 0):.0f} s left of the "  # type: ignore[index]
                f"{budget.seconds:.0f} s budget (--budget to raise it)")
            row["peer_estimate_s"] = {"per_run": estimate[0], "conversion": estimate[1]}  # type: ignore[index]
        else:
            start = time.perf_counter()
            g_nx = nx_graph(size)
            row["peer_graph_setup_s"] = time.perf_counter() - start
            contenders.append(Contender(peer_name, functools.partial(peer_setup, g_nx, seed_list), peer_run))
        row["rounds"] = paired_rounds(contenders, rounds)
        by_name = {c.name: c for c in contenders}
        for c in contenders:
            row[c.name] = c.summary()
        if yardstick is not None:
            row["ours_over_yardstick"] = paired_ratio(by_name["ours"], by_name[yardstick[0]])
        if peer_name in by_name:
            peer = by_name[peer_name]
            # A measured round, not the warm-up: the first run also pays the peer's imports.
            tracker.record(size, statistics.median(peer.setup_s) + statistics.median(peer.sim_s),
                           row["peer_graph_setup_s"])
            row["speedup_vs_peer"] = paired_ratio(peer, by_name["ours"])
        out[str(size)] = row
        row["runs_per_round"] = {c.name: c.batch for c in contenders}
        batch = contenders[0].batch
        print(f"-- {size:,} nodes, {row['rounds']} paired rounds after one warm-up each "
              f"({batch} run{'s' if batch > 1 else ''} per round for ours and the yardstick, one for the peer; times per run)")
        print(f"   {'contender':<10} {'set-up s':>9} {'sim s':>9}   final sizes median [min–max]")
        for c in contenders:
            s = c.summary()
            print(f"   {c.name:<10} {s['setup_median_s']:>9.4f} {s['sim_median_s']:>9.4f}   {_sizes_text(c)}")
        if "peer_graph_setup_s" in row:
            print(f"   {peer_name} graph conversion (networkx, once): {row['peer_graph_setup_s']:.2f} s")
        if "speedup_vs_peer" in row:
            print(f"   {peer_name} / ours (simulation, paired): {_ratio_text(row['speedup_vs_peer'])}x")
        if "ours_over_yardstick" in row:
            print(f"   ours / {yardstick[0]} (paired): {_ratio_text(row['ours_over_yardstick'])}")  # type: ignore[index]
        if "peer_skipped" in row:
            print(f"   {peer_name} skipped: {row['peer_skipped']}")
    return out


# -- the drill's own model end to end -----------------------------------------------------


def _drill_run(nodes: int) -> dict:
    """A 3-hour crisis: a rumour at 6 min, neutral chatter, the page's correction at 20 min."""
    start, cpu = time.perf_counter(), time.process_time()
    audience = build_audience("barabasi_albert", nodes, 2 * M, 7, followers=12_000)
    built = time.perf_counter()
    sim = SpreadSimulation(audience, 7)
    horizon = E2E_HOURS * 3600.0
    chatter = np.linspace(120.0, 90 * 60.0, E2E_NEUTRAL_POSTS)
    next_post = 0
    snapshots = 0
    t = 0.0
    while t < horizon:
        t += E2E_CADENCE_S
        if sim.now < 360.0 <= t:
            sim.start("rumour", at=360.0, role="rumour", seeds=1, influential=True)
        if sim.now < 1200.0 <= t:
            sim.start("correction", at=1200.0, role="correction", corrects=["rumour"])
        while next_post < chatter.size and chatter[next_post] <= t:
            sim.start(f"post-{next_post}", at=max(sim.now, float(chatter[next_post])), role="neutral")
            next_post += 1
        snapshots += len(sim.advance(t))
    done = time.perf_counter()
    return {
        "build_s": built - start,
        "simulate_s": done - built,
        "total_s": done - start,
        "cpu_s": time.process_time() - cpu,
        "rumour_reach": sim.reach("rumour"),
        "rumour_shares": sim.shares("rumour"),
        "correction_reach": sim.reach("correction"),
        "items": E2E_NEUTRAL_POSTS + 2,
        "advances": int(horizon / E2E_CADENCE_S),
        "snapshots": snapshots,
        "graph_mb": audience.graph.nbytes / 1e6,
    }


_E2E_CHILD = """
import json, sys
from benchmarks.drills import PEAK_RSS
exec(PEAK_RSS)
from benchmarks.spread import E2E_NODES, _drill_run
_drill_run(E2E_NODES)
print(json.dumps({"peak_rss_mb": peak_rss_mb()}))
"""


def _fresh_process_peak_rss_mb() -> float:
    """Peak RSS of one end-to-end run in a fresh process (interpreter and imports included),
    so memory other benchmarks left in this process does not count."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", _E2E_CHILD], capture_output=True, text=True, check=True, cwd=root)
    return float(json.loads(out.stdout.strip().splitlines()[-1])["peak_rss_mb"])


def _end_to_end() -> dict:
    print(f"\n== Rumour vs correction end to end: {E2E_NODES:,} nodes, {E2E_HOURS} h, advance every {E2E_CADENCE_S:.0f} s")
    timed = [_drill_run(E2E_NODES) for _ in range(3)]
    best = sorted(timed, key=lambda r: r["total_s"])[1]
    rss_after = _fresh_process_peak_rss_mb()
    gc.collect()
    tracemalloc.start()
    _drill_run(E2E_NODES)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result = dict(best)
    result.update(
        runs_total_s=[r["total_s"] for r in timed],
        peak_traced_mb=traced_peak / 1e6,
        peak_process_maxrss_mb=rss_after,
    )
    print(
        f"median of 3: build {best['build_s']:.2f} s + simulate {best['simulate_s']:.2f} s = {best['total_s']:.2f} s "
        f"wall, {best['cpu_s']:.2f} s CPU "
        f"({result['advances']} advances, {result['items']} items, {best['snapshots']} snapshots)"
    )
    print(
        f"rumour reach {best['rumour_reach']:,} (shares {best['rumour_shares']:,}), "
        f"correction reach {best['correction_reach']:,}; graph arrays {best['graph_mb']:.0f} MB"
    )
    print(
        f"peak memory: {traced_peak / 1e6:.0f} MB allocated (tracemalloc, numpy buffers included, separate run); "
        f"{rss_after:.0f} MB peak RSS of a fresh process doing one run (VmHWM, includes interpreter and imports)"
    )
    return result


_BUILD_CHILD = """
import json, resource, sys, time
from benchmarks.drills import PEAK_RSS
exec(PEAK_RSS)
from drill.engine.spread import build_audience
started, cpu = time.perf_counter(), time.process_time()
audience = build_audience("barabasi_albert", int(sys.argv[1]), 2 * 5, 1)
print(json.dumps({"wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu,
                  "peak_rss_mb": peak_rss_mb(), "graph_mb": audience.graph.nbytes / 1e6,
                  "arcs": audience.graph.num_arcs}))
"""


def big_audience(nodes: int) -> dict:
    """Build one BA audience in a fresh process: its wall and CPU time and its own peak RSS."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    print(f"\n== A {nodes:,}-node Barabási–Albert audience (m = {M}), built in a fresh process")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", _BUILD_CHILD, str(nodes)], capture_output=True, text=True,
                         check=True, cwd=root).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["nodes"] = nodes
    print(f"built in {result['wall_s']:.2f} s wall ({result['cpu_s']:.2f} s CPU), peak RSS {result['peak_rss_mb']:.0f} MB "
          f"(interpreter and imports included); {result['arcs']:,} arcs, {result['graph_mb']:.0f} MB of CSR arrays")
    return result


def run(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="python -m benchmarks spread")
    parser.add_argument("--quick", action="store_true", help="a sanity run: 10k and 100k, 3 rounds, no e2e, 1M build")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="BA audience sizes")
    parser.add_argument("--rounds", type=int, default=None, help="paired rounds per size (default: by budget)")
    parser.add_argument("--no-peers", action="store_true", help="ours against the yardstick only (development)")
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end drill run (development)")
    parser.add_argument("--big", type=int, default=None, help=f"audience size to build (default {BIG_AUDIENCE:,})")
    parser.add_argument("--budget", type=float, default=SPREAD_BUDGET_S,
                        help=f"wall seconds the spread benchmark may take; peers that would not fit are skipped "
                             f"(default {SPREAD_BUDGET_S:.0f})")
    args, _ = parser.parse_known_args(argv)
    if args.quick:
        args.sizes = args.sizes or [10_000, 100_000]
        args.rounds = args.rounds or MIN_ROUNDS
        args.no_e2e = True
        args.big = args.big or 1_000_000
    args.sizes = args.sizes or list(SIZES)
    args.big = args.big or BIG_AUDIENCE

    budget = Budget(args.budget)
    print(f"spread benchmark on {platform.python_implementation()} {platform.python_version()}, "
          f"numpy {np.__version__}, {os.cpu_count()} CPUs, load {'/'.join(f'{x:.1f}' for x in os.getloadavg())}; "
          f"budget {args.budget:.0f} s")
    # The end-to-end run goes first so the process peak RSS reflects it, not the peers' graphs.
    e2e = None if args.no_e2e else _end_to_end()
    big = big_audience(args.big)

    graphs: dict[int, CSRGraph] = {}
    build = {}
    print("\n== Graph set-up (our numpy Barabási–Albert, m = 5; shared by every contender)")
    for size in args.sizes:
        start = time.perf_counter()
        graphs[size] = build_audience("barabasi_albert", size, 2 * M, 1).graph
        build[str(size)] = time.perf_counter() - start
        print(f"{size:>9} nodes: {build[str(size)]:.2f} s, {graphs[size].nbytes / 1e6:.1f} MB CSR")

    cache: dict[int, Any] = {}

    def nx_graph(size: int) -> Any:
        if size not in cache:
            cache.clear()
            gc.collect()
            cache[size] = to_networkx(graphs[size])
        return cache[size]

    sections = {
        "ic": (
            f"Independent cascade p = {IC_P}, {SEEDS} seeds (ours: generations through the event kernel)",
            lambda g, s, r: independent_cascade(g, IC_P, s, 11, r).final_size,
            ("skips", lambda g, s, r: skip_ic(g, IC_P, s, np.random.default_rng(r))),
            "NDlib",
            lambda g, s, r: ndlib_ic_setup(g, IC_P, s, r),
            ndlib_ic_run,
        ),
        "sir": (
            f"Continuous SIR tau = {SIR_TAU}, gamma = {SIR_GAMMA}, {SEEDS} seeds",
            lambda g, s, r: sir(g, SIR_TAU, SIR_GAMMA, s, 12, r).final_size,
            ("loop", lambda g, s, r: numpy_loop_sir(g, SIR_TAU, SIR_GAMMA, s, np.random.default_rng(r))),
            "EoN",
            lambda g, s, r: (g, s, r),
            lambda prepared: eon_sir(prepared[0], SIR_TAU, SIR_GAMMA, prepared[1], prepared[2]),
        ),
    }
    trackers = {name: PeerEstimate() for name in sections}
    rows: dict[str, dict] = {name: {} for name in sections}
    # Size by size, both sections, so each networkx copy is made once and the 1M peers come
    # last, when the budget says whether they fit.
    for size in args.sizes:
        for name, (title, ours, yardstick, peer_name, setup, run_) in sections.items():
            rows[name].update(_section(f"{title}: {size:,} nodes", {size: graphs[size]}, nx_graph, ours, yardstick,
                                       peer_name, setup, run_, args.rounds, trackers[name],
                                       None if args.no_peers else budget))
        cache.clear()
    ic, sir_rows = rows["ic"], rows["sir"]
    cache.clear()

    checks = _targets(ic, sir_rows, e2e, big)
    print("\n== Targets")
    for check in checks:
        verdict = "met" if check["met"] else ("not measured" if check["met"] is None else "NO")
        print(f"{check['name']:<38} target {check['target']:<12} measured {check['measured']:<28} {verdict}")
    return {
        "machine": {"python": platform.python_version(), "numpy": np.__version__, "cpus": os.cpu_count(),
                    "load_average_1m": os.getloadavg()[0]},
        "method": "same graph, seeds and run numbers; set-up timed apart; one warm-up each; "
        "contenders interleaved per round (order rotated); ratios are medians of paired rounds with min-max",
        "memory_note": "peak_traced_mb: tracemalloc peak of a separate end-to-end run; "
        "peak_process_maxrss_mb: VmHWM of a fresh process doing one end-to-end run",
        "graph_build_s": build,
        "budget_s": args.budget,
        "wall_s": args.budget - budget.left(),
        "independent_cascade": ic,
        "sir": sir_rows,
        "end_to_end": e2e,
        "big_audience": big,
        "quick": bool(args.quick),
        "targets": checks,
    }


def _targets(ic: dict, sir_rows: dict, e2e: dict | None, big: dict | None = None) -> list[dict]:
    checks: list[dict] = []

    def add(name: str, target: str, ratio: dict | float | None, met: Callable[[float], bool], fmt: str,
            cpu_s: float | None = None) -> None:
        if isinstance(ratio, dict):
            value = ratio["median"]
            measured = fmt.format(value) + f" [{fmt.format(ratio['min'])}–{fmt.format(ratio['max'])}]"
        else:
            value = ratio
            measured = "-" if value is None else fmt.format(value)
        if value is not None and cpu_s is not None:
            measured += f" (CPU {cpu_s:.1f} s)"  # the target is wall time; CPU shows what load took
        checks.append({"name": name, "target": target, "value": value, "range": ratio if isinstance(ratio, dict) else None,
                       "measured": measured, "met": None if value is None else bool(met(value))})

    for size, label in (("100000", "100k"), ("1000000", "1M")):
        ratio = ic.get(size, {}).get("speedup_vs_peer")
        add(f"IC over NDlib at {label} (sim, paired)", ">= 300x", ratio, lambda v: v >= TARGETS["ic_vs_ndlib"], "{:.0f}x")
    for size, label in (("10000", "10k"), ("100000", "100k"), ("1000000", "1M")):
        ratio = ic.get(size, {}).get("ours_over_yardstick")
        add(f"IC vs tuned skips kernel at {label}", "<= 1.2x time", ratio, lambda v: v <= TARGETS["ic_vs_yardstick_max"], "{:.2f}x")
    for size, label in (("10000", "10k"), ("100000", "100k"), ("1000000", "1M")):
        ratio = sir_rows.get(size, {}).get("speedup_vs_peer")
        add(f"SIR over EoN at {label} (sim, paired)", ">= 20x", ratio, lambda v: v >= TARGETS["sir_vs_eon"], "{:.0f}x")
    if e2e is not None:
        add("1M build + 3 h simulated", "<= 10 s", e2e["total_s"], lambda v: v <= TARGETS["e2e_seconds"], "{:.2f} s",
            e2e.get("cpu_s"))
        add("1M end-to-end peak memory", "<= 600 MB", e2e["peak_traced_mb"], lambda v: v <= TARGETS["e2e_peak_mb"], "{:.0f} MB traced")
        add("1M end-to-end process peak RSS", "<= 600 MB", e2e["peak_process_maxrss_mb"], lambda v: v <= TARGETS["e2e_peak_mb"], "{:.0f} MB RSS")
    full = big is not None and big["nodes"] >= BIG_AUDIENCE
    add("10M-node audience built: time", "<= 15 s", big["wall_s"] if full else None,  # type: ignore[index]
        lambda v: v <= TARGETS["big_build_s"], "{:.2f} s", big["cpu_s"] if full else None)  # type: ignore[index]
    add("10M-node audience built: peak RSS", "<= 1.5 GB", big["peak_rss_mb"] if full else None,  # type: ignore[index]
        lambda v: v <= TARGETS["big_build_rss_mb"], "{:.0f} MB")
    return checks

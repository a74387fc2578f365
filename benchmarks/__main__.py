"""Run benchmarks by name: ``python -m benchmarks [NAME ...] [--quick] [--json PATH]``.

Without names every benchmark module in this package runs, in name order. Each prints its own
figures; at the end one table gathers every target the benchmarks that ran check (spread
kernels against their peers, big audiences, counterfactuals, deleting teams, official posts,
keyed draws, scoring), each as target / measured / met or NO ("not measured" when the run
did not reach it, e.g. a quick run's 1M sizes), then each benchmark's wall time with the
machine's load average before and after it (other work shares the cores).

The full measurement of the performance targets (spread and drills took 661 s on two cores
shared with other work; the spread benchmark keeps to a wall-time budget, see its ``--budget``)::

    python -m benchmarks spread drills scoring --json bench.json

``--quick`` is a sanity run of the same code on small sizes, for development; its verdicts
on the full-size targets are "not measured". With ``--json`` the figures of all benchmarks
that ran, paired ratios with their min-max and final sizes included, are written to PATH as
``{name: figures, "targets": [...]}``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path

import benchmarks


def available() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if not info.name.startswith("_")
    )


def targets_table(results: dict[str, dict]) -> list[dict]:
    """Every target checked by the benchmarks that ran, tagged with the benchmark's name.

    A module lists its checks under "targets" (or "checks"), each with name, target, measured
    and met (True, False, or None when the run did not measure it).
    """
    rows = []
    for name, figures in results.items():
        if not isinstance(figures, dict):
            continue
        for check in figures.get("targets", figures.get("checks", [])):
            rows.append({"benchmark": name, **check})
    return rows


def verdict(met: bool | None) -> str:
    return "met" if met else ("not measured" if met is None else "NO")


def print_targets(rows: list[dict]) -> None:
    if not rows:
        return
    print("\n== Targets of every benchmark that ran")
    name_w = max(len(f"{r['benchmark']}: {r['name']}") for r in rows)
    target_w = max(len(str(r["target"])) for r in rows)
    measured_w = max(len(str(r["measured"])) for r in rows)
    for r in rows:
        print(f"{r['benchmark'] + ': ' + r['name']:<{name_w}}  target {r['target']:<{target_w}}  "
              f"measured {str(r['measured']):<{measured_w}}  {verdict(r['met'])}")
    met = sum(1 for r in rows if r["met"])
    missed = sum(1 for r in rows if r["met"] is False)
    print(f"{met} met, {missed} missed, {len(rows) - met - missed} not measured")


def _load(load: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.1f}" for x in load)


def main(argv: list[str] | None = None) -> int:
    names = available()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all of {', '.join(names)})")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="a sanity run on small sizes (no verdict on full targets)")
    args, rest = parser.parse_known_args(argv)
    unknown = [n for n in args.names if n not in names]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(names)}")
    if args.quick:
        rest = [*rest, "--quick"]
    results: dict[str, dict] = {}
    runs: dict[str, dict] = {}
    started = time.perf_counter()
    for name in args.names or names:
        module = importlib.import_module(f"benchmarks.{name}")
        load_before, begun = os.getloadavg(), time.perf_counter()
        results[name] = module.run(rest)
        runs[name] = {"wall_s": time.perf_counter() - begun, "load_before": load_before, "load_after": os.getloadavg()}
    total_s = time.perf_counter() - started
    rows = targets_table(results)
    print_targets(rows)
    # Other work shares the machine: the load beside each benchmark says how far to trust its wall times.
    print("\n== Run: wall time and load average (1, 5, 15 min) before and after each benchmark")
    for name, r in runs.items():
        print(f"{name:<10} {r['wall_s']:>7.1f} s   load {_load(r['load_before'])} -> {_load(r['load_after'])}")
    print(f"{'all':<10} {total_s:>7.1f} s")
    if args.json:
        payload = {**results, "targets": rows, "runs": runs, "total_wall_s": total_s}
        args.json.write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

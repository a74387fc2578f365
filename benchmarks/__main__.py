"""Run benchmarks by name: ``python -m benchmarks [NAME ...] [--quick] [--json PATH]``.

Without names every benchmark module in this package runs, in name order. Each prints its own
figures; at the end one table gathers every target the benchmarks that ran check (spread
kernels against their peers, big audiences, counterfactuals, deleting teams, official posts,
keyed draws, scoring), each as target / measured / met or MISSED ("not measured" when the run
did not reach it, e.g. a quick run's 1M sizes).

The full measurement of the performance targets (about half an hour on two cores)::

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
import pkgutil
import sys
from pathlib import Path

import benchmarks


def available() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if not info.name.startswith("_")
    )


def targets_table(results: dict[str, dict]) -> list[dict]:
    """Every target checked by the benchmarks that ran, tagged with the benchmark's name."""
    rows = []
    for name, figures in results.items():
        for check in (figures or {}).get("targets", []) if isinstance(figures, dict) else []:
            rows.append({"benchmark": name, **check})
    return rows


def print_targets(rows: list[dict]) -> None:
    if not rows:
        return
    print("\n== Targets of every benchmark that ran")
    name_w = max(len(f"{r['benchmark']}: {r['name']}") for r in rows)
    target_w = max(len(str(r["target"])) for r in rows)
    measured_w = max(len(str(r["measured"])) for r in rows)
    for r in rows:
        verdict = "met" if r["met"] else ("not measured" if r["met"] is None else "MISSED")
        print(f"{r['benchmark'] + ': ' + r['name']:<{name_w}}  target {r['target']:<{target_w}}  "
              f"measured {r['measured']:<{measured_w}}  {verdict}")
    met = sum(1 for r in rows if r["met"])
    missed = sum(1 for r in rows if r["met"] is False)
    print(f"{met} met, {missed} missed, {len(rows) - met - missed} not measured")


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
    for name in args.names or names:
        module = importlib.import_module(f"benchmarks.{name}")
        results[name] = module.run(rest)
    rows = targets_table(results)
    print_targets(rows)
    if args.json:
        payload = {**results, "targets": rows}
        args.json.write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Run benchmarks by name: ``python -m benchmarks [NAME ...] [--json PATH]``.

Without names every benchmark module in this package runs, in name order.
With ``--json`` the figures of all benchmarks that ran are written to PATH as
``{name: figures}``.
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


def main(argv: list[str] | None = None) -> int:
    names = available()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all of {', '.join(names)})")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    args, rest = parser.parse_known_args(argv)
    unknown = [n for n in args.names if n not in names]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(names)}")
    results = {}
    for name in args.names or names:
        module = importlib.import_module(f"benchmarks.{name}")
        results[name] = module.run(rest)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

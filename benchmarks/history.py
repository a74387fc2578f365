"""`drill history` over 500 session files: time and peak memory, and memory as files are added.

The 500 files are made the way a county's year of drills looks: a few headless drills of two
shipped scenarios (good and poor teams, two variants each), copied to 25 municipalities on
different dates (the team name and every event's wall time differ; what was played does not).
Each measurement runs in a fresh process, so its time includes loading drill and the tone
rules, and its peak RSS (VmHWM) is that process's own; CPU time is printed beside wall time
because the machine may be shared. The 500 files are read twice: with an empty score cache
(each distinct drill scored once, every copy found by its fingerprint) and again with the scores
cached (what a trainer's next history of a growing folder costs). Two more figures keep the
copies honest: the cost of one *distinct* drill scored from scratch (warm rules), and a fresh
process over only the distinct drills.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASES = [("barnehagesoknad-frist", "good", 1), ("barnehagesoknad-frist", "poor", 1),
         ("barnehagesoknad-frist", "good", 2), ("gasslukt-torget", "poor", 1), ("gasslukt-torget", "good", 1),
         ("gasslukt-torget", "poor", 2)]
MUNICIPALITIES = 25
TARGETS = {"files_500_s": 10.0}

_CHILD = """
import json, sys, time
started = time.perf_counter()
from drill.history import history
imported = time.perf_counter()
from drill.history.cache import SummaryCache
cpu = time.process_time()
report = history([sys.argv[1]], "nb", cache=SummaryCache())
done = time.perf_counter()
cpu = time.process_time() - cpu
def peak_rss_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0
print(json.dumps({"run_s": done - imported, "cpu_s": cpu, "import_s": imported - started, "files": report.files,
                  "usable": report.usable, "peak_rss_mb": peak_rss_mb()}))
"""

_DISTINCT = """
import json, sys, time
from pathlib import Path
from drill.history.sessions import SessionReader
from drill.history.words import Words
paths = sorted(Path(sys.argv[1]).glob("*.db"))
SessionReader(Words("nb")).read(paths[0])  # the tone rules and the scorer warm up once
times = []
for path in paths:
    reader = SessionReader(Words("nb"))  # nothing remembered: every drill parsed and scored from scratch
    start = time.perf_counter()
    reader.read(path)
    times.append(time.perf_counter() - start)
print(json.dumps({"per_distinct_drill_s": sorted(times)[len(times) // 2], "max_s": max(times)}))
"""


def _base_sessions(folder: Path) -> list[Path]:
    from drill.cli import main

    paths = []
    for scenario, team, seed in BASES:
        out = folder / f"{scenario}-{team}-{seed}.db"
        if main(["run", scenario, "--team", team, "--seed", str(seed), "--out", str(out), "--overwrite"]) != 0:
            raise RuntimeError(f"drill run {scenario} failed")
        paths.append(out)
    return paths


def _copies(bases: list[Path], folder: Path, count: int) -> None:
    """`count` session files: each a base drill played by one of the municipalities on its own date."""
    first_day = datetime(2026, 1, 5, 9, 0)
    for i in range(count):
        base = bases[i % len(bases)]
        municipality = f"Kommune {i % MUNICIPALITIES + 1:02d}"
        out = folder / f"{i // MUNICIPALITIES:02d}" / f"{municipality.replace(' ', '-')}-{i:03d}.db"
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(base, out)
        day = first_day + timedelta(days=(i // MUNICIPALITIES) * 14 + i % 3)
        with sqlite3.connect(out) as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('team_name', ?)", (municipality,))
            db.execute("UPDATE events SET wall = ? || substr(wall, 11)", (day.date().isoformat(),))
        db.close()


def _child(code: str, folder: Path, cache: Path) -> dict:
    """Run `code` in a fresh process over `folder`, with `cache` as its score cache."""
    env = {**os.environ, "DRILL_CACHE_DIR": str(cache)}
    output = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True,
                            cwd=ROOT, env=env).stdout
    return json.loads(output.strip().splitlines()[-1])


def run(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m benchmarks history")
    parser.add_argument("--files", type=int, default=500, help="session files in the largest history")
    args, _ = parser.parse_known_args(argv)
    print(f"\n== drill history over {args.files} session files (fresh process each)")
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base_folder = root / "distinct"
        base_folder.mkdir()
        started = time.perf_counter()
        bases = _base_sessions(base_folder)
        print(f"{len(bases)} distinct drills played headless in {time.perf_counter() - started:.1f} s")
        distinct = _child(_DISTINCT, base_folder, root / "cache-none")
        cold_distinct = _child(_CHILD, base_folder, root / "cache-distinct")
        print(f"one distinct drill read and scored from scratch: median {distinct['per_distinct_drill_s'] * 1000:.0f} ms "
              f"(max {distinct['max_s'] * 1000:.0f} ms); the {len(bases)} distinct drills in a fresh process: "
              f"{cold_distinct['run_s']:.2f} s (+{cold_distinct['import_s']:.2f} s imports)")
        figures["distinct_drill_s"] = distinct["per_distinct_drill_s"]
        figures["distinct_cold_s"] = cold_distinct["run_s"]
        sizes = sorted({max(1, args.files // 5), args.files // 2, args.files})
        runs = {}
        warm: dict = {}
        for size in sizes:
            folder = root / f"history-{size}"
            _copies(bases, folder, size)
            cache = root / f"cache-{size}"
            runs[size] = result = _child(_CHILD, folder, cache)
            print(f"{size:4d} files, empty cache: {_line(result)}")
            if size == args.files:
                warm = _child(_CHILD, folder, cache)
                print(f"{size:4d} files, again (scores cached): {_line(warm)}")
            shutil.rmtree(folder)
    largest = runs[args.files]
    smallest = runs[sizes[0]]
    figures.update({
        "files": args.files, "cold_s": largest["run_s"], "cold_cpu_s": largest["cpu_s"], "warm_s": warm["run_s"],
        "warm_cpu_s": warm["cpu_s"], "import_s": warm["import_s"], "peak_rss_mb": largest["peak_rss_mb"],
        "rss_growth_mb": largest["peak_rss_mb"] - smallest["peak_rss_mb"], "runs": {str(k): v for k, v in runs.items()},
    })
    for label, result in (("empty cache", largest), ("scores cached", warm)):
        seconds = result["run_s"] + result["import_s"]
        verdict = "ok" if seconds <= TARGETS["files_500_s"] else "MISSED"
        print(f"target {args.files} files in <= {TARGETS['files_500_s']:.0f} s with imports, {label}: {seconds:.2f} s, "
              f"{verdict}")
    print(f"peak RSS from {sizes[0]} to {args.files} files: {figures['rss_growth_mb']:+.0f} MB")
    return figures


def _line(result: dict) -> str:
    return (f"{result['run_s']:.2f} s ({result['cpu_s']:.2f} s CPU; +{result['import_s']:.2f} s imports), "
            f"{result['usable']} in the history, peak RSS {result['peak_rss_mb']:.0f} MB")

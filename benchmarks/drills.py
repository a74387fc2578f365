"""Where a real drill hurts: the end of a big drill, a deleting team, a team that posts a lot.

* **Counterfactuals** of the gas scenario on a 1M-node audience with six more rumours (nine
  in all; those that appear are replayed), played by its good team: the replays the app now
  runs in a worker at the end of a drill (each rumour at most twice, only with what it touched).
* **Deleting everything**: on every shipped scenario, a team that deletes every comment a
  minute after it appears, against the scenario's good team, headless (`drill run`'s path:
  session file, engine, spread model, counterfactuals). Repeating triggers are bounded now.
* **200 official posts** in a team script on the gas scenario, in a fresh process so its peak
  RSS is the run's own (interpreter and imports included), and its time without them and
  without the reply judge's one-off loading of its word lists and rules (scoring's set-up,
  paid by every drill whatever the team does; reported apart). The same script without
  posts runs between, so what the posts themselves cost is shown too.
* **Draws keyed by what a post is**: the gas scenario played by its good team, and again with
  one unrelated reply added early; every item's final reach must be the same (the team's
  corrections compared by what they answer, since their running numbers shift), as must
  every counterfactual. The property itself is tested with hypothesis in
  tests/foundation/test_draw_keys.py; this is the scenario-sized check.

Each prints its figures and verdicts and returns them for ``--json``.
Full run: ``python -m benchmarks drills``; a sanity run: ``--quick`` (one round of each, no
synthetic worst case).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]

CF_NODES = 1_000_000
POSTS = 200

TARGETS = {"counterfactuals_s": 3.0, "delete_over_good_max": 2.0, "posts_s": 3.0, "posts_rss_mb": 250.0}
QUICK = False
"""A sanity run (``--quick``): one round or run of each measurement instead of two or three."""


# -- counterfactuals at 1M ---------------------------------------------------------------------


EXTRA_RUMOURS = (  # (minute, share probability, influential): five more rumours in the gas scenario
    (12, 0.06, False), (22, 0.05, True), (30, 0.07, False), (44, 0.05, True), (58, 0.06, False), (70, 0.05, False),
)


def _big_gas_drill(folder: Path) -> tuple[Any, float]:
    """The gas scenario on a 1M-node audience with six more rumours, played by its good team
    (plus a correcting reply to each extra rumour ten minutes in), up to its end."""
    from drill.live import LiveDrill
    from drill.scenario import parse_scenario
    from drill.team import load_team_script, run_team

    text = (ROOT / "scenarios" / "gasslukt-torget.yaml").read_text(encoding="utf-8")
    text = text.replace("audience: {model: powerlaw_cluster, nodes: 30000, mean_degree: 10}",
                        f"audience: {{model: powerlaw_cluster, nodes: {CF_NODES}, mean_degree: 10}}")
    extra = "".join(
        f"  - id: extra-rumour-{k}\n    at: {minute}m\n    text: \"Rykte nummer {k}: noen sier det er verre enn kommunen sier!\"\n"
        f"    labels: {{kind: rumour}}\n    spread: {{share_probability: {p}, influential: {str(inf).lower()}}}\n"
        for k, (minute, p, inf) in enumerate(EXTRA_RUMOURS)
    )
    text = text.replace("\ninjects:\n", "\ninjects:\n" + extra, 1)
    loaded = parse_scenario(text, str(folder / "gas-1m.yaml"))
    script = load_team_script(ROOT / "scenarios" / "teams" / "gasslukt-torget--good.yaml", loaded.scenario)
    more = script.model_dump(by_alias=True, exclude_none=True)
    more["actions"] = [*more.get("actions", []), *(
        {"at": f"{minute + 10}m", "reply": {"to": f"extra-rumour-{k}", "text": "Dette stemmer ikke. Se kommunen.no."}}
        for k, (minute, _, _) in enumerate(EXTRA_RUMOURS)
    )]
    script = type(script).model_validate(more)
    start = time.perf_counter()
    drill = LiveDrill.create(loaded, folder / "gas-1m.db", 1, overwrite=True)
    drill.engine.defer_impacts = True  # as the app does: the drill stops in "ending"
    run_team(drill, script)
    return drill, time.perf_counter() - start


def counterfactuals_at_1m() -> dict:
    print(f"\n== End-of-drill counterfactuals: the gas scenario on {CF_NODES:,} nodes, "
          f"{3 + len(EXTRA_RUMOURS)} rumours possible, good team")
    with tempfile.TemporaryDirectory() as folder:
        drill, played_s = _big_gas_drill(Path(folder))
        assert drill.ending, "the drill should be waiting for its counterfactuals"
        engine = drill.engine
        times, cpu, impacts = [], [], []
        for _ in range(1 if QUICK else 3):
            gc.collect()
            start, started_cpu = time.perf_counter(), time.process_time()
            impacts = engine.compute_impacts()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - started_cpu)
        drill.complete_end(impacts)
        drill.close()
    median = statistics.median(times)
    print(f"the drill (audience built, played headless) took {played_s:.2f} s")
    print(f"counterfactuals of {len(impacts)} rumours: median {median:.2f} s of {len(times)} [{min(times):.2f}–{max(times):.2f}], "
          f"CPU {statistics.median(cpu):.2f} s")
    for r in impacts:
        print(f"  {r.item_id:<18} actual {r.actual:>8,}  without correction {r.without_correction:>8,}  "
              f"earlier {r.with_earlier_correction:>8,}  corrected at {r.corrected_at}")
    return {
        "nodes": CF_NODES, "rumours": len(impacts), "drill_s": played_s,
        "counterfactuals_s": times, "counterfactuals_median_s": median, "counterfactuals_cpu_s": cpu,
        "impacts": [r.model_dump() for r in impacts],
    }


def _synthetic_drill() -> Any:
    """The worst case: eight rumours that each reach most of a 1M audience, corrections for six."""
    from drill.engine.spread import SpreadSimulation, build_audience

    sim = SpreadSimulation(build_audience("barabasi_albert", CF_NODES, 10, 7, followers=12_000), 7)
    starts: list[tuple[float, str, dict]] = []
    for k in range(8):
        at = 300.0 + 240.0 * k
        starts.append((at, f"rumour-{k}", {"role": "rumour", "seeds": 1 + k % 3, "influential": k % 2 == 0}))
        if k % 4 != 3:
            starts.append((at + 300.0 * (1 + k % 5), f"r{k:04d}", {"role": "correction", "corrects": [f"rumour-{k}"]}))
    starts.sort(key=lambda s: s[0])
    t, index = 0.0, 0
    while t < 7200.0:
        t += 60.0
        while index < len(starts) and starts[index][0] <= t:
            at, item_id, options = starts[index]
            sim.start(item_id, at=max(at, sim.now), **options)
            index += 1
        sim.advance(t)
    return sim


def counterfactuals_worst_case() -> dict:
    print(f"\n== Worst case: 8 rumours each reaching most of {CF_NODES:,} people (synthetic, no target)")
    sim = _synthetic_drill()
    gc.collect()
    start = time.perf_counter()
    impacts = sim.counterfactuals(sim.now, target=1200.0)
    seconds = time.perf_counter() - start
    reach = [i.actual for i in impacts]
    print(f"counterfactuals of {len(impacts)} rumours: {seconds:.2f} s (one run); actual reach "
          f"{min(reach):,}–{max(reach):,}")
    return {"seconds": seconds, "impacts": [i.__dict__ for i in impacts]}


# -- a deleting team on every shipped scenario ----------------------------------------------------


def _delete_everything(scenario_id: str) -> Any:
    from drill.team.models import TeamScript

    return TeamScript.model_validate({
        "name": "Sletter alt",
        "scenario": scenario_id,
        "policies": [{"when": {"channel": ["comment"]}, "after": "1m", "delete": "usaklig"}],
    })


def _headless(loaded: Any, script: Any, out: Path) -> tuple[float, int]:
    from drill.live import LiveDrill
    from drill.team import run_team

    gc.collect()
    start = time.perf_counter()
    drill = LiveDrill.create(loaded, out, 1, overwrite=True)
    try:
        run_team(drill, script)
        items = len(drill.state.items)
    finally:
        drill.close()
    return time.perf_counter() - start, items


def deleting_teams() -> dict:
    from drill.scenario import load_scenario
    from drill.team import load_team_script

    print("\n== A team that deletes every comment, against the good team (headless, seed 1)")
    print(f"{'scenario':<26} {'good s':>8} {'delete s':>9} {'ratio':>6} {'items good':>11} {'items delete':>13}")
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for path in sorted((ROOT / "scenarios").glob("*.yaml")):
            loaded = load_scenario(path)
            good = load_team_script(ROOT / "scenarios" / "teams" / f"{loaded.scenario.id}--good.yaml", loaded.scenario)
            deleter = _delete_everything(loaded.scenario.id)
            # Interleaved, two rounds each; the ratio is the median of the paired rounds.
            runs: dict[str, list[tuple[float, int]]] = {"good": [], "delete": []}
            for _ in range(1 if QUICK else 2):
                runs["good"].append(_headless(loaded, good, Path(folder) / "good.db"))
                runs["delete"].append(_headless(loaded, deleter, Path(folder) / "delete.db"))
            ratios = [d[0] / g[0] for g, d in zip(runs["good"], runs["delete"])]
            row = {
                "good_s": [r[0] for r in runs["good"]], "delete_s": [r[0] for r in runs["delete"]],
                "items_good": runs["good"][0][1], "items_delete": runs["delete"][0][1],
                "ratio_median": statistics.median(ratios), "ratio_min": min(ratios), "ratio_max": max(ratios),
            }
            rows[loaded.scenario.id] = row
            print(f"{loaded.scenario.id:<26} {statistics.median(r[0] for r in runs['good']):>8.2f} "
                  f"{statistics.median(r[0] for r in runs['delete']):>9.2f} {row['ratio_median']:>6.2f} "
                  f"{row['items_good']:>11,} {row['items_delete']:>13,}")
    return rows


# -- 200 official posts --------------------------------------------------------------------------

_POSTS_CHILD = """
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.team import load_team_script, run_team
from scoring.judge import judge_for
imported = time.perf_counter()
loaded = load_scenario(Path(sys.argv[1]))
script = load_team_script(Path(sys.argv[2]), loaded.scenario)
# The reply judge's word lists and tone rules load once per process, whatever the team does
# (scoring's set-up); timed apart, like the imports.
judge_start = time.perf_counter()
judge_for(loaded.scenario.language.value)
judge_s = time.perf_counter() - judge_start
start, cpu = time.perf_counter(), time.process_time()
drill = LiveDrill.create(loaded, Path(sys.argv[3]), 1, overwrite=True)
run_team(drill, script)
items = len(drill.state.items)
drill.close()
done = time.perf_counter()
print(json.dumps({"run_s": done - start, "cpu_s": time.process_time() - cpu, "import_s": imported - started,
                  "judge_s": judge_s, "items": items,
                  "events": len(drill.engine.events), "peak_rss_mb": peak_rss_mb()}))
"""

PEAK_RSS = """
def peak_rss_mb():
    # VmHWM is this program's own high-water mark; ru_maxrss on Linux keeps the peak of the
    # process it was forked from (the benchmark runner, with a 1M audience in memory).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
"""


def _posts_run(folder: Path, posts: int) -> dict:
    team = {
        "name": "Mange meldinger",
        "scenario": "gasslukt-torget",
        "actions": [
            {"at": f"{30 + i * 30}s", "official_post": {"text": f"Oppdatering {i + 1}: vi følger situasjonen."}}
            for i in range(posts)
        ],
    }
    team_path = folder / f"posts-{posts}.yaml"
    team_path.write_text(yaml.safe_dump(team, allow_unicode=True), encoding="utf-8")
    output = subprocess.run(
        [sys.executable, "-c", PEAK_RSS + _POSTS_CHILD, str(ROOT / "scenarios" / "gasslukt-torget.yaml"),
         str(team_path), str(folder / "posts.db")],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]), posts=posts, load=os.getloadavg()[0])


def official_posts() -> dict:
    """The run's time is the drill created, played to its end and closed, imports and the reply
    judge's one-off loading apart (both reported); the same script without posts, run between,
    shows what the posts themselves cost."""
    print(f"\n== {POSTS} official posts in a team script (gasslukt-torget, fresh process each)")
    runs, bare = [], []
    with tempfile.TemporaryDirectory() as folder:
        for k in range(1 if QUICK else 3):
            runs.append(_posts_run(Path(folder), POSTS))
            if k < 2:
                bare.append(_posts_run(Path(folder), 0))
    run_s = statistics.median(r["run_s"] for r in runs)
    cpu_s = statistics.median(r["cpu_s"] for r in runs)
    bare_s = statistics.median(r["run_s"] for r in bare)
    bare_cpu_s = statistics.median(r["cpu_s"] for r in bare)
    rss = max(r["peak_rss_mb"] for r in runs)
    print(f"run (drill created, played, counterfactuals, closed): median {run_s:.2f} s of {len(runs)} "
          f"[{min(r['run_s'] for r in runs):.2f}–{max(r['run_s'] for r in runs):.2f}], CPU {cpu_s:.2f} s "
          f"(wall exceeds it when other work shares the cores; load {statistics.median(r['load'] for r in runs):.1f})")
    print(f"apart: imports {runs[0]['import_s']:.2f} s, the reply judge's word lists and rules "
          f"{statistics.median(r['judge_s'] for r in runs):.2f} s (once per process, whatever the team does)")
    print(f"the same script without posts: {bare_s:.2f} s, CPU {bare_cpu_s:.2f} s; so {POSTS} posts cost "
          f"{run_s - bare_s:.2f} s ({cpu_s - bare_cpu_s:.2f} s CPU), "
          f"{1000 * (cpu_s - bare_cpu_s) / POSTS:.1f} ms CPU a post with the comments it draws")
    print(f"peak RSS of the whole process: {rss:.0f} MB; {runs[0]['items']:,} items, {runs[0]['events']:,} events")
    return {"runs": runs, "without_posts": bare, "run_median_s": run_s, "cpu_median_s": cpu_s,
            "judge_median_s": statistics.median(r["judge_s"] for r in runs),
            "posts_cost_s": run_s - bare_s, "posts_cost_cpu_s": cpu_s - bare_cpu_s, "peak_rss_mb": rss}


def keyed_draws() -> dict:
    """The gas scenario's good team, with and without one unrelated early reply: same reach everywhere?"""
    from drill.events import ItemPosted
    from drill.scenario import load_scenario
    from drill.team import load_team_script

    print("\n== An unrelated early reply leaves every other reach unchanged (gas scenario, good team)")
    loaded = load_scenario(ROOT / "scenarios" / "gasslukt-torget.yaml")
    script = load_team_script(ROOT / "scenarios" / "teams" / "gasslukt-torget--good.yaml", loaded.scenario)

    def play(extra: dict | None) -> tuple[dict[str, int], list[tuple[str, int]], list[tuple], list]:
        from drill.live import LiveDrill
        from drill.team import run_team

        team = script
        if extra is not None:
            more = script.model_dump(by_alias=True, exclude_none=True)
            more["actions"] = [extra, *more.get("actions", [])]
            team = type(script).model_validate(more)
        with tempfile.TemporaryDirectory() as folder:
            drill = LiveDrill.create(loaded, Path(folder) / "keyed.db", 1, overwrite=True)
            try:
                run_team(drill, team)
                events = list(drill.engine.events)
            finally:
                drill.close()
        reach: dict[str, int] = {}
        for e in events:
            if e.type == "reach_updated":
                reach[e.payload.item_id] = e.payload.reached
        answers = {e.payload.reply_id: e.payload.item_id for e in events if e.type == "reply_posted"}
        times = {e.payload.reply_id: e.t for e in events if e.type == "reply_posted"}
        items = {k: v for k, v in reach.items() if k not in answers}
        corrections = sorted((f"{answers[k]}@{times[k]:.0f}", v) for k, v in reach.items() if k in answers)
        impacts = sorted(tuple(sorted(e.payload.model_dump().items())) for e in events
                         if e.type == "counterfactual_reach")
        return items, corrections, impacts, events

    base_items, base_corr, base_cf, events = play(None)
    first_question = next(e for e in events if isinstance(e.payload, ItemPosted)
                          and e.payload.labels.kind.value == "question")
    extra = {"at": f"{int(first_question.t) + 30}s",
             "reply": {"to": first_question.payload.item_id, "text": "Takk for spørsmålet, vi kommer tilbake til deg."}}
    items, corr, cf, _ = play(extra)
    changed = sorted(k for k in set(base_items) | set(items) if base_items.get(k) != items.get(k))
    same = not changed and base_corr == corr and base_cf == cf
    print(f"extra reply to {first_question.payload.item_id} at {extra['at']}: {len(base_items)} items and "
          f"{len(base_corr)} corrections compared, {len(base_cf)} counterfactuals; "
          + ("all unchanged" if same else f"CHANGED: items {changed[:5]}, corrections "
             f"{'same' if base_corr == corr else 'differ'}, counterfactuals {'same' if base_cf == cf else 'differ'}"))
    return {"items_compared": len(base_items), "corrections_compared": len(base_corr),
            "counterfactuals_compared": len(base_cf), "changed_items": changed,
            "corrections_same": base_corr == corr, "counterfactuals_same": base_cf == cf, "unchanged": same}


def run(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="python -m benchmarks drills")
    parser.add_argument("--only", choices=("counterfactuals", "delete", "posts", "keyed"), nargs="+")
    parser.add_argument("--quick", action="store_true", help="one round of each, no synthetic worst case")
    args, _ = parser.parse_known_args(argv)
    global QUICK
    QUICK = bool(args.quick)
    only = set(args.only or ("counterfactuals", "delete", "posts", "keyed"))
    print(f"drill benchmarks on {platform.python_implementation()} {platform.python_version()}, "
          f"numpy {np.__version__}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    result: dict[str, Any] = {}
    if "counterfactuals" in only:
        result["counterfactuals"] = counterfactuals_at_1m()
        if not QUICK:
            result["counterfactuals_worst_case"] = counterfactuals_worst_case()
    if "delete" in only:
        result["delete_everything"] = deleting_teams()
    if "posts" in only:
        result["official_posts"] = official_posts()
    if "keyed" in only:
        result["keyed_draws"] = keyed_draws()
    checks = _targets(result)
    print("\n== Targets")
    for check in checks:
        verdict = "met" if check["met"] else ("not measured" if check["met"] is None else "NO")
        print(f"{check['name']:<44} target {check['target']:<10} measured {check['measured']:<22} {verdict}")
    result["targets"] = checks
    result["quick"] = QUICK
    return result


def _targets(result: dict) -> list[dict]:
    checks = []

    def add(name: str, target: str, value: float | None, limit: float, fmt: str) -> None:
        checks.append({"name": name, "target": target, "value": value,
                       "measured": "-" if value is None else fmt.format(value),
                       "met": None if value is None else value <= limit})

    cf = result.get("counterfactuals")
    add("8+ rumours' counterfactuals at 1M", "<= 3 s", cf and cf["counterfactuals_median_s"],
        TARGETS["counterfactuals_s"],
        "{:.2f} s" + (f" (CPU {statistics.median(cf['counterfactuals_cpu_s']):.1f} s)" if cf else ""))
    rows = result.get("delete_everything")
    worst = max(rows.values(), key=lambda r: r["ratio_median"]) if rows else None
    add("delete-everything / good team (worst)", "<= 2x", worst and worst["ratio_median"],
        TARGETS["delete_over_good_max"], "{:.2f}x")
    posts = result.get("official_posts")
    add(f"{POSTS} official posts: run, judge set-up apart", "<= 3 s", posts and posts["run_median_s"],
        TARGETS["posts_s"], "{:.2f} s" + (f" (CPU {posts['cpu_median_s']:.1f} s, judge {posts['judge_median_s']:.1f} s)"
                                          if posts else ""))
    add(f"{POSTS} official posts: peak RSS", "<= 250 MB", posts and posts["peak_rss_mb"],
        TARGETS["posts_rss_mb"], "{:.0f} MB")
    keyed = result.get("keyed_draws")
    checks.append({"name": "unrelated reply leaves other reach as it was", "target": "unchanged",
                   "value": None if keyed is None else keyed["unchanged"],
                   "measured": "-" if keyed is None else ("unchanged" if keyed["unchanged"] else "changed"),
                   "met": None if keyed is None else keyed["unchanged"]})
    return checks

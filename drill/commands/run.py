"""`drill run SCENARIO --team TEAM.yaml`: play a whole drill headless, at once.

Used to test scenarios, to demonstrate good and poor practice, and in CI. The session file
it writes can be scored, reported, exported and replayed like any other.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime
from pathlib import Path

from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.scenario.library import resolve_scenario, resolve_team_script
from drill.summary import summarise, summary_lines
from drill.team import load_team_script, run_team

DEFAULT_SEED = 1


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="play a scenario headless with a team script")
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file, or the name of a shipped one")
    parser.add_argument("--team", metavar="TEAM.yaml",
                        help="team script (a file, or 'good'/'poor' for the shipped ones); without it nobody acts")
    parser.add_argument("--out", metavar="SESSION.db", help="session file to write (default: sessions/ID-seedN-TIME.db)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--overwrite", action="store_true", help="replace the session file if it exists")
    parser.add_argument("--team-name", metavar="NAME",
                        help='who played, e.g. "Fjellvik kommune" (kept in the session file for drill history)')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_scenario(resolve_scenario(args.scenario))
    scenario = loaded.scenario
    script = None
    if args.team:
        script = load_team_script(resolve_team_script(args.team, scenario.id), scenario)
    out = Path(args.out) if args.out else default_session_path(scenario.id, args.seed)
    started = time.perf_counter()
    drill = LiveDrill.create(loaded, out, args.seed, overwrite=args.overwrite)
    try:
        if args.team_name:
            drill.store.record_team_name(args.team_name)
        report = run_team(drill, script)
        events = list(drill.engine.events)
    finally:
        drill.close()
    elapsed = time.perf_counter() - started
    print(f"{scenario.title} — seed {args.seed}" + (f", team '{script.name}'" if script else ", no team"))
    for line in summary_lines(summarise(events)):
        print("  " + line)
    if report.skipped:
        print(f"  Team actions skipped: {len(report.skipped)}")
        for reason in report.skipped[:10]:
            print(f"    - {reason}")
    print(f"  Session file:       {out} (written in {elapsed:.2f} s)")
    return 0


def default_session_path(scenario_id: str, seed: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path("sessions") / f"{scenario_id}-seed{seed}-{stamp}.db"

"""Scoring speed: `score()` on a 10,000-event session of the gas scenario.

The session is the shipped gas scenario with its comment streams scaled up until the drill
records about 10,000 events, played headless by the shipped good-practice team (which
answers nearly everything, so tone analysis of replies is the bulk of the work). Three
figures: cold (first call in the process, loading the tone rules), first scoring with the
rules loaded but no analysis cached (what a debrief after a drill costs), and a repeated
scoring with every reply already analysed.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from drill.live import LiveDrill
from drill.scenario import parse_scenario
from drill.team import load_team_script, run_team

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "gasslukt-torget.yaml"
TEAM = ROOT / "scenarios" / "teams" / "gasslukt-torget--good.yaml"
TARGET_EVENTS = 10_000


def scaled_scenario_text(factor: float) -> str:
    """The gas scenario with every stream rate multiplied by `factor`."""
    text = SCENARIO.read_text(encoding="utf-8")

    def scale(match: re.Match[str]) -> str:
        return f"{match.group(1)}{float(match.group(2)) * factor:g}"

    return re.sub(r"((?:peak_per_minute|base_per_minute|per_thousand_reached): )([0-9.]+)", scale, text)


def build_events(factor: float, folder: Path) -> tuple[object, list]:
    loaded = parse_scenario(scaled_scenario_text(factor), str(SCENARIO))
    script = load_team_script(TEAM, loaded.scenario)
    drill = LiveDrill.create(loaded, folder / f"bench-{factor:g}.db", 1, overwrite=True)
    try:
        run_team(drill, script)
        events = list(drill.engine.events)
    finally:
        drill.close()
    return loaded.scenario, events


def run(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scoring")
    parser.add_argument("--events", type=int, default=TARGET_EVENTS, help="approximate session size")
    args, _ = parser.parse_known_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        # Scale the comment streams up towards the requested size. Reach updates from a spread
        # model do not grow with the streams, so a few tries decide and the actual size is printed.
        factor = 1.0
        scenario, events = build_events(factor, Path(folder))
        for _ in range(4):
            if len(events) >= 0.95 * args.events:
                break
            factor *= args.events / max(len(events), 1)
            scenario, events = build_events(factor, Path(folder))
    from scoring import score
    from scoring.context import _analyse
    from scoring.tone.analyse import _analysed_text

    started = time.perf_counter()
    report = score(scenario, events)
    cold = time.perf_counter() - started
    _analyse.cache_clear()
    _analysed_text.cache_clear()
    started = time.perf_counter()
    score(scenario, events)
    first = time.perf_counter() - started
    started = time.perf_counter()
    score(scenario, events)
    cached = time.perf_counter() - started
    replies = sum(1 for e in events if e.type == "reply_posted")
    texts = len({e.payload.text for e in events if e.type in ("reply_posted", "official_post_published")})
    print(f"scoring: {len(events):,} events ({replies:,} replies, {texts:,} distinct texts), streams x{factor:.1f}")
    print(f"  cold (loads tone rules):        {cold * 1000:8.1f} ms")
    print(f"  rules loaded, nothing cached:   {first * 1000:8.1f} ms")
    print(f"  every reply already analysed:   {cached * 1000:8.1f} ms")
    print(f"  total score {report.total}")
    return {"events": len(events), "replies": replies, "distinct_texts": texts, "cold_s": round(cold, 4),
            "first_s": round(first, 4), "cached_s": round(cached, 4)}


if __name__ == "__main__":
    run()

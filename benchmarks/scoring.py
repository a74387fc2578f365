"""Scoring speed: `drill score` on a 10,000-event session with over 2,000 distinct reply texts.

The session is the shipped gas scenario with its comment streams scaled up, played headless
by a team that answers every comment needing a reply three to twelve minutes after it
appears, each reply in its own words: greetings with the citizen's name, two facts picked
from a pool that fits what the comment is (a question, a complaint, a rumour, ...), a closing
line and a signature, all drawn from a generator seeded per comment (faker no_NO for the
signatures). A repeated text would be analysed once and cached, so a session of a few
hundred distinct texts says little about a real debrief; this one has thousands.

It is built in two passes: the scaled drill played without a team says which comments need
an answer and when (the streams do not depend on the team), then the team script answering
them is played into the session file that is scored. The stream scale is raised until the
session has the events asked for.

Measured, each in a fresh process (nothing cached, as after a drill):

* ``drill score SESSION.db`` end to end (interpreter, imports, reading the file, the tone
  rules, every reply analysed, the report printed): median wall time of the runs;
* the same work split: imports, reading the session, loading the tone rules (one trivial
  analysis), the first ``score()`` (every distinct reply analysed) and a second ``score()``
  with every analysis cached (what scoring costs apart from tone analysis);
* apart from the cold figure, and not what the target names: ``drill score`` of the same drill
  right after ``drill run`` played it on this machine (the run scores the drill as it ends and
  the analyses of its replies stay in the cache folder, `scoring.cache`), as drill leaves it,
  and that split too: imports, reading the session, ``score()`` (of which reading the kept
  analyses), remembering the summary and the lines printed.

Cold means a fresh process and an empty cache folder ($DRILL_CACHE_DIR, a new one for every
run): nothing of an earlier run helps. The compiled rule files, the index into simplemma's
dictionaries and the model's weights as an array, which make the analyser's start quick, ship
with the package (see the tone benchmark); the run says whether they were in date.

Full run: ``python -m benchmarks scoring``; a sanity run: ``--quick`` (a 3,000-event session).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "gasslukt-torget.yaml"
TARGET_EVENTS = 10_000
TARGET_DISTINCT = 2_000
QUICK_EVENTS = 3_000
QUICK_DISTINCT = 600
CLI_RUNS = 3

TARGETS = {"cold_s": 1.5, "events": TARGET_EVENTS, "distinct_replies": TARGET_DISTINCT}


def scaled_scenario_text(factor: float) -> str:
    """The gas scenario with every stream rate multiplied by `factor`."""
    text = SCENARIO.read_text(encoding="utf-8")

    def scale(match: re.Match[str]) -> str:
        return f"{match.group(1)}{float(match.group(2)) * factor:g}"

    return re.sub(r"((?:peak_per_minute|base_per_minute|per_thousand_reached): )([0-9.]+)", scale, text)


# -- the team's replies -------------------------------------------------------------------------

_GREETINGS = (
    "Hei {name}!", "Hei, {name}.", "Takk for at du skriver, {name}.", "Hei {name}, og takk for spørsmålet.",
    "God dag, {name}.", "Hei igjen, {name}!", "Takk for beskjeden, {name}.", "Hei {name} – godt at du spør.",
)
_FACTS = {
    "question": (
        "Politiet har sperret av 200 meter rundt Torget, og sperringen gjelder fortsatt.",
        "Torget 1–7 og Sjøgata 2–10 er evakuert; resten av sentrum kan være hjemme som vanlig.",
        "Evakuerte kan vente i foajeen på rådhuset, der det er varmt og servering.",
        "Torget skole ligger utenfor sperringen, og elevene er trygge inne.",
        "Bussene kjører om Storgata så lenge Torget er stengt.",
        "Vannet fra springen er trygt å drikke; lekkasjen har ingenting med vannverket å gjøre.",
        "Du trenger ikke lukke vinduer om du bor utenfor sperringen.",
        "Servicetorget svarer på 72 40 00 00 fram til klokka 20 i kveld.",
        "Nødetatene måler gass i området hvert kvarter.",
        "Butikkene i Sjøgata holder stengt til politiet opphever sperringen.",
        "Har du dyr i en evakuert leilighet, kan du ringe servicetorget, så hjelper vi deg.",
        "Legevakten er åpen som vanlig og ligger langt utenfor området.",
        "Parkeringshuset ved Torget er stengt, men bilene der står trygt.",
        "Barnehagene i sentrum har åpent og er ikke berørt.",
    ),
    "complaint": (
        "Vi forstår at det er frustrerende å stå ute uten å vite hvor lenge.",
        "Du har rett i at den første meldingen vår kom for sent, og det beklager vi.",
        "Vi tar med oss kritikken når vi går gjennom hvordan dagen ble håndtert.",
        "Beklager at du måtte vente så lenge på svar fra oss.",
        "Vi skjønner at stengte butikker og omkjøringer skaper problemer for mange.",
        "Det er helt forståelig at du er bekymret når du ikke får komme hjem.",
        "Vi oppdaterer nå oftere, så du skal slippe å lete etter informasjon.",
        "Vi har satt inn flere folk på servicetorget for å svare raskere.",
    ),
    "rumour": (
        "Dette stemmer ikke etter det politiet og brannvesenet opplyser.",
        "Politiet bekrefter at det er en gasslekkasje og ingenting annet.",
        "Ingen er skadet, etter det nødetatene opplyser.",
        "Det er ikke fare for eksplosjon utenfor sperringen, sier brannvesenet.",
        "Vi ber alle om å dele bare bekreftede opplysninger.",
        "Opplysningene som sprer seg i andre grupper, er ikke riktige.",
        "Vannverket er ikke berørt, og vannet er trygt.",
    ),
    "other": (
        "Vi følger med her hele ettermiddagen og svarer så fort vi kan.",
        "Takk for at du hjelper naboene dine.",
        "Vi setter pris på tålmodigheten til alle som er berørt.",
        "Følg gjerne med på siden vår for nye opplysninger.",
        "Vi gir beskjed her så snart sperringen oppheves.",
        "Alle som bor i de evakuerte byggene, får egen beskjed fra oss.",
    ),
}
_CLOSINGS = (
    "Oppdatert informasjon finner du på fjellvik.kommune.no/krise.",
    "Neste oppdatering kommer kl. {clock} på fjellvik.kommune.no/krise.",
    "Ring gjerne servicetorget på 72 40 00 00 om du lurer på mer.",
    "Vi legger ut mer her og på fjellvik.kommune.no/krise så snart vi vet mer.",
    "Spør gjerne igjen her om noe er uklart.",
    "",
)


def _rng(item_id: str) -> random.Random:
    """One generator per comment, seeded by its id, so the session is the same on every machine."""
    return random.Random(int.from_bytes(hashlib.blake2b(item_id.encode(), digest_size=8).digest(), "little"))


def _signers(count: int = 40) -> list[str]:
    from faker import Faker

    fake = Faker("no_NO")
    fake.seed_instance(2026)
    return [fake.first_name() for _ in range(count)]


def reply_text(item_id: str, author: str, kind: str, at_s: float, signers: list[str]) -> str:
    """A reply in the team's own words to one comment (see the module docstring)."""
    rng = _rng(item_id)
    pool = _FACTS.get(kind, _FACTS["other"])
    first = author.split(" ")[0] if author else "du"
    facts = rng.sample(pool, 2 if rng.random() < 0.7 else 1)
    minutes = 660 + int(at_s // 60) + rng.choice((15, 30, 45, 60))
    closing = rng.choice(_CLOSINGS).format(clock=f"{minutes // 60:02d}.{minutes % 60:02d}")
    words = [rng.choice(_GREETINGS).format(name=first), *facts, closing,
             f"Hilsen {rng.choice(signers)}, kommunikasjonsavdelingen"]
    return " ".join(w for w in words if w)


# -- the session ----------------------------------------------------------------------------------


def _play(loaded: Any, script: Any, out: Path) -> list[Any]:
    from drill.live import LiveDrill
    from drill.team import run_team

    drill = LiveDrill.create(loaded, out, 1, overwrite=True)
    try:
        run_team(drill, script)
        return list(drill.engine.events)
    finally:
        drill.close()


def build_session(factor: float, folder: Path) -> tuple[Path, list[Any], dict]:
    """The scaled drill, played by a team answering every comment that needs it in its own words."""
    from drill.events import ItemPosted
    from drill.scenario import parse_scenario
    from drill.team.models import TeamScript

    text = scaled_scenario_text(factor)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")  # for `drill run` (see `after_drill_run`)
    loaded = parse_scenario(text, str(SCENARIO))
    waiting = [e for e in _play(loaded, None, folder / "first-pass.db")
               if isinstance(e.payload, ItemPosted) and e.payload.labels.needs_reply]
    signers = _signers()
    actions = []
    for event in waiting[:10_000]:
        item = event.payload
        after = 180 + _rng("after:" + item.item_id).randrange(540)
        kind = item.labels.kind.value if hasattr(item.labels.kind, "value") else str(item.labels.kind)
        actions.append({"at": f"{int(event.t) + after}s",
                        "reply": {"to": item.item_id, "text": reply_text(item.item_id, item.author, kind, event.t, signers)}})
    team = TeamScript.model_validate({"name": "Svarer alle", "scenario": loaded.scenario.id, "actions": actions})
    (folder / "team.yaml").write_text(yaml.safe_dump(team.model_dump(mode="json", exclude_defaults=True),
                                                     allow_unicode=True), encoding="utf-8")
    session = folder / f"score-{factor:g}.db"
    events = _play(loaded, team, session)
    replies = [e.payload.text for e in events if e.type == "reply_posted"]
    shape = {"factor": factor, "events": len(events), "replies": len(replies), "distinct_replies": len(set(replies)),
             "comments_needing_reply": len(waiting)}
    return session, events, shape


def grow_session(events_wanted: int, distinct_wanted: int, folder: Path) -> tuple[Path, dict]:
    """Raise the stream scale until the session has the events and distinct replies asked for."""
    factor = max(1.0, events_wanted / 620.0)
    for _ in range(5):
        started = time.perf_counter()
        session, events, shape = build_session(factor, folder)
        shape["build_s"] = time.perf_counter() - started
        print(f"  streams x{factor:.1f}: {shape['events']:,} events, {shape['replies']:,} replies "
              f"({shape['distinct_replies']:,} distinct), built in {shape['build_s']:.1f} s")
        if shape["events"] >= events_wanted and shape["distinct_replies"] >= distinct_wanted:
            return session, shape
        factor *= max(1.05, 1.03 * max(events_wanted / max(shape["events"], 1),
                                       distinct_wanted / max(shape["distinct_replies"], 1)))
    return session, shape


# -- the measurements -------------------------------------------------------------------------------

_SPLIT_CHILD = """
import json, sys, time
started = time.perf_counter()
from scoring.scorer import score
from scoring.session import load_session
from scoring.tone import analyse_reply
imported = time.perf_counter()
session = load_session(sys.argv[1])
loaded = time.perf_counter()
analyse_reply("Hei! Takk for spørsmålet.")
rules = time.perf_counter()
report = score(session.scenario, session.events)
first = time.perf_counter()
score(session.scenario, session.events)
second = time.perf_counter()
from scoring.tone import compiled, lemmas, prepared_model
print(json.dumps({"import_s": imported - started, "load_s": loaded - imported, "rules_s": rules - loaded,
                  "first_score_s": first - rules, "cached_score_s": second - first, "total": report.total,
                  "rules_prepared": compiled.in_date() and lemmas.in_date() and prepared_model.in_date()}))
"""


_LEFT_CHILD = """
import json, sys, time
started = time.perf_counter()
import scoring.context
from drill.commands.score import record_score, score_lines, team_did
from scoring.scorer import scored
from scoring.session import load_session
imported = time.perf_counter()
spent = {"store_s": 0.0}
real = scoring.context.analysed
def timed(requests):
    began = time.perf_counter()
    try:
        return real(requests)
    finally:
        spent["store_s"] += time.perf_counter() - began
scoring.context.analysed = timed
session = load_session(sys.argv[1])
loaded = time.perf_counter()
report, ctx = scored(session.scenario, session.events)
first = time.perf_counter()
record_score(session.path, session.events, report)
recorded = time.perf_counter()
lines = score_lines(report, team_did(session.scenario, session.events, report, ctx=ctx))
told = time.perf_counter()
print(json.dumps({"import_s": imported - started, "load_s": loaded - imported,
                  "score_s": first - loaded, "of_which_store_s": spent["store_s"],
                  "score_apart_from_store_s": first - loaded - spent["store_s"],
                  "record_s": recorded - first, "report_s": told - recorded, "total": report.total}))
"""


def _cli_cold(session: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `drill score` in a fresh process, with an
    empty cache folder of its own."""
    with tempfile.TemporaryDirectory() as cache:
        return _cli_timed(session, cache)


def _cli_timed(session: Path, cache: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `drill score` in a fresh process using `cache`."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drill", "score", str(session)], cwd=ROOT, check=True,
                   capture_output=True, text=True, env={**os.environ, "DRILL_CACHE_DIR": cache})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def after_drill_run(folder: Path, runs: int) -> dict:
    """`drill score` of the same drill right after `drill run` played it on this machine: the
    run scores the drill as it ends, and the analyses of its replies stay in the cache folder
    (`scoring.cache`), as after any drill played here. Each score is a fresh process; the
    cache folder is the one `drill run` filled. Not the cold figure the target names."""
    out = folder / "left-by-drill-run.db"
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "DRILL_CACHE_DIR": cache}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drill", "run", str(folder / "scenario.yaml"), "--team",
                        str(folder / "team.yaml"), "--seed", "1", "--out", str(out), "--overwrite"],
                       cwd=ROOT, check=True, capture_output=True, text=True, env=env)
        played = time.perf_counter() - started
        timed = [_cli_timed(out, cache) for _ in range(runs)]
        split = json.loads(subprocess.run([sys.executable, "-c", _LEFT_CHILD, str(out)], cwd=ROOT, check=True,
                                          capture_output=True, text=True, env=env).stdout.strip().splitlines()[-1])
    wall = [w for w, _ in timed]
    cpu = [c for _, c in timed]
    return {"drill_run_s": played, "cli_s": wall, "cli_median_s": statistics.median(wall), "cli_cpu_s": cpu,
            "cli_cpu_median_s": statistics.median(cpu), "split": split}


def measure(session: Path, distinct: int, runs: int = CLI_RUNS) -> dict:
    timed = [_cli_cold(session) for _ in range(runs)]
    cli = [wall for wall, _ in timed]
    cli_cpu = [cpu for _, cpu in timed]
    with tempfile.TemporaryDirectory() as cache:
        out = subprocess.run([sys.executable, "-c", _SPLIT_CHILD, str(session)], cwd=ROOT, check=True,
                             capture_output=True, text=True, env={**os.environ, "DRILL_CACHE_DIR": cache}).stdout
    split = json.loads(out.strip().splitlines()[-1])
    tone_s = max(split["first_score_s"] - split["cached_score_s"], 0.0)
    split["tone_analysis_s"] = tone_s
    split["tone_replies_per_s"] = distinct / tone_s if tone_s > 0 else None
    return {"cli_cold_s": cli, "cli_cold_median_s": statistics.median(cli), "cli_cpu_s": cli_cpu,
            "cli_cpu_median_s": statistics.median(cli_cpu), "split": split}


def run(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scoring")
    parser.add_argument("--quick", action="store_true",
                        help=f"a {QUICK_EVENTS:,}-event session with {QUICK_DISTINCT} distinct replies (sanity run)")
    parser.add_argument("--events", type=int, default=None, help="session size to build (default 10,000)")
    args, _ = parser.parse_known_args(argv)
    events_wanted = args.events or (QUICK_EVENTS if args.quick else TARGET_EVENTS)
    distinct_wanted = QUICK_DISTINCT if args.quick else TARGET_DISTINCT
    print(f"\n== drill score, cold, on a session of {events_wanted:,}+ events with "
          f"{distinct_wanted:,}+ distinct replies (gas scenario, streams scaled)")
    with tempfile.TemporaryDirectory() as folder:
        session, shape = grow_session(events_wanted, distinct_wanted, Path(folder))
        result = measure(session, shape["distinct_replies"], 1 if args.quick else CLI_RUNS)
        result["after_drill_run"] = after_drill_run(Path(folder), 1 if args.quick else CLI_RUNS)
    split = result["split"]
    cli = result["cli_cold_s"]
    print(f"`drill score` cold (fresh process, wall): median {result['cli_cold_median_s']:.2f} s of {len(cli)} "
          f"[{min(cli):.2f}–{max(cli):.2f}], CPU {result['cli_cpu_median_s']:.2f} s")
    print(f"  cold: a fresh process and an empty $DRILL_CACHE_DIR each run; shipped compiled rules, lemma index and "
          f"model weights in date: {split['rules_prepared']}")
    print(f"  split in a fresh process: imports {split['import_s']:.2f} s, reading the session {split['load_s']:.2f} s, "
          f"tone rules {split['rules_s']:.2f} s, first score() {split['first_score_s']:.2f} s, "
          f"score() again with every reply analysed {split['cached_score_s']:.2f} s")
    left = result["after_drill_run"]
    print(f"`drill score` right after `drill run` played the drill here (as drill leaves it; not the cold target): "
          f"median {left['cli_median_s']:.2f} s of {len(left['cli_s'])} [{min(left['cli_s']):.2f}–"
          f"{max(left['cli_s']):.2f}], CPU {left['cli_cpu_median_s']:.2f} s (drill run itself {left['drill_run_s']:.1f} s)")
    kept = left["split"]
    print(f"  split in a fresh process: imports {kept['import_s']:.2f} s, reading the session {kept['load_s']:.2f} s, "
          f"score() {kept['score_s']:.2f} s (the analyses read from the store {kept['of_which_store_s']:.2f} s, "
          f"everything else {kept['score_apart_from_store_s']:.2f} s), remembering the summary {kept['record_s']:.2f} s, "
          f"the lines printed {kept['report_s']:.2f} s")
    rate = split["tone_replies_per_s"]
    print(f"  tone analysis of {shape['distinct_replies']:,} distinct replies: {split['tone_analysis_s']:.2f} s"
          + (f" ({rate:,.0f} replies/s)" if rate else ""))
    checks = [
        _check("session size (events)", f">= {TARGET_EVENTS:,}", shape["events"], shape["events"] >= TARGET_EVENTS,
               f"{shape['events']:,}"),
        _check("distinct reply texts", f">= {TARGET_DISTINCT:,}", shape["distinct_replies"],
               shape["distinct_replies"] >= TARGET_DISTINCT, f"{shape['distinct_replies']:,}"),
        _check("drill score cold", "<= 1.5 s", result["cli_cold_median_s"],
               result["cli_cold_median_s"] <= TARGETS["cold_s"],
               f"{result['cli_cold_median_s']:.2f} s [{min(cli):.2f}–{max(cli):.2f}]"),
        _check("tone analysis rate (distinct replies)", ">= 500/s", rate, rate is not None and rate >= 500,
               "-" if rate is None else f"{rate:,.0f}/s"),
    ]
    if args.quick:
        for check in checks[:3]:
            check["met"] = None  # a quick run is a smaller session: no verdict on the full targets
            check["measured"] += " (quick)"
    return {"session": shape, **result, "targets": checks, "quick": bool(args.quick)}


def _check(name: str, target: str, value: float | None, met: bool, measured: str) -> dict:
    return {"name": name, "target": target, "value": value, "measured": measured, "met": met if value is not None else None}


if __name__ == "__main__":
    run(sys.argv[1:])

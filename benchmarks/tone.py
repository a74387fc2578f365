"""Tone analysis speed: distinct replies per second, start-up, and cost against reply length.

Issue 13 measured 15–25 ms per distinct reply and 3.6 s to load the rule files, and a
160,000-character line that took `drill tone` 37 s. Measured here, each part in a fresh
process so nothing is cached:

* start-up: importing the analyser and loading the rules and the model (one trivial reply in
  bokmål and one in English), in START_RUNS fresh processes of its own: the median with its
  min–max, as one cold start on a shared machine is one draw of its noise;
* throughput: every labelled development reply (tests/tone/labelled, about 1,700 distinct
  texts in bokmål, nynorsk and English, with their citizen comments) analysed once;
* length: one realistic reply repeated to 2,500 … 20,000 characters (the stated maximum), and
  one unbroken sentence of names and places as long, time per 1,000 characters at each length —
  linear means the figure stays flat (the check takes the worse of the two);
* the limit: `drill tone` given a 200,000-character line must refuse at once (exit 2, the
  message names the limit), and the scorer's path (`analyse_reply`) given 1,000,000
  characters must analyse a bounded prefix and say so in a finding.

Cold means a fresh process with an empty cache folder ($DRILL_CACHE_DIR): the analyser keeps
nothing in the user's cache. What makes its start quick ships with the package and is
committed: the rule files compiled to JSON (scoring/tone/prepared/rules.json), an index
into simplemma's dictionaries and the learned model's weights as a numpy array
(scoring/tone/prepared/); the run says whether they were in date with the rule files, the
installed simplemma and the model file (when not, the analyser reads the YAML, decodes
simplemma's dictionaries and parses the model's JSON as before, and the start-up figure shows it).

Run: ``python -m benchmarks tone``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATE = 500.0
TARGET_START_S = 1.5
START_RUNS = 5
# Time per 1,000 characters at the longest length over that at the shortest.
TARGET_LINEARITY = 2.0
REFUSAL_S = 3.0

_CHILD = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from scoring.tone import analyse_reply
from scoring.tone.evaluation import ANALYSER_LANGUAGE, read_labelled
analyse_reply("Takk for meldingen.", language="nb")
analyse_reply("Thank you for your message.", language="en")
start = time.perf_counter() - t0
items = [i for p in sorted(Path("tests/tone/labelled").glob("*.jsonl")) for i in read_labelled(p)]
texts = {(i.reply, i.context, ANALYSER_LANGUAGE[i.language]) for i in items}
t0 = time.perf_counter()
for reply, context, language in texts:
    analyse_reply(reply, language=language, context=context)
elapsed = time.perf_counter() - t0
unit = ("Vannet er stengt i Storgata fordi en hovedledning er skadet. Vi vet ikke ennå når det kommer "
        "tilbake, men neste melding kommer klokka 14. Hent vann ved brannstasjonen. ")
# One unbroken sentence of names and places: every capitalised word asks whether it opens its
# sentence, which once cost the whole sentence each time.
names = "og Kari Dahl og Ola Berg i Storgata ved Brannstasjonen på Torget "
lengths = {}
for kind, piece in (("sentences", unit), ("one sentence of names", names)):
    lengths[kind] = {}
    for size in (2500, 5000, 10000, 20000):
        text = (piece * (size // len(piece) + 1))[:size]
        t1 = time.perf_counter()
        analyse_reply(text, language="nb")
        lengths[kind][size] = time.perf_counter() - t1
t1 = time.perf_counter()
huge = analyse_reply("Ny melding. " + unit * 7000, language="nb")  # not the 20,000 text above, so nothing is cached
huge_s = time.perf_counter() - t1
from scoring.tone import compiled, lemmas, prepared_model
rules_prepared, lemmas_prepared, model_prepared = compiled.in_date(), lemmas.in_date(), prepared_model.in_date()
print(json.dumps({"start_s": start, "distinct": len(texts), "elapsed_s": elapsed, "lengths": lengths,
                  "huge_chars": len(unit * 7000), "huge_s": huge_s,
                  "huge_says_so": any(f.rule == "T5.too_long" for f in huge.findings),
                  "rules_prepared": rules_prepared, "lemmas_prepared": lemmas_prepared,
                  "model_prepared": model_prepared}))
"""


_START_CHILD = r"""
import time
t0 = time.perf_counter()
from scoring.tone import analyse_reply
analyse_reply("Takk for meldingen.", language="nb")
analyse_reply("Thank you for your message.", language="en")
print(time.perf_counter() - t0)
"""


def _start() -> float:
    """One cold start: a fresh process with an empty cache folder."""
    with tempfile.TemporaryDirectory() as cache:
        done = subprocess.run([sys.executable, "-c", _START_CHILD], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "DRILL_CACHE_DIR": cache})
    return float(done.stdout.strip().splitlines()[-1])


def _child() -> dict:
    with tempfile.TemporaryDirectory() as cache:
        done = subprocess.run([sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "DRILL_CACHE_DIR": cache})
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _refusal() -> tuple[float, int, str]:
    line = "Hei! " + "Dette er et veldig langt svar. " * 6500
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "drill", "tone", "--lang", "nb"], cwd=ROOT, input=line + "\n",
                          capture_output=True, text=True)
    return time.perf_counter() - t0, done.returncode, done.stderr.strip()


def run(argv: list[str] | None = None) -> dict:
    print("\n== tone analysis: start-up, distinct replies per second, cost against length, the length limit")
    child = _child()
    starts = [_start() for _ in range(START_RUNS)]
    start = statistics.median(starts)
    start_range = f"{min(starts):.2f}–{max(starts):.2f}"
    rate = child["distinct"] / child["elapsed_s"]
    per_k = {kind: {int(size): 1000 * seconds / int(size) for size, seconds in sizes.items()}
             for kind, sizes in child["lengths"].items()}
    linearity = max(k[max(k)] / k[min(k)] for k in per_k.values())
    refusal_s, code, message = _refusal()
    print(f"start-up (import, rules, model), cold: median {start:.2f} s [{start_range}] of {len(starts)} fresh processes "
          f"(in the throughput run's own process {child['start_s']:.2f} s); shipped compiled rules in date: "
          f"{child['rules_prepared']}, shipped lemma index in date: {child['lemmas_prepared']}, shipped model "
          f"weights in date: {child['model_prepared']}")
    print(f"{child['distinct']:,} distinct labelled replies in {child['elapsed_s']:.2f} s: {rate:,.0f} replies/s")
    for kind, sizes in per_k.items():
        print(f"seconds per 1,000 characters ({kind}): " + ", ".join(f"{size:,} chars {v * 1000:.1f} ms"
                                                                     for size, v in sizes.items()))
    print(f"{child['huge_chars']:,} characters through the scorer's path: {child['huge_s']:.2f} s, "
          f"bounded prefix said in a finding: {child['huge_says_so']}")
    print(f"`drill tone` on a {len('Hei! ') + 31 * 6500:,}-character line: exit {code} in {refusal_s:.2f} s: {message}")
    checks = [
        _check("distinct replies per second", f">= {TARGET_RATE:.0f}", rate, rate >= TARGET_RATE, f"{rate:,.0f}"),
        _check("start-up", f"<= {TARGET_START_S} s", start, start <= TARGET_START_S, f"{start:.2f} s [{start_range}]"),
        _check("time per character, 20,000 over 2,500 chars", f"<= {TARGET_LINEARITY}", linearity,
               linearity <= TARGET_LINEARITY, f"{linearity:.2f}"),
        _check("scorer path on 1M characters", f"<= {REFUSAL_S} s and says so", child["huge_s"],
               child["huge_s"] <= REFUSAL_S and child["huge_says_so"], f"{child['huge_s']:.2f} s"),
        _check("drill tone refuses an over-long reply", "exit 2, names the limit, at once", refusal_s,
               code == 2 and "20 000" in message and refusal_s <= REFUSAL_S, f"exit {code}, {refusal_s:.2f} s"),
    ]
    print(f"{'check':<48}{'target':<36}{'measured':<20}met")
    for c in checks:
        print(f"{c['name']:<48}{c['target']:<36}{c['measured']:<20}{'yes' if c['met'] else 'NO'}")
    return {"replies_per_s": rate, "start_s": start, "start_runs_s": starts, "ms_per_1000_chars": per_k,
            "huge_s": child["huge_s"], "refusal_s": refusal_s, "rules_prepared": child["rules_prepared"],
            "lemmas_prepared": child["lemmas_prepared"], "model_prepared": child["model_prepared"],
            "targets": checks}


def _check(name: str, target: str, value: float | None, met: bool, measured: str) -> dict:
    return {"name": name, "target": target, "value": value, "measured": measured, "met": met}


if __name__ == "__main__":
    run(sys.argv[1:])

"""Byte-identity of the tone analyser across a change of its engine: the check speed work needs.

A faster analyser must give every reply the same score, findings and learned features as the
one before it, on the same rules. This writes every analysis of every labelled reply
(tests/tone/labelled: development and kept-out files) and every example reply
(tests/tone/replies_*.yaml), each read as nb, nn and en, with its citizen comment and
without, as one JSON line: the `ToneResult` JSON and the learned model's feature names with
their spans. Run it in two checkouts that hold the same rule files and model (the engine
before and after), then compare:

    python -m benchmarks._tone_identity dump BEFORE.jsonl    # in the checkout before
    python -m benchmarks._tone_identity dump AFTER.jsonl     # in the checkout after
    python -m benchmarks._tone_identity compare BEFORE.jsonl AFTER.jsonl

`compare` prints how many analyses differ (and the first few) and exits 1 if any does. It is
not a benchmark (`python -m benchmarks` skips it) and not a test: a test cannot hold the
engine before a change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nb", "nn", "en")


def _replies() -> Iterator[tuple[str, str, str | None]]:
    """(id, reply, comment) of every labelled and example reply."""
    from ruamel.yaml import YAML

    from scoring.tone.evaluation import read_labelled

    for path in sorted((ROOT / "tests/tone/labelled").glob("*.jsonl")):
        for item in read_labelled(path):
            yield item.id, item.reply, item.context
    for path in sorted((ROOT / "tests/tone").glob("replies_*.yaml")):
        for raw in YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")):
            yield str(raw["id"]), str(raw["reply"]), raw.get("context")


def dump(out: Path) -> int:
    """Write every analysis as a JSON line; return how many."""
    from scoring.tone import analyse_reply, learned
    from scoring.tone.features import reply_features as features

    seen: list[list[Any]] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        found = features(*args, **kwargs)
        seen.append([[name, list(span)] for name, span in found.spans.items()])
        return found

    setattr(learned, "reply_features", recording)  # what learned.judge calls
    count = 0
    try:
        with out.open("w", encoding="utf-8") as lines:
            for reply_id, reply, comment in _replies():
                for language in LANGUAGES:
                    for context in ((comment, None) if comment else (None,)):
                        seen.clear()
                        result = analyse_reply(reply, language=language, context=context)
                        lines.write(json.dumps([reply_id, language, context is not None, result.model_dump_json(), seen],
                                               ensure_ascii=False) + "\n")
                        count += 1
    finally:
        setattr(learned, "reply_features", features)
    return count


def compare(before: Path, after: Path, shown: int = 5) -> int:
    """How many analyses differ between two dumps (printing the first few)."""
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"the dumps differ in length: {len(old)} and {len(new)} analyses (different rule or example files?)")
        return max(len(old), len(new))
    differing = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
    print(f"{len(old):,} analyses, {len(differing)} differ")
    for i in differing[:shown]:
        a, b = json.loads(old[i]), json.loads(new[i])
        print(f"{a[0]} ({a[1]}, {'with' if a[2] else 'without'} its comment)")
        print(f"  before: {a[3]}\n  after:  {b[3]}" if a[3] != b[3] else "  the learned features differ")
    return len(differing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks._tone_identity", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("dump").add_argument("out", type=Path)
    both = commands.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        print(f"{dump(args.out):,} analyses written to {args.out}")
        return 0
    return 1 if compare(args.before, args.after) else 0


if __name__ == "__main__":
    sys.exit(main())

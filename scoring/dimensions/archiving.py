"""Archiving (A1–A2): archive-worthy dialogues marked, routine Q&A not over-archived.

A missed mark is a record-keeping shortcoming: its severity follows the share missed and never
rises above A1's ceiling in the rubric. A drill ended early counts the archive-worthy items
planned for the unplayed time as not marked.
"""

from __future__ import annotations

from scoring.context import ScoringContext
from scoring.findings import DimensionResult, RuleResult
from scoring.planned import unplayed_for
from scoring.texts import say, say_n, share


def score_archiving(ctx: ScoringContext) -> DimensionResult:
    lang = ctx.lang
    worthy = [i for i in ctx.items if i.labels.archive_worthy]
    marked = [i for i in ctx.items if i.archived]
    results: list[RuleResult] = []
    unplayed = unplayed_for(ctx).archive_worthy
    if worthy or unplayed:
        done = [i for i in worthy if i.archived]
        missed = [i for i in worthy if not i.archived]
        total = len(worthy) + unplayed
        what = say_n(lang, "findings.archiving.a1", total, share=share(len(done), total, lang))
        if unplayed:
            what += say(lang, "findings.archiving.a1_unplayed", n=unplayed)
        results.append(RuleResult(
            "A1", what, score=100.0 * len(done) / total,
            items=[ctx.ref(i) for i in missed],
            metrics={"worthy": total, "marked": len(done)} | ({"unplayed": unplayed} if unplayed else {})))
    if marked:
        routine = [i for i in marked if not i.labels.archive_worthy]
        results.append(RuleResult(
            "A2", say_n(lang, "findings.archiving.a2", len(marked), share=share(len(routine), len(marked), lang)),
            score=100.0 * (1 - len(routine) / len(marked)), items=[ctx.ref(i) for i in routine[:6]],
            metrics={"marked": len(marked), "routine": len(routine)}))
    if not results:
        return DimensionResult("archiving", [], say(lang, "findings.archiving.none"))
    summary = say_n(lang, "findings.archiving.summary", len(marked), worthy=len(worthy))
    return DimensionResult("archiving", results, summary)

"""Archiving (A1–A2): archive-worthy dialogues marked, routine Q&A not over-archived."""

from __future__ import annotations

from scoring.context import ScoringContext
from scoring.findings import DimensionResult, RuleResult
from scoring.texts import pick, share


def score_archiving(ctx: ScoringContext) -> DimensionResult:
    lang = ctx.lang
    worthy = [i for i in ctx.items if i.labels.archive_worthy]
    marked = [i for i in ctx.items if i.archived]
    results: list[RuleResult] = []
    if worthy:
        done = [i for i in worthy if i.archived]
        missed = [i for i in worthy if not i.archived]
        results.append(RuleResult(
            "A1", pick(lang, f"{share(len(done), len(worthy), lang)} arkivverdige dialoger ble merket for arkiv.",
                       f"{share(len(done), len(worthy), lang)} archive-worthy dialogues were marked for the archive."),
            score=100.0 * len(done) / len(worthy), severity="major" if len(done) < len(worthy) / 2 else None,
            items=[ctx.ref(i) for i in missed], metrics={"worthy": len(worthy), "marked": len(done)}))
    if marked:
        routine = [i for i in marked if not i.labels.archive_worthy]
        results.append(RuleResult(
            "A2", pick(lang, f"{share(len(routine), len(marked), lang)} arkivmerkinger gjaldt rutinespørsmål uten "
                             f"dokumentasjonsverdi.",
                       f"{share(len(routine), len(marked), lang)} archive marks were on routine items with no "
                       f"documentary value."),
            score=100.0 * (1 - len(routine) / len(marked)), items=[ctx.ref(i) for i in routine[:6]],
            metrics={"marked": len(marked), "routine": len(routine)}))
    if not results:
        return DimensionResult("archiving", [], pick(lang, "Ingen arkivverdige dialoger i denne øvelsen.",
                                                     "No archive-worthy dialogues in this drill."))
    summary = pick(lang, f"{len(marked)} dialoger merket for arkiv; {len(worthy)} var arkivverdige.",
                   f"{len(marked)} dialogues marked for the archive; {len(worthy)} were archive-worthy.")
    return DimensionResult("archiving", results, summary)

"""Archiving (A1–A2): archive-worthy dialogues marked, routine Q&A not over-archived, and the
team's own posts marked as the municipality's publication.

A missed mark is a record-keeping shortcoming: its severity follows the share missed and never
rises above A1's ceiling in the rubric. A drill ended early counts the archive-worthy items
planned for the unplayed time as not marked.

The team's own posts and their threads are archived as a rule (A2, DIFI), so an unmarked post is
a gap, though never above A2's ceiling (minor). Each post weighs what one archive-worthy dialogue
weighs in A1, but the posts together never weigh more than A2's own rubric weight: a team posts
an update every half hour in a crisis, and five routine updates must not outweigh the three
complaints that were case documents (with A1 at 2 and A2 at 1, the posts are at most a third of
what A1 and they weigh together). With no archive-worthy dialogue the posts weigh A2's weight.
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
    posts = _own_posts(ctx, len(worthy) + unplayed)
    if posts is not None:
        results.append(posts)
    if not results:
        return DimensionResult("archiving", [], say(lang, "findings.archiving.none"))
    summary = say_n(lang, "findings.archiving.summary", len(marked), worthy=len(worthy))
    if posts is not None:
        summary += " " + say_n(lang, "findings.archiving.posts", int(posts.metrics["posts"]),
                               share=share(int(posts.metrics["marked"]), int(posts.metrics["posts"]), lang))
    return DimensionResult("archiving", results, summary)


def _own_posts(ctx: ScoringContext, worthy: int) -> RuleResult | None:
    """A2 for the team's official posts: the share marked for the archive, weighted as the module says."""
    posts = ctx.state.official_posts
    if not posts:
        return None
    marked = {p.post_id for p in posts if p.archived}
    lang = ctx.lang
    what = say_n(lang, "findings.archiving.posts", len(posts), share=share(len(marked), len(posts), lang))
    if len(marked) < len(posts):
        what += say(lang, "findings.archiving.posts_missed")
    weight = ctx.rubric.rule("A2").weight
    if worthy:
        weight = min(weight, len(posts) * ctx.rubric.rule("A1").weight / worthy)
    missed = [ctx.text_ref(text) for text in ctx.official_posts if text.id not in marked]
    return RuleResult("A2", what, score=100.0 * len(marked) / len(posts), items=missed[:6], weight=weight,
                      metrics={"posts": len(posts), "marked": len(marked)})

"""What the team did well, told as moments: "Kl. 11:06 rettet dere ryktet «…», 4 min etter at det kom".

A strength's finding says what was measured ("3 av 3 rykter ble rettet innen 20 min"); a team
learns more from seeing the moment it got something right. For each strength this module picks
the team's own actions that earned it, straight from the drill's account (the scoring
context), and words them with the clock time. Rules with nothing to point at (a note about how
time was measured, say) get no moment, and the finding's own sentence stands alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from drill.events import ArchiveMarked, DutyHandedOver, Event
from drill.scenario.models import ItemKind, Scenario
from drill.state import ItemView
from scoring.context import ScoringContext, TeamText
from scoring.models import Finding, ScoreReport
from scoring.texts import duration, quote, quoted, say

MOMENTS_PER_STRENGTH = 2
_CANDIDATES = 6
"""Each finder offers a few moments, best first; one already told under another strength is skipped."""
_QUOTE = 70

Moment = tuple[float, str]
"""When the team acted (simulated seconds) and the sentence that says so."""


def team_did(scenario: Scenario, events: list[Event], report: ScoreReport, n: int = 8, *,
             ctx: ScoringContext | None = None) -> dict[str, list[str]]:
    """For each of the report's strengths (by rule id), the team's moments that earned it;
    `ctx`: the facts the report was scored on, if the caller has them (`scoring.scorer.scored`)."""
    ctx = ctx or ScoringContext(scenario, list(events), report.language)
    return moments_for(ctx, report.strengths(n))


def moments_for(ctx: ScoringContext, strengths: Iterable[Finding]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    told: set[str] = set()
    for finding in strengths:
        if finding.rule in found:
            continue
        finder = _FINDERS.get(finding.rule) or (_tone if finding.rule.startswith("T") else None)
        if finder is None:
            continue
        fresh = [m for m in finder(ctx, finding.rule) if m[1] not in told][:MOMENTS_PER_STRENGTH]
        if fresh:
            told.update(sentence for _, sentence in fresh)
            found[finding.rule] = [sentence for _, sentence in sorted(fresh, key=lambda m: m[0])]
    return found


def _q(ctx: ScoringContext, text: str) -> str:
    return quoted(quote(text, _QUOTE), ctx.lang)


def _at(ctx: ScoringContext, t: float) -> str:
    return ctx.clock.label(t)


def _corrections(ctx: ScoringContext, _rule: str) -> list[Moment]:
    """Rumours and false claims the team corrected, the ones that spread on the network first."""
    claims = [i for i in ctx.items if i.is_comment and i.labels.false_claim]
    done = [(i, at) for i in claims if (at := ctx.addressed_at(i)) is not None]
    done.sort(key=lambda pair: (not pair[0].spreads, pair[1] - pair[0].t))
    return [(at, say(ctx.lang, "report.did.correction", at=_at(ctx, at), quote=_q(ctx, i.text),
                     after=duration(at - i.t, ctx.lang))) for i, at in done[:_CANDIDATES]]


def _first_post(ctx: ScoringContext, _rule: str) -> list[Moment]:
    posts = ctx.official_posts
    if not posts:
        return []
    first = posts[0]
    return [(first.t, say(ctx.lang, "report.did.first_post", at=_at(ctx, first.t),
                          after=duration(first.t, ctx.lang)))]


def _posts_with(ctx: ScoringContext, tone_rule: str, key: str) -> list[Moment]:
    posts = [p for p in ctx.official_posts if any(f.rule == tone_rule for f in p.tone.findings)]
    return [(p.t, say(ctx.lang, key, at=_at(ctx, p.t), quote=_q(ctx, p.text))) for p in posts[:_CANDIDATES]]


def _updates(ctx: ScoringContext, _rule: str) -> list[Moment]:
    return _posts_with(ctx, "K3.next_update", "report.did.update")


def _advice(ctx: ScoringContext, _rule: str) -> list[Moment]:
    return _posts_with(ctx, "K7.actionable_advice", "report.did.post")


def _linked(ctx: ScoringContext, _rule: str) -> list[Moment]:
    official = ctx.scenario.municipality.official_link
    posts = [p for p in ctx.official_posts if p.link or (official and official.lower() in p.text.lower())]
    return [(p.t, say(ctx.lang, "report.did.post", at=_at(ctx, p.t), quote=_q(ctx, p.text)))
            for p in posts[:1]]


def _texts(ctx: ScoringContext, texts: list[TeamText]) -> list[Moment]:
    return [(t.t, say(ctx.lang, "report.did.text", at=_at(ctx, t.t), quote=_q(ctx, t.text)))
            for t in texts[:_CANDIDATES]]


def _police(ctx: ScoringContext, _rule: str) -> list[Moment]:
    return _texts(ctx, [t for t in ctx.team_texts if any(f.rule == "K5.refers_to_police" for f in t.tone.findings)])


def _empathy(ctx: ScoringContext, _rule: str) -> list[Moment]:
    warm = {*ctx.texts_with("K8", negative=False)}
    return _texts(ctx, [t for t in ctx.public_replies if t.id in warm and t.item is not None
                        and t.item.labels.kind == ItemKind.complaint])


def _tone(ctx: ScoringContext, rule: str) -> list[Moment]:
    """Texts whose wording earned the tone rule its points."""
    good = {*ctx.texts_with(rule, negative=False)}
    return _texts(ctx, [t for t in ctx.team_texts if t.id in good])


def _fast_replies(ctx: ScoringContext, _rule: str) -> list[Moment]:
    """The quickest answers to people who needed one."""
    answered = [(i, at) for i in ctx.items if i.labels.needs_reply and (at := ctx.first_response_at(i)) is not None]
    answered.sort(key=lambda pair: pair[1] - pair[0].t)
    return [(at, say(ctx.lang, "report.did.fast_reply", at=_at(ctx, at), quote=_q(ctx, i.text),
                     after=duration(at - i.t, ctx.lang))) for i, at in answered[:_CANDIDATES]]


def _criticism(ctx: ScoringContext, _rule: str) -> list[Moment]:
    """Complaints left standing and answered: what KS asks for instead of removing them."""
    answered = [(i, at) for i in ctx.items if i.is_comment and i.labels.kind == ItemKind.complaint
                and i.visibility == "visible" and (at := ctx.addressed_at(i)) is not None]
    if not answered:
        return _fast_replies(ctx, _rule)
    return [(at, say(ctx.lang, "report.did.criticism_answered", at=_at(ctx, at), quote=_q(ctx, i.text)))
            for i, at in answered[:_CANDIDATES]]


def _removals(ctx: ScoringContext, which: Callable[[ItemView], bool], key: str) -> list[Moment]:
    rows = []
    for removal in ctx.removals:
        item = ctx.state.items.get(removal.item_id)
        if item is None or not item.labels.deletion_justified or not which(item):
            continue
        rows.append((removal.t, say(ctx.lang, key, at=_at(ctx, removal.t), quote=_q(ctx, item.text),
                                    reason=say(ctx.lang, f"report.reason_{removal.reason}"),
                                    after=duration(removal.t - item.t, ctx.lang))))
    return rows


def _removed(ctx: ScoringContext, _rule: str) -> list[Moment]:
    return _removals(ctx, lambda item: True, "report.did.removed")


def _private(ctx: ScoringContext, _rule: str) -> list[Moment]:
    return _removals(ctx, lambda item: bool(item.labels.personal_data) or item.labels.kind == ItemKind.personal_data,
                     "report.did.hidden_private")


def _archived(ctx: ScoringContext, _rule: str) -> list[Moment]:
    rows = []
    for event in ctx.events:
        p = event.payload
        if isinstance(p, ArchiveMarked):
            item = ctx.state.items.get(p.item_id)
            if item is not None and item.labels.archive_worthy:
                rows.append((event.t, say(ctx.lang, "report.did.archived", at=_at(ctx, event.t),
                                          quote=_q(ctx, item.text))))
    return rows


def _handovers(ctx: ScoringContext, _rule: str) -> list[Moment]:
    """One person on duty at a time: the handovers that kept it so."""
    rows = []
    for event in ctx.events:
        p = event.payload
        if isinstance(p, DutyHandedOver) and p.from_member:
            rows.append((event.t, say(ctx.lang, "report.did.handover", at=_at(ctx, event.t), giver=p.from_member,
                                      taker=p.to_member)))
    return rows[:_CANDIDATES]


def _praise(ctx: ScoringContext, rule: str) -> list[Moment]:
    corrected = _corrections(ctx, rule)
    if corrected:
        return corrected
    thanked = [(i, at) for i in ctx.items if i.is_comment and i.labels.kind == ItemKind.praise
               and (at := ctx.response_at(i)) is not None]
    return [(at, say(ctx.lang, "report.did.praise", at=_at(ctx, at), quote=_q(ctx, i.text)))
            for i, at in thanked[:_CANDIDATES]]


_FINDERS: dict[str, Callable[[ScoringContext, str], list[Moment]]] = {
    "S1": _fast_replies, "S2": _fast_replies, "S5": _fast_replies,
    "C1": _criticism, "C2": _handovers, "C3": _praise,
    "K1": _first_post, "K2": _first_post, "K3": _updates, "K4": _linked, "K5": _police, "K6": _corrections,
    "K7": _advice, "K8": _empathy,
    "M1": _removed, "M2": _criticism, "M3": _private, "M4": _removed, "P3": _private,
    "A1": _archived,
}

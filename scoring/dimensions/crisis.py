"""Crisis handling (K1–K8): first message, update rhythm, one official page, casualty facts
left to the police, rumours corrected (with the reach the correction prevented), actionable
advice and empathy.

Rules about an active incident (K2, K3, K4, K7) apply only when the scenario has one; rumour
correction (K6), casualty facts (K5) and empathy (K8) apply to every drill, and so does K2's
"no speculation" once a text speculates (then only ever against the team). Official posts that
repeat an earlier one without news are noise, not updates: they are named under K3 and do not
keep the update rhythm.

A drill ended early is judged on the planned time: no first statement is a missing statement,
the unplayed time has no updates, and the rumours planned for it count as never corrected.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache

from drill.scenario.models import Channel, ItemKind, ScenarioKind
from drill.state import ItemView
from scoring.context import ScoringContext, TeamText
from scoring.findings import DimensionResult, RuleResult, weighted_mean
from scoring.models import RumourReach
from scoring.planned import played_for, unplayed_for
from scoring.texts import approx, duration, number, quote, quoted, say, say_n, share
from scoring.tone.models import ToneFinding

# Word stems that carry casualty facts; a team text discloses the police's facts when it uses a
# stem that also occurs in a casualty message from the police (or when the tone analyser's
# K5.casualty_facts rule fires).
_CASUALTY_STEMS = ("skad", "død", "omkom", "legevakt", "sykehus", "pustevansk", "bevisstløs", "ambulans",
                   "savnet", "injur", "dead", "died", "hospital", "casualt", "wounded", "missing", "unconscious")
_WORD = re.compile(r"\w+", re.UNICODE)
_RELEASE = re.compile(r"\b(?:kl\.?|at)\s*(\d{1,2})[.:](\d{2})\b", re.IGNORECASE)
# An agency message that says its facts may be passed on ("Dette kan deles", "may be shared")
# publishes them as it arrives, whether or not the author labelled it casualty_facts.
_SHAREABLE = re.compile(r"\b(?:kan|may|can)\s+(?:no\s+|nå\s+|now\s+)?(?:be\s+)?(?:deles|delast|publiseres|publiserast|"
                        r"offentliggjøres|offentleggjerast|shared|published|made\s+public)\b", re.IGNORECASE)


def score_crisis(ctx: ScoringContext, rumours: list[RumourReach]) -> DimensionResult:
    results: list[RuleResult] = []
    active = ctx.thresholds.incident_active
    if active:
        results += [_k1(ctx), *_k2(ctx), _k3(ctx), _k4(ctx)]
        # Advice on what to do and how long it lasts is for an incident people must act on (a
        # leak, a power cut); a reputation case has statements to make, not advice to give.
        k7 = _k7(ctx) if ctx.scenario.kind != ScenarioKind.reputation else None
        if k7:
            results.append(k7)
    noise = _noise(ctx)
    if noise:
        results.append(noise)
    for rule in (_k5(ctx), _k6(ctx, rumours), _k8(ctx)):
        if rule:
            results.append(rule)
    if not active:
        guess = _everyday_guess(ctx, results)
        if guess:
            results.insert(0, guess)
    lang = ctx.lang
    posts = ctx.official_posts
    if posts:
        summary = say_n(lang, "findings.crisis.summary", len(posts), at=ctx.clock.label(posts[0].t))
    else:
        summary = say(lang, "findings.crisis.no_posts")
    return DimensionResult("crisis", results, summary)


def _k1(ctx: ScoringContext) -> RuleResult:
    lang = ctx.lang
    first = min((t.t for t in ctx.team_texts), default=None)
    replies = [r.t for r in ctx.state.replies.values()]
    first_any = min([x for x in [first, min(replies, default=None)] if x is not None], default=None)
    if first_any is None:
        what = say(lang, "findings.crisis.k1_invisible")
    else:
        what = say(lang, "findings.crisis.k1_first", at=ctx.clock.label(first_any), after=duration(first_any, lang))
    return RuleResult("K1", what, metrics={"first_action_s": -1.0 if first_any is None else first_any})


def _everyday_guess(ctx: ScoringContext, others: list[RuleResult]) -> RuleResult | None:
    """K2's wording on a day without an incident: no first message to time, but a guess at the
    cause of an error ("truleg ein ny sakshandsamar") is as public as in a crisis. It is named only
    when a text guesses, so it may only count against the team: its score is at most what the
    other crisis rules make together. Scored on its own share it would lift a team whose other
    rules score lower, and a poor team that guessed would rank above one that did not."""
    wording = _k2_wording(ctx)
    if wording is None or not wording.metrics["speculating"] or wording.score is None:
        return None
    ceiling = weighted_mean(others, ctx.rubric)
    if ceiling is None or wording.score <= ceiling:
        return wording
    return replace(wording, score=ceiling, severity=wording.severity or ctx.rubric.policy.severity_for(wording.score))


def _k2(ctx: ScoringContext) -> list[RuleResult]:
    lang, th = ctx.lang, ctx.thresholds
    spec = ctx.rubric.rule("K2")
    timing_weight = spec.param("timing_weight")
    posts = ctx.official_posts
    early = played_for(ctx).ended_early
    if not posts and ctx.end < th.first_post_within and not early:
        return [RuleResult("K2", say(lang, "findings.crisis.k2_not_due", target=duration(th.first_post_within, lang)))]
    if not posts:
        what = say(lang, "findings.crisis.k2_none", target=duration(th.first_post_within, lang))
        if early:
            what += say(lang, "findings.crisis.k2_none_early")
        timing = RuleResult("K2", what, score=0.0, severity="critical", weight=timing_weight,
                            metrics={"first_post_s": -1.0})
        return [timing]
    first = posts[0]
    # Full marks within the target, falling linearly to nothing at the latest acceptable time.
    if first.t <= th.first_post_within:
        timing_score = 100.0
    elif first.t < th.first_post_at_most:
        timing_score = 100.0 * (th.first_post_at_most - first.t) / (th.first_post_at_most - th.first_post_within)
    else:
        timing_score = 0.0
    what = say(lang, "findings.crisis.k2_first", at=ctx.clock.label(first.t), after=duration(first.t, lang),
               target=duration(th.first_post_within, lang), latest=duration(th.first_post_at_most, lang))
    late = first.t > th.first_post_within
    timing = RuleResult("K2", what, score=timing_score, weight=timing_weight, items=[ctx.text_ref(first)],
                        verdict="improvement" if late else None,
                        severity=("critical" if first.t > th.first_post_at_most else "major") if late else None,
                        metrics={"first_post_s": first.t, "target_s": th.first_post_within})
    wording = _k2_wording(ctx)
    return [timing] if wording is None else [timing, wording]


def _k2_wording(ctx: ScoringContext) -> RuleResult | None:
    """Speculation and reassurance nobody can give yet, in every public text (None: no texts)."""
    lang = ctx.lang
    spec = ctx.rubric.rule("K2")
    texts = ctx.team_texts
    if not texts:
        return None
    posts = ctx.official_posts
    sources = _official_sources(ctx)
    speculating = [t for t in texts if any(f.rubric == "K2" and f.weight < 0 and not _grounded(t, f, sources)
                                           for f in t.tone.findings)]
    open_about = [t for t in posts if any(f.rule == "K2.uncertainty" for f in t.tone.findings)]
    wording_score = 100.0 * (1 - len(speculating) / len(texts))
    wording_what = say_n(lang, "findings.crisis.k2_wording", len(texts), share=share(len(speculating), len(texts), lang),
                         open_share=share(len(open_about), len(posts), lang))
    if speculating:
        wording_score = min(wording_score, spec.param("wording_cap_when_speculating"))
    # A false reassurance while people may be in danger is the harm K2 exists to prevent.
    def reassures(text: TeamText) -> list[ToneFinding]:
        return [f for f in text.tone.findings if f.rule in spec.critical_when and not _grounded(text, f, sources)]

    grave = [t for t in speculating if reassures(t)]
    if grave and ctx.thresholds.incident_active:
        example = reassures(grave[0])[0].matched
        wording_what += say(lang, "findings.crisis.k2_grave", n=len(grave), example=quoted(example, lang))
    wording = RuleResult("K2", wording_what, score=wording_score, weight=spec.param("wording_weight"),
                         severity="critical" if grave and ctx.thresholds.incident_active else None,
                         verdict="improvement" if grave and ctx.thresholds.incident_active else None,
                         items=[ctx.text_ref(t) for t in (grave + [t for t in speculating if t not in grave])[:5]],
                         metrics={"speculating": len(speculating), "open_about_uncertainty": len(open_about),
                                  "false_reassurance": len(grave)})
    return wording


_SENTENCE_END = re.compile(r"[.!?:;\n]")
_GROUNDING_STEM = 5
"""Letters of a word compared when a reassurance is looked for in a source ("pumpestasjonen"
and "pumpestasjon" agree; "aggregat" and "reserveaggregat" do not, which errs towards asking)."""


def _official_sources(ctx: ScoringContext) -> list[ItemView]:
    """What the team was told by those who know: agencies and its own organisation."""
    return [i for i in ctx.items if i.labels.kind in (ItemKind.authority, ItemKind.internal)]


def _sentence_around(text: str, start: int, end: int) -> str:
    before = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return text[before:after.start() if after else len(text)]


def _grounded(text: TeamText, finding: ToneFinding, sources: list[ItemView]) -> bool:
    """Is a reassurance one the team was given before it wrote (the waterworks' "vannet er trygt
    å drikke", passed on by the team)? Then it is information with a source, not a promise
    nobody can give yet (K2). It is, when an agency's or the organisation's message that came
    earlier holds at least two of the sentence's content words and most of them."""
    if finding.flag != "false_reassurance":
        return False
    sentence = _sentence_around(text.text, *finding.span)
    stems = {w.lower()[:_GROUNDING_STEM] for w in _WORD.findall(sentence) if len(w) > 3 and not w.isdigit()}
    if len(stems) < 2:
        return False
    for source in sources:
        if source.t > text.t:
            continue
        known = stems & {w.lower()[:_GROUNDING_STEM] for w in _WORD.findall(source.text)}
        if len(known) >= 2 and 2 * len(known) >= len(stems):
            return True
    return False


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text) if len(w) > 2 and not w.isdigit())


def repeated_posts(ctx: ScoringContext) -> list[TeamText]:
    """Official posts that repeat an earlier post without news: their words (clock times and
    numbers aside) overlap an earlier post's at least as much as the rubric's similarity."""
    def compute() -> list[TeamText]:
        limit = ctx.rubric.rule("K3").param("repeat_similarity")
        seen: list[frozenset[str]] = []
        repeats = []
        for post in ctx.official_posts:
            words = _words(post.text)
            if any(words and (len(words & other) / len(words | other)) >= limit for other in seen):
                repeats.append(post)
            seen.append(words)
        return repeats
    return ctx.memo("repeated_posts", compute)


def _noise(ctx: ScoringContext) -> RuleResult | None:
    posts, repeats = ctx.official_posts, repeated_posts(ctx)
    if not repeats:
        return None
    lang = ctx.lang
    what = say(lang, "findings.crisis.k3_noise", share=share(len(repeats), len(posts), lang),
               example=quoted(quote(repeats[0].text, 70), lang))
    return RuleResult("K3", what, score=100.0 * (1 - len(repeats) / len(posts)), verdict="improvement",
                      items=[ctx.text_ref(p) for p in repeats[:5]],
                      metrics={"posts": len(posts), "repeated_without_news": len(repeats)})


def _k3(ctx: ScoringContext) -> RuleResult:
    lang, every = ctx.lang, ctx.thresholds.update_every
    spec = ctx.rubric.rule("K3")
    played = played_for(ctx)
    repeats = {p.id for p in repeated_posts(ctx)}
    posts = [p for p in ctx.official_posts if p.id not in repeats]
    if not posts and ctx.end < ctx.thresholds.first_post_within and not played.ended_early:
        return RuleResult("K3", say(lang, "findings.crisis.k3_none_yet"))
    if not posts:
        return RuleResult("K3", say(lang, "findings.crisis.k3_none"), score=0.0, severity="major")
    # Ended early: the planned time nobody played had no updates either.
    horizon = played.planned_s if played.ended_early else ctx.end
    marks = [p.t for p in posts] + [max(horizon, posts[-1].t)]
    gaps = [b - a for a, b in zip(marks, marks[1:])]
    period = marks[-1] - marks[0]
    overdue = sum(max(0.0, g - every) for g in gaps)
    cadence = 100.0 if period <= 0 else 100.0 * (1 - overdue / period)
    with_next = [p for p in posts if any(f.rule == "K3.next_update" for f in p.tone.findings)]
    score = (spec.param("cadence_share") * cadence
             + spec.param("next_update_share") * 100.0 * len(with_next) / len(posts))
    longest = max(gaps) if gaps else 0.0
    what = say_n(lang, "findings.crisis.k3", len(posts), longest=duration(longest, lang), every=duration(every, lang),
                 overdue=duration(overdue, lang), next_share=share(len(with_next), len(posts), lang))
    return RuleResult("K3", what, score=score, metrics={"updates": len(posts), "longest_gap_s": longest,
                                                        "overdue_s": overdue, "with_next_update": len(with_next)})


def _normal_link(link: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", link.strip().lower()).rstrip("/")


def _k4(ctx: ScoringContext) -> RuleResult:
    lang = ctx.lang
    posts = ctx.official_posts
    official = ctx.scenario.municipality.official_link
    if not posts and ctx.end < ctx.thresholds.first_post_within and not played_for(ctx).ended_early:
        return RuleResult("K4", say(lang, "findings.crisis.k4_none_yet"))
    if not posts:
        return RuleResult("K4", say(lang, "findings.crisis.k4_none"), score=0.0, severity="major")
    if official:
        target = _normal_link(official)
        linking = [p for p in posts if (p.link and _normal_link(p.link) == target) or target in p.text.lower()]
        where = official
    else:
        links = {_normal_link(p.link) for p in posts if p.link}
        main = max(links, key=lambda x: sum(1 for p in posts if p.link and _normal_link(p.link) == x), default=None)
        linking = [p for p in posts if p.link and _normal_link(p.link) == main]
        where = main or "–"
    missing = [p for p in posts if p not in linking]
    what = say_n(lang, "findings.crisis.k4", len(posts), share=share(len(linking), len(posts), lang), where=where)
    return RuleResult("K4", what, score=100.0 * len(linking) / len(posts), items=[ctx.text_ref(p) for p in missing[:5]],
                      metrics={"posts": len(posts), "linking": len(linking)})


_CASUALTY_WORD = re.compile(r"\b(" + "|".join(_CASUALTY_STEMS) + r")\w*", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    return frozenset(m.lower() for m in _CASUALTY_WORD.findall(text))


def _release_time(ctx: ScoringContext, item: ItemView) -> float:
    """When the police said they would publish (a clock time in their message); on arrival when
    the message says it may be shared; else never."""
    match = _RELEASE.search(item.text)
    if not match:
        return item.t if _SHAREABLE.search(item.text) else float("inf")
    hour, minute = int(match.group(1)), int(match.group(2))
    arrived: datetime = ctx.clock.at(item.t)
    moment = arrived.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if moment < arrived:
        moment += timedelta(days=1)
    return item.t + (moment - arrived).total_seconds()


def _released_stems(known: list[tuple[float, float, frozenset[str]]], t: float) -> frozenset[str]:
    """The casualty stems of the police messages whose own release time had passed by `t`."""
    return frozenset().union(*(stems for _, release, stems in known if release <= t))


def _repeats_released(words: str, released: frozenset[str]) -> bool:
    """Whether flagged casualty words only repeat what the police had published: every stem in
    them is one of theirs (words with no known stem are a fact of the team's own)."""
    own = _stems(words)
    return bool(own) and own <= released


def _k5(ctx: ScoringContext) -> RuleResult | None:
    lang = ctx.lang
    agencies = [i for i in ctx.items if i.labels.kind == ItemKind.authority or i.channel == Channel.emergency]
    sources = [i for i in agencies if i.labels.casualty_facts or (_SHAREABLE.search(i.text) and _stems(i.text))]
    known = [(s.t, _release_time(ctx, s), _stems(s.text)) for s in sources]
    disclosures: list[tuple[TeamText, str]] = []
    k5_hits = ctx.texts_with("K5", negative=True)
    for text in ctx.team_texts:
        # The analyser flags casualty facts whenever the text does not name the police as its
        # source; a fact the police had already published by then is theirs to share (rubric K5).
        released = _released_stems(known, text.t)
        # A span with no casualty word of its own (the learned model's "person") is judged by the text's words.
        flagged = [f.matched or f.rule for f in k5_hits.get(text.id, [])
                   if not _repeats_released(f.matched if f.matched and _stems(f.matched) else text.text, released)]
        own = _stems(text.text)
        if flagged:
            # Name the police's own fact the text tells ahead of them ("legevakten") where it shares one; the
            # analyser's span may be a word that only points at it ("person").
            shared: frozenset[str] = next((own & stems for arrived, release, stems in known
                                           if arrived <= text.t < release and own & stems), frozenset())
            words = [w for w in _WORD.findall(text.text) if any(w.lower().startswith(s) for s in shared)]
            disclosures.append((text, ", ".join(words) if words else flagged[0]))
            continue
        for arrived, release, stems in known:
            common = own & stems
            if arrived <= text.t < release and common:
                words = [w for w in _WORD.findall(text.text) if any(w.lower().startswith(s) for s in common)]
                disclosures.append((text, ", ".join(words)))
                break
    if not sources and not disclosures:
        return None
    if disclosures:
        first_text, matched = disclosures[0]
        # The police time named is one still ahead of the text: a release already past is not
        # what the text came before.
        release = min((r for _, r, _ in known if r > first_text.t), default=float("inf"))
        police = (say(lang, "findings.crisis.k5_police", at=ctx.clock.label(release))
                  if release != float("inf") else "")
        what = say_n(lang, "findings.crisis.k5_disclosed", len(disclosures), at=ctx.clock.label(first_text.t),
                     matched=quoted(matched, lang), police=police)
        return RuleResult("K5", what, score=0.0, severity="critical",
                          items=[ctx.text_ref(t) for t, _ in disclosures[:5]],
                          metrics={"disclosures": len(disclosures)})
    referring = [t for t in ctx.team_texts if any(f.rule == "K5.refers_to_police" for f in t.tone.findings)]
    what = say(lang, "findings.crisis.k5_clean")
    if referring:
        what += say(lang, "findings.crisis.k5_referring", n=len(referring))
    return RuleResult("K5", what, score=100.0, items=[ctx.text_ref(t) for t in referring[:3]],
                      metrics={"disclosures": 0, "referred_to_police": len(referring)})


def rumour_reach(ctx: ScoringContext) -> list[RumourReach]:
    """Rumours that spread on the network, with their counterfactual reach when recorded."""
    rows = []
    for item in ctx.items:
        if not item.labels.false_claim:
            continue
        cf = ctx.counterfactuals.get(item.item_id)
        if not (item.spreads or cf or item.item_id in ctx.reach_series):
            continue
        # The spread model's own notion of the correction time, when it recorded one, so the
        # sentence names the moment whose effect was simulated.
        corrected = cf.corrected_at if cf and cf.corrected_at is not None else _corrected_at(item)
        rows.append(RumourReach(
            item_id=item.item_id, quote=quote(item.text, 70), t=item.t, reached=cf.actual if cf else item.reach,
            corrected_at=corrected, corrected_at_clock=None if corrected is None else ctx.clock.label(corrected),
            without_correction=cf.without_correction if cf else None,
            with_earlier_correction=cf.with_earlier_correction if cf else None,
            earlier_by=cf.earlier_by if cf else None,
        ))
    return rows


def _corrected_at(item: ItemView) -> float | None:
    times = [r.t for r in item.replies if r.public]
    if item.corrected_at is not None:
        times.append(item.corrected_at)
    return min(times) if times else None


def reach_sentence(ctx: ScoringContext, row: RumourReach) -> str | None:
    lang = ctx.lang
    if row.without_correction is None:
        return None
    prevented = row.prevented or 0
    rumour = quoted(row.quote, lang)
    if row.corrected_at is not None and prevented > 0:
        text = say(lang, "findings.crisis.reach_prevented", at=row.corrected_at_clock, quote=rumour,
                   people=approx(prevented, lang))
    elif row.corrected_at is None:
        text = say(lang, "findings.crisis.reach_never", quote=rumour, people=number(row.reached, lang))
    elif row.corrected_at - row.t > ctx.thresholds.correction_within:
        text = say(lang, "findings.crisis.reach_too_late", at=row.corrected_at_clock, quote=rumour)
    else:
        return None  # corrected in time and nothing left to keep from it: the K6 sentence says it was corrected
    if row.with_earlier_correction is not None and row.earlier_by and row.reached > row.with_earlier_correction:
        saved = row.reached - row.with_earlier_correction
        if row.corrected_at is None:
            # Never corrected: the counterfactual is a correction at the scenario's target time.
            text += say(lang, "findings.crisis.reach_earlier_never", after=duration(row.earlier_by, lang),
                        saved=approx(saved, lang))
        else:
            text += say(lang, "findings.crisis.reach_earlier", earlier=duration(row.earlier_by, lang),
                        saved=approx(saved, lang))
    return text


def _k6(ctx: ScoringContext, rumours: list[RumourReach]) -> RuleResult | None:
    lang, target = ctx.lang, ctx.thresholds.correction_within
    spec = ctx.rubric.rule("K6")
    reach_scale, late_credit = spec.param("spreading_weight"), spec.param("late_credit")
    claims = [i for i in ctx.items if i.is_comment and i.labels.false_claim and not ctx.removed_justly(i)]
    unplayed = unplayed_for(ctx).false_claims
    if not claims and not unplayed:
        return None
    earned, possible = 0.0, float(unplayed)
    on_time = late = 0
    missed: list[ItemView] = []
    slow: list[ItemView] = []
    for item in claims:
        weight = reach_scale if item.spreads else 1.0
        possible += weight
        at = ctx.addressed_at(item)  # a correction must say the claim is wrong, not just stand under it
        if at is not None and at - item.t <= target:
            earned += weight
            on_time += 1
        elif at is not None:
            earned += late_credit * weight
            late += 1
            slow.append(item)
        else:
            missed.append(item)
    spreading = [i for i in claims if i.spreads]
    # One sentence per rumour: where its reach is told (which says whether and when it was corrected),
    # the plain "corrected after" / "never corrected" sentence would say it a second time.
    told = {row.item_id: sentence for row in rumours if (sentence := reach_sentence(ctx, row))}
    what = say_n(lang, "findings.crisis.k6", len(claims) + unplayed, share=share(on_time, len(claims) + unplayed, lang),
                 target=duration(target, lang), late=late, never=len(missed) + unplayed)
    if unplayed:
        what += say(lang, "findings.unplayed_of_them", n=unplayed)
    for item in (i for i in spreading if i.item_id not in told):
        at = ctx.addressed_at(item)
        if at is None:
            what += say(lang, "findings.crisis.k6_never", quote=quoted(quote(item.text, 60), lang))
        else:
            what += say(lang, "findings.crisis.k6_corrected_after", quote=quoted(quote(item.text, 60), lang),
                        after=duration(at - item.t, lang))
    if told:
        what += " " + " ".join(told.values())
    agreed = ctx.agreed_with_claims
    if agreed:
        first = agreed[0][0]
        what += say(lang, "findings.crisis.k6_agreed", n=len(agreed), quote=quoted(quote(first.text, 60), lang),
                    at=ctx.clock.label(agreed[0][1]))
    apologies = [t for t in ctx.team_texts if any(f.rule in {"K6.apology", "K6.own_error"} for f in t.tone.findings)]
    if apologies:
        what += say_n(lang, "findings.crisis.k6_apologies", len(apologies))
    prevented = sum(r.prevented or 0 for r in rumours)
    return RuleResult("K6", what, score=100.0 * earned / possible,
                      severity="critical" if agreed or any(i.spreads for i in missed) else None,
                      items=[ctx.ref(i) for i in (missed + slow)[:8]],
                      metrics={"claims": len(claims) + unplayed, "on_time": on_time, "late": late,
                               "never": len(missed) + unplayed, **({"unplayed": unplayed} if unplayed else {}),
                               "reach_prevented": prevented, **({"agreed": len(agreed)} if agreed else {})})


def _k7(ctx: ScoringContext) -> RuleResult | None:
    lang = ctx.lang
    posts = ctx.official_posts
    if not posts:
        return None
    advising = [p for p in posts if any(f.rule == "K7.actionable_advice" for f in p.tone.findings)]
    what = say(lang, "findings.crisis.k7", share=share(len(advising), len(posts), lang))
    missing = [p for p in posts if p not in advising]
    return RuleResult("K7", what, score=100.0 * len(advising) / len(posts), items=[ctx.text_ref(p) for p in missing[:4]],
                      metrics={"posts": len(posts), "advising": len(advising)})


def _k8(ctx: ScoringContext) -> RuleResult | None:
    """Replies to complaints (by ground truth) should show understanding, own a mistake or thank."""
    lang = ctx.lang
    to_complaints = [t for t in ctx.public_replies if t.item is not None and t.item.labels.kind == ItemKind.complaint]
    if not to_complaints:
        return None
    warm = {*ctx.texts_with("K8", negative=False), *ctx.texts_with("K6", negative=False),
            *ctx.texts_with("C3", negative=False)}
    cold = [t for t in to_complaints if t.id not in warm]
    what = say(lang, "findings.crisis.k8", share=share(len(to_complaints) - len(cold), len(to_complaints), lang))
    return RuleResult("K8", what, score=100.0 * (1 - len(cold) / len(to_complaints)),
                      items=[ctx.text_ref(t) for t in cold[:5]],
                      metrics={"replies_to_complaints": len(to_complaints), "without_empathy": len(cold)})

"""What the scenario planned but the drill never played, when it ended before its time.

A drill ended early (by the team, the trainer, or a session simply left unfinished) must not
score better than the same team's full run: the items it never reached would have needed
answers, corrections, removals and archive marks too. This module counts them from the
scenario alone — scheduled injects after the end, and the generated comments the streams'
rate curves expected in the unplayed window — so every dimension can count them as not done
and the report can say what share of the planned time was played.

Counts from streams are expectations (the rate curve's integral times the kind's share of the
mix), rounded per kind: the drill's own random draws for a time that never came do not exist.
Reach-driven streams are left out, since their volume depends on how the drill went.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from drill.events import DrillEnded, Event
from drill.scenario.models import CHANNEL_KIND, Channel, ItemKind, Labels, Scenario
from drill.scenario.rates import expected_between
from scoring.context import ScoringContext
from scoring.models import PlayedTime

# Kinds whose missed removal M1 weighs as serious (the same list the moderation scorer uses).
SERIOUS_KINDS = frozenset({ItemKind.attack, ItemKind.third_party, ItemKind.personal_data, ItemKind.illegal})


@dataclass(frozen=True)
class Unplayed:
    """Items the scenario planned for the time the drill did not play, by what they needed."""

    needs_reply: int = 0
    complaints: int = 0
    false_claims: int = 0
    praise: int = 0
    should_remove: int = 0
    serious_remove: int = 0
    personal_data: int = 0
    archive_worthy: int = 0

    @property
    def any(self) -> bool:
        return any(vars(self).values())

    def as_metrics(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if v}


def played_time(scenario: Scenario, events: list[Event], end: float) -> PlayedTime:
    """How much of the planned duration was played, and why the drill stopped."""
    planned = float(scenario.duration)
    reason = next((e.payload.reason for e in reversed(events) if isinstance(e.payload, DrillEnded)), None)
    played = min(end, planned)
    # The engine ends a drill by itself only when its time is up; any other end — the team's, a
    # trainer's, or a session that simply stopped — before the planned time is an early end.
    early = played < planned - 1e-6 and reason != "time_up"
    return PlayedTime(planned_s=planned, played_s=played, share=round(played / planned, 4) if planned else 1.0,
                      ended_early=early, end_reason=reason)


def unplayed(scenario: Scenario, played: PlayedTime) -> Unplayed:
    """What the scenario planned for (played, planned], counted as the team would have met it."""
    if not played.ended_early:
        return Unplayed()
    start, end = played.played_s, played.planned_s
    counts: defaultdict[str, float] = defaultdict(float)
    for inject in scenario.injects:
        if inject.at is None or not start < float(inject.at) <= end:
            continue
        labels = inject.labels or Labels(kind=CHANNEL_KIND.get(inject.type, ItemKind.info))
        _count(counts, labels, 1.0, is_comment=inject.type == Channel.comment)
    expected: defaultdict[str, float] = defaultdict(float)
    for stream in scenario.streams:
        if stream.driven_by:
            continue
        volume = expected_between(stream, start, end)
        for kind, share in stream.mix.items():
            _count(expected, Labels(kind=kind), volume * share, is_comment=True)
    for key, value in expected.items():
        counts[key] += round(value)
    return Unplayed(**{k: int(v) for k, v in counts.items()})


def _count(counts: defaultdict[str, float], labels: Labels, n: float, *, is_comment: bool) -> None:
    if labels.needs_reply:
        counts["needs_reply"] += n
        if labels.kind == ItemKind.complaint:
            counts["complaints"] += n
    if labels.archive_worthy:
        counts["archive_worthy"] += n
    if not is_comment:
        return
    if labels.false_claim:
        counts["false_claims"] += n
    if labels.kind == ItemKind.praise:
        counts["praise"] += n
    if labels.deletion_justified:
        counts["should_remove"] += n
        if labels.kind in SERIOUS_KINDS or labels.personal_data:
            counts["serious_remove"] += n
    if labels.to_hide_for_privacy:
        counts["personal_data"] += n


def played_for(ctx: ScoringContext) -> PlayedTime:
    """The drill's played time, with what the unplayed part planned (computed once per scoring)."""
    def compute() -> PlayedTime:
        played = played_time(ctx.scenario, ctx.events, ctx.end)
        return played.model_copy(update={"unplayed": unplayed(ctx.scenario, played).as_metrics()})
    return ctx.memo("played", compute)


def unplayed_for(ctx: ScoringContext) -> Unplayed:
    """Planned but never played items, for the dimension scorers to count as not done."""
    return ctx.memo("unplayed", lambda: unplayed(ctx.scenario, played_for(ctx)))

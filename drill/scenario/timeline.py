"""The scenario as a trainer checks it: what comes when, what the triggers post, how busy it gets.

`drill preview`, the MSEL export and the lint all need the same reading of a scenario:
timed injects in time order, the items each trigger posts, the earliest moment a trigger can
fire, and the expected number of generated comments per time window. Keeping that reading in
one place means the table a trainer checks and the warnings they get never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from drill.scenario.durations import format_duration, story_time
from drill.scenario.models import (
    CHANNEL_KIND,
    Inject,
    InjectContent,
    ItemKind,
    Labels,
    Scenario,
    Stream,
    Trigger,
)
from drill.scenario.rates import expected_between

VOLUME_WINDOW = 600
"""Seconds per row of the expected-volume table (10 minutes)."""


def offset_label(seconds: int) -> str:
    """`+mm:ss` (minutes keep counting past 59: +95:00), how exercise controllers read a timeline."""
    minutes, secs = divmod(int(seconds), 60)
    return f"+{minutes:02d}:{secs:02d}"


def clock_time(scenario: Scenario, seconds: int) -> datetime:
    return story_time(scenario.starts, int(seconds))


def clock_label(scenario: Scenario, seconds: int) -> str:
    """Wall-clock time of day in the scenario's story; seconds only when they are not zero."""
    moment = clock_time(scenario, seconds)
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


def effective_labels(content: InjectContent) -> Labels:
    """The labels the engine will use: the written ones, or the default its channel implies."""
    return content.labels or Labels(kind=CHANNEL_KIND.get(content.type, ItemKind.info))


@dataclass(frozen=True)
class TriggeredItem:
    """One item a trigger posts: an inject it fires (by id) or an item written in `then`."""

    trigger: Trigger
    content: InjectContent
    inject_id: str | None


def triggered_items(scenario: Scenario) -> Iterator[TriggeredItem]:
    """Everything the triggers post, in the order the engine posts it (fire list, then `then`)."""
    for trigger in scenario.triggers:
        for ref in trigger.fire:
            inject = scenario.inject(ref)
            if inject is not None:
                yield TriggeredItem(trigger, inject, inject.id)
        for content in trigger.then:
            yield TriggeredItem(trigger, content, None)


def timed_injects(scenario: Scenario) -> list[Inject]:
    """Injects with a time, in time order (ties keep the file's order, as the engine does)."""
    return sorted((i for i in scenario.injects if i.at is not None), key=lambda i: i.at or 0)


def firing_triggers(scenario: Scenario, inject_id: str) -> list[Trigger]:
    return [t for t in scenario.triggers if inject_id in t.fire]


def earliest_fire(scenario: Scenario, trigger: Trigger) -> int | None:
    """The first moment a time-bound trigger can post anything (None: it depends on the team)."""
    condition = trigger.when
    if condition.no_official_post_by is not None:
        return condition.no_official_post_by + trigger.after
    watched = condition.no_reply_to or condition.not_corrected
    if watched is not None and condition.within is not None:
        inject = scenario.inject(watched)
        if inject is not None and inject.at is not None:
            return inject.at + condition.within + trigger.after
    return None


def describe_condition(scenario: Scenario, trigger: Trigger) -> str:
    """The trigger's condition in plain words, in the active language, for the preview table."""
    from drill.i18n import number, t

    c = trigger.when
    within = t("preview.cond.within", duration=format_duration(c.within)) if c.within is not None else ""
    if c.no_official_post_by is not None:
        text = t("preview.cond.no_official_post_by", at=offset_label(c.no_official_post_by))
    elif c.no_reply_to is not None:
        text = t("preview.cond.no_reply_to", id=c.no_reply_to, within=within)
    elif c.not_corrected is not None:
        text = t("preview.cond.not_corrected", id=c.not_corrected, within=within)
    elif c.replied_to is not None:
        text = t("preview.cond.replied_to", id=c.replied_to)
    elif c.deleted is not None:
        text = t("preview.cond.deleted", id=c.deleted)
    elif c.wrongful_deletion:
        text = t("preview.cond.wrongful_deletion")
    elif c.official_post:
        text = t("preview.cond.official_post")
    elif c.reach_above is not None:
        text = t("preview.cond.reach_above", id=c.of, n=number(c.reach_above))
    else:
        text = t("preview.cond.none")
    if trigger.after:
        text += t("preview.cond.after", duration=format_duration(trigger.after))
    if trigger.repeat:
        text += t("preview.cond.repeat")
    earliest = earliest_fire(scenario, trigger)
    if earliest is not None:
        text += t("preview.cond.earliest", offset=offset_label(earliest), clock=clock_label(scenario, earliest))
    return text


# --- expected volumes --------------------------------------------------------------------------


def mix_shares(stream: Stream) -> dict[ItemKind, float]:
    """The mix as the engine draws from it: weights scaled to add up to exactly 1."""
    total = sum(stream.mix.values())
    return {kind: share / total for kind, share in stream.mix.items()} if total > 0 else {}


@dataclass
class VolumeWindow:
    start: int
    end: int
    per_kind: dict[ItemKind, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.per_kind.values())


def expected_volumes(scenario: Scenario, window: int = VOLUME_WINDOW) -> list[VolumeWindow]:
    """Expected generated comments per kind in each window of the drill (rate curves only)."""
    windows = []
    for start in range(0, max(scenario.duration, 1), window):
        end = min(start + window, scenario.duration)
        row = VolumeWindow(start, end)
        for stream in scenario.streams:
            count = expected_between(stream, start, end)
            if count <= 0:
                continue
            for kind, share in mix_shares(stream).items():
                row.per_kind[kind] = row.per_kind.get(kind, 0.0) + count * share
        windows.append(row)
    return windows


def volume_kinds(windows: list[VolumeWindow]) -> list[ItemKind]:
    """Kinds that occur, most frequent first (the table's columns)."""
    totals: dict[ItemKind, float] = {}
    for row in windows:
        for kind, count in row.per_kind.items():
            totals[kind] = totals.get(kind, 0.0) + count
    return sorted((k for k, v in totals.items() if v > 0), key=lambda k: -totals[k])

"""Checks that need the whole scenario: references, times and volumes.

pydantic checks each field on its own; these rules relate fields to each other ("the thread
this reply belongs to must exist", "an inject cannot come after the drill has ended").
Each problem carries the location of the exact field, so it is reported at the right line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from drill.scenario.durations import format_duration
from drill.scenario.models import ID_PATTERN, Channel, InjectContent, Scenario
from drill.scenario.rates import expected_items
from drill.i18n import catalogue, message, messages_language
from drill.validation import Problem

# A drill with more generated items than this is a typo (per_minute: 30000), not an exercise.
MAX_EXPECTED_ITEMS = 200_000


def scenario_problems(scenario: Scenario) -> list[Problem]:
    return [
        *_unique_ids(scenario),
        *_inject_problems(scenario),
        *_stream_problems(scenario),
        *_trigger_problems(scenario),
        *_volume_problems(scenario),
    ]


def _unique_ids(scenario: Scenario) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for section in ("injects", "streams", "triggers", "personas"):
        for index, entry in enumerate(getattr(scenario, section)):
            # Personas have their own namespace; items, streams and triggers share one.
            key = f"persona:{entry.id}" if section == "personas" else entry.id
            if key in seen:
                yield Problem((section, index, "id"), message("check.id_twice", ref=entry.id, first=seen[key]))
            else:
                seen[key] = f"{section}[{index}]"
    for index, member in enumerate(scenario.team):
        if scenario.team.index(member) != index:
            yield Problem(("team", index), message("check.member_twice", member=member))


def _inject_problems(scenario: Scenario) -> Iterator[Problem]:
    for index, inject in enumerate(scenario.injects):
        if inject.at is not None and inject.at > scenario.duration:
            yield Problem(("injects", index, "at"), message("check.after_end", at=format_duration(inject.at),
                                                              end=format_duration(scenario.duration)))
        yield from _content_problems(scenario, inject, ("injects", index), own_id=inject.id)
        if inject.thread:
            parent = scenario.inject(inject.thread)
            if parent and parent.at is not None and inject.at is not None and parent.at > inject.at:
                yield Problem(("injects", index, "thread"),
                              message("check.reply_before", at=format_duration(inject.at), parent=parent.id,
                                      parent_at=format_duration(parent.at)))


def _content_problems(
    scenario: Scenario, content: InjectContent, loc: tuple, *, own_id: str | None = None
) -> Iterator[Problem]:
    author = content.from_
    if author is not None and re.fullmatch(ID_PATTERN, author) and scenario.persona(author) is None:
        # Written like an id, yet no persona has it: a typo, not a name (names have capitals or spaces).
        close = _close(author, [p.id for p in scenario.personas])
        yield Problem((*loc, "from"), message("check.no_persona", ref=author)
                      + (message("check.did_you_mean", hint=close) if close else "") + message("check.persona_name_hint"))
    if content.thread is not None:
        parent = scenario.inject(content.thread)
        if parent is None:
            yield Problem((*loc, "thread"), message("check.no_inject", ref=content.thread) + _suggest(scenario, content.thread))
        elif parent.id == own_id:
            yield Problem((*loc, "thread"), message("check.self_reply"))
        elif parent.type != Channel.comment:
            yield Problem((*loc, "thread"), message("check.not_comment", ref=parent.id, type=parent.type.value))
        if content.type != Channel.comment:
            yield Problem((*loc, "type"), message("check.only_comments"))


def _stream_problems(scenario: Scenario) -> Iterator[Problem]:
    for index, stream in enumerate(scenario.streams):
        loc = ("streams", index)
        if stream.to <= stream.from_:
            yield Problem((*loc, "to"), message("check.stream_order"))
        if stream.to > scenario.duration:
            yield Problem((*loc, "to"), message("check.stream_past_end", end=format_duration(scenario.duration)))
        peak = stream.rate.peak_at
        if peak is not None and not stream.from_ <= peak <= stream.to:
            yield Problem((*loc, "rate", "peak_at"), message("check.peak"))
        total = sum(stream.mix.values())
        if not stream.mix:
            yield Problem((*loc, "mix"), message("check.no_mix"))
        elif abs(total - 1.0) > 0.02:
            yield Problem((*loc, "mix"), message("check.mix_sum", total=f"{total:.2f}"))
        for key in ("thread", "driven_by"):
            ref = getattr(stream, key)
            if ref is not None and scenario.inject(ref) is None:
                yield Problem((*loc, key), message("check.no_inject", ref=ref) + _suggest(scenario, ref))
        if stream.per_thousand_reached and not stream.driven_by:
            yield Problem((*loc, "per_thousand_reached"), message("check.needs_driven_by"))


def _trigger_problems(scenario: Scenario) -> Iterator[Problem]:
    for index, trigger in enumerate(scenario.triggers):
        loc = ("triggers", index)
        condition = trigger.when
        primary = condition.primary()
        if len(primary) != 1:
            what = message("check.none") if not primary else ", ".join(primary)
            yield Problem((*loc, "when"), message("check.one_condition", found=what))
        for key in ("no_reply_to", "not_corrected", "replied_to", "deleted", "of"):
            ref = getattr(condition, key)
            if ref is not None and scenario.inject(ref) is None:
                yield Problem((*loc, "when", key), message("check.no_inject", ref=ref) + _suggest(scenario, ref))
        if (condition.no_reply_to or condition.not_corrected) and condition.within is None:
            yield Problem((*loc, "when"), message("check.needs_within"))
        if condition.reach_above is not None and condition.of is None:
            yield Problem((*loc, "when"), message("check.needs_of"))
        if condition.no_official_post_by is not None and condition.no_official_post_by > scenario.duration:
            yield Problem((*loc, "when", "no_official_post_by"), message("check.time_after_end"))
        if not trigger.repeat:
            for key in ("cooldown", "max_fires"):
                if getattr(trigger, key) is not None:
                    yield Problem((*loc, key), message("check.repeat_only", field=key))
        if not trigger.then and not trigger.fire:
            yield Problem(loc, message("check.does_nothing"))
        for position, ref in enumerate(trigger.fire):
            inject = scenario.inject(ref)
            if inject is None:
                yield Problem((*loc, "fire", position), message("check.no_inject", ref=ref) + _suggest(scenario, ref))
            elif inject.at is not None:
                yield Problem((*loc, "fire", position), message("check.has_time", ref=ref, at=format_duration(inject.at)))
        for position, content in enumerate(trigger.then):
            yield from _content_problems(scenario, content, (*loc, "then", position))


def _volume_problems(scenario: Scenario) -> Iterator[Problem]:
    total = 0.0
    for index, stream in enumerate(scenario.streams):
        count = expected_items(stream)
        total += count
        if count > MAX_EXPECTED_ITEMS:
            yield Problem(("streams", index, "rate"), message("check.stream_volume", count=_number(round(count)),
                                                                limit=_number(MAX_EXPECTED_ITEMS)))
    if total > MAX_EXPECTED_ITEMS and all(expected_items(s) <= MAX_EXPECTED_ITEMS for s in scenario.streams):
        yield Problem(("streams",), message("check.streams_volume", count=_number(round(total)),
                                            limit=_number(MAX_EXPECTED_ITEMS)))


def _suggest(scenario: Scenario, wrong: str) -> str:
    close = _close(wrong, [i.id for i in scenario.injects])
    return message("check.did_you_mean", hint=close) if close else ""


def _close(wrong: str, known: list[str]) -> str | None:
    """The known id a typo most likely meant: difflib's closest, or one the typo starts or ends with."""
    close = difflib.get_close_matches(wrong, known, n=1, cutoff=0.6)
    if close:
        return close[0]
    within = [k for k in known if len(k) >= 3 and (wrong.startswith(k) or wrong.endswith(k) or k.startswith(wrong))]
    return max(within, key=len) if within else None


def _number(value: int) -> str:
    return catalogue(messages_language()).number(value)

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
from drill.i18n import message
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
                yield Problem((section, index, "id"), f"The id '{entry.id}' is used twice (first in {seen[key]}).")
            else:
                seen[key] = f"{section}[{index}]"
    for index, member in enumerate(scenario.team):
        if scenario.team.index(member) != index:
            yield Problem(("team", index), f"'{member}' is listed twice in the team.")


def _inject_problems(scenario: Scenario) -> Iterator[Problem]:
    for index, inject in enumerate(scenario.injects):
        if inject.at is not None and inject.at > scenario.duration:
            yield Problem(
                ("injects", index, "at"),
                f"At {format_duration(inject.at)} this comes after the drill ends "
                f"({format_duration(scenario.duration)}).",
            )
        yield from _content_problems(scenario, inject, ("injects", index), own_id=inject.id)
        if inject.thread:
            parent = scenario.inject(inject.thread)
            if parent and parent.at is not None and inject.at is not None and parent.at > inject.at:
                yield Problem(
                    ("injects", index, "thread"),
                    f"This reply comes at {format_duration(inject.at)}, before the comment it "
                    f"answers ('{parent.id}' at {format_duration(parent.at)}).",
                )


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
            yield Problem((*loc, "thread"), "A comment cannot reply to itself.")
        elif parent.type != Channel.comment:
            yield Problem((*loc, "thread"), f"'{parent.id}' is a {parent.type.value}, not a comment on the page.")
        if content.type != Channel.comment:
            yield Problem((*loc, "type"), "Only comments can be posted inside a thread.")


def _stream_problems(scenario: Scenario) -> Iterator[Problem]:
    for index, stream in enumerate(scenario.streams):
        loc = ("streams", index)
        if stream.to <= stream.from_:
            yield Problem((*loc, "to"), "The stream must end after it starts.")
        if stream.to > scenario.duration:
            yield Problem(
                (*loc, "to"),
                f"The stream runs past the end of the drill ({format_duration(scenario.duration)}).",
            )
        peak = stream.rate.peak_at
        if peak is not None and not stream.from_ <= peak <= stream.to:
            yield Problem((*loc, "rate", "peak_at"), "The peak must lie between the stream's from and to.")
        total = sum(stream.mix.values())
        if not stream.mix:
            yield Problem((*loc, "mix"), "Say which kinds of comment the stream makes, e.g. {question: 0.6, complaint: 0.4}.")
        elif abs(total - 1.0) > 0.02:
            yield Problem((*loc, "mix"), f"The shares add up to {total:.2f}; they should add up to 1.")
        for key in ("thread", "driven_by"):
            ref = getattr(stream, key)
            if ref is not None and scenario.inject(ref) is None:
                yield Problem((*loc, key), message("check.no_inject", ref=ref) + _suggest(scenario, ref))
        if stream.per_thousand_reached and not stream.driven_by:
            yield Problem((*loc, "per_thousand_reached"), "Needs driven_by: the inject whose reach drives the comments.")


def _trigger_problems(scenario: Scenario) -> Iterator[Problem]:
    for index, trigger in enumerate(scenario.triggers):
        loc = ("triggers", index)
        condition = trigger.when
        primary = condition.primary()
        if len(primary) != 1:
            what = "none" if not primary else ", ".join(primary)
            yield Problem((*loc, "when"), f"Give exactly one condition (found {what}).")
        for key in ("no_reply_to", "not_corrected", "replied_to", "deleted", "of"):
            ref = getattr(condition, key)
            if ref is not None and scenario.inject(ref) is None:
                yield Problem((*loc, "when", key), message("check.no_inject", ref=ref) + _suggest(scenario, ref))
        if (condition.no_reply_to or condition.not_corrected) and condition.within is None:
            yield Problem((*loc, "when"), "Say how long the team has: add within (e.g. within: 10m).")
        if condition.reach_above is not None and condition.of is None:
            yield Problem((*loc, "when"), "reach_above needs of: the inject whose reach is watched.")
        if condition.no_official_post_by is not None and condition.no_official_post_by > scenario.duration:
            yield Problem((*loc, "when", "no_official_post_by"), "This time is after the drill ends.")
        if not trigger.repeat:
            for key in ("cooldown", "max_fires"):
                if getattr(trigger, key) is not None:
                    yield Problem((*loc, key), f"{key} only applies to a repeating trigger (add repeat: true).")
        if not trigger.then and not trigger.fire:
            yield Problem(loc, "The trigger does nothing: add then (new items) or fire (inject ids).")
        for position, ref in enumerate(trigger.fire):
            inject = scenario.inject(ref)
            if inject is None:
                yield Problem((*loc, "fire", position), message("check.no_inject", ref=ref) + _suggest(scenario, ref))
            elif inject.at is not None:
                yield Problem(
                    (*loc, "fire", position),
                    f"'{ref}' already has a time (at: {format_duration(inject.at)}); "
                    "remove its 'at' so only this trigger posts it.",
                )
        for position, content in enumerate(trigger.then):
            yield from _content_problems(scenario, content, (*loc, "then", position))


def _volume_problems(scenario: Scenario) -> Iterator[Problem]:
    total = 0.0
    for index, stream in enumerate(scenario.streams):
        count = expected_items(stream)
        total += count
        if count > MAX_EXPECTED_ITEMS:
            yield Problem(
                ("streams", index, "rate"),
                f"This stream would make about {count:,.0f} comments; the limit is {MAX_EXPECTED_ITEMS:,}.",
            )
    if total > MAX_EXPECTED_ITEMS and all(expected_items(s) <= MAX_EXPECTED_ITEMS for s in scenario.streams):
        yield Problem(("streams",), f"The streams together would make about {total:,.0f} comments; the limit is {MAX_EXPECTED_ITEMS:,}.")


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

"""One line of plain text per event, for the host's log and the plain-text consoles.

Item ids are printed because they are what a plain-text seat types to act on an item;
hidden labels are never printed, except in the trainer's console, which wrote them.
"""

from __future__ import annotations

from drill.events import (
    ArchiveMarked,
    ClockChanged,
    CounterfactualReach,
    DrillEnded,
    DrillStarted,
    DutyHandedOver,
    Event,
    InjectRequested,
    ItemDeleted,
    ItemHidden,
    ItemLiked,
    ItemPosted,
    ItemRestored,
    ItemUnhidden,
    ObserverNote,
    OfficialPostPublished,
    ReachUpdated,
    ReplyPosted,
    TriggerFired,
)

from drill.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue
from drill.roster import team_line
from drill.scenario.durations import clock_label
from drill.team_play.texts import say, seat_label

TEXT_WIDTH = 110


def clock(seconds: float) -> str:
    """Time since the drill started, `+1:05:09`."""
    return "+" + clock_label(seconds)


def short(text: str, width: int = TEXT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def event_line(event: Event, language: str = "nb", *, trainer: bool = False) -> str | None:
    """The line for `event`, or None for bookkeeping the team does not need to read."""
    p = event.payload
    who = seat_label(event.actor, language)

    def line(key: str, **values: object) -> str:
        return say(f"event.{key}", language, who=who, **values)

    body: str | None
    if isinstance(p, DrillStarted):
        body = line("started", title=p.scenario_title, team=team_line(p.team), duty=p.on_duty or "-")
    elif isinstance(p, ItemPosted):
        where = say("event.in_thread", language, thread=p.thread_id) if p.thread_id else ""
        label = f" <{say(f'item_kind.{p.labels.kind.value}', language)}>" if trainer else ""
        channel = catalogue(language if language in LANGUAGES else DEFAULT_LANGUAGE)(f"walk.channel_word.{p.channel.value}")
        body = f"{p.item_id} [{channel}{where}]{label} {p.author}: {short(p.text)}"
    elif isinstance(p, ReplyPosted):
        body = line("reply", item=p.item_id, text=short(p.text))
    elif isinstance(p, OfficialPostPublished):
        body = line("post", post=p.post_id, text=short(p.text))
    elif isinstance(p, ItemHidden):
        body = line("hidden", item=p.item_id, reason=p.reason.value)
    elif isinstance(p, ItemDeleted):
        body = line("deleted", item=p.item_id, reason=p.reason.value)
    elif isinstance(p, ItemUnhidden):
        body = line("unhidden", item=p.item_id)
    elif isinstance(p, ItemRestored):
        body = line("restored", item=p.item_id)
    elif isinstance(p, ItemLiked):
        body = line("liked", item=p.item_id)
    elif isinstance(p, ArchiveMarked):
        body = line("archived", item=p.item_id)
    elif isinstance(p, DutyHandedOver):
        body = line("handover", before=p.from_member or "-", after=p.to_member)
    elif isinstance(p, ObserverNote):
        on = say("event.note_on", language, item=p.item_id) if p.item_id else ""
        body = line("note", on=on, text=short(p.text)) if trainer else None
    elif isinstance(p, ClockChanged):
        body = line("paused") if p.paused else line("speed", speed=p.speed)
    elif isinstance(p, InjectRequested):
        body = line("inject", inject=p.inject_id or "ad hoc", item=p.item_id) if trainer else None
    elif isinstance(p, TriggerFired):
        body = line("trigger", trigger=p.trigger_id) if trainer else None
    elif isinstance(p, DrillEnded):
        body = line("ended", reason=p.reason)
    elif isinstance(p, (ReachUpdated, CounterfactualReach)):
        body = None
    else:
        body = f"{who}: {p.type}"
    return None if body is None else f"[{clock(event.t)}] {body}"

"""What the team (or the trainer) can do. Every action becomes one or more events.

The same models are written in team scripts, sent by the terminal app and rebuilt from a
session's events when a drill is resumed, so a drill is reproducible from its actions alone.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from drill.scenario.models import DeletionReason, InjectContent

ActionText = Annotated[str, Field(min_length=1, max_length=8000)]


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reply(_Action):
    type: Literal["reply"] = "reply"
    item: str
    text: ActionText
    corrects: list[str] = Field(default_factory=list)
    """Rumour items this reply corrects (besides the item it answers, when that is a rumour)."""
    post: str | None = None
    """An official post this reply points to ("see our update at 11:02: <link>")."""


class GroupReply(_Action):
    """One text for a group of similar comments: each member gets it as a reply in its own thread.

    Without `items`, the members are the comments of `item`'s group (`DrillState.group_of`) still
    waiting at that instant, `item` first; with `items`, exactly those (as a resumed drill does).
    """

    type: Literal["group_reply"] = "group_reply"
    item: str
    text: ActionText
    corrects: list[str] = Field(default_factory=list)
    """Rumours named as corrected (recorded once, on the first member's reply)."""
    post: str | None = None
    """An official post every member's reply points to."""
    items: list[str] | None = Field(default=None, max_length=100_000)


class OfficialPost(_Action):
    type: Literal["official_post"] = "official_post"
    text: ActionText
    link: str | None = None
    corrects: list[str] = Field(default_factory=list)
    """Items (rumours) this post corrects; on the network it competes with them."""


class Hide(_Action):
    type: Literal["hide"] = "hide"
    item: str
    reason: DeletionReason
    note: str = ""


class Unhide(_Action):
    type: Literal["unhide"] = "unhide"
    item: str


class Delete(_Action):
    type: Literal["delete"] = "delete"
    item: str
    reason: DeletionReason
    note: str = ""
    """Required in substance when reason is 'other': what rule was applied."""


class Restore(_Action):
    type: Literal["restore"] = "restore"
    item: str


class Like(_Action):
    type: Literal["like"] = "like"
    item: str


class Archive(_Action):
    type: Literal["archive"] = "archive"
    item: str
    note: str = ""


class Handover(_Action):
    type: Literal["handover"] = "handover"
    to: Annotated[str, Field(min_length=1, max_length=200)]


class Note(_Action):
    type: Literal["note"] = "note"
    text: ActionText
    item: str | None = None


class SetClock(_Action):
    type: Literal["set_clock"] = "set_clock"
    speed: float = Field(gt=0, le=1000)
    paused: bool = False


class EndDrill(_Action):
    type: Literal["end"] = "end"


class FireInject(_Action):
    """The trainer posts one of the scenario's injects now (early, or one only a trigger would post)."""

    type: Literal["fire_inject"] = "fire_inject"
    inject: str


class PostInject(_Action):
    """The trainer writes an inject on the fly ("NRK calls in two minutes")."""

    type: Literal["post_inject"] = "post_inject"
    content: InjectContent


Action = Annotated[
    Reply | GroupReply | OfficialPost | Hide | Unhide | Delete | Restore | Like | Archive | Handover | Note | SetClock | EndDrill
    | FireInject | PostInject,
    Field(discriminator="type"),
]

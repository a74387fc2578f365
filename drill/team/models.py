"""Team scripts: a team's play written down, for headless runs, demos and tests.

A script has timed actions ("at 7m reply to bomb-rumour with ...") and policies ("5 minutes
after any question appears, reply with ..."). Policies may look at the hidden labels: a
script is a way for a trainer to demonstrate good or poor practice, not a player.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from drill.engine import actions as act
from drill.scenario.durations import Duration
from drill.i18n import message
from drill.scenario.models import Channel, DeletionReason, ItemKind, shown_not_obeyed

Text = Annotated[str, Field(min_length=1, max_length=8000)]
ItemOrigin = Literal["inject", "stream", "trigger", "trainer", "post", "reaction"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_attribute_docstrings=True)


LATEST_POST = "latest"
"""In `post:`, the team's most recent official post at the moment of the reply."""


class ReplySpec(_Strict):
    to: str
    """The item to answer (an inject id, or a generated id such as questions-0003)."""
    text: Text
    corrects: list[str] = Field(default_factory=list)
    post: str | None = None
    """An official post the reply points to: its id (p001 is the team's first post) or `latest`."""


class GroupReplySpec(ReplySpec):
    """One text for every comment still waiting in the group of `to` (similar questions)."""


class PostSpec(_Strict):
    text: Text
    link: str | None = None
    corrects: list[str] = Field(default_factory=list)


class RemoveSpec(_Strict):
    item: str
    reason: DeletionReason
    note: str = ""


class ItemSpec(_Strict):
    item: str
    note: str = ""


class HandoverSpec(_Strict):
    to: Text


class NoteSpec(_Strict):
    text: Text
    item: str | None = None


_ACTION_KEYS = ("reply", "group_reply", "official_post", "hide", "unhide", "delete", "restore", "like", "archive",
                "handover", "note", "end")


class TimedAction(_Strict):
    at: Duration
    by: str | None = None
    """Who acts (default: whoever is on duty)."""
    reply: ReplySpec | None = None
    group_reply: GroupReplySpec | None = None
    official_post: PostSpec | None = None
    hide: RemoveSpec | None = None
    unhide: ItemSpec | None = None
    delete: RemoveSpec | None = None
    restore: ItemSpec | None = None
    like: ItemSpec | None = None
    archive: ItemSpec | None = None
    """A citizen item, or one of the team's own official posts (p001 is its first): the page's own
    posts are its publication and are archived as a rule."""
    handover: HandoverSpec | None = None
    note: NoteSpec | None = None
    end: bool | None = None

    @model_validator(mode="after")
    def _one_action(self) -> TimedAction:
        given = [k for k in _ACTION_KEYS if getattr(self, k) not in (None, False)]
        if len(given) != 1:
            found = ", ".join(given) if given else message("check.none")
            raise ValueError(message("input.team_one_action", keys=", ".join(_ACTION_KEYS), found=found))
        return self

    def item_refs(self) -> list[tuple[str, str]]:
        """(field name, item id) pairs this action points at, for checking against the scenario."""
        refs: list[tuple[str, str]] = []
        for key in ("reply", "group_reply"):
            spec = getattr(self, key)
            if spec is not None:
                refs.append((f"{key}.to", spec.to))
                refs += [(f"{key}.corrects", c) for c in spec.corrects]
        if self.official_post:
            refs += [("official_post.corrects", c) for c in self.official_post.corrects]
        for key in ("hide", "unhide", "delete", "restore", "like", "archive"):
            spec = getattr(self, key)
            if spec is not None:
                refs.append((f"{key}.item", spec.item))
        if self.note and self.note.item:
            refs.append(("note.item", self.note.item))
        return refs

    def to_action(self) -> act.Action:
        if self.reply:
            r = self.reply
            return act.Reply(item=r.to, text=r.text, corrects=r.corrects, post=r.post)
        if self.group_reply:
            g = self.group_reply
            return act.GroupReply(item=g.to, text=g.text, corrects=g.corrects, post=g.post)
        if self.official_post:
            p = self.official_post
            return act.OfficialPost(text=p.text, link=p.link, corrects=p.corrects)
        if self.hide:
            return act.Hide(item=self.hide.item, reason=self.hide.reason, note=self.hide.note)
        if self.unhide:
            return act.Unhide(item=self.unhide.item)
        if self.delete:
            return act.Delete(item=self.delete.item, reason=self.delete.reason, note=self.delete.note)
        if self.restore:
            return act.Restore(item=self.restore.item)
        if self.like:
            return act.Like(item=self.like.item)
        if self.archive:
            return act.Archive(item=self.archive.item, note=self.archive.note)
        if self.handover:
            return act.Handover(to=self.handover.to)
        if self.note:
            return act.Note(text=self.note.text, item=self.note.item)
        return act.EndDrill()


class Match(_Strict):
    """Which items a policy applies to; every given field must match."""

    kind: list[ItemKind] | None = None
    channel: list[Channel] | None = None
    needs_reply: bool | None = None
    false_claim: bool | None = None
    deletion_justified: bool | None = None
    archive_worthy: bool | None = None
    source: list[str] | None = None
    """Inject or stream ids the item comes from (for a comment under an official post, the post's id;
    for a reaction, its kind: follow_up, angrier, thanks, accepts, disputes)."""
    origin: list[ItemOrigin] | None = None
    """What put the item in the feed: inject, stream, trigger, trainer, post (a comment under one
    of the team's official posts) or reaction (a citizen answering back to a reply)."""

    @model_validator(mode="before")
    @classmethod
    def _single_values(cls, data: object) -> object:
        if isinstance(data, dict):
            data = dict(data)
            for key in ("kind", "channel", "source", "origin"):
                if isinstance(data.get(key), str):
                    data[key] = [data[key]]
        return data


class Policy(_Strict):
    when: Match
    after: Duration = 0
    """How long after the item appears the team acts."""
    reply: Text | None = None
    """Reply text; {first_name} is the author's first name."""
    group: bool = False
    """With reply: answer the item's whole group of similar questions at once (each member in its
    own thread); an item a group reply already answered is left alone."""
    post: str | None = None
    """With reply: point to an official post (its id, or `latest` for the most recent one then)."""
    hide: DeletionReason | None = None
    delete: DeletionReason | None = None
    archive: bool | None = None
    like: bool | None = None
    between: list[Duration] | None = Field(default=None, min_length=2, max_length=2)
    """Only items posted in this window, e.g. [0m, 45m]."""
    limit: int | None = Field(default=None, ge=1)
    """Act on at most this many items."""
    note: str = ""
    """With hide, delete or archive: the note recorded with the action (which rule applied, KS M4)."""
    by: str | None = None

    @model_validator(mode="after")
    def _one_action(self) -> Policy:
        given = [k for k in ("reply", "hide", "delete", "archive", "like") if getattr(self, k) not in (None, False)]
        if len(given) != 1:
            raise ValueError(message("input.team_one_policy", found=", ".join(given) or message("check.none")))
        if (self.group or self.post) and self.reply is None:
            raise ValueError(message("input.team_group_post"))
        if self.group and self.reply and "{first_name}" in self.reply:
            raise ValueError(message("input.team_group_name", first_name="{first_name}"))
        return self


class TeamScript(_Strict):
    name: Text
    description: str = ""
    scenario: str | None = None
    """The id of the scenario this script is written for (checked when given)."""
    actions: list[TimedAction] = Field(default_factory=list, max_length=10_000)
    policies: list[Policy] = Field(default_factory=list, max_length=200)

    @model_validator(mode="before")
    @classmethod
    def _shown_not_obeyed(cls, data: object) -> object:
        return shown_not_obeyed(data)

"""The facts a drill is made of.

A drill *is* its event log: the app, the score and the report are all functions of the
scenario and these events. Each event is immutable and self-contained, so a session file can
be read years later by a tool that knows nothing of the engine that wrote it. Payloads are a
pydantic discriminated union on `type`; adding a field with a default keeps old files readable.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from drill.scenario.models import Channel, DeletionReason, InjectContent, Labels

SYSTEM = "system"
TRAINER = "trainer"

ItemSource = Literal["inject", "stream", "trigger", "trainer", "post", "reaction"]
"""What put an item in the feed: `post` a comment under an official post, `reaction` a citizen
reacting to a team reply or correction."""


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DrillStarted(Payload):
    type: Literal["drill_started"] = "drill_started"
    scenario_id: str
    scenario_title: str
    scenario_hash: str
    seed: int
    language: str
    team: list[str]
    on_duty: str | None
    engine_version: int


class ItemPosted(Payload):
    """A citizen comment, a reply in a thread, a press call or a message reaches the team."""

    type: Literal["item_posted"] = "item_posted"
    item_id: str
    channel: Channel
    author: str
    author_role: str
    text: str
    thread_id: str | None = None
    """The top-level item of the thread this item belongs to (None: it starts a thread)."""
    parent_id: str | None = None
    source: ItemSource
    source_id: str
    labels: Labels
    spreads: bool = False
    on_post: str | None = None
    """The official post it was written under (it starts a thread of its own there)."""
    caused_by: str | None = None
    """The team reply or post it reacts to (`source="reaction"`); the report shows it beside it."""
    template: str | None = None
    """The stream template it was written from (`stream/kind/index`): comments from one template
    ask the same thing and are grouped (`drill.grouping`)."""


class ReplyPosted(Payload):
    """The team answers an item; public on the page for comments, private for calls and messages."""

    type: Literal["reply_posted"] = "reply_posted"
    reply_id: str
    item_id: str
    thread_id: str
    text: str
    public: bool
    corrects: list[str] = Field(default_factory=list)
    """Rumour items this reply competes with on the network."""
    group: str | None = None
    """Set when one text answered a group of similar comments: every member gets its own reply
    event in its own thread, all carrying the same group id (the first member's reply id)."""
    post: str | None = None
    """An official post this reply points to ("see our update at 11:02"); the post's text then
    answers the comment as much as the reply's own."""


class ReplyLiked(Payload):
    """A citizen likes a team reply (a reaction to a good answer)."""

    type: Literal["reply_liked"] = "reply_liked"
    reply_id: str
    author: str


class OfficialPostPublished(Payload):
    type: Literal["official_post_published"] = "official_post_published"
    post_id: str
    text: str
    link: str | None = None
    corrects: list[str] = Field(default_factory=list)


class ItemHidden(Payload):
    type: Literal["item_hidden"] = "item_hidden"
    item_id: str
    reason: DeletionReason
    note: str = ""


class ItemUnhidden(Payload):
    type: Literal["item_unhidden"] = "item_unhidden"
    item_id: str


class ItemDeleted(Payload):
    type: Literal["item_deleted"] = "item_deleted"
    item_id: str
    reason: DeletionReason
    note: str = ""


class ItemRestored(Payload):
    type: Literal["item_restored"] = "item_restored"
    item_id: str


class ItemLiked(Payload):
    type: Literal["item_liked"] = "item_liked"
    item_id: str


class ArchiveMarked(Payload):
    type: Literal["archive_marked"] = "archive_marked"
    item_id: str
    note: str = ""
    post: bool = False
    """`item_id` is one of the team's official posts (p001 …), not a citizen item: the page's own
    posts are its publication and are archived as a rule (DIFI). Said here, not read from the id's
    shape, because a scenario may name an inject p001."""


class DutyHandedOver(Payload):
    type: Literal["duty_handed_over"] = "duty_handed_over"
    from_member: str | None
    to_member: str


class ObserverNote(Payload):
    type: Literal["observer_note"] = "observer_note"
    text: str
    item_id: str | None = None


class ClockChanged(Payload):
    type: Literal["clock_changed"] = "clock_changed"
    speed: float
    paused: bool


class InjectRequested(Payload):
    """The trainer asked for an inject now: one of the scenario's (`inject_id`) or one written on the fly."""

    type: Literal["inject_requested"] = "inject_requested"
    inject_id: str | None = None
    content: InjectContent | None = None
    item_id: str


class TriggerFired(Payload):
    type: Literal["trigger_fired"] = "trigger_fired"
    trigger_id: str
    items: list[str]


class ReachUpdated(Payload):
    type: Literal["reach_updated"] = "reach_updated"
    item_id: str
    reached: int
    shares: int


class CounterfactualReach(Payload):
    """What a rumour's reach would have been without the team's correction, or with an earlier one.

    Computed by the spread model when the drill ends, with the same random draws as the drill
    itself (common random numbers), so the differences are the effect of the team's timing.
    """

    type: Literal["counterfactual_reach"] = "counterfactual_reach"
    item_id: str
    actual: int
    without_correction: int
    corrected_at: float | None
    earlier_by: float
    """Seconds earlier than the actual correction (or than the rumour plus the target, if none)."""
    with_earlier_correction: int
    without_curve: list[tuple[float, int]] = Field(default_factory=list)
    """Reach over time (seconds, people) without the correction; empty when never corrected."""
    earlier_curve: list[tuple[float, int]] = Field(default_factory=list)
    """Reach over time with the correction `earlier_by` sooner."""


class DrillEnded(Payload):
    type: Literal["drill_ended"] = "drill_ended"
    reason: Literal["time_up", "ended_by_team", "ended_by_trainer"]


EventPayload = Annotated[
    DrillStarted
    | ItemPosted
    | ReplyPosted
    | ReplyLiked
    | OfficialPostPublished
    | ItemHidden
    | ItemUnhidden
    | ItemDeleted
    | ItemRestored
    | ItemLiked
    | ArchiveMarked
    | DutyHandedOver
    | ObserverNote
    | ClockChanged
    | TriggerFired
    | InjectRequested
    | ReachUpdated
    | CounterfactualReach
    | DrillEnded,
    Field(discriminator="type"),
]

payload_adapter: TypeAdapter[EventPayload] = TypeAdapter(EventPayload)


class Event(BaseModel):
    """One recorded fact: when it happened in the drill, who caused it, and what it was."""

    model_config = ConfigDict(frozen=True)

    seq: int
    """Position in the log, from 1, without gaps."""
    t: float
    """Simulated seconds since the drill started."""
    actor: str
    """`system`, `trainer`, or the team member who acted."""
    payload: EventPayload
    wall: str | None = None
    """Wall-clock time the store recorded it (ISO 8601); never used by the engine."""

    @property
    def type(self) -> str:
        return self.payload.type

    def deterministic_view(self) -> dict:
        """Everything but the wall time: what must be identical between two runs."""
        return self.model_dump(mode="json", exclude={"wall"})

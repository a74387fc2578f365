"""The scenario file, as pydantic models.

A scenario is what a trainer writes: who the municipality is, what happens when (injects),
the background noise of citizen comments (streams), how the drill reacts to the team
(triggers) and what the team is expected to achieve (expectations). Every item carries hidden
ground-truth labels; scoring compares the team's actions to them.

Unknown keys are refused everywhere (`extra="forbid"`) so a misspelt key is an error with a
"did you mean", never a silently ignored setting.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from drill.i18n import message
from drill.post_ids import official_post_number
from drill.scenario.durations import Duration, format_duration
from drill.terminal_text import neutralise

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
Ident = Annotated[str, Field(pattern=ID_PATTERN, description="Lower-case letters, digits, - and _.")]
Text = Annotated[str, Field(min_length=1, max_length=5000)]
Probability = Annotated[float, Field(ge=0.0, le=1.0)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_attribute_docstrings=True)


def shown_not_obeyed(data: object) -> object:
    """File data with every terminal control character in its text made a visible sign (`␛`).

    A scenario's or team script's words reach the console, the briefing, the picker and the
    HTML report; neutralising them once, as the file is read, means no screen can be made to
    clear itself, retitle the terminal or hide a link because one of them forgot to.
    """
    if isinstance(data, str):
        return neutralise(data)
    if isinstance(data, list):
        return [shown_not_obeyed(value) for value in data]
    if isinstance(data, dict):
        return {key: shown_not_obeyed(value) for key, value in data.items()}
    return data


class Language(StrEnum):
    nb = "nb"
    nn = "nn"
    en = "en"


class ScenarioKind(StrEnum):
    crisis = "crisis"
    reputation = "reputation"
    everyday = "everyday"


class ItemKind(StrEnum):
    """What a citizen item really is (the team never sees this label)."""

    question = "question"
    complaint = "complaint"
    rumour = "rumour"
    praise = "praise"
    attack = "attack"
    third_party = "third_party"
    personal_data = "personal_data"
    illegal = "illegal"
    spam = "spam"
    chatter = "chatter"
    info = "info"
    press = "press"
    authority = "authority"
    internal = "internal"


class DeletionReason(StrEnum):
    """Why an item may be removed: the KS list (p.15, p.22) plus personal data and other."""

    usaklig = "usaklig"
    personal_attack = "personal_attack"
    third_party = "third_party"
    illegal = "illegal"
    personal_data = "personal_data"
    other = "other"


class Channel(StrEnum):
    """Where an inject arrives: on the page, or to the team by another route."""

    comment = "comment"
    press_call = "press_call"
    emergency = "emergency"
    internal = "internal"
    news = "news"


# Defaults that follow from what an item is, so authors only write what differs.
NEEDS_REPLY_BY_KIND = {
    ItemKind.question: True,
    ItemKind.complaint: True,
    ItemKind.rumour: True,
    ItemKind.press: True,
    ItemKind.authority: False,
    ItemKind.internal: True,
}
DELETION_BY_KIND = {
    ItemKind.attack: DeletionReason.personal_attack,
    ItemKind.third_party: DeletionReason.third_party,
    ItemKind.personal_data: DeletionReason.personal_data,
    ItemKind.illegal: DeletionReason.illegal,
    ItemKind.spam: DeletionReason.usaklig,
}
CHANNEL_KIND = {
    Channel.press_call: ItemKind.press,
    Channel.emergency: ItemKind.authority,
    Channel.internal: ItemKind.internal,
    Channel.news: ItemKind.info,
}


class Labels(Strict):
    """Ground truth for one item. Unset fields follow from `kind`."""

    kind: ItemKind
    needs_reply: bool | None = None
    """Should the municipality answer it? Default: yes for questions, complaints, rumours, press."""
    false_claim: bool | None = None
    """Does it state something untrue that should be corrected? Default: yes for rumours."""
    deletion_justified: bool | None = None
    """Would KS's rules allow removing it? Default: yes for attacks, third-party names, personal data (kind or label), illegal content, spam."""
    deletion_reason: DeletionReason | None = None
    """Which rule justifies removing it (defaults from kind, or personal data when so labelled)."""
    personal_data: bool | None = None
    """Does it expose personal data (its own author's or someone else's)?"""
    archive_worthy: bool = False
    """Is the dialogue a case document or of documentary value, to be archived and journaled?"""
    casualty_facts: bool = False
    """Does it concern injured, dead or missing people (facts the police own)?"""

    @model_validator(mode="after")
    def _fill_defaults(self) -> Labels:
        # Filled into the values themselves, not by attribute assignment, so `model_fields_set`
        # keeps naming only what the author wrote: lint warns about what a default implies.
        values = self.__dict__
        if self.needs_reply is None:
            values["needs_reply"] = NEEDS_REPLY_BY_KIND.get(self.kind, False)
        if self.false_claim is None:
            values["false_claim"] = self.kind == ItemKind.rumour
        if self.personal_data is None:
            values["personal_data"] = self.kind == ItemKind.personal_data
        # A question that shows personal data may be hidden for it, like a post of the kind:
        # otherwise P3 would ask the team to hide what M2 counts as wrongly removed.
        default_reason = DELETION_BY_KIND.get(self.kind) or (DeletionReason.personal_data if self.personal_data else None)
        if self.deletion_justified is None:
            values["deletion_justified"] = default_reason is not None or self.deletion_reason is not None
        if self.deletion_reason is None and self.deletion_justified:
            values["deletion_reason"] = default_reason or DeletionReason.usaklig
        return self

    @property
    def to_hide_for_privacy(self) -> bool:
        """Personal data the team is expected to hide or delete (P3): shown, and removable under
        KS's rules. A trainer who labels a resident's own details `deletion_justified: no` keeps
        them on the page without the score asking for their removal."""
        return bool(self.personal_data and self.deletion_justified)


class SpreadSpec(Strict):
    """How an item travels on the audience network (see the spread model)."""

    share_probability: Probability = 0.05
    """Chance that a person who sees the item passes it on to each of their contacts."""
    seeds: int = Field(default=1, ge=1, le=10_000)
    """How many people post it at first (1 for a single citizen; more for a widely seen post)."""
    influential: bool = False
    """Start from well-connected local profiles instead of ordinary followers."""


class Municipality(Strict):
    name: Text
    followers: int = Field(ge=1, le=5_000_000)
    """Followers of the municipality's page."""
    office_hours: str = Field(default="08:00-15:30", pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")
    department: str = "kommunikasjonsavdelingen"
    """The team's department, offered in reply signatures."""
    official_link: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """The one official page crisis posts should point to (KS K4)."""
    switchboard: str | None = None
    """The municipality's public phone number; replies may give it out."""
    other_numbers: list[str] = Field(default_factory=list, max_length=20)
    """Other public numbers of the municipality (duty phones, home-care line); replies may give them out."""
    email_domain: str | None = None
    """The municipality's e-mail domain, e.g. eksempel.kommune.no."""
    places: list[Text] = Field(default_factory=list, max_length=200)
    """Local place names used to fill `{place}` in comment templates."""


class AudienceSpec(Strict):
    """The network of people who may see the page's posts: followers and their friends."""

    model: Literal["powerlaw_cluster", "barabasi_albert", "watts_strogatz", "districts"] = "powerlaw_cluster"
    nodes: int = Field(default=20_000, ge=50, le=2_000_000)
    mean_degree: int = Field(default=10, ge=2, le=200)
    seed: int | None = None
    """Fixes the network independently of the drill's seed (default: derived from it)."""
    triangle_probability: Probability = 0.3
    """powerlaw_cluster: how often friends of friends are friends."""
    rewire_probability: Probability = 0.1
    """watts_strogatz: share of random long-range links."""
    districts: int = Field(default=6, ge=1, le=100)
    """districts: how many tightly knit groups (parts of town, age groups)."""


class PersonaRole(StrEnum):
    citizen = "citizen"
    local_profile = "local_profile"
    journalist = "journalist"
    police = "police"
    fire_rescue = "fire_rescue"
    health = "health"
    manager = "manager"
    mayor = "mayor"
    employee = "employee"
    troll = "troll"


class Persona(Strict):
    id: Ident
    name: Text
    role: PersonaRole = PersonaRole.citizen
    description: str = ""


class InjectContent(Strict):
    """What arrives: a comment on the page, a reply in a thread, a call, a message."""

    type: Channel = Channel.comment
    from_: str | None = Field(default=None, alias="from")
    """A persona id, or a name; empty means a generated citizen."""
    text: Text
    thread: str | None = None
    """Id of the inject this comment answers inside its thread."""
    labels: Labels | None = None
    spread: SpreadSpec | None = None
    expected_action: str = ""
    """What the team should do (for the trainer and the timeline)."""
    objective: str = ""
    note: str = ""
    """Controller notes; never shown to the team."""


def _not_a_post_id(ident: str) -> str:
    """The team's official posts are named p001, p002 … in the same id space a team script and
    the console's `archive` refer to: an inject of that name would make them ambiguous."""
    if official_post_number(ident) is not None:
        raise ValueError(message("input.inject_id_post", ident=ident))
    return ident


class Inject(InjectContent):
    id: Annotated[Ident, AfterValidator(_not_a_post_id)]
    at: Duration | None = None
    """When it happens; leave out for injects that only a trigger fires."""


def _rate_shape(rate: RateCurve) -> RateCurve:
    if (rate.per_minute is None) == (rate.peak_per_minute is None):
        raise ValueError(message("input.rate_either"))
    if rate.peak_per_minute is not None and rate.peak_at is None:
        raise ValueError(message("input.rate_peak_at"))
    return rate


class RateCurve(Strict):
    """Comments per simulated minute: steady, or rising to a peak and falling back."""

    per_minute: float | None = Field(default=None, ge=0, le=3000)
    peak_per_minute: float | None = Field(default=None, ge=0, le=3000)
    peak_at: Duration | None = None
    base_per_minute: float = Field(default=0.0, ge=0, le=3000)
    """Rate at the start and end of the window when there is a peak."""


class LabelHints(Strict):
    """Ground truth for the comments one template makes, where it differs from what the kind implies."""

    needs_reply: bool | None = None
    false_claim: bool | None = None
    deletion_justified: bool | None = None
    deletion_reason: DeletionReason | None = None
    personal_data: bool | None = None
    archive_worthy: bool | None = None
    casualty_facts: bool | None = None


class Template(Strict):
    """A comment text with its own labels, e.g. a generated "my neighbour is missing" (casualty facts)."""

    text: Text
    labels: LabelHints = Field(default_factory=LabelHints)

    def labels_for(self, kind: ItemKind) -> Labels:
        return Labels(kind=kind, **self.labels.model_dump(exclude_none=True))


TemplateEntry = Text | Template


def template_text(entry: TemplateEntry) -> str:
    return entry.text if isinstance(entry, Template) else entry


class Stream(Strict):
    """Generated citizen comments: the background noise a real feed has."""

    id: Ident
    from_: Duration = Field(alias="from")
    to: Duration
    rate: Annotated[RateCurve, AfterValidator(_rate_shape)]
    mix: dict[ItemKind, Annotated[float, Field(ge=0, le=1)]]
    """Share of each kind of comment; the shares add up to 1."""
    templates: dict[ItemKind, list[TemplateEntry]] = Field(default_factory=dict)
    """Comment texts per kind with slots ({first_name}, {place}, {street}, {time}); default: built-in ones.
    The writer's own name is {my_name} or {my_first_name}; other name slots are someone else.
    A text may carry labels of its own: {text: "...", labels: {archive_worthy: true}}."""
    thread: str | None = None
    """Post the comments inside this inject's thread instead of on the page."""
    driven_by: str | None = None
    """An inject (e.g. a rumour) whose reach adds comments: more people reached, more comments."""
    per_thousand_reached: float = Field(default=0.0, ge=0, le=1000)
    """With driven_by: comments for every 1,000 people the item reaches, arriving as they see it."""


POST_COMMENT_MIX = {"question": 0.4, "complaint": 0.15, "praise": 0.25, "chatter": 0.2}


class PostComments(Strict):
    """Citizens commenting under the team's official posts (each comment starts its own thread there)."""

    rate_per_hour: float = Field(default=12.0, ge=0, le=3000)
    """Comments a post draws in its first minutes, per hour; the rate halves every `half_life`."""
    half_life: Duration = 1800
    """How quickly interest in a post fades (default 30m)."""
    mix: dict[ItemKind, Annotated[float, Field(ge=0, le=1)]] = Field(
        default_factory=lambda: {ItemKind(k): v for k, v in POST_COMMENT_MIX.items()})
    """Share of each kind of comment under a post."""
    templates: dict[ItemKind, list[TemplateEntry]] = Field(default_factory=dict)
    """Comment texts per kind, with slots as in streams; default: the built-in voices for comments under a post."""


class ReactionKind(StrEnum):
    """How citizens react to a team reply (see `Reactions`)."""

    follow_up = "follow_up"
    angrier = "angrier"
    thanks = "thanks"
    accepts = "accepts"
    disputes = "disputes"


class Reactions(Strict):
    """How citizens react to the team's replies: seeded, so the same play meets the same reactions.

    A reply judged poor (curt, unsigned, evasive or wrong) may bring a follow-up from the same
    person or an angrier comment from someone else; a good one thanks or a like. Someone whose
    rumour is corrected may accept the correction or dispute it.
    """

    follow_up: Probability = 0.5
    """After a poor reply: chance the same person writes again in the thread."""
    angrier: Probability = 0.25
    """After a poor reply: chance someone else adds an angrier comment in the thread."""
    thanks: Probability = 0.3
    """After a good reply: chance the person thanks the team in the thread."""
    like: Probability = 0.4
    """After a good reply (and no thanks): chance the person likes the reply."""
    accepts: Probability = 0.4
    """When a rumour is corrected: chance its author accepts the correction."""
    disputes: Probability = 0.25
    """When a rumour is corrected (and not accepted): chance its author disputes it."""
    delay: Duration = 180
    """Typical time before a reaction comes (drawn around it, at least 30 seconds)."""
    templates: dict[ReactionKind, list[Text]] = Field(default_factory=dict)
    """Reaction texts per kind, with slots as in streams; default: the built-in ones."""


class Condition(Strict):
    """When a trigger fires. Give exactly one condition."""

    no_official_post_by: Duration | None = None
    no_reply_to: str | None = None
    """An inject id: fires if the team has not replied to it `within` after it appeared."""
    not_corrected: str | None = None
    """A rumour inject id: fires if no correction (reply or official post) `within` after it appeared."""
    within: Duration | None = None
    replied_to: str | None = None
    """An inject id: fires when the team replies to it."""
    deleted: str | None = None
    """An inject id: fires when the team deletes it."""
    wrongful_deletion: bool | None = None
    """true: fires when the team deletes an item whose deletion is not justified (e.g. criticism)."""
    official_post: bool | None = None
    """true: fires when the team publishes an official post."""
    reach_above: int | None = Field(default=None, ge=1)
    of: str | None = None
    """With reach_above: the inject whose reach is watched."""

    def primary(self) -> list[str]:
        keys = ("no_official_post_by", "no_reply_to", "not_corrected", "replied_to", "deleted",
                "wrongful_deletion", "official_post", "reach_above")
        return [k for k in keys if getattr(self, k) not in (None, False)]


DEFAULT_REPEAT_COOLDOWN = 300
"""Seconds a repeating trigger waits after firing before it may fire again, unless it says."""
DEFAULT_REPEAT_CAP = 10
"""How many times a repeating trigger fires at most in one drill, unless it says."""


class Trigger(Strict):
    """Adaptive injects: the scenario reacts to what the team does or fails to do."""

    id: Ident
    when: Condition
    after: Duration = 0
    """Delay between the condition being met and the injects arriving."""
    then: list[InjectContent] = Field(default_factory=list, max_length=50)
    """New items to post (written in place)."""
    fire: list[str] = Field(default_factory=list, max_length=50)
    """Ids of injects (written without `at`) to post."""
    repeat: bool = False
    """Fire every time the condition is met (e.g. every wrongful deletion), not only once."""
    cooldown: Duration | None = None
    """With repeat: the least time between two firings; a condition met sooner is let go (default 5m)."""
    max_fires: Annotated[int, Field(ge=1, le=1000)] | Literal["unlimited"] | None = None
    """With repeat: how many times it may fire in all (default 10); `unlimited` lifts the cap."""

    def repeat_limits(self) -> tuple[float, int | None]:
        """(cooldown in seconds, cap or None for no cap) of a repeating trigger, defaults applied.

        A team that deletes every comment must not set off hundreds of copies of the same
        complaint: without bounds one headless run of such a team grew to 14,000 items.
        """
        cooldown = float(DEFAULT_REPEAT_COOLDOWN if self.cooldown is None else self.cooldown)
        if self.max_fires == "unlimited":
            return cooldown, None
        return cooldown, DEFAULT_REPEAT_CAP if self.max_fires is None else self.max_fires


class Expectations(Strict):
    """Time targets for this scenario; they override the rubric's defaults."""

    first_official_post_within: Duration | None = None
    update_every: Duration | None = None
    reply_within: Duration | None = None
    acknowledge_within: Duration | None = None
    correction_within: Duration | None = None
    incident_active: bool | None = None
    """Is an incident active (no office-hours relaxation)? Default: yes for crisis scenarios."""


class ScoringOverrides(Strict):
    weights: dict[Literal["speed", "coverage", "tone", "moderation", "crisis", "archiving", "privacy"],
                  Annotated[float, Field(ge=0, le=10)]] = Field(default_factory=dict)


MAX_DURATION = 7 * 24 * 3600
"""A drill lasts at most a week of story time (two working days and more fit; a headless run of a week
takes seconds, of 1e9 seconds hours)."""


def _drill_length(seconds: int) -> int:
    if not 0 < seconds <= MAX_DURATION:
        raise ValueError(message("input.drill_length", shown=format_duration(seconds), limit=format_duration(MAX_DURATION)))
    return seconds


class Scenario(Strict):
    id: Ident
    title: Text
    language: Language = Language.nb
    kind: ScenarioKind
    summary: str = ""
    """One line for the scenario picker."""
    briefing: str = ""
    """The situation as the team hears it before the drill starts."""
    municipality: Municipality
    starts: datetime
    """Wall-clock date and time at which the drill's story begins (with time zone)."""
    duration: Annotated[Duration, AfterValidator(_drill_length)]
    team: list[Text] = Field(default_factory=list, max_length=20)
    """Team members as 'Name, department'; the first is on duty first."""
    audience: AudienceSpec = Field(default_factory=AudienceSpec)
    personas: list[Persona] = Field(default_factory=list, max_length=500)
    injects: list[Inject] = Field(default_factory=list, max_length=5000)
    streams: list[Stream] = Field(default_factory=list, max_length=100)
    triggers: list[Trigger] = Field(default_factory=list, max_length=500)
    expectations: Expectations = Field(default_factory=Expectations)
    official_post_comments: PostComments = Field(default_factory=PostComments)
    """How citizens comment under the team's official posts."""
    reactions: Reactions = Field(default_factory=Reactions)
    """How citizens react to the team's replies and corrections."""
    scoring: ScoringOverrides = Field(default_factory=ScoringOverrides)

    @model_validator(mode="before")
    @classmethod
    def _shown_not_obeyed(cls, data: object) -> object:
        return shown_not_obeyed(data)

    def inject(self, inject_id: str) -> Inject | None:
        return next((i for i in self.injects if i.id == inject_id), None)

    @property
    def official_numbers(self) -> list[str]:
        """Every phone number the municipality may give out in public."""
        numbers = [self.municipality.switchboard] if self.municipality.switchboard else []
        return numbers + list(self.municipality.other_numbers)

    @property
    def official_domains(self) -> list[str]:
        """The e-mail domain the municipality's own addresses are on."""
        return [self.municipality.email_domain] if self.municipality.email_domain else []

    def persona(self, persona_id: str | None) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)

    @property
    def incident_active(self) -> bool:
        if self.expectations.incident_active is not None:
            return self.expectations.incident_active
        return self.kind == ScenarioKind.crisis

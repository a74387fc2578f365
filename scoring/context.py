"""Everything the dimension scorers share, computed once per `score()` call.

The reduced drill state, the rubric and thresholds, the scenario clock, the team's public
texts with their tone analysis, the removal log and the duty roster over time. Building it
once keeps every scorer a short, readable function of facts instead of a new pass over events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar, cast

from drill.events import (
    CounterfactualReach,
    Event,
    ItemDeleted,
    ItemHidden,
    ReachUpdated,
    TriggerFired,
)
from drill.account import answered_at
from drill.scenario.models import DeletionReason, Scenario
from drill.state import DrillState, ItemView, OfficialPostView, ReplyView
from scoring.answers import PastedText, addresses, analysis_language, pasted_texts
from scoring.cache import Request, analysed
from scoring.clock import ScenarioClock
from scoring.models import ItemRef
from scoring.rubric import Rubric, Thresholds, load_rubric, thresholds_for
from scoring.texts import quote
from scoring.tone.loader import READ_WITH
from scoring.tone.models import ToneFinding, ToneResult

T = TypeVar("T")


@dataclass(frozen=True)
class Removal:
    item_id: str
    t: float
    actor: str
    action: str  # "hidden" or "deleted"
    reason: DeletionReason
    note: str


@dataclass(frozen=True)
class TeamText:
    """A public text by the team: a reply on the page or an official post."""

    id: str
    t: float
    author: str
    text: str
    kind: str  # "reply" or "post"
    item: ItemView | None
    tone: ToneResult
    link: str | None = None
    corrects: tuple[str, ...] = ()


@dataclass
class ScoringContext:
    scenario: Scenario
    events: list[Event]
    lang: str
    rubric: Rubric = field(default_factory=load_rubric)

    def __post_init__(self) -> None:
        self.state = DrillState.from_events(self.events)
        self._memo: dict[str, object] = {}
        self.thresholds: Thresholds = thresholds_for(self.scenario, self.rubric)
        municipality = self.scenario.municipality
        self.clock = ScenarioClock(self.scenario.starts, municipality.office_hours)
        self.end = self.state.now
        self.removals: list[Removal] = []
        self.counterfactuals: dict[str, CounterfactualReach] = {}
        self.reach_series: dict[str, list[tuple[float, int]]] = {}
        self.triggers: list[tuple[float, TriggerFired]] = []
        for event in self.events:
            p = event.payload
            if isinstance(p, (ItemHidden, ItemDeleted)):
                action = "hidden" if isinstance(p, ItemHidden) else "deleted"
                self.removals.append(Removal(p.item_id, event.t, event.actor, action, p.reason, p.note))
            elif isinstance(p, CounterfactualReach):
                self.counterfactuals[p.item_id] = p
            elif isinstance(p, ReachUpdated):
                self.reach_series.setdefault(p.item_id, []).append((event.t, p.reached))
            elif isinstance(p, TriggerFired):
                self.triggers.append((event.t, p))

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value several scorers need, computed once per scoring."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    # --- people -------------------------------------------------------------------------

    def on_duty_at(self, t: float) -> str | None:
        """Who held the duty at simulated time t (a handover at t counts from t on)."""
        return self.state.duty.at(t)

    @property
    def has_duty_roster(self) -> bool:
        return self.state.duty.has_roster

    # --- items --------------------------------------------------------------------------

    @cached_property
    def items(self) -> list[ItemView]:
        return sorted(self.state.items.values(), key=lambda i: (i.t, i.item_id))

    def ref(self, item: ItemView) -> ItemRef:
        return ItemRef(id=item.item_id, at=self.clock.label(item.t), t=item.t, quote=quote(item.text),
                       kind=str(item.labels.kind))

    def text_ref(self, text: TeamText) -> ItemRef:
        return ItemRef(id=text.id, at=self.clock.label(text.t), t=text.t, quote=quote(text.text), kind=text.kind)

    def removed_justly(self, item: ItemView) -> bool:
        return item.visibility != "visible" and bool(item.labels.deletion_justified)

    def response_at(self, item: ItemView) -> float | None:
        """The team's first answer, however it came (the drill's one account, `drill.account`)."""
        return answered_at(item)

    # --- did the answers answer? (scoring/answers.py) ------------------------------------

    def addressed_at(self, item: ItemView) -> float | None:
        """When the team first said something that addresses what the item asked or claimed.

        An item can be answered in the account (a reply is there) and still not addressed: a
        pasted thank-you under a question. Credit for coverage and corrections uses this.
        """
        return self._addressed.get(item.item_id)

    def first_response_at(self, item: ItemView) -> float | None:
        """The first reply that addresses the item or promises to come back to it (KS S2)."""
        times = [t for t in (self.addressed_at(item), self.acknowledged_at(item)) if t is not None]
        return min(times) if times else None

    def answers_to(self, item: ItemView) -> list[tuple[float, str, str]]:
        """(time, reply or post id, text) of everything the team said that answers the item in
        the account: replies to it, later replies in its thread, corrections and posts naming it."""
        found: list[tuple[float, str, str]] = [said for r in item.replies for said in self._said(r)]
        thread = (item.thread_id, *self.state.threads.get(item.thread_id, ()))
        for other_id in thread:
            if other_id == item.item_id or other_id not in self.state.items:
                continue
            found += [said for r in self.state.items[other_id].replies if r.t >= item.t for said in self._said(r)]
        found += [said for r in self._corrections_by_item.get(item.item_id, ()) for said in self._said(r)]
        found += [(p.t, p.post_id, p.text) for p in self.state.official_posts if item.item_id in p.corrects]
        found.sort()
        return found

    def _said(self, reply: ReplyView) -> list[tuple[float, str, str]]:
        """What a reply said: its own text, and the official post it points to (a reply "see our
        update at 11:02" answers with that update's text, at the time of the reply)."""
        said = [(reply.t, reply.reply_id, reply.text)]
        post = self._posts_by_id.get(reply.post) if reply.post else None
        if post is not None:
            said.append((reply.t, reply.reply_id, post.text))
        return said

    @cached_property
    def _posts_by_id(self) -> dict[str, OfficialPostView]:
        return {p.post_id: p for p in self.state.official_posts}

    @cached_property
    def _corrections_by_item(self) -> dict[str, list[ReplyView]]:
        out: dict[str, list[ReplyView]] = {}
        for reply in self.state.replies.values():
            for rumour in reply.corrects:
                if rumour != reply.item_id:
                    out.setdefault(rumour, []).append(reply)
        return out

    def _addresses(self, item: ItemView, text: str) -> bool:
        return addresses(text, item.text, str(self.scenario.language), claim=bool(item.labels.false_claim)).addresses

    def _agrees(self, item: ItemView, text: str) -> bool:
        return addresses(text, item.text, str(self.scenario.language), claim=True).reason == "agrees"

    @cached_property
    def _addressed(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for item in self.state.items.values():
            if item.answer is None:
                continue
            answers = self.answers_to(item)
            if item.labels.false_claim and any(self._agrees(item, text) for _, _, text in answers):
                # Once the team has agreed with a claim, only saying plainly that it is false undoes
                # that; a referral under the citizen's follow-up in the thread does not.
                language = str(self.scenario.language)
                first = next((t for t, _, text in answers
                              if addresses(text, item.text, language, claim=True).reason == "verdict"), None)
            else:
                first = next((t for t, _, text in answers if self._addresses(item, text)), None)
            if first is not None:
                out[item.item_id] = first
        return out

    def acknowledged_at(self, item: ItemView) -> float | None:
        """When the item's first reply promised to come back to it (KS S2), if it did."""
        return self._acknowledged.get(item.item_id)

    @cached_property
    def _acknowledged(self) -> dict[str, float]:
        """Items whose first public reply promised to come back (a positive S2 tone finding)."""
        out: dict[str, float] = {}
        for item in self.state.items.values():
            first = item.replies[0] if item.replies else None
            if first is None or not first.public:
                continue
            tone = self.tone_of_reply(first.reply_id)
            if tone is not None and any(f.rubric == "S2" and f.weight > 0 for f in tone.findings):
                out[item.item_id] = first.t
        return out

    @cached_property
    def agreed_with_claims(self) -> list[tuple[ItemView, float, str]]:
        """False claims the team agreed with: (the claim, when, the reply or post id). Agreeing
        with a rumour spreads it, however fast, signed and polite the reply is."""
        found = []
        for item in self.items:
            if not item.labels.false_claim:
                continue
            language = str(self.scenario.language)
            for t, by, text in self.answers_to(item):
                if addresses(text, item.text, language, claim=True).reason == "agrees":
                    found.append((item, t, by))
                    break
        return found

    @cached_property
    def pasted(self) -> list[PastedText]:
        """Replies whose same text stands under several different comments (scoring/answers.py).

        A group reply or a pointer to an official post that addresses its comment is answering
        once for many, the way KS advises, not pasting; one that does not is named like any other."""
        rows = []
        for reply in self.state.replies.values():
            item = self.state.items.get(reply.item_id)
            if reply.public and item is not None:
                addressed = any(self._addresses(item, text) for _, _, text in self._said(reply))
                if addressed and (reply.group or reply.post):
                    continue  # one answer for many on purpose, and it does answer this one
                rows.append((reply.reply_id, reply.text, item.item_id, item.text, addressed))
        return pasted_texts(rows)

    @cached_property
    def tone_hits(self) -> dict[str, list[tuple[TeamText, ToneFinding]]]:
        """Every tone finding on the team's public texts, grouped by rubric id (T2, P1, K5, ...)."""
        grouped: dict[str, list[tuple[TeamText, ToneFinding]]] = {}
        for text in self.team_texts:
            for finding in text.tone.findings:
                grouped.setdefault(finding.rubric, []).append((text, finding))
        return grouped

    # --- the team's public texts --------------------------------------------------------

    @cached_property
    def team_texts(self) -> list[TeamText]:
        """The team's public replies and official posts, in time order, each with its tone analysis.

        Every text's analysis is asked for at once (`scoring.cache.analysed`), so the ones this
        machine kept from an earlier score of the drill are read in one go and only the rest are
        analysed."""
        replies = [reply for reply in self.state.replies.values() if reply.public]
        posts = self.state.official_posts
        requests = [self._reply_request(reply) for reply in replies] + [self._request(p.text, None) for p in posts]
        tones = analysed(requests)
        texts: list[TeamText] = []
        for reply, request in zip(replies, requests):
            texts.append(TeamText(reply.reply_id, reply.t, reply.author, reply.text, "reply",
                                  self.state.items.get(reply.item_id), tones[request], corrects=tuple(reply.corrects)))
        for post, request in zip(posts, requests[len(replies):]):
            texts.append(TeamText(post.post_id, post.t, post.author, post.text, "post", None, tones[request],
                                  link=post.link, corrects=tuple(post.corrects)))
        texts.sort(key=lambda x: (x.t, x.id))
        return texts

    @cached_property
    def official_posts(self) -> list[TeamText]:
        return [t for t in self.team_texts if t.kind == "post"]

    @cached_property
    def public_replies(self) -> list[TeamText]:
        return [t for t in self.team_texts if t.kind == "reply"]

    def _reply_request(self, reply: ReplyView) -> Request:
        """A reply is read with the comment it answers, as the crowd's judge reads it in the drill
        (`scoring.judge`) and as the labelled replies the model learnt from were read: the learned
        model weighs a reply read alone as a stand-alone post (without its comment the plain answer
        "Svarene sendes ut innen 15. april." read as 88 % likely poor, with it 44 %), and a "Ja"
        confirms only what the comment asked."""
        item = self.state.items.get(reply.item_id)
        return self._request(reply.text, item.text if item is not None else None)

    def _request(self, text: str, context: str | None) -> Request:
        language, numbers, domains, explain_in = self._tone_settings
        return Request(text, context, language, numbers, domains, explain_in)

    @cached_property
    def _tone_settings(self) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
        """Replies are read in the scenario's language; explanations in the report's (bokmål,
        nynorsk or English)."""
        numbers = tuple(self.scenario.official_numbers)
        domains = tuple(self.scenario.official_domains)
        return _tone_language(str(self.scenario.language)), numbers, domains, _tone_language(self.lang)

    def tone_of_reply(self, reply_id: str) -> ToneResult | None:
        """The analysis already made of a public reply (None for private ones)."""
        text = self._texts_by_id.get(reply_id)
        return text.tone if text else None

    @cached_property
    def _texts_by_id(self) -> dict[str, TeamText]:
        return {t.id: t for t in self.team_texts}

    def texts_with(self, rubric_id: str, *, negative: bool | None = None) -> dict[str, list[ToneFinding]]:
        """Team text id -> its tone findings under one rubric id (only negative/positive ones if asked).
        A note of weight 0 (a rule a scenario turned off, a finding the model overruled) is neither."""
        out: dict[str, list[ToneFinding]] = {}
        for text, finding in self.tone_hits.get(rubric_id, []):
            if negative is None or (finding.weight < 0 if negative else finding.weight > 0):
                out.setdefault(text.id, []).append(finding)
        return out


def _tone_language(language: str) -> str:
    """The tone analyser reads and explains bokmål, nynorsk and English (its `SUPPORTED_LANGUAGES`)."""
    return language if language in READ_WITH else analysis_language(language)

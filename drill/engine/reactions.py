"""How citizens answer back: comments under the team's official posts, and reactions to replies.

Both are drawn from seeds that name what caused them (the post; the item a reply answered and
which of its replies it was; the rumour corrected), never from a running count of the drill, so
an unrelated reply elsewhere leaves them as they were. Whether a reply was good is asked of a
`ReplyJudge`: the engine stays pure and knows nothing of the tone analyser, and the live drill
wires in the scorer's judgement (`scoring.judge.judge_reply`), the same in play, `drill run`
and resume.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, Protocol

from ruamel.yaml import YAML

from drill.engine.seeds import derive_seed
from drill.scenario.models import ItemKind, Labels, ReactionKind, Scenario, Template, TemplateEntry, template_text
from drill.voices import VoiceWriter

Verdict = Literal["good", "poor", "unanswered"]
"""`unanswered`: the reply does not address the comment; `poor`: it does, but badly (tone, privacy,
unsigned, agreeing with a false claim). Only the first is asked again: a follow-up says the
question was missed ("Jeg spurte om noe helt annet"), which is false of a reply that answered."""

MAX_PER_POST = 400
"""A post that somehow draws more comments than this (a rate typed wrong) stops there."""
MIN_DELAY = 30.0
REACTED_REPLIES = 2
"""Only a comment's first two replies draw reactions (and are judged, which costs milliseconds)."""
MAX_DEPTH = 2
"""Reactions to replies to reactions stop here: a crowd answers back, it does not argue for ever."""

_REACTION_LABELS = {
    ReactionKind.follow_up: Labels(kind=ItemKind.question),
    ReactionKind.angrier: Labels(kind=ItemKind.complaint),
    # "Takk for svar" closes a dialogue the team already answered: courteous to like, but not a
    # positive mention of the page that KS asks the team to thank (C3), nor anything left waiting.
    ReactionKind.thanks: Labels(kind=ItemKind.chatter),
    ReactionKind.accepts: Labels(kind=ItemKind.chatter),
    ReactionKind.disputes: Labels(kind=ItemKind.complaint),  # distrust to answer, not a new claim
}


class ReplyJudge(Protocol):
    """Is a reply good (answers the comment, in a decent tone, signed), poor (answers it, but curt,
    unsigned, careless with personal data or wrong) or unanswered (evasive, beside the point)?
    A pure function of the texts, so a replay judges alike. `asked`: the comment asked the team
    something (`drill.account.needs_answer`); a reply to one that asked nothing (a neighbour's
    post hidden for its health details, an attack) cannot be beside the point of a question."""

    def __call__(self, reply: str, comment: str, *, claim: bool, post: str | None = None,
                 asked: bool = True) -> Verdict: ...


@dataclass(frozen=True)
class Planned:
    """A citizen item (or a like) the engine will post when its time comes."""

    t: float
    item_id: str
    text: str
    author: str
    labels: Labels
    source: Literal["post", "reaction"]
    source_id: str
    """The post id for a comment under a post; the reaction's kind for a reaction."""
    caused_by: str
    thread_of: str | None = None
    """The item whose thread it joins (None: it starts a thread of its own)."""
    on_post: str | None = None
    like: bool = False
    """A like of `caused_by` (a reply) instead of a comment."""
    template: str | None = None
    """For a comment under a post, the template it was written from (`drill.grouping`)."""


FALLBACK_KIND = "everyday"
"""Whose built-in comments a drill kind without its own takes: they assume neither an emergency
nor a controversy, so they are out of place nowhere."""


@dataclass(frozen=True)
class _Voices:
    """One language's built-in voices (drill/voices/reactions.yaml)."""

    post_comment: dict[str, dict[str, tuple[str, ...]]]
    """Per drill kind, per comment kind."""
    reaction: dict[str, tuple[str, ...]]
    """Per reaction kind, shared by every drill kind; `thanks_quick` only for a reply within target."""


@cache
def _builtin(language: str) -> _Voices:
    text = resources.files("drill.voices").joinpath("reactions.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text)
    chosen = data.get(language) or data["nb"]
    return _Voices(
        post_comment={drill_kind: {kind: tuple(lines) for kind, lines in kinds.items()}
                      for drill_kind, kinds in chosen["post_comment"].items()},
        reaction={kind: tuple(lines) for kind, lines in chosen["reaction"].items()},
    )


class CitizenReactions:
    """Writes the comments under posts and the reactions to replies, deterministically."""

    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.seed = seed
        self.comments = scenario.official_post_comments
        self.rules = scenario.reactions
        self._writer: VoiceWriter | None = None
        self._counts: dict[str, int] = {}

    @property
    def _voice(self) -> VoiceWriter:
        """Made on first use: a drill nobody answers needs no crowd (a writer costs milliseconds)."""
        if self._writer is None:
            m = self.scenario.municipality
            self._writer = VoiceWriter(0, self.scenario.language, m.name, m.places)
        return self._writer

    @property
    def _builtin(self) -> _Voices:
        return _builtin(self.scenario.language.value)

    @property
    def _post_voices(self) -> dict[str, tuple[str, ...]]:
        """The built-in comments for this drill's kind: a reputation case or a deadline day
        is not commented like a gas leak."""
        sets = self._builtin.post_comment
        return sets.get(self.scenario.kind.value) or sets[FALLBACK_KIND]

    # --- comments under official posts ---------------------------------------------------

    def under_post(self, post_id: str, t: float, end: float) -> list[Planned]:
        """The comments a post will draw: a Poisson process whose rate halves every half-life,
        drawn by inverting its cumulative intensity (one uniform per comment)."""
        rate, half_life = self.comments.rate_per_hour / 3600.0, float(self.comments.half_life)
        if rate <= 0 or half_life <= 0 or not self.comments.mix:
            return []
        rng = random.Random(derive_seed(self.seed, "post-comments", post_id))
        decay = math.log(2) / half_life
        total = rate / decay  # expected comments over the post's whole life
        kinds = list(self.comments.mix)
        weights = [self.comments.mix[k] for k in kinds]
        planned: list[Planned] = []
        cumulative = 0.0
        while len(planned) < MAX_PER_POST:
            cumulative += rng.expovariate(1.0)
            if cumulative >= total:
                break
            at = t - math.log(1.0 - cumulative / total) / decay
            if at >= end:
                break
            kind = rng.choices(kinds, weights=weights)[0]
            templates: list[TemplateEntry] | tuple[str, ...] = (
                self.comments.templates.get(kind) or self._post_voices.get(kind.value) or ("…",)
            )
            index = rng.randrange(len(templates))
            entry = templates[index]
            text, author = self._write(template_text(entry), rng)
            labels = entry.labels_for(kind) if isinstance(entry, Template) else Labels(kind=kind)
            planned.append(Planned(
                t=at, item_id=f"{post_id}-c{len(planned) + 1:03d}", text=text, author=author, labels=labels,
                source="post", source_id=post_id, caused_by=post_id, on_post=post_id,
                template=f"post/{kind.value}/{index}",
            ))
        return planned

    # --- reactions to replies and corrections -----------------------------------------------

    def to_reply(self, item_id: str, author: str, reply_id: str, verdict: Verdict, t: float, nth: int,
                 depth: int, waited: float) -> list[Planned]:
        """What the people in a thread do after the `nth` reply to `item_id`, which waited `waited`
        seconds for it (from when it was posted)."""
        if depth >= MAX_DEPTH:
            return []
        rng = random.Random(derive_seed(self.seed, "reaction", item_id, nth))
        rules = self.rules
        planned: list[Planned] = []
        if verdict != "good":
            # Both draws are made for either verdict, so a reply judged otherwise moves no other draw.
            if rng.random() < rules.follow_up and verdict == "unanswered":
                planned.append(self._reaction(ReactionKind.follow_up, item_id, reply_id, t, rng, author))
            if rng.random() < rules.angrier:
                planned.append(self._reaction(ReactionKind.angrier, item_id, reply_id, t, rng, None))
        elif rng.random() < rules.thanks:
            planned.append(self._reaction(ReactionKind.thanks, item_id, reply_id, t, rng, author,
                                          quick=self._within_target(waited)))
        elif rng.random() < rules.like:
            planned.append(Planned(
                t=self._when(t, rng), item_id="", text="", author=author, labels=_REACTION_LABELS[ReactionKind.thanks],
                source="reaction", source_id="like", caused_by=reply_id, like=True,
            ))
        return planned

    def to_correction(self, rumour_id: str, author: str, by: str, t: float) -> list[Planned]:
        """The rumour's author, once corrected, accepts the correction or disputes it (or says nothing)."""
        rng = random.Random(derive_seed(self.seed, "correction-reaction", rumour_id))
        if rng.random() < self.rules.accepts:
            return [self._reaction(ReactionKind.accepts, rumour_id, by, t, rng, author)]
        if rng.random() < self.rules.disputes:
            return [self._reaction(ReactionKind.disputes, rumour_id, by, t, rng, author)]
        return []

    def _within_target(self, waited: float) -> bool:
        """Did the reply come within the scenario's reply target? Without one the engine cannot
        tell (the score's default lives in the rubric), so no reply counts as quick. Plain time:
        never less than the office time the score may count in, so a reply quick here is so there."""
        target = self.scenario.expectations.reply_within
        return target is not None and waited <= target

    def _reaction(self, kind: ReactionKind, item_id: str, caused_by: str, t: float, rng: random.Random,
                  author: str | None, *, quick: bool = False) -> Planned:
        templates = self.rules.templates.get(kind) or self._builtin_reaction(kind, quick) or ("…",)
        text, author = self._write(templates[rng.randrange(len(templates))], rng, author)
        count = self._counts.get(item_id, 0) + 1
        self._counts[item_id] = count
        return Planned(
            t=self._when(t, rng), item_id=f"{item_id}-re{count}", text=text, author=author,
            labels=_REACTION_LABELS[kind], source="reaction", source_id=kind.value, caused_by=caused_by,
            thread_of=item_id,
        )

    def _builtin_reaction(self, kind: ReactionKind, quick: bool) -> tuple[str, ...]:
        """The built-in lines for `kind`; a thanks for a quick reply may also thank for the speed
        (first, so a quick reply draws as it always did)."""
        lines = self._builtin.reaction.get(kind.value, ())
        if kind == ReactionKind.thanks and quick:
            return self._builtin.reaction.get("thanks_quick", ()) + lines
        return lines

    def _when(self, t: float, rng: random.Random) -> float:
        return t + max(MIN_DELAY, rng.expovariate(1.0 / max(float(self.rules.delay), MIN_DELAY)))

    def _write(self, template: str, rng: random.Random, author: str | None = None) -> tuple[str, str]:
        """A text and its author (`author`, else a fresh one), both from `rng` alone (the writer
        is reseeded each time)."""
        self._voice.reseed(rng.getrandbits(31))
        return self._voice.comment(template, rng, author)

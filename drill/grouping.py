"""Similar questions, grouped: comments that ask the same thing, so the team can answer once.

A storm brings the same question twenty times in other words. The console shows each group as
one row with a count, a group reply answers every member in its own thread, and the account
counts each member as answered. This module says which comments belong together; the reducer
(`drill.state.DrillState`) feeds it every comment that needs an answer, in posting order, and
keeps which of each group's members are still waiting.

The measure, in one sentence each:

- **same template**: comments a stream wrote from the same template ask the same thing,
  whatever name or place filled its slots;
- **close wording**: otherwise, two comments ask the same thing when at least half of their
  content words are shared (Jaccard similarity of the sets of content-word stems >= 0.5), where
  a content word is a word of three letters or more that is not on a short stop-list, and its
  stem is its first five letters ("skolen", "skolene" and "skole" share "skole").

A new comment is compared with each group's *signature* (the stems of its first member) and
joins the most similar group at or above the threshold, the oldest on a tie; with none it
starts a group of its own. Candidates are found through an index from stem to groups, and only
the newest `CANDIDATES_PER_STEM` groups of each stem are looked at, so adding a comment costs
a few dictionary look-ups however long the drill has run (the console's benchmark feeds
100,000). The result depends only on the comments and their order, so a replay groups exactly
as the drill did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

THRESHOLD = 0.5
"""Least Jaccard similarity of content-word stems for two comments to ask the same thing."""
STEM_LENGTH = 5
MIN_WORD = 3
MIN_STEMS = 2
"""A comment with fewer content words ("Hallo??") is too short to judge by wording."""
CANDIDATES_PER_STEM = 32

_WORD = re.compile(r"[^\W\d_]+")

STOP_WORDS = frozenset(
    # bokmål
    "og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har om vi min "
    "mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjøl "
    "her alle vil bli ble blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned skulle "
    "denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme "
    "hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært "
    "være begge siden henne hennes dei deira eg ho ein eit kva korleis kvifor kven ikkje berre då sjølv "
    "noko nokon mykje frå vere vore blei hei hallo takk kommunen kommune "
    # English
    "the and you that was for are with his they this have from one had word but not what all were when "
    "your can said there use each which she how their will other about out many then them these some her "
    "would make like him into has look two more write see could been who its now find any may does did "
    "get come made where our why just know anyone someone hello thanks please council".split()
)


def stems(text: str) -> frozenset[str]:
    """The content-word stems of a text: the words the similarity measure compares."""
    found = set()
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        if len(word) >= MIN_WORD and word not in STOP_WORDS:
            found.add(word[:STEM_LENGTH])
    return frozenset(found)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


@dataclass(slots=True)
class Group:
    """Comments that ask the same thing. `waiting` is kept by the reducer: the members still
    waiting for an answer, oldest first, with when each was posted."""

    group_id: str
    signature: frozenset[str]
    members: list[str] = field(default_factory=list)
    """Every comment ever put in the group, in posting order (answered ones included)."""
    waiting: dict[str, float] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """How many members still wait for an answer."""
        return len(self.waiting)

    @property
    def representative(self) -> str | None:
        """The longest-waiting member: the one a row shows and a reply is written to."""
        return next(iter(self.waiting), None)

    @property
    def oldest_t(self) -> float | None:
        """When the longest-waiting member was posted (None when nothing waits)."""
        return next(iter(self.waiting.values()), None)

    def wait(self, item_id: str, t: float) -> None:
        if item_id in self.waiting:
            return
        newest = next(reversed(self.waiting.values()), None)
        self.waiting[item_id] = t
        if newest is not None and t < newest:  # a restored older comment: keep oldest first
            self.waiting = dict(sorted(self.waiting.items(), key=lambda kv: (kv[1], kv[0])))

    def settle(self, item_id: str) -> None:
        self.waiting.pop(item_id, None)


class Grouper:
    """Assigns each comment to a group, incrementally and deterministically (see the module)."""

    def __init__(self) -> None:
        self.groups: dict[str, Group] = {}
        self._of: dict[str, str] = {}
        self._by_template: dict[str, str] = {}
        self._by_stem: dict[str, list[str]] = {}
        self._order: dict[str, int] = {}
        self._waiting: dict[str, Group] = {}
        """Groups with a member waiting; `_shared` those with two or more (the console's rows)."""
        self._shared: dict[str, Group] = {}

    def fork(self) -> Grouper:
        """An independent copy (see `DrillState.fork`); signatures are shared, never changed."""
        copy = Grouper()
        copy.groups = {gid: Group(gid, g.signature, list(g.members), dict(g.waiting)) for gid, g in self.groups.items()}
        copy._of = dict(self._of)
        copy._by_template = dict(self._by_template)
        copy._by_stem = {stem: list(ids) for stem, ids in self._by_stem.items()}
        copy._order = dict(self._order)
        copy._waiting = {gid: copy.groups[gid] for gid in self._waiting}
        copy._shared = {gid: copy.groups[gid] for gid in self._shared}
        return copy

    def group_of(self, item_id: str) -> Group | None:
        group_id = self._of.get(item_id)
        return self.groups[group_id] if group_id is not None else None

    def add(self, item_id: str, text: str, template: str | None = None) -> Group:
        """Put a comment in its group (the same one again if it was added before)."""
        known = self.group_of(item_id)
        if known is not None:
            return known
        group_id = self._by_template.get(template) if template else None
        signature = stems(text)
        if group_id is None and len(signature) >= MIN_STEMS:
            group_id = self._closest(signature)
        if group_id is None:
            group_id = f"g-{item_id}"
            self.groups[group_id] = Group(group_id, signature)
            self._order[group_id] = len(self._order)
            if len(signature) >= MIN_STEMS:
                for stem in signature:
                    self._by_stem.setdefault(stem, []).append(group_id)
        if template:
            self._by_template.setdefault(template, group_id)
        group = self.groups[group_id]
        group.members.append(item_id)
        self._of[item_id] = group_id
        return group

    def wait(self, item_id: str, t: float) -> None:
        """A member of a group waits for an answer (again)."""
        group = self.group_of(item_id)
        if group is not None:
            group.wait(item_id, t)
            self._note(group)

    def settle(self, item_id: str) -> None:
        """A member no longer waits (answered or removed)."""
        group = self.group_of(item_id)
        if group is not None:
            group.settle(item_id)
            self._note(group)

    @property
    def waiting_group_count(self) -> int:
        """How many groups have a member waiting (one row each in the console's "needs" view)."""
        return len(self._waiting)

    def waiting_groups(self, min_count: int = 1) -> list[Group]:
        """Groups with at least `min_count` members waiting, longest-waiting first; looks only at
        groups that have members waiting, so a long drill's answered groups cost nothing."""
        pool = self._shared if min_count >= 2 else self._waiting
        return waiting_groups(pool.values(), min_count)

    def _note(self, group: Group) -> None:
        for index, bound in ((self._waiting, 1), (self._shared, 2)):
            if group.count >= bound:
                index[group.group_id] = group
            else:
                index.pop(group.group_id, None)

    def _closest(self, signature: frozenset[str]) -> str | None:
        shared: dict[str, int] = {}
        for stem in signature:
            for group_id in self._by_stem.get(stem, ())[-CANDIDATES_PER_STEM:]:
                shared[group_id] = shared.get(group_id, 0) + 1
        best_id, best_score = None, THRESHOLD
        for group_id, n in shared.items():
            other = self.groups[group_id].signature
            score = n / (len(signature) + len(other) - n)
            # The most similar; on a tie the group started first.
            if score > best_score or (score == best_score and (
                    best_id is None or self._order[group_id] < self._order[best_id])):
                best_id, best_score = group_id, score
        return best_id

def waiting_groups(groups: Iterable[Group], min_count: int = 1) -> list[Group]:
    """Groups with at least `min_count` members waiting, longest-waiting first."""
    found = [g for g in groups if g.count >= min_count]
    found.sort(key=lambda g: (g.oldest_t, g.group_id))
    return found

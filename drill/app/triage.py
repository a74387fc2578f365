"""Which rows each triage view of the feed shows, kept as indexes instead of filtered per tick.

A storm puts 100,000 comments on the page; filtering them all on every tick or keypress
would make the console lag. What an item *is* (a question, a claim, something to moderate)
never changes, so those views are lists appended to as items arrive, in posting order. What
*waits* changes; that view is the list of items that waited at the last look, compacted only
when the account (`DrillState.waiting_count`) says some of them stopped waiting. Whether an
item waits, is handled or needs moderation is always the account's answer (`drill.account`),
never the console's own.

Rows are ids: an item id, `group:<id>` for similar questions shown as one row
(`drill.grouping`), or `post:<id>` for one of the team's official posts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

from drill.account import Need, is_removed
from drill.events import (
    Event,
    ItemDeleted,
    ItemHidden,
    ItemPosted,
    ItemRestored,
    ItemUnhidden,
    OfficialPostPublished,
    ReachUpdated,
    ReplyPosted,
)
from drill.scenario.models import Channel, ItemKind
from drill.state import DrillState, ItemView

View = Literal["needs", "questions", "claims", "moderate", "ours", "all"]
VIEWS: tuple[View, ...] = ("needs", "questions", "claims", "moderate", "ours", "all")
Sort = Literal["newest", "oldest", "reach"]
SORTS: tuple[Sort, ...] = ("newest", "oldest", "reach")

GROUP = "group:"
POST = "post:"
QUESTION_KINDS = frozenset({ItemKind.question, ItemKind.press})
GROUPED_VIEWS = frozenset({"needs", "ours"})
"""Views where similar waiting questions collapse into one row ("needs" is built from the groups
themselves, so its cost follows the number of groups, not of waiting comments)."""


def is_question(item: ItemView) -> bool:
    return item.labels.kind in QUESTION_KINDS


def is_claim(item: ItemView) -> bool:
    return bool(item.labels.false_claim) or item.labels.kind is ItemKind.rumour


def may_be_removed(item: ItemView) -> bool:
    """KS's rules allow removing it (the label the moderation score is built on), even when it
    also asks a question (then the account says it needs an answer, and it waits there too)."""
    return bool(item.labels.deletion_justified)


def to_moderate(item: ItemView) -> bool:
    """May be removed and is still on the page (the account's `is_removed`)."""
    return may_be_removed(item) and not is_removed(item)


def group_row(group_id: str) -> str:
    return GROUP + group_id


def post_row(post_id: str) -> str:
    return POST + post_id


class Triage:
    """The views' indexes for one drill, updated from each batch of events."""

    def __init__(self, state: DrillState) -> None:
        self._state = state
        self._posted: list[str] = []
        """Every item on the page or in the inbox, in posting order."""
        self._static: dict[View, list[str]] = {"questions": [], "claims": [], "ours": []}
        self._answer_needed: list[str] = []
        self._waiting: list[str] = []
        """Items that waited at the last look, posting order (compacted lazily)."""
        self._ungrouped: list[str] = []
        """Items that need an answer and belong to no group (calls and messages off the page)."""
        self._moderation_needed: list[str] = []
        self._moderate: list[str] = []
        self._moderation_changed = False
        self._spreading: dict[str, None] = {}
        self._ours: set[str] = set()
        """Threads the team replied in, and those under its official posts."""
        self._index: dict[str, int] = {}
        self._haystack: dict[str, str] = {}

    def reset(self, state: DrillState) -> None:
        self.__init__(state)  # type: ignore[misc]

    # --- keeping up ---------------------------------------------------------------------

    def apply(self, events: Iterable[Event]) -> None:
        items = self._state.items
        for event in events:
            payload = event.payload
            if isinstance(payload, ItemPosted):
                item = items.get(payload.item_id)
                if item is not None:
                    self._posted_item(item)
            elif isinstance(payload, ReplyPosted):
                replied = items.get(payload.item_id)
                if replied is not None:
                    self._mark_ours(replied.thread_id)
            elif isinstance(payload, OfficialPostPublished):
                row = post_row(payload.post_id)
                self._haystack[row] = f"{event.actor}\n{payload.text}".casefold()
                self._index[row] = len(self._index)
                self._static["ours"].append(row)
            elif isinstance(payload, ItemHidden | ItemDeleted | ItemUnhidden | ItemRestored):
                self._moderation_changed = True
            elif isinstance(payload, ReachUpdated) and payload.item_id in items:
                self._spreading[payload.item_id] = None

    def _posted_item(self, item: ItemView) -> None:
        item_id = item.item_id
        self._index[item_id] = len(self._index)
        self._posted.append(item_id)
        self._haystack[item_id] = f"{item.author}\n{item.text}".casefold()
        if is_question(item):
            self._static["questions"].append(item_id)
        if is_claim(item):
            self._static["claims"].append(item_id)
        if item.need is Need.answer:
            self._answer_needed.append(item_id)
            if self._state.group_of(item_id) is None:
                self._ungrouped.append(item_id)
            if self._state.is_waiting(item_id):
                self._waiting.append(item_id)
        if may_be_removed(item):
            self._moderation_needed.append(item_id)
            if to_moderate(item):
                self._moderate.append(item_id)
        if item.on_post is not None:
            self._ours.add(item_id)  # a comment under our post starts a thread of ours
        if item.thread_id in self._ours:
            self._static["ours"].append(item_id)

    def _mark_ours(self, thread_id: str) -> None:
        """A thread the team replied in joins "ours" (its items, in posting order)."""
        if thread_id in self._ours:
            return
        self._ours.add(thread_id)
        state = self._state
        fresh = [thread_id, *state.threads.get(thread_id, ())]
        merged = set(self._static["ours"]).union(i for i in fresh if i in state.items)
        self._static["ours"] = sorted(merged, key=lambda i: self._index.get(i, -1))

    # --- reading ------------------------------------------------------------------------

    def waiting(self) -> list[str]:
        """The items waiting for an answer, posting order; exactly the account's waiting set."""
        state = self._state
        if len(self._waiting) != state.waiting_count:
            self._waiting = [i for i in self._waiting if state.is_waiting(i)]
            if len(self._waiting) != state.waiting_count:  # something waits again (restored)
                self._waiting = [i for i in self._answer_needed if state.is_waiting(i)]
        return self._waiting

    def moderate(self) -> list[str]:
        if self._moderation_changed:
            items = self._state.items
            self._moderate = [i for i in self._moderation_needed if to_moderate(items[i])]
            self._moderation_changed = False
        return self._moderate

    def members(self, view: View) -> list[str]:
        """The items of an item view, posting order (not for "all", which lists threads)."""
        if view == "needs":
            return self.waiting()
        if view == "moderate":
            return self.moderate()
        if view == "all":
            return self._posted
        return self._static[view]

    def count(self, view: View, threads: int) -> int:
        """What the view's label counts: items in it ("needs" is the account's waiting count)."""
        if view == "needs":
            return self._state.waiting_count
        if view == "all":
            return threads
        return len(self.members(view))

    def matches(self, row: str, query: str) -> bool:
        """Does `query` (casefolded) occur in the row's author or text (any member of a group)?"""
        if row.startswith(GROUP):
            group = self._state.grouper.groups.get(row.removeprefix(GROUP))
            return group is not None and any(query in self._haystack.get(m, "") for m in group.waiting)
        return query in self._haystack.get(row, "")

    def rows(self, view: View, sort: Sort, query: str, threads: list[str]) -> list[str]:
        """The rows of `view` in `sort` order, only those matching `query` (casefolded) if given.

        `threads` are the page's thread roots, most recent activity first (the "all" view).
        """
        if view == "all":
            ordered = self._sorted(threads, sort, newest_first=True)
            pinned = self._pinned()
            if pinned is not None:
                try:
                    at = ordered.index(pinned)  # near the top: the latest post is recent activity
                    ordered = [pinned, *ordered[:at], *ordered[at + 1:]]
                except ValueError:
                    ordered = [pinned, *ordered]
        elif view == "needs":
            ordered = self._needs(sort)
        else:
            ordered = self._sorted(self.members(view), sort, newest_first=False)
            if view in GROUPED_VIEWS:
                ordered = list(self._collapse(ordered))
        if query:
            return [row for row in ordered if self.matches(row, query)]
        return ordered

    def _pinned(self) -> str | None:
        """The team's latest official post, shown on top of the page."""
        posts = self._state.official_posts
        return post_row(posts[-1].post_id) if posts else None

    def _sorted(self, ids: list[str], sort: Sort, *, newest_first: bool) -> list[str]:
        """`ids` is newest first when `newest_first`, else posting order."""
        if sort == "reach":
            items = self._state.items
            member = set(ids)
            spreading = [i for i in self._spreading if i in member and items[i].reach > 0]
            spreading.sort(key=lambda i: (-items[i].reach, items[i].t))
            first = set(spreading)
            rest = ids if newest_first else ids[::-1]
            return spreading + [i for i in rest if i not in first]
        newest = sort == "newest"
        return ids[::-1] if newest != newest_first else list(ids)

    def _needs(self, sort: Sort) -> list[str]:
        """What waits, one row per group of similar comments (its single member when only one
        waits) plus the calls and messages that wait, in `sort` order.

        Built from the groups the reducer keeps, not from the waiting comments: a flood of
        100,000 comments asking thirty things is thirty rows and costs thirty look-ups.
        """
        state = self._state
        items = state.items
        newest = sort != "oldest"
        entries: list[tuple[float, int, str]] = []
        for group in state.grouper.groups.values():
            if not group.waiting:
                continue
            member = next(reversed(group.waiting)) if newest else next(iter(group.waiting))
            row = group_row(group.group_id) if len(group.waiting) > 1 else member
            entries.append((self._rank(items[member], sort), self._index.get(member, 0), row))
        for item_id in self._ungrouped:
            if state.is_waiting(item_id):
                entries.append((self._rank(items[item_id], sort), self._index.get(item_id, 0), item_id))
        entries.sort(reverse=newest)
        return [row for _, _, row in entries]

    @staticmethod
    def _rank(item: ItemView, sort: Sort) -> float:
        """Sort key of a row in the "needs" view (a group ranks by its representative member)."""
        return float(item.reach) if sort == "reach" else item.t

    def _collapse(self, ordered: list[str]) -> Iterator[str]:
        """Waiting members of a group with two or more waiting show as one group row, where the
        first of them would have been."""
        state = self._state
        seen: set[str] = set()
        for item_id in ordered:
            group = state.group_of(item_id) if state.is_waiting(item_id) else None
            if group is None or group.count < 2:
                yield item_id
            elif group.group_id not in seen:
                seen.add(group.group_id)
                yield group_row(group.group_id)

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

from collections.abc import Callable, Iterable, Iterator, Sequence
from bisect import bisect_left
from itertools import chain, islice
from typing import Literal, overload

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
SPARSE = 8
"""The needs view is listed from its groups when it has fewer rows than one in this many of
the waiting comments, and walked from the waiting comments otherwise."""
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


class Rows(Sequence[str]):
    """A view's rows, worked out only as far as they are read.

    The feed draws a screenful, yet a storm puts 100,000 comments in a view; listing and
    sorting them all on every key, tick or view switch is what made the console lag. The
    length is the view's count, known up front; the rows come from `source` in order as they
    are read; and `holds` (when given) says at once whether a row is in the view, so looking
    for a selection that left the view never walks the whole view to miss it.
    """

    def __init__(self, length: int, source: Iterable[str], holds: Callable[[str], bool] | None = None) -> None:
        self._length = length
        self._source = iter(source)
        self._read: list[str] = []
        self._where: dict[str, int] = {}
        self._holds = holds

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._at(index)

    def _at(self, index: int) -> str:
        """The row at `index` (within the length), read from the source as far as it."""
        self._fill(index + 1)
        if index >= len(self._read):
            raise IndexError(index)
        return self._read[index]

    def __iter__(self) -> Iterator[str]:
        self._fill(self._length)
        return iter(self._read)

    def __contains__(self, row: object) -> bool:
        return isinstance(row, str) and self.position(row) >= 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def position(self, row: str) -> int:
        """Where `row` is (-1: not in the view), reading only as far as it."""
        if self._holds is not None and not self._holds(row):
            return -1
        where = self._where.get(row)
        while where is None and len(self._read) < self._length:
            before = len(self._read)
            self._fill(min(self._length, 2 * before + 64))
            if len(self._read) == before:
                break
            where = self._where.get(row)
        return -1 if where is None else where

    def _fill(self, count: int) -> None:
        read, where = self._read, self._where
        for row in islice(self._source, max(0, count - len(read))):
            where.setdefault(row, len(read))
            read.append(row)
        if len(read) < count:
            self._length = len(read)  # the source ran out first (never expected)


class Listed(Rows):
    """Rows that are a list (as long as it is now) read forwards or backwards, where `place`
    finds a row's index in the list at once.

    Under a newest-first storm the selected row sinks about 300 rows a wall second, and the
    rows are built again on every tick; finding the selection by reading down to it made each
    tick cost as much as its depth. Reading the list at an index, and asking `place` where a
    row is, costs the same at any depth. `place` may answer None or a wrong index (then the
    rows are read as far as the row, as in `Rows`); the answer is checked against the list.
    """

    def __init__(self, ids: Sequence[str], *, newest_first: bool, place: Callable[[str], int | None],
                 holds: Callable[[str], bool] | None = None) -> None:
        super().__init__(len(ids), backwards(ids) if newest_first else forwards(ids), holds)
        self._ids = ids
        self._count = len(ids)
        self._newest_first = newest_first
        self._place = place

    def _at(self, index: int) -> str:
        return self._ids[self._count - 1 - index if self._newest_first else index]

    def position(self, row: str) -> int:
        if self._holds is not None and not self._holds(row):
            return -1
        where = self._place(row)
        if where is not None and 0 <= where < self._count and self._ids[where] == row:
            return self._count - 1 - where if self._newest_first else where
        return super().position(row)


class Pinned(Rows):
    """`pinned` on top of `rows` (taken out of where it stood in them, if it was there), with
    `rows`' own way of finding a row and reading at an index."""

    def __init__(self, pinned: str, rows: Rows, inside: bool, holds: Callable[[str], bool] | None = None) -> None:
        self._pinned = pinned
        self._rows = rows
        self._inside_at: int | None = None if inside else -1
        rest = (row for row in rows if row != pinned)
        super().__init__(len(rows) + (0 if inside else 1), chain([pinned], rest), holds)

    @property
    def _inside(self) -> int:
        """Where the pinned row stood in `rows` (-1: not there), looked up when first needed."""
        if self._inside_at is None:
            self._inside_at = self._rows.position(self._pinned)
        return self._inside_at

    def _at(self, index: int) -> str:
        if index == 0:
            return self._pinned
        below = index - 1
        return self._rows[below + (1 if 0 <= self._inside <= below else 0)]

    def position(self, row: str) -> int:
        if row == self._pinned:
            return 0
        if self._holds is not None and not self._holds(row):
            return -1
        where = self._rows.position(row)
        if where < 0:
            return -1
        return where + (0 if 0 <= self._inside < where else 1)


def backwards(ids: Sequence[str]) -> Iterator[str]:
    """The ids newest first, as they are now (later appends are not included)."""
    return (ids[i] for i in range(len(ids) - 1, -1, -1))


def forwards(ids: Sequence[str]) -> Iterator[str]:
    """The ids in posting order, as they are now."""
    return islice(ids, len(ids))


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
        self._waits_again = False
        """Something was restored or unhidden since the last look, so an item may wait again."""
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
                self._waits_again |= isinstance(payload, ItemUnhidden | ItemRestored)
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
        """A thread the team replied in joins "ours" (its items, in posting order).

        Only the items already posted as far as these events go: the state may be ahead (a
        rebuild from a whole log, a batch with later comments in it), and those later items join
        when their own `ItemPosted` comes; taking them now listed them twice."""
        if thread_id in self._ours:
            return
        self._ours.add(thread_id)
        state = self._state
        fresh = [thread_id, *state.threads.get(thread_id, ())]
        merged = set(self._static["ours"]).union(i for i in fresh if i in state.items and i in self._index)
        self._static["ours"] = sorted(merged, key=lambda i: self._index.get(i, -1))

    # --- reading ------------------------------------------------------------------------

    def waiting(self) -> list[str]:
        """The items waiting for an answer, posting order; exactly the account's waiting set.

        Compacted when the count says some stopped waiting; listed again when something may wait
        again (one answered and one restored between two looks leave the count as it was)."""
        state = self._state
        if self._waits_again:
            self._waiting = [i for i in self._answer_needed if state.is_waiting(i)]
            self._waits_again = False
        elif len(self._waiting) != state.waiting_count:
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

    def rows(self, view: View, sort: Sort, query: str, threads: Sequence[str],
             is_thread: Callable[[str], bool] | None = None,
             thread_place: Callable[[str], int | None] | None = None) -> Rows:
        """The rows of `view` in `sort` order, only those matching `query` (casefolded) if given.

        `threads` are the page's thread roots, least recent activity first (the "all" view),
        `is_thread` says whether a row is one of them and `thread_place` where it is in
        `threads`. Only the rows read are worked out.
        """
        ordered = self._ordered(view, sort, threads, is_thread, thread_place)
        if query:
            found = [row for row in ordered if self.matches(row, query)]
            return Rows(len(found), found)
        return ordered

    def _ordered(self, view: View, sort: Sort, threads: Sequence[str],
                 is_thread: Callable[[str], bool] | None,
                 thread_place: Callable[[str], int | None] | None) -> Rows:
        items = self._state.items
        if view == "all":
            ordered = self._sorted(threads, sort, newest_first=False, holds=is_thread, place=thread_place)
            pinned = self._pinned()
            if pinned is None:
                return ordered
            inside = is_thread(pinned) if is_thread is not None else pinned in threads
            on_page = None if is_thread is None else (lambda row: row == pinned or is_thread(row))
            return Pinned(pinned, ordered, inside, on_page)
        if view == "needs":
            return self._needs(sort)
        if view in GROUPED_VIEWS:
            ordered = self._sorted(self.members(view), sort, newest_first=False)
            collapsed = list(self._collapse(ordered))
            return Rows(len(collapsed), collapsed)
        kind: Callable[[ItemView], bool] = {"questions": is_question, "claims": is_claim,
                                            "moderate": to_moderate}[view]

        def holds(row: str) -> bool:
            item = items.get(row)
            return item is not None and kind(item)

        members = self.members(view)
        return self._sorted(members, sort, newest_first=False, holds=holds, place=self._place_in(members))

    def _pinned(self) -> str | None:
        """The team's latest official post, shown on top of the page."""
        posts = self._state.official_posts
        return post_row(posts[-1].post_id) if posts else None

    def _place_in(self, ids: Sequence[str]) -> Callable[[str], int | None]:
        """Where a row is in `ids`, a list in posting order (so sorted by `_index`): a binary
        search instead of a walk."""
        index = self._index

        def place(row: str) -> int | None:
            key = index.get(row)
            if key is None:
                return None
            return bisect_left(ids, key, hi=len(ids), key=lambda i: index.get(i, -1))

        return place

    def _sorted(self, ids: Sequence[str], sort: Sort, *, newest_first: bool,
                holds: Callable[[str], bool] | None = None,
                place: Callable[[str], int | None] | None = None) -> Rows:
        """`ids` is newest first when `newest_first`, else posting order; `holds` is membership
        and `place` (when given) where a row is in `ids`."""
        if sort == "reach":
            items = self._state.items
            member = holds if holds is not None else set(ids).__contains__
            spreading = [i for i in self._spreading if items[i].reach > 0 and member(i)]
            spreading.sort(key=lambda i: (-items[i].reach, items[i].t))
            first = set(spreading)
            rest = forwards(ids) if newest_first else backwards(ids)
            return Rows(len(ids), chain(spreading, (i for i in rest if i not in first)), holds)
        newest = sort == "newest"
        if place is not None:
            return Listed(ids, newest_first=newest != newest_first, place=place, holds=holds)
        return Rows(len(ids), backwards(ids) if newest != newest_first else forwards(ids), holds)

    def _needs(self, sort: Sort) -> Rows:
        """What waits, one row per group of similar comments (its single member when only one
        waits) plus the calls and messages that wait, in `sort` order.

        Walked from the waiting items (posting order is time order) and worked out only as far as
        the feed reads: a group's row stands where its newest waiting member (oldest, for the
        oldest-first order) would have been. The count is the waiting groups' and the waiting
        ungrouped items', so no row is listed to know how many there are.
        """
        state = self._state
        items = state.items
        newest = sort != "oldest"
        waiting = self.waiting()
        count = state.grouper.waiting_group_count + sum(1 for i in self._ungrouped if state.is_waiting(i))

        def row_of(item_id: str) -> str | None:
            """The item's row if the item stands for it at its place in the order."""
            group = state.group_of(item_id)
            if group is None or group.count < 2:
                return item_id
            representative = next(reversed(group.waiting)) if newest else next(iter(group.waiting))
            return group_row(group.group_id) if representative == item_id else None

        def walk(skip: frozenset[str] = frozenset()) -> Iterator[str]:
            for item_id in backwards(waiting) if newest else forwards(waiting):
                row = row_of(item_id)
                if row is not None and row not in skip:
                    yield row

        if count * SPARSE < len(waiting):
            # Few rows for many waiting comments (a storm asking thirty things): walking the
            # waiting comments would pass thousands of members to find each row. List the rows
            # from the waiting groups instead, at a cost that follows their number.
            return Rows(count, self._needs_from_groups(sort), self._in_needs)
        if sort == "reach":
            heads = [(item_id, row) for item_id in self._spreading
                     if items[item_id].reach > 0 and state.is_waiting(item_id)
                     and (row := row_of(item_id)) is not None]
            heads.sort(key=lambda h: (-items[h[0]].reach, -self._index.get(h[0], 0)))
            first = frozenset(row for _, row in heads)
            return Rows(count, chain((row for _, row in heads), walk(first)), self._in_needs)
        return Rows(count, walk(), self._in_needs)

    def _needs_from_groups(self, sort: Sort) -> list[str]:
        """The needs view's rows listed from the groups with members waiting (and the waiting
        comments in no group), each ranked by the member that stands for it."""
        state = self._state
        items = state.items
        newest = sort != "oldest"
        entries: list[tuple[float, int, str]] = []
        for group in state.groups(1):
            member = next(reversed(group.waiting)) if newest else next(iter(group.waiting))
            row = group_row(group.group_id) if group.count > 1 else member
            rank = float(items[member].reach) if sort == "reach" else items[member].t
            entries.append((rank, self._index.get(member, 0), row))
        for item_id in self._ungrouped:
            if state.is_waiting(item_id):
                rank = float(items[item_id].reach) if sort == "reach" else items[item_id].t
                entries.append((rank, self._index.get(item_id, 0), item_id))
        entries.sort(reverse=newest)
        return [row for _, _, row in entries]

    def _in_needs(self, row: str) -> bool:
        state = self._state
        if row.startswith(GROUP):
            group = state.grouper.groups.get(row.removeprefix(GROUP))
            return group is not None and group.count >= 2
        if not state.is_waiting(row):
            return False
        group = state.group_of(row)
        return group is None or group.count < 2

    def _collapse(self, ordered: Iterable[str]) -> Iterator[str]:
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

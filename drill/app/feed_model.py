"""What the feed shows, kept up to date event by event instead of recomputed from scratch.

With ten thousand comments on the page the console must not walk every item on each tick.
`FeedModel` keeps the page's threads in order of latest activity and what this seat has read,
updating both from each batch of new events in time proportional to the batch. What is still
waiting for an answer is the drill's one account (`drill.account`, kept by `DrillState`); the
rows themselves are read from `DrillState` when drawn. Which rows the chosen triage view
shows, in which order and matching which search, is `drill.app.triage`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from drill.app.triage import VIEWS, Rows, Sort, Triage, View, post_row
from drill.events import (
    Event,
    ItemPosted,
    OfficialPostPublished,
    ReplyPosted,
)
from drill.scenario.models import Channel
from drill.state import DrillState, ItemView


REBUILD_BATCH = 5000
"""Events applied at a time when the model is rebuilt from a whole drill's log."""


class FeedModel:
    def __init__(self, state: DrillState, events: Iterable[Event] = ()) -> None:
        self._state = state
        self._activity: list[str] = []
        """Rows of the page, least recently active first; a row touched again is appended and
        its older entry goes stale (dropped at the next compaction), so a storm of new threads
        costs an append each."""
        self._latest: dict[str, int] = {}
        """Row -> where its live entry is in `_activity`."""
        self._stale = 0
        self._triage = Triage(state)
        self.view: View = "all"
        self.sort: Sort = "newest"
        self.query = ""
        """Search text, casefolded; empty shows the whole view."""
        self._rows: Rows | None = None
        self._rows_key: tuple[object, ...] = ()
        self._inbox: list[str] = []
        self.seen: set[str] = set()
        self._thread_versions: dict[str, int] = {}
        self.version = 0
        """Bumped on every change, so widgets can tell whether to redraw."""
        self._content = 0
        """Bumped when what the rows are made of changes (not when something is read)."""
        self.rebuild(state, events)

    # --- building ----------------------------------------------------------------------

    def rebuild(self, state: DrillState, events: Iterable[Event]) -> None:
        """Start again from the events that made `state` (a resume, a replay jumping backwards).

        Replaying the events rather than sorting the state keeps the order of threads whose
        activity fell on the same simulated second exactly as it was seen live.
        """
        self._state = state
        self._activity.clear()
        self._latest.clear()
        self._stale = 0
        self._inbox.clear()
        self._thread_versions.clear()
        self._triage.reset(state)
        self._rows = None
        stream = iter(events)  # read back from the session file: a batch at a time, never all at once
        while batch := list(islice(stream, REBUILD_BATCH)):
            self.apply(batch)
        self.seen &= set(state.items)
        self.version += 1
        self._content += 1

    def apply(self, events: Iterable[Event]) -> None:
        changed = False
        items = self._state.items
        events = list(events)
        self._triage.apply(events)
        for event in events:
            payload = event.payload
            touched = getattr(payload, "item_id", None)
            if touched is not None and touched in items:
                self._bump(items[touched].thread_id)
            for corrected in getattr(payload, "corrects", ()):
                if corrected in items:
                    self._bump(items[corrected].thread_id)
            if isinstance(payload, ItemPosted):
                item = self._state.items.get(payload.item_id)
                if item is None:
                    continue
                if item.channel != Channel.comment:
                    self._inbox.append(item.item_id)
                else:
                    self._touch(item.thread_id)
            elif isinstance(payload, ReplyPosted):
                self._touch(payload.thread_id)
            elif isinstance(payload, OfficialPostPublished):
                self._touch_row(post_row(payload.post_id))
            else:
                # Removals, likes, archive marks, reach: the rows read them from the state when drawn.
                pass
            changed = True
        if changed:
            self.version += 1
            self._content += 1

    def _bump(self, thread_id: str) -> None:
        self._thread_versions[thread_id] = self._thread_versions.get(thread_id, 0) + 1

    def thread_version(self, root_id: str) -> int:
        """Changes whenever anything in the thread changes (posts, replies, flags, reach, reading)."""
        return self._thread_versions.get(root_id, 0)

    def _touch(self, thread_id: str) -> None:
        """Activity in a thread on the page; a thread under an official post is the post's."""
        root = self._state.items.get(thread_id)
        if root is None or root.channel != Channel.comment:
            return
        self._touch_row(post_row(root.on_post) if root.on_post is not None else thread_id)

    def _touch_row(self, row: str) -> None:
        if row in self._latest:
            self._stale += 1
        self._latest[row] = len(self._activity)
        self._activity.append(row)

    # --- reading -----------------------------------------------------------------------

    @property
    def state(self) -> DrillState:
        return self._state

    @property
    def content_version(self) -> int:
        """Changes when the rows or what they are made of change; reading a row leaves it as it
        is (`version` changes then too), so a widget can tell a read row from a moved one."""
        return self._content

    @property
    def triage(self) -> Triage:
        return self._triage

    def _page_rows(self) -> list[str]:
        """Thread root ids on the page, and `post:<id>` rows for the team's official posts (the
        threads under a post go with it), least recent activity first; compacted when a row
        touched again has left stale entries behind."""
        if self._stale:
            latest = self._latest
            self._activity = [row for i, row in enumerate(self._activity) if latest[row] == i]
            self._latest = {row: i for i, row in enumerate(self._activity)}
            self._stale = 0
        return self._activity

    def choose(self, *, view: View | None = None, sort: Sort | None = None, query: str | None = None) -> None:
        """Show another view, order or search (the rows are worked out when next read)."""
        if view is not None:
            self.view = view
        if sort is not None:
            self.sort = sort
        if query is not None:
            self.query = query.casefold().strip()
        self.version += 1
        self._content += 1

    @property
    def rows(self) -> Rows:
        """What the feed lists now: the chosen view's rows in the chosen order, searched (worked
        out only as far as they are read: the feed reads a screenful)."""
        key = (self._content, self.view, self.sort, self.query)
        if self._rows is None or key != self._rows_key:
            page = self._page_rows() if self.view == "all" else []
            self._rows = self._triage.rows(self.view, self.sort, self.query, page, self._latest.__contains__,
                                           self._latest.get)
            self._rows_key = key
        return self._rows

    def row_index(self, row: str) -> int:
        """Where a row is in `rows` (-1: not there), reading the rows only as far as it."""
        return self.rows.position(row)

    def counts(self) -> dict[View, int]:
        """How many each view holds ("needs": the account's waiting count)."""
        threads = len(self._latest)
        return {view: self._triage.count(view, threads) for view in VIEWS}

    @property
    def inbox(self) -> list[str]:
        """Calls and messages that are not on the page, newest first."""
        return self._inbox[::-1]

    @property
    def unanswered_count(self) -> int:
        """Everything still waiting for an answer, on the page and in the inbox (`drill.account`)."""
        return self._state.waiting_count

    def oldest_waiting(self, now: float) -> float | None:
        return self._state.oldest_waiting(now)

    def thread_items(self, root_id: str) -> list[ItemView]:
        items = self._state.items
        root = items[root_id]
        return [root] + [items[i] for i in self._state.threads.get(root_id, []) if i in items]

    def thread_unread(self, root_id: str) -> bool:
        return any(i.item_id not in self.seen for i in self.thread_items(root_id))

    def is_unanswered(self, item_id: str) -> bool:
        return self._state.is_waiting(item_id)

    def thread_unanswered(self, root_id: str) -> bool:
        return any(self._state.is_waiting(i.item_id) for i in self.thread_items(root_id))

    def inbox_unread(self) -> int:
        return sum(1 for i in self._inbox if i not in self.seen)

    def mark_seen(self, item_ids: Iterable[str]) -> None:
        fresh = [i for i in item_ids if i not in self.seen]
        if not fresh:
            return
        self.seen.update(fresh)
        for item_id in fresh:
            item = self._state.items.get(item_id)
            if item is not None:
                self._bump(item.thread_id)
        self.version += 1

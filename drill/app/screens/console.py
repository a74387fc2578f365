"""The console: the page, the inbox and reach on the left, the selected thread on the right.

It talks to the drill only through a DrillConnection. New events arrive through the
connection's listener; each batch updates the feed model and redraws what is visible.
Every key in the footer is one team action; the dialogs build the action and the
connection records it. A refused action becomes a notification, never a crash.

The page can be triaged: one key per view (what needs an answer, questions, claims, what to
moderate, the team's own posts and threads, everything), an order (newest, oldest waiting,
fastest-spreading) and a search. Similar waiting questions are one row; answering that row
answers each of them in its own thread, or points them all to an official post.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, TabbedContent, TabPane

from drill.app.connection import DrillConnection
from drill.app.feed_model import FeedModel
from drill.app.formatting import excerpt, signature, wall_clock
from drill.app.reach_model import ReachSeries
from drill.refusals import explain
from drill.app.screens.dialogs import (
    ChoiceDialog,
    HandoverDialog,
    ModerationDialog,
    NoteDialog,
    OfficialPostDialog,
    ReplyDialog,
    pointer_text,
)
from drill.app.screens.keys import CatalogueBindings
from drill.app.screens.legend import LegendDialog
from drill.app.triage import GROUP, POST, SORTS, VIEWS, View
from drill.app.widgets.inbox_list import InboxList
from drill.app.widgets.news_strip import Kind, NewsStrip
from drill.app.widgets.page_feed import PageFeed
from drill.app.widgets.posts_list import PostsList
from drill.app.widgets.reach_chart import ReachChart
from drill.app.widgets.status_bar import StatusBar
from drill.app.widgets.thread_detail import ThreadDetail
from drill.app.widgets.view_bar import ViewBar
from drill.engine.actions import Action, Archive, EndDrill, GroupReply, Like, Reply, Restore, SetClock, Unhide
from drill.engine.clock import faster, slower
from drill.engine.engine import ActionRejected
from drill.events import Event, ItemPosted, ReplyLiked
from drill.i18n import t
from drill.scenario.models import Channel
from drill.state import ItemView
from scoring.rubric import thresholds_for

ITEM_ACTIONS = frozenset({"reply", "point_latest", "like", "hide", "delete", "undo_removal", "archive"})
TEAM_ACTIONS = ITEM_ACTIONS | {"official_post", "note", "handover", "end_drill"}
VIEW_KEYS: dict[str, View] = {str(n): view for n, view in enumerate(VIEWS, start=1)}
VIEWS_GROUP = Binding.Group("console.key_views", compact=True)
REACTIONS_PER_LINE = 3
NEWS_ON_MOUNT = 3
"""Calls and messages the strip shows when the console opens on a drill under way."""


class ConsoleScreen(CatalogueBindings):
    # Pause, speed and help come first: the footer is cut at the right on an 80-column terminal.
    BINDINGS = [
        Binding("space", "pause", "key.pause", key_display="␣"),
        Binding("plus", "faster", "key.speed", key_display="+/−"),
        Binding("minus", "slower", "key.slower", show=False),
        Binding("question_mark", "legend", "key.legend", key_display="?"),
        Binding("r,enter", "reply", "key.reply", key_display="r"),
        Binding("L", "point_latest", "play.key_point", key_display="L"),
        Binding("o", "official_post", "key.post"),
        *[Binding(key, f"view('{view}')", f"console.key_view_{view}", group=VIEWS_GROUP) for key, view in VIEW_KEYS.items()],
        Binding("slash", "search", "console.key_search", key_display="/"),
        Binding("s", "sort", "console.key_sort"),
        Binding("l", "like", "key.like"),
        Binding("h", "hide", "key.hide"),
        Binding("d", "delete", "key.delete"),
        Binding("u", "undo_removal", "key.undo"),
        Binding("a", "archive", "key.archive"),
        Binding("n", "note", "key.note"),
        Binding("v", "handover", "key.handover"),
        Binding("e", "end_drill", "key.end"),
        Binding("i", "show_tab('tab-inbox')", show=False),
        Binding("p", "show_tab('tab-posts')", show=False),
        Binding("c", "show_tab('tab-reach')", show=False),
        Binding("escape", "clear_search", show=False),
    ]

    def __init__(self, connection: DrillConnection, *, as_member: str | None = None) -> None:
        super().__init__(id="console")
        self._connection = connection
        self._as_member = as_member
        self._model = FeedModel(connection.state, connection.events)
        self._reach = ReachSeries()
        self._reach.rebuild(connection.state, connection.events)
        self._current: str | None = None
        """The selected row: an item id, or a group or post row (`drill.app.triage`)."""
        self._ready = False
        """True once the widgets exist; events that come earlier are drawn on mount."""
        self._inbox_label = ""
        self._thread_drawn: tuple[str, int] | None = None
        self._had_item = False
        self._targets = thresholds_for(connection.scenario)
        connection.add_listener(self.on_drill_events)

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        scenario = self._connection.scenario
        starts = scenario.starts
        yield StatusBar(id="status")
        with Horizontal(id="console-body"):
            with TabbedContent(id="views", initial="tab-feed"):
                with TabPane(t("tab.feed"), id="tab-feed"):
                    with Vertical(id="feed-pane"):
                        yield ViewBar(id="view-bar")
                        yield Input(placeholder=t("console.search_placeholder"), id="search")
                        yield PageFeed(self._model, starts, scenario.municipality.name, id="feed")
                with TabPane(t("tab.inbox"), id="tab-inbox"):
                    yield InboxList(self._model, starts, id="inbox")
                with TabPane(t("tab.posts"), id="tab-posts"):
                    yield PostsList(self._connection.state, starts, id="posts")
                with TabPane(t("tab.reach"), id="tab-reach"):
                    yield ReachChart(self._reach, id="reach")
            with Vertical(id="side"):
                yield ThreadDetail(starts, self._model.is_unanswered, scenario.municipality.name, id="thread")
                yield NewsStrip(id="news")
        yield Footer(compact=True)

    @property
    def connection(self) -> DrillConnection:
        return self._connection

    @property
    def model(self) -> FeedModel:
        return self._model

    @property
    def feed(self) -> PageFeed:
        return self.query_one(PageFeed)

    @property
    def inbox(self) -> InboxList:
        return self.query_one(InboxList)

    @property
    def posts(self) -> PostsList:
        return self.query_one(PostsList)

    @property
    def thread(self) -> ThreadDetail:
        return self.query_one(ThreadDetail)

    @property
    def news(self) -> NewsStrip:
        return self.query_one(NewsStrip)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def view_bar(self) -> ViewBar:
        return self.query_one(ViewBar)

    @property
    def search(self) -> Input:
        return self.query_one("#search", Input)

    @property
    def views(self) -> TabbedContent:
        return self.query_one("#views", TabbedContent)

    @property
    def reach_chart(self) -> ReachChart:
        return self.query_one(ReachChart)

    @property
    def selected_row(self) -> str | None:
        """The row the team's next action applies to (an item, group or post row)."""
        if not self._ready:
            return None
        if self.views.active == "tab-inbox":
            option = self.inbox.highlighted_option
            return option.id if option is not None else None
        if self.views.active == "tab-feed":
            return self.feed.selected
        return self._current

    @property
    def current_item(self) -> ItemView | None:
        """The item the team's next action applies to: the selection in the list on screen.

        Read from the list itself, not from the thread pane, so a key pressed right after a
        move acts on the item just moved to (the pane follows the inbox a message later). On a group
        row it is the longest-waiting member; an official post is no item.
        """
        row = self.selected_row
        if row is None or row.startswith(POST):
            return None
        state = self._connection.state
        if row.startswith(GROUP):
            group = state.grouper.groups.get(row.removeprefix(GROUP))
            row = group.representative if group is not None else None
            if row is None:
                return None
        return state.items.get(row)

    @property
    def selected_post(self) -> str | None:
        """The official post on the selected row (view 5 lists them; every view pins the latest), else None."""
        row = self.selected_row
        return row.removeprefix(POST) if row is not None and row.startswith(POST) else None

    @property
    def selected_group(self) -> list[str]:
        """The waiting members of the selected group row, longest-waiting first (else empty)."""
        row = self.selected_row
        if row is None or not row.startswith(GROUP):
            return []
        group = self._connection.state.grouper.groups.get(row.removeprefix(GROUP))
        return list(group.waiting) if group is not None else []

    def on_mount(self) -> None:
        self._ready = True
        state = self._connection.state
        for item_id in reversed(self._model.inbox[:NEWS_ON_MOUNT]):  # the inbox is newest first
            item = state.items[item_id]
            self.news.add(wall_clock(self._connection.scenario.starts, item.t),
                          self._call_line(item.channel, item.author, item.text), "call")
        self.search.display = False
        self.feed.focus()
        self.watch(self.feed, "selected", self._feed_selected, init=False)
        self.refresh_views()

    # --- events from the drill ---------------------------------------------------------

    def on_drill_events(self, events: list[Event]) -> None:
        state = self._connection.state
        self._model.apply(events)
        self._reach.apply(events, state)
        reactions: list[str] = []
        starts = self._connection.scenario.starts
        for event in events:
            payload = event.payload
            if isinstance(payload, ItemPosted) and payload.channel != Channel.comment:
                self._tell(wall_clock(starts, event.t), self._call_line(payload.channel, payload.author, payload.text),
                           "call")
            elif isinstance(payload, ItemPosted) and payload.source == "reaction":
                reactions.append(f"{payload.author} {t(f'console.reaction_{payload.source_id}')}")
            elif isinstance(payload, ReplyLiked):
                reactions.append(t("console.reaction_liked", name=payload.author))
        if reactions:
            shown = reactions[:REACTIONS_PER_LINE]
            if len(reactions) > len(shown):
                shown.append(t("console.reactions_more", n=len(reactions) - len(shown)))
            self._tell(wall_clock(starts, events[-1].t), t("play.reactions", list=" · ".join(shown)), "reaction")
        self.refresh_views()

    def _tell(self, clock: str, line: str, kind: Kind) -> None:
        """A call, a message or the citizens' reactions arrived: a line in the strip under the
        thread. Toasts stacked over the thread and the feed in a flood, and over a dialog's
        publish button; the strip has its own place and covers nothing."""
        if self._ready:  # what came before is in the inbox; the strip starts from it on mount
            self.news.add(clock, line, kind)

    @staticmethod
    def _call_line(channel: Channel, author: str, text: str) -> str:
        return f"{t('channel.' + channel.value)}: {author}: {excerpt(text, 160)}"

    def rebuild(self) -> None:
        """Redraw from scratch (a replay jumped backwards)."""
        self._model.rebuild(self._connection.state, self._connection.events)
        self.posts.use_state(self._connection.state)
        self._reach.rebuild(self._connection.state, self._connection.events)
        self.refresh_views()

    def on_screen_resume(self) -> None:
        self.refresh_views()

    def refresh_views(self) -> None:
        """Redraw what changed. Skipped while a dialog covers the console (redrawn on return)."""
        if not self._ready or self.app.screen is not self:
            return
        connection = self._connection
        state = connection.state
        self.feed.sync()
        self.inbox.sync()
        self.posts.sync()
        if self.views.active == "tab-reach":
            self.reach_chart.sync()
        self.view_bar.show(self._model.counts(), self._model.view, self._model.sort, self._model.query,
                           len(self._model.rows))
        last_post = state.official_posts[-1].t if state.official_posts else None
        self.status.show(
            starts=connection.scenario.starts, now=connection.now, speed=connection.speed, paused=connection.paused,
            on_duty=state.on_duty, unanswered=self._model.unanswered_count,
            oldest=self._model.oldest_waiting(state.now), replay=connection.read_only, ended=state.ended,
            last_post=last_post, left=connection.scenario.duration - connection.now,
            update_due=self._update_due(last_post),
        )
        self._sync_inbox_label()
        item = self.current_item
        if item is not None:
            # Whatever arrives in the thread on screen has been seen.
            self._model.mark_seen(i.item_id for i in self._model.thread_items(item.thread_id))
            self.feed.sync()
        self._show_thread()

    def _update_due(self, last_post: float | None) -> float:
        """When the next official post is due: the first within its target, then every `update_every`."""
        targets = self._targets
        return targets.first_post_within if last_post is None else last_post + targets.update_every

    def _sync_inbox_label(self) -> None:
        unread = self._model.inbox_unread()
        label = t("tab.inbox_unread", n=unread) if unread else t("tab.inbox")
        if label != self._inbox_label:
            self._inbox_label = label
            self.views.get_tab("tab-inbox").label = label

    def _show_thread(self) -> None:
        """Redraw the thread pane only when what it shows changed (the thread is wrapped anew)."""
        state = self._connection.state
        current = self._current
        version: tuple[str, int] | None = None
        if current is not None and current.startswith(GROUP):
            group = state.grouper.groups.get(current.removeprefix(GROUP))
            version = (current, hash((group.count, group.representative)) if group is not None else 0)
        elif current is not None and current.startswith(POST):
            post_id = current.removeprefix(POST)
            comments = state.post_comments.get(post_id, [])
            post = state.post(post_id)
            archived = post is not None and post.archived
            version = (current, hash((sum(self._model.thread_version(c) for c in comments), len(comments), archived)))
        elif current is not None and current in state.items:
            version = (current, self._model.thread_version(state.items[current].thread_id))
        if version != self._thread_drawn or version is None:
            self._thread_drawn = version
            self.thread.show(current, state)

    # --- selection ---------------------------------------------------------------------

    def _feed_selected(self, row: str | None) -> None:
        """The feed's cursor moved: the pane follows in the same handler, hence the same frame."""
        self._follow_selection()

    @on(OptionList.OptionHighlighted, "#inbox")
    def _inbox_highlighted(self) -> None:
        """The inbox highlights its row again each time it is drawn anew (a message arrives, one
        is answered), also behind the page: only the list on screen may move the pane."""
        self._follow_selection()

    def _follow_selection(self) -> None:
        if self.views.active in ("tab-feed", "tab-inbox"):
            self._show(self.selected_row)

    @on(TabbedContent.TabActivated, "#views")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id
        if pane == "tab-feed":
            self.feed.focus()
            self._show(self.feed.selected)
        elif pane == "tab-inbox":
            inbox = self.inbox
            inbox.focus()
            if inbox.highlighted is None and inbox.option_count:
                inbox.highlighted = 0
            option = inbox.highlighted_option
            self._show(option.id if option is not None else None)
        else:
            self.reach_chart.sync()

    def _show(self, row: str | None) -> None:
        self._current = row
        has_item = self.current_item is not None
        if has_item != self._had_item:
            self._had_item = has_item
            self.refresh_bindings()  # item actions become available (or not): an official post is no item
        state = self._connection.state
        if row is not None and row.startswith(GROUP):
            self._model.mark_seen(self.selected_group)
        elif row is not None and row.startswith(POST):
            self._model.mark_seen(state.threads.get(row.removeprefix(POST), []))
        elif row is not None and row in state.items:
            item = state.items[row]
            self._model.mark_seen(i.item_id for i in self._model.thread_items(item.thread_id))
        self._show_thread()
        self.feed.sync()
        self.inbox.sync()
        self._sync_inbox_label()

    def action_legend(self) -> None:
        self.app.push_screen(LegendDialog())

    def action_show_tab(self, pane: str) -> None:
        self.views.active = pane

    # --- triage ------------------------------------------------------------------------

    def action_view(self, view: str) -> None:
        """Show one triage view of the page (and the page, if another tab was open)."""
        if view not in VIEWS:
            return
        self.views.active = "tab-feed"
        self._model.choose(view=view)  # type: ignore[arg-type]
        self._view_changed()

    def action_sort(self) -> None:
        """Newest first, oldest (longest waiting) first, fastest-spreading first, and round again."""
        following = SORTS[(SORTS.index(self._model.sort) + 1) % len(SORTS)]
        self._model.choose(sort=following)
        self._view_changed()

    def action_search(self) -> None:
        self.views.active = "tab-feed"
        search = self.search
        search.display = True
        search.focus()

    def action_clear_search(self) -> None:
        if self.search.display:
            self.search.value = ""
            self.search.display = False
            self._model.choose(query="")
            self._view_changed()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._model.choose(query=event.value)
        self._view_changed(focus=False)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.feed.focus()

    def _view_changed(self, *, focus: bool = True) -> None:
        self.feed.view_changed()
        if focus:
            self.feed.focus()
        self.refresh_views()

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TEAM_ACTIONS and self._connection.read_only:
            return False
        if action in TEAM_ACTIONS and self._connection.ended:
            return None
        if action in ITEM_ACTIONS and self.current_item is None and not (action == "archive" and self.selected_post):
            return None
        return True

    def send(self, action: Action | None) -> bool:
        """Record the action; a refusal is shown to the team, never raised."""
        if action is None:
            return False
        try:
            events = self._connection.apply(action, by=self._as_member)
        except ActionRejected as rejected:
            self.say(explain(rejected), title=t("notify.rejected"), severity="error", markup=False)
            return False
        if set(getattr(action, "corrects", ())) - {c for e in events for c in getattr(e.payload, "corrects", ())}:
            # The team ticked "corrects" but the text does not say whether the claim is true: the
            # engine did not count it, and the team should know now, not at the debrief.
            self.say(t("notify.not_a_correction"), severity="warning")
        self.refresh_views()
        if self._connection.ended:
            self.refresh_bindings()
            self.app.call_later(self.app.show_debrief)  # type: ignore[attr-defined]
        return True

    def _dialog_closed(self, action: Action | None) -> None:
        """A dialog's result (None when cancelled) goes to `send`; push_screen wants a callback returning None."""
        self.send(action)

    def say(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
            timeout: float | None = None, markup: bool = True) -> None:
        """The outcome of the team's last key, as a toast in place of the one before: a team of
        one answering row after row with L had a toast per key stacked up over the thread it was
        reading; one stays low, over the strip of arrivals."""
        self.app.clear_notifications()
        self.notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _with_item(self) -> ItemView | None:
        item = self.current_item
        if item is None:
            self.say(t("notify.select_first"), severity="warning")
        return item

    def action_reply(self) -> None:
        item = self._with_item()
        if item is None:
            return
        member = self._as_member or self._connection.state.on_duty
        sign = signature(member, self._connection.scenario.municipality.department)
        group = self.selected_group
        self.app.push_screen(
            ReplyDialog(item, sign, group=group if len(group) > 1 else [], posts=self._connection.state.official_posts,
                        starts=self._connection.scenario.starts),
            self._dialog_closed,
        )

    def action_point_latest(self) -> None:
        """Answer the selected row (every waiting member of a group) with a signed pointer to the
        latest official post, in one key: at 30× a team of one cannot open a dialog per row.
        The reply goes out as the dialog would write it after Ctrl+L."""
        item = self._with_item()
        if item is None:
            return
        state = self._connection.state
        if not state.official_posts:
            self.say(t("play.no_post"), severity="warning")
            return
        post = state.official_posts[-1]
        starts = self._connection.scenario.starts
        member = self._as_member or state.on_duty
        text = pointer_text(post, starts, signature(member, self._connection.scenario.municipality.department))
        group = self.selected_group
        action: Action
        if len(group) > 1:
            action = GroupReply(item=item.item_id, text=text, post=post.post_id, items=group)
        else:
            action = Reply(item=item.item_id, text=text, post=post.post_id)
        if self.send(action):
            self.say(t("play.pointed", time=wall_clock(starts, post.t), n=max(1, len(group))), timeout=3)

    def action_official_post(self) -> None:
        link = self._connection.scenario.municipality.official_link
        self.app.push_screen(OfficialPostDialog(link, self.current_item), self._dialog_closed)

    def action_like(self) -> None:
        item = self._with_item()
        if item is not None and self.send(Like(item=item.item_id)):
            self.say(t("notify.liked"))

    def action_hide(self) -> None:
        item = self._with_item()
        if item is not None:
            self.app.push_screen(ModerationDialog(item, delete=False), self._dialog_closed)

    def action_delete(self) -> None:
        item = self._with_item()
        if item is not None:
            self.app.push_screen(ModerationDialog(item, delete=True), self._dialog_closed)

    def action_undo_removal(self) -> None:
        item = self._with_item()
        if item is None:
            return
        if item.visibility == "deleted":
            self.send(Restore(item=item.item_id))
        else:
            self.send(Unhide(item=item.item_id))

    def action_archive(self) -> None:
        """Marks the selected item, or the team's own post on a post row (its publication, archived as a rule)."""
        target = self.selected_post
        if target is None:
            item = self._with_item()
            target = item.item_id if item is not None else None
        if target is not None and self.send(Archive(item=target)):
            self.say(t("notify.archived"))

    def action_note(self) -> None:
        self.app.push_screen(NoteDialog(self.current_item), self._dialog_closed)

    def action_handover(self) -> None:
        state = self._connection.state
        self.app.push_screen(HandoverDialog(state.team, state.on_duty), self._dialog_closed)

    def action_pause(self) -> None:
        self._set_clock(self._connection.speed, not self._connection.paused)

    def action_faster(self) -> None:
        self._set_clock(faster(self._connection.speed), self._connection.paused)

    def action_slower(self) -> None:
        self._set_clock(slower(self._connection.speed), self._connection.paused)

    def _set_clock(self, speed: float, paused: bool) -> None:
        if self._connection.ended:
            return
        self.send(SetClock(speed=speed, paused=paused))

    def action_end_drill(self) -> None:
        """Ask first, with the clock stopped: a question that lets the drill run on while the
        team reads it would cost them minutes they did not choose to spend."""
        was_running = not self._connection.paused and not self._connection.read_only
        if was_running:
            self._set_clock(self._connection.speed, True)

        def answered(choice: str | None) -> None:
            if choice == "end":
                self.send(EndDrill())
            elif was_running and not self._connection.ended:
                self._set_clock(self._connection.speed, False)

        self.app.push_screen(
            ChoiceDialog(t("end.title"), t("end.message"), [("end", t("end.yes")), ("continue", t("end.no"))]),
            answered,
        )

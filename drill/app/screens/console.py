"""The console: the page, the inbox and reach on the left, the selected thread on the right.

It talks to the drill only through a DrillConnection. New events arrive through the
connection's listener; each batch updates the feed model and redraws what is visible.
Every key in the footer is one team action; the dialogs build the action and the
connection records it. A refused action becomes a notification, never a crash.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, TabbedContent, TabPane

from drill.app.connection import DrillConnection
from drill.app.feed_model import FeedModel
from drill.app.formatting import excerpt, signature
from drill.app.reach_model import ReachSeries
from drill.app.refusals import explain
from drill.app.screens.legend import LegendDialog
from drill.app.screens.dialogs import (
    ChoiceDialog,
    HandoverDialog,
    ModerationDialog,
    NoteDialog,
    OfficialPostDialog,
    ReplyDialog,
)
from drill.app.widgets.inbox_list import InboxList
from drill.app.widgets.page_feed import PageFeed
from drill.app.widgets.posts_list import PostsList
from drill.app.widgets.reach_chart import ReachChart
from drill.app.widgets.status_bar import StatusBar
from drill.app.widgets.thread_detail import ThreadDetail
from drill.engine.actions import Action, Archive, EndDrill, Like, Restore, SetClock, Unhide
from drill.engine.clock import faster, slower
from drill.engine.engine import ActionRejected
from drill.events import Event, ItemPosted
from drill.i18n import t
from drill.scenario.models import Channel
from drill.state import ItemView

ITEM_ACTIONS = frozenset({"reply", "like", "hide", "delete", "undo_removal", "archive"})
TEAM_ACTIONS = ITEM_ACTIONS | {"official_post", "note", "handover", "end_drill"}


class ConsoleScreen(Screen[None]):
    def __init__(self, connection: DrillConnection, *, as_member: str | None = None) -> None:
        super().__init__(id="console")
        self._connection = connection
        self._as_member = as_member
        self._model = FeedModel(connection.state, connection.events)
        self._reach = ReachSeries()
        self._reach.rebuild(connection.state, connection.events)
        self._current: str | None = None
        self._ready = False
        self._inbox_label = ""
        self._thread_drawn: tuple[str, int] | None = None
        """True once the widgets exist; events that come earlier are drawn on mount."""
        bind = self._bindings.bind
        bind("r", "reply", t("key.reply"))
        bind("o", "official_post", t("key.post"))
        bind("l", "like", t("key.like"))
        bind("h", "hide", t("key.hide"))
        bind("d", "delete", t("key.delete"))
        bind("u", "undo_removal", t("key.undo"))
        bind("a", "archive", t("key.archive"))
        bind("n", "note", t("key.note"))
        bind("v", "handover", t("key.handover"))
        bind("e", "end_drill", t("key.end"))
        bind("space", "pause", t("key.pause"), key_display="␣")
        bind("plus", "faster", t("key.speed"), key_display="+/−")
        bind("minus", "slower", t("key.slower"), show=False)
        bind("question_mark", "legend", t("key.legend"), key_display="?")
        bind("1", "show_tab('tab-feed')", show=False)
        bind("2", "show_tab('tab-inbox')", show=False)
        bind("3", "show_tab('tab-posts')", show=False)
        bind("4", "show_tab('tab-reach')", show=False)
        connection.add_listener(self.on_drill_events)

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        starts = self._connection.scenario.starts
        yield StatusBar(id="status")
        with Horizontal(id="console-body"):
            with TabbedContent(id="views", initial="tab-feed"):
                with TabPane(t("tab.feed"), id="tab-feed"):
                    yield PageFeed(self._model, starts, id="feed")
                with TabPane(t("tab.inbox"), id="tab-inbox"):
                    yield InboxList(self._model, starts, id="inbox")
                with TabPane(t("tab.posts"), id="tab-posts"):
                    yield PostsList(self._connection.state, starts, id="posts")
                with TabPane(t("tab.reach"), id="tab-reach"):
                    yield ReachChart(self._reach, id="reach")
            yield ThreadDetail(starts, self._model.is_unanswered, id="thread")
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
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def views(self) -> TabbedContent:
        return self.query_one("#views", TabbedContent)

    @property
    def reach_chart(self) -> ReachChart:
        return self.query_one(ReachChart)

    @property
    def current_item(self) -> ItemView | None:
        """The item the team's next action applies to: the selection in the list on screen.

        Read from the list itself, not from the thread pane, so a key pressed right after a
        move acts on the item just moved to (the pane catches up a message later).
        """
        if not self._ready:
            return None
        if self.views.active == "tab-inbox":
            option = self.inbox.highlighted_option
            item_id = option.id if option is not None else None
        elif self.views.active == "tab-feed":
            item_id = self.feed.selected
        else:
            item_id = self._current
        if item_id is None:
            return None
        return self._connection.state.items.get(item_id)

    def on_mount(self) -> None:
        self._ready = True
        self.feed.focus()
        self.refresh_views()

    # --- events from the drill ---------------------------------------------------------

    def on_drill_events(self, events: list[Event]) -> None:
        state = self._connection.state
        self._model.apply(events)
        self._reach.apply(events, state)
        for event in events:
            payload = event.payload
            if isinstance(payload, ItemPosted) and payload.channel != Channel.comment:
                self.notify(
                    excerpt(payload.text, 160),
                    title=f"{t('channel.' + payload.channel.value)}: {payload.author}",
                    severity="warning",
                    timeout=10,
                )
        self.refresh_views()

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
        self.status.show(
            starts=connection.scenario.starts, now=connection.now, speed=connection.speed, paused=connection.paused,
            on_duty=state.on_duty, unanswered=self._model.unanswered_count,
            oldest=self._model.oldest_waiting(state.now), replay=connection.read_only, ended=state.ended,
            last_post=state.official_posts[-1].t if state.official_posts else None,
        )
        self._sync_inbox_label()
        if self._current is not None and self._current in state.items:
            # Whatever arrives in the thread on screen has been seen.
            self._model.mark_seen(i.item_id for i in self._model.thread_items(state.items[self._current].thread_id))
            self.feed.sync()
            self._show_thread()

    def _sync_inbox_label(self) -> None:
        unread = self._model.inbox_unread()
        label = t("tab.inbox_unread", n=unread) if unread else t("tab.inbox")
        if label != self._inbox_label:
            self._inbox_label = label
            self.views.get_tab("tab-inbox").label = label

    def _show_thread(self) -> None:
        """Redraw the thread pane only when its thread changed (it is a full re-layout)."""
        state = self._connection.state
        current = self._current
        version = None
        if current is not None and current in state.items:
            version = (current, self._model.thread_version(state.items[current].thread_id))
        if version != self._thread_drawn or version is None:
            self._thread_drawn = version
            self.thread.show(current, state)

    # --- selection ---------------------------------------------------------------------

    @on(PageFeed.Highlighted)
    def _feed_highlighted(self, event: PageFeed.Highlighted) -> None:
        self._show(event.item_id)

    @on(OptionList.OptionHighlighted, "#inbox")
    def _inbox_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option.id)

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

    def _show(self, item_id: str | None) -> None:
        if (self._current is None) != (item_id is None):
            self.refresh_bindings()  # item actions become available (or not)
        self._current = item_id
        state = self._connection.state
        if item_id is not None and item_id in state.items:
            item = state.items[item_id]
            self._model.mark_seen(i.item_id for i in self._model.thread_items(item.thread_id))
        self._show_thread()
        self.feed.sync()
        self.inbox.sync()
        self._sync_inbox_label()

    def action_legend(self) -> None:
        self.app.push_screen(LegendDialog())

    def action_show_tab(self, pane: str) -> None:
        self.views.active = pane

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TEAM_ACTIONS and self._connection.read_only:
            return False
        if action in TEAM_ACTIONS and self._connection.ended:
            return None
        if action in ITEM_ACTIONS and self.current_item is None:
            return None
        return True

    def send(self, action: Action | None) -> bool:
        """Record the action; a refusal is shown to the team, never raised."""
        if action is None:
            return False
        try:
            self._connection.apply(action, by=self._as_member)
        except ActionRejected as rejected:
            self.notify(explain(rejected), title=t("notify.rejected"), severity="error")
            return False
        self.refresh_views()
        if self._connection.ended:
            self.refresh_bindings()
            self.app.call_later(self.app.show_debrief)  # type: ignore[attr-defined]
        return True

    def _dialog_closed(self, action: Action | None) -> None:
        """A dialog's result (None when cancelled) goes to `send`; push_screen wants a callback returning None."""
        self.send(action)

    def _with_item(self) -> ItemView | None:
        item = self.current_item
        if item is None:
            self.notify(t("notify.select_first"), severity="warning")
        return item

    def action_reply(self) -> None:
        item = self._with_item()
        if item is None:
            return
        member = self._as_member or self._connection.state.on_duty
        sign = signature(member, self._connection.scenario.municipality.department)
        self.app.push_screen(ReplyDialog(item, sign), self._dialog_closed)

    def action_official_post(self) -> None:
        link = self._connection.scenario.municipality.official_link
        self.app.push_screen(OfficialPostDialog(link, self.current_item), self._dialog_closed)

    def action_like(self) -> None:
        item = self._with_item()
        if item is not None and self.send(Like(item=item.item_id)):
            self.notify(t("notify.liked"))

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
        item = self._with_item()
        if item is not None and self.send(Archive(item=item.item_id)):
            self.notify(t("notify.archived"))

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
        def answered(choice: str | None) -> None:
            if choice == "end":
                self.send(EndDrill())

        self.app.push_screen(
            ChoiceDialog(t("end.title"), t("end.message"), [("end", t("end.yes")), ("continue", t("end.no"))]),
            answered,
        )

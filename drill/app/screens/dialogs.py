"""Dialogs that turn a few keystrokes into one team action.

Each dialog builds the action itself and dismisses with it (or with None when cancelled),
so the console only has to send what comes back. Checks the team can fix on the spot (an
empty reply, a deletion without a reason) are made here; the engine has the last word.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from drill.app.formatting import excerpt, wall_clock
from drill.engine.actions import Action, Delete, GroupReply, Handover, Hide, Note, OfficialPost, Reply
from drill.i18n import t
from drill.scenario.models import DeletionReason
from drill.state import ItemView, OfficialPostView

REASONS: tuple[DeletionReason, ...] = (
    DeletionReason.usaklig,
    DeletionReason.personal_attack,
    DeletionReason.third_party,
    DeletionReason.illegal,
    DeletionReason.personal_data,
    DeletionReason.other,
)


def pointer_text(post: OfficialPostView, starts: datetime, signature: str) -> str:
    """A reply that points to an official post ("we answered this in our update at 11:02"),
    signed; the reply dialog and the console's one-key pointer write the same words."""
    pointer = t("console.link_text", time=wall_clock(starts, post.t), link=post.link or "").strip()
    return pointer + "\n\n" + signature


class ActionDialog(ModalScreen[Action | None]):
    """Common frame: a title, the form, a line for problems, and submit/cancel buttons."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "submit", show=False),
    ]

    def __init__(self, title: str, *, publish: bool = False) -> None:
        super().__init__()
        self._title = title
        self._submit_label = t("dialog.publish" if publish else "dialog.submit")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Titles and quotes carry people's words (a name, a comment): Content shows them as written.
            yield Label(Content(self._title), classes="dialog-title")
            yield from self.form()
            yield Label("", id="dialog-problem", classes="dialog-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._submit_label, id="submit", variant="primary")
                yield Button(t("dialog.cancel"), id="cancel")

    def form(self) -> ComposeResult:
        raise NotImplementedError

    def build(self) -> Action | None:
        """The action the form describes, or None after showing what is missing."""
        raise NotImplementedError

    def problem(self, message: str) -> None:
        self.query_one("#dialog-problem", Label).update(Content(message))

    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        action = self.build()
        if action is not None:
            self.dismiss(action)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ReplyDialog(ActionDialog):
    """A reply to one comment, or one text for a group of similar ones, each answered in its own
    thread; either may point to one of the team's official posts instead of repeating it
    (Ctrl+L points to the latest)."""

    BINDINGS = [Binding("ctrl+l", "link_latest", show=False)]

    def __init__(
        self, item: ItemView, signature: str, *, group: Sequence[str] = (),
        posts: Sequence[OfficialPostView] = (), starts: datetime | None = None,
    ) -> None:
        title = t("console.group_title", n=len(group)) if group else t("reply.title", author=item.author)
        super().__init__(title, publish=True)
        self._item = item
        self._signature = signature
        self._group = list(group)
        self._posts = {post.post_id: post for post in posts}
        self._starts = starts
        self._pointed: str | None = None
        """The post whose pointer was last written into the text."""

    def form(self) -> ComposeResult:
        yield Static(Content(excerpt(self._item.text, 400)), classes="dialog-quote")
        if self._group:
            yield Static(t("console.group_note", n=len(self._group)), classes="dialog-message")
        if self._posts and self._starts is not None:
            choices = [(self._post_label(post), post.post_id) for post in reversed(self._posts.values())]
            yield Select(choices, prompt=t("console.link_none"), id="reply-post")
        yield TextArea("\n\n" + self._signature, id="reply-text", classes="dialog-text")

    def _post_label(self, post: OfficialPostView) -> Text:
        assert self._starts is not None
        return Text(t("console.link_choice", time=wall_clock(self._starts, post.t), text=excerpt(post.text, 40)))

    def on_mount(self) -> None:
        area = self.query_one("#reply-text", TextArea)
        area.focus()
        area.move_cursor((0, 0))

    @on(Select.Changed, "#reply-post")
    def _post_chosen(self, event: Select.Changed) -> None:
        """Pointing to a post writes the pointer for the team (they may still edit it)."""
        if isinstance(event.value, str) and event.value != self._pointed:
            self._point_to(event.value)

    def _point_to(self, post_id: str) -> None:
        """Write the pointer now, not when the select's change message arrives: a team that
        presses Ctrl+L and publishes at once must send the pointer, not a bare signature."""
        post = self._posts.get(post_id)
        if post is None or self._starts is None:
            return
        self._pointed = post_id
        area = self.query_one("#reply-text", TextArea)
        area.text = pointer_text(post, self._starts, self._signature)
        area.focus()

    def action_link_latest(self) -> None:
        if self._posts:
            latest = next(reversed(self._posts))
            self.query_one("#reply-post", Select).value = latest
            self._point_to(latest)

    @property
    def post(self) -> str | None:
        if not self._posts:
            return None
        value = self.query_one("#reply-post", Select).value
        return value if isinstance(value, str) and value in self._posts else None

    def build(self) -> Action | None:
        text = self.query_one("#reply-text", TextArea).text.strip()
        if not text:
            self.problem(t("dialog.empty_text"))
            return None
        if self._group:
            return GroupReply(item=self._item.item_id, text=text, post=self.post, items=self._group)
        return Reply(item=self._item.item_id, text=text, post=self.post)


class OfficialPostDialog(ActionDialog):
    def __init__(self, link: str | None, selected: ItemView | None) -> None:
        super().__init__(t("post.title"), publish=True)
        self._link = link or ""
        self._selected = selected

    def form(self) -> ComposeResult:
        yield TextArea("", id="post-text", classes="dialog-text")
        yield Label(t("post.link"))
        yield Input(self._link, id="post-link", placeholder="https://")
        if self._selected is not None:
            yield Checkbox(Content(t("post.corrects", text=excerpt(self._selected.text, 50))), id="post-corrects")

    def on_mount(self) -> None:
        self.query_one("#post-text", TextArea).focus()

    def build(self) -> Action | None:
        text = self.query_one("#post-text", TextArea).text.strip()
        if not text:
            self.problem(t("dialog.empty_text"))
            return None
        link = self.query_one("#post-link", Input).value.strip() or None
        corrects: list[str] = []
        if self._selected is not None and self.query_one("#post-corrects", Checkbox).value:
            corrects.append(self._selected.item_id)
        return OfficialPost(text=text, link=link, corrects=corrects)


class ModerationDialog(ActionDialog):
    """Hide or delete: the team must say which rule applies (KS's list, or other with a note)."""

    def __init__(self, item: ItemView, *, delete: bool) -> None:
        super().__init__(t("moderate.delete_title" if delete else "moderate.hide_title", author=item.author))
        self._item = item
        self._delete = delete

    def form(self) -> ComposeResult:
        yield Static(Content(excerpt(self._item.text, 300)), classes="dialog-quote")
        with RadioSet(id="reasons"):
            for reason in REASONS:
                yield RadioButton(t("reason." + reason.value), id=f"reason-{reason.value}")
        yield Input("", id="reason-note", placeholder=t("moderate.note"))

    def on_mount(self) -> None:
        self.query_one("#reasons", RadioSet).focus()

    @property
    def reason(self) -> DeletionReason | None:
        pressed = self.query_one("#reasons", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return None
        return DeletionReason(pressed.id.removeprefix("reason-"))

    def build(self) -> Action | None:
        reason = self.reason
        note = self.query_one("#reason-note", Input).value.strip()
        if reason is None:
            self.problem(t("moderate.pick_reason"))
            return None
        if reason == DeletionReason.other and not note:
            self.problem(t("moderate.note_required"))
            return None
        kind = Delete if self._delete else Hide
        return kind(item=self._item.item_id, reason=reason, note=note)


class NoteDialog(ActionDialog):
    def __init__(self, selected: ItemView | None) -> None:
        super().__init__(t("note.title"))
        self._selected = selected

    def form(self) -> ComposeResult:
        yield Input("", id="note-text", placeholder=t("note.placeholder"))
        if self._selected is not None:
            yield Checkbox(Content(t("note.about", text=excerpt(self._selected.text, 50))), True, id="note-about")

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    @on(Input.Submitted, "#note-text")
    def _submitted(self) -> None:
        self.action_submit()

    def build(self) -> Action | None:
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.problem(t("dialog.empty_text"))
            return None
        about = self._selected is not None and self.query_one("#note-about", Checkbox).value
        return Note(text=text, item=self._selected.item_id if about and self._selected else None)


class HandoverDialog(ActionDialog):
    def __init__(self, team: Sequence[str], on_duty: str | None) -> None:
        super().__init__(t("handover.title", name=on_duty or "—"))
        self._members = [m for m in team if m != on_duty]

    def form(self) -> ComposeResult:
        yield OptionList(*[Option(Content(m), id=f"member-{i}") for i, m in enumerate(self._members)], id="members")

    def on_mount(self) -> None:
        members = self.query_one("#members", OptionList)
        members.focus()
        if self._members:
            members.highlighted = 0

    @on(OptionList.OptionSelected, "#members")
    def _chosen(self) -> None:
        self.action_submit()

    def build(self) -> Action | None:
        index = self.query_one("#members", OptionList).highlighted
        if index is None or not self._members:
            self.problem(t("handover.nobody"))
            return None
        return Handover(to=self._members[index])


class ChoiceDialog(ModalScreen[str | None]):
    """A question with a few answers, each a button; Escape answers None."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._message = message
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self._title), classes="dialog-title")
            yield Static(Content(self._message), classes="dialog-message")  # may name a file or a scenario
            with Horizontal(classes="dialog-buttons"):
                for index, (choice, label) in enumerate(self._choices):
                    yield Button(label, id=f"choice-{choice}", variant="primary" if index == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id:
            self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(None)

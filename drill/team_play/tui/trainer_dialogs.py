"""The trainer's two inject dialogs: fire one of the scenario's injects now, or write one.

Both build their action and dismiss with it, like the app's own dialogs, so the console
only sends what comes back and the host has the last word.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, OptionList, Select, TextArea
from textual.widgets.option_list import Option

from drill.app.screens.dialogs import ActionDialog
from drill.engine.actions import Action, FireInject, PostInject
from drill.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue
from drill.scenario.models import Channel, InjectContent, ItemKind, Scenario
from drill.state import DrillState, ItemView
from drill.team_play.lines import clock, short
from drill.team_play.texts import say


class FireInjectDialog(ActionDialog):
    """The scenario's injects that have not been posted yet, in the order they are due."""

    DEFAULT_CSS = """
    FireInjectDialog #inject-list { height: auto; max-height: 14; }
    """

    def __init__(self, scenario: Scenario, state: DrillState, language: str) -> None:
        super().__init__(say("tui.fire.title", language))
        self._language = language
        self._injects = [i for i in scenario.injects if i.id not in state.items]

    def form(self) -> ComposeResult:
        trigger = say("tui.fire.trigger", self._language)
        options = [
            # An inject's text is the scenario author's words: shown as written, never as markup.
            Option(Content(f"{clock(float(i.at)) if i.at is not None else trigger:>10}  "
                           f"{i.id:<22} {short(i.text, 44)}"), id=i.id)
            for i in self._injects
        ]
        if not options:
            yield Label(say("tui.fire.none", self._language))
        yield OptionList(*options, id="inject-list")

    def on_mount(self) -> None:
        self.query_one("#inject-list", OptionList).focus()

    def build(self) -> Action | None:
        listing = self.query_one("#inject-list", OptionList)
        option = listing.highlighted_option
        if option is None or option.id is None:
            self.problem(say("tui.fire.pick", self._language))
            return None
        return FireInject(inject=option.id)


class AdHocInjectDialog(ActionDialog):
    """An inject written on the spot: a comment, a press call, a message from the police."""

    def __init__(self, scenario: Scenario, selected: ItemView | None, language: str) -> None:
        super().__init__(say("tui.adhoc.title", language))
        self._scenario = scenario
        self._selected = selected
        self._language = language

    def form(self) -> ComposeResult:
        words = catalogue(self._language if self._language in LANGUAGES else DEFAULT_LANGUAGE)
        yield Select([(words(f"channel.{c.value}"), c.value) for c in Channel], value=Channel.comment.value,
                     allow_blank=False, id="adhoc-channel")
        yield Select([(say(f"item_kind.{k.value}", self._language), k.value) for k in ItemKind],
                     prompt=say("tui.adhoc.kind", self._language), id="adhoc-kind")
        personas = ", ".join(p.id for p in self._scenario.personas)
        yield Input(placeholder=say("tui.adhoc.from", self._language, personas=personas or "—"), id="adhoc-from")
        if self._selected is not None:
            yield Checkbox(Content(say("tui.adhoc.in_thread", self._language, item=self._selected.item_id)),
                           id="adhoc-thread")
        yield TextArea("", id="adhoc-text", classes="dialog-text")

    def on_mount(self) -> None:
        self.query_one("#adhoc-text", TextArea).focus()

    def build(self) -> Action | None:
        text = self.query_one("#adhoc-text", TextArea).text.strip()
        if not text:
            self.problem(say("tui.adhoc.empty", self._language))
            return None
        content: dict[str, object] = {"type": self.query_one("#adhoc-channel", Select).value, "text": text}
        kind = self.query_one("#adhoc-kind", Select).value
        if isinstance(kind, str):
            content["labels"] = {"kind": kind}
        sender = self.query_one("#adhoc-from", Input).value.strip()
        if sender:
            content["from"] = sender
        threads = self.query("#adhoc-thread")
        if self._selected is not None and threads and threads.first(Checkbox).value:
            content["thread"] = self._selected.item_id
        return PostInject(content=InjectContent.model_validate(content))

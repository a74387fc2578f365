"""Before the clock starts: the situation, who the team is, who is on duty first, the speed."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Footer, Label, Static

from drill.app.formatting import duration_words, speed_label, wall_clock
from drill.app.screens.keys import CatalogueBindings
from drill.engine.clock import faster, slower
from drill.i18n import number, t
from drill.scenario import LoadedScenario
from scoring.rubric import thresholds_for


def reflow(text: str) -> str:
    """Paragraphs as the terminal should wrap them: YAML block text keeps the author's line breaks."""
    paragraphs = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


class BriefingScreen(CatalogueBindings):
    BINDINGS = [
        Binding("enter,s", "start", "key.start"),
        Binding("plus", "faster", "key.faster", key_display="+"),
        Binding("minus", "slower", "key.slower", key_display="-"),
        Binding("escape", "back", "key.back"),
        Binding("q", "app.quit", "key.quit"),
    ]

    class Start(Message):
        def __init__(self, loaded: LoadedScenario, speed: float) -> None:
            super().__init__()
            self.loaded = loaded
            self.speed = speed

    def __init__(self, loaded: LoadedScenario, *, speed: float, as_member: str | None) -> None:
        super().__init__(id="briefing")
        self._loaded = loaded
        self._speed = speed
        self._as_member = as_member

    @property
    def speed(self) -> float:
        return self._speed

    def compose(self) -> ComposeResult:
        scenario = self._loaded.scenario
        # The scenario's words are shown as written: a "[/]" or "[@click=…]" in them is text, not markup.
        yield Label(Content(scenario.title), classes="screen-title")
        with VerticalScroll(id="briefing-body"):
            yield Static(self._facts(), id="briefing-facts")
            yield Label(t("console.targets"), classes="section-title")
            yield Static(self._targets(), id="briefing-targets")
            yield Label(t("briefing.situation"), classes="section-title")
            yield Static(Content(reflow(scenario.briefing) or scenario.summary or "—"), id="briefing-situation")
            yield Label(t("briefing.team"), classes="section-title")
            yield Static(self._roster(), id="briefing-team")
        with Horizontal(id="briefing-start"):
            yield Static(self._speed_text(), id="briefing-speed")
            yield Button(t("briefing.start"), id="start", variant="success")
        yield Footer(compact=True)

    def _facts(self) -> Text:
        scenario = self._loaded.scenario
        town = scenario.municipality
        facts = Text()
        facts.append(t("briefing.municipality") + ": ", style="bold")
        facts.append(t("briefing.followers", name=town.name, n=number(town.followers)) + "\n")
        facts.append(t("briefing.when") + ": ", style="bold")
        facts.append(
            t("briefing.starts", date=scenario.starts.strftime("%d.%m.%Y"), time=wall_clock(scenario.starts, 0),
              duration=duration_words(scenario.duration)) + "\n"
        )
        facts.append(t("briefing.kind") + ": ", style="bold")
        facts.append(t("kind." + scenario.kind.value))
        if town.official_link:
            facts.append("\n" + t("briefing.link") + ": ", style="bold")
            facts.append(town.official_link)
        return facts

    def _targets(self) -> Text:
        """What the score holds the team to, in the scenario's own numbers where it sets them."""
        targets = thresholds_for(self._loaded.scenario)
        lines = Text()
        for key, name, value in [
            ("console.target_reply", "reply_within", targets.reply_within),
            ("console.target_first_post", "first_post_within", targets.first_post_within),
            ("console.target_update", "update_every", targets.update_every),
        ]:
            words = duration_words(value)
            lines.append("• " + t(key, within=words, every=words))
            if targets.origin.get(name) == "scenario":
                lines.append(" " + t("console.target_source_scenario"), style="italic")
            lines.append("\n")
        lines.rstrip()
        return lines

    def _roster(self) -> Text:
        team = self._loaded.scenario.team
        roster = Text()
        if not team:
            roster.append(t("briefing.no_team"))
        for index, member in enumerate(team):
            roster.append(("▶ " if index == 0 else "  ") + member)
            if index == 0:
                roster.append("  " + t("briefing.first_on_duty"), style="bold")
            roster.append("\n")
        if self._as_member:
            roster.append(t("briefing.you_are", name=self._as_member), style="italic")
        return roster

    def _speed_text(self) -> Text:
        return Text.assemble((t("briefing.speed") + ": ", "bold"), speed_label(self._speed), "  ",
                             (t("briefing.speed_help"), "italic"))

    def action_faster(self) -> None:
        self._speed = faster(self._speed)
        self.query_one("#briefing-speed", Static).update(self._speed_text())

    def action_slower(self) -> None:
        self._speed = slower(self._speed)
        self.query_one("#briefing-speed", Static).update(self._speed_text())

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.post_message(self.Start(self._loaded, self._speed))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

"""After the drill: scores and the findings that matter most, or the plain summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Footer, Label, Static

from drill.app.debrief_data import Debrief, report_writer
from drill.app.formatting import plain_text
from drill.app.screens.keys import CatalogueBindings
from drill.i18n import active_language, number, t
from drill.scenario.durations import clock_label
from drill.summary import items_in_words
from drill.terminal_text import neutralise


class DebriefScreen(CatalogueBindings):
    BINDINGS = [
        Binding("w", "write_report", "key.report"),
        Binding("escape", "back", "key.back"),
        Binding("q", "app.quit", "key.quit"),
    ]

    def __init__(
        self, debrief: Debrief, *, title: str, end_reason: str | None, session: Path | None, can_return: bool = False,
    ) -> None:
        super().__init__(id="debrief")
        self._debrief = debrief
        self._title = title
        self._end_reason = end_reason
        self._session = session
        self._writer = report_writer()
        self._can_return = can_return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Writing a report needs a session file and the scorer; going back needs somewhere to go."""
        if action == "write_report":
            return self._writer is not None and self._session is not None
        if action == "back":
            return self._can_return
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def compose(self) -> ComposeResult:
        # The scenario's title, the scorer's problem and quoted citizens are shown as written, never as markup.
        yield Label(Content(t("debrief.title", title=self._title)), classes="screen-title")
        with VerticalScroll(id="debrief-body"):
            yield Static(self._ending(), id="debrief-ending")
            score = self._debrief.score
            if score is not None:
                yield Static(self._scores(score), id="debrief-scores")
                yield Static(t("play.debrief_score_note"), id="debrief-score-note")
                yield Label(t("debrief.findings"), classes="section-title")
                yield Static(self._findings(score), id="debrief-findings")
            elif self._debrief.score_problem:
                yield Static(Content(t("debrief.score_failed", problem=self._debrief.score_problem)), classes="note")
            else:
                yield Static(t("debrief.no_scorer"), classes="note")
            yield Label(t("debrief.summary"), classes="section-title")
            yield Static(self._summary(), id="debrief-summary")
        # Where the report went (or why it did not) is told here, over the buttons: a toast
        # covered the button it answered, and a path is read and copied, not glanced at.
        yield Static(id="report-result")
        with Horizontal(id="debrief-actions"):
            if self._writer is not None and self._session is not None:
                yield Button(t("debrief.write_report"), id="write-report", variant="primary")
            yield Button(t("debrief.quit"), id="quit")
        yield Footer(compact=True)

    @property
    def text(self) -> str:
        """Everything the debrief says, as plain text."""
        # Static.content is typed as anything a Static accepts; every Static here was given a rich renderable.
        return "\n".join(plain_text(cast(RenderableType, static.content))
                         for static in self.query("#debrief-body Static").results(Static))

    def _ending(self) -> Text:
        text = Text()
        if self._end_reason:
            text.append(t("end_reason." + self._end_reason) + "\n", style="bold")
        if self._session is not None:
            text.append(t("debrief.session", path=str(self._session)))
        return text

    def _scores(self, report: Any) -> RenderableType:
        """`report` is a scoring.models.ScoreReport (Debrief.score when the scorer succeeded)."""
        head = Text()
        if report.total is not None:
            head.append(t("debrief.total", score=f"{report.total:.0f}"), style="bold")
            if report.grade is not None:
                head.append(f"  {report.grade.label}", style="bold reverse")
                head.append(f"  {report.grade.description}")
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(justify="right")
        table.add_column()
        for dimension in report.dimensions:
            value = "—" if dimension.score is None else f"{dimension.score:.0f}"
            table.add_row(Text(dimension.label), value, Text(dimension.summary))  # a str cell is markup
        return Group(head, Text(""), table)

    def _findings(self, report: Any) -> RenderableType:
        lines = Text()
        chosen = report.top_findings(5)
        if not chosen:
            lines.append(t("debrief.no_findings"))
        for finding in chosen:
            lines.append(finding.title + "\n", style="bold")
            lines.append("  " + neutralise(finding.what) + "\n")  # findings and moments quote citizens
            if finding.action:
                lines.append("  → " + finding.action + "\n", style="italic")
        strengths = report.strengths(3)
        if strengths:
            lines.append("\n" + t("debrief.strengths") + "\n", style="bold")
            for finding in strengths:
                # What the team did, with the moment; the rule it honours in a lighter line under it.
                moments = self._debrief.did.get(finding.rule) or [finding.what]
                for moment in moments:
                    lines.append(f"  + {neutralise(moment)}\n")
                lines.append(f"    {finding.title}\n", style="dim")
        return lines

    def _summary(self) -> Table:
        s = self._debrief.summary
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(style="bold")
        table.add_column()
        rows = [
            (t("summary.time"), clock_label(s.minutes * 60)),
            (t("summary.items"), items_in_words(s)),
            (t("summary.replies"), t("summary.replies_value", replies=number(s.replies),
                                     unanswered=number(s.unanswered))),
            # The account the console counted by; the score's own figures are told apart below it.
            (t("play.debrief_needed"), t("play.debrief_needed_value", needed=number(s.needing_answer),
                                         answered=number(s.answered), waiting=number(s.unanswered))),
            (t("summary.posts"), number(s.official_posts)),
            (t("summary.removed"), f"{number(s.hidden)} / {number(s.deleted)}"),
            (t("summary.archived"), number(s.archived)),
            (t("summary.handovers"), number(s.handovers)),
            # The scenario's reactions by number: their ids are the author's, not the team's words.
            (t("summary.triggers"), number(len(s.triggers)) if s.triggers else t("summary.none")),
        ]
        for label, value in rows:
            table.add_row(label, Text(value))  # a table reads a str cell as markup
        for index, (item_id, people) in enumerate(list(s.reach.items())[:5]):
            quote = neutralise(self._debrief.names.get(item_id, item_id))  # shown, never obeyed
            table.add_row(t("summary.reach") if index == 0 else "",
                          Text(f"{number(people):>7}  " + t("summary.quote", text=quote)))
        return table

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit()

    @on(Button.Pressed, "#write-report")
    def action_write_report(self) -> None:
        if self._writer is None or self._session is None:
            return
        target = self._session.with_suffix(".html")
        try:
            written = self._writer(self._session, target, active_language())
        except Exception as error:  # noqa: BLE001 - a report failure is reported, the debrief stays
            self._report_result(Text(t("debrief.report_failed", problem=str(error)), style="bold red"))
            return
        self._report_result(Text(t("debrief.report_written", path=str(written))))

    def _report_result(self, text: Text) -> None:
        result = self.query_one("#report-result", Static)
        result.update(text)  # a path is shown as written, never as markup
        result.display = True  # no empty line over the buttons before a report is asked for

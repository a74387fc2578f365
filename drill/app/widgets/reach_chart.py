"""Reach of citizen items against the team's posts, as a small chart over simulated time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from drill.app.reach_model import ReachSeries
from drill.i18n import t


class ReachChart(Vertical):
    DEFAULT_CSS = """
    ReachChart { height: 1fr; }
    ReachChart > #reach-empty { padding: 1 2; }
    ReachChart > PlotextPlot { height: 1fr; }
    """

    def __init__(self, series: ReachSeries, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._series = series
        self._drawn = -1

    def compose(self) -> ComposeResult:
        yield Static(t("reach.empty"), id="reach-empty")
        yield PlotextPlot(id="reach-plot")

    @property
    def plot(self) -> PlotextPlot:
        return self.query_one("#reach-plot", PlotextPlot)

    @property
    def empty_note(self) -> Static:
        return self.query_one("#reach-empty", Static)

    def on_mount(self) -> None:
        self._drawn = -1
        self.sync()

    def sync(self) -> None:
        if self._series.version == self._drawn:
            return
        self._drawn = self._series.version
        points = self._series.points
        self.empty_note.display = not points
        self.plot.display = bool(points)
        if not points:
            return
        plt = self.plot.plt
        plt.clear_data()
        plt.clear_figure()
        minutes = [p.t / 60 for p in points]
        plt.plot(minutes, [p.citizens for p in points], label=t("reach.citizens"), marker="braille", color="red")
        plt.plot(minutes, [p.team for p in points], label=t("reach.team"), marker="braille", color="green")
        plt.xlabel(t("reach.minutes"))
        plt.title(t("reach.title"))
        self.plot.refresh()

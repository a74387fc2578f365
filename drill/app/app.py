"""The drill terminal app: picker → briefing → console → debrief.

The app owns the wall clock. A Textual timer measures how much real time passed and hands
that to the drill connection (`advance`), which turns it into simulated time at the chosen
speed. Tests build the app with `ticking=False` and call `advance(seconds)` themselves, so
nothing in a test ever waits for real time.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

from drill.app.connection import DrillConnection, LocalConnection, ReplayConnection
from drill.app.debrief_data import build_debrief
from drill.app.engine_thread import ThreadedConnection
from drill.app.scenario_catalogue import available_scenarios
from drill.app.screens.briefing import BriefingScreen
from drill.app.screens.computing import ComputingScreen
from drill.app.screens.console import ConsoleScreen
from drill.app.screens.debrief import DebriefScreen
from drill.app.screens.dialogs import ChoiceDialog
from drill.app.screens.picker import PickerScreen
from drill.app.screens.replay_console import ReplayConsoleScreen
from drill.app.theme import PROJECTOR_THEME
from drill.engine.actions import SetClock
from drill.errors import DrillError
from drill.events import CounterfactualReach
from drill.i18n import messages_in, t, use_language
from drill.live import LiveDrill
from drill.scenario import LoadedScenario

TICK_SECONDS = 0.1
MAX_TICK = 0.25
"""Longest wall time one tick may cover: a suspended laptop must not fast-forward the drill, and
when the engine cannot keep up with a very high speed the clock runs slower instead of the
screen freezing while it catches up."""
TERMINAL_CHECK_SECONDS = 1.0
"""How often the app asks whether its terminal is still there.

A closed terminal window or a dropped ssh connection does not always reach the app as a hang-up
signal (under `make play`, make takes the hang-up and waits for its child), and Textual's input
thread then reads the dead terminal in a loop at the full speed of a core, forever. The app
leaves instead, as if the team had quit: the drill is kept and can be resumed."""
FREEZE_EVERY_ITEMS = 2000
"""Move the drill's objects out of the garbage collector's sight after this many new items.

Items, replies and events live until the drill ends, yet Python's full collections walk them
all: with tens of thousands of comments one collection takes most of a second, which a
typist feels. Freezing them (gc.freeze) after each growth spurt keeps collections short.
"""


@dataclass(frozen=True)
class PlayOptions:
    as_member: str | None = None
    speed: float = 1.0
    seed: int = 1
    out: Path | None = None
    language: str | None = None
    """nb or en; None follows the scenario (nb before one is chosen)."""
    folder: Path | None = None
    """Where the picker looks for local scenario files."""


SessionPath = Callable[[str, int], Path]


def _stdin_is_terminal() -> Callable[[], bool] | None:
    """Asks whether stdin is still a terminal; None when the app did not start on one."""
    stream = sys.__stdin__
    try:
        descriptor = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    if descriptor < 0 or not os.isatty(descriptor):
        return None
    return lambda: os.isatty(descriptor)


class ImpactsProgress(Message):
    """From the end-of-drill worker: `done` of `total` rumours replayed."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class ImpactsComputed(Message):
    """From the end-of-drill worker: the counterfactuals (or why there are none)."""

    def __init__(self, impacts: list[CounterfactualReach], problem: str | None) -> None:
        super().__init__()
        self.impacts = impacts
        self.problem = problem


class EngineAdvanced(Message):
    """From the engine's thread: it has new events for the console (`ThreadedConnection.drain`)."""


class DrillApp(App[None]):
    CSS_PATH = "drill.tcss"
    TITLE = "drill"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+c,ctrl+q", "quit", show=False, priority=True)]

    def __init__(
        self,
        *,
        options: PlayOptions | None = None,
        scenario: LoadedScenario | None = None,
        connection: DrillConnection | None = None,
        ticking: bool = True,
        time_source: Callable[[], float] = time.monotonic,
        session_path: SessionPath | None = None,
        terminal_present: Callable[[], bool] | None = None,
    ) -> None:
        """`terminal_present` says whether the terminal is still there (default: stdin is still
        a terminal, asked only when the app runs on one)."""
        super().__init__()
        self.options = options or PlayOptions()
        self._scenario = scenario
        self._connection = connection
        self._ticking = ticking
        self._time_source = time_source
        self._last_tick = time_source()
        self._session_path = session_path
        self._terminal_present = terminal_present
        self._overwrite = False
        self._debrief_shown = False
        self._finishing = False
        self._console: ConsoleScreen | None = None
        self._computing: ComputingScreen | None = None
        self._frozen_items = 0
        language = self.options.language
        if language is None and connection is not None:
            language = connection.scenario.language.value
        if language is None and scenario is not None:
            language = scenario.scenario.language.value
        self.language = language or "nb"
        use_language(self.language)

    # --- startup -----------------------------------------------------------------------

    @property
    def connection(self) -> DrillConnection | None:
        return self._connection

    def on_mount(self) -> None:
        self.register_theme(PROJECTOR_THEME)
        self.theme = PROJECTOR_THEME.name
        if self._connection is not None:
            self._open_console()
        elif self.options.out is not None and self.options.out.exists():
            self.push_screen(
                ChoiceDialog(
                    t("resume.title"), t("resume.message", path=str(self.options.out)),
                    [("resume", t("resume.resume")), ("new", t("resume.new")), ("quit", t("resume.quit"))],
                ),
                self._resume_answer,
            )
        else:
            self._first_screen()
        if self._ticking:
            self.set_interval(TICK_SECONDS, self._tick)
        if self._terminal_present is None and not self.is_headless:
            self._terminal_present = _stdin_is_terminal()
        if self._terminal_present is not None:
            self.set_interval(TERMINAL_CHECK_SECONDS, self.check_terminal)

    def check_terminal(self) -> None:
        """Leave when the terminal has gone (see TERMINAL_CHECK_SECONDS)."""
        if self._terminal_present is not None and not self._terminal_present():
            self.exit()

    def _first_screen(self) -> None:
        if self._scenario is not None:
            self._briefing(self._scenario)
        else:
            sessions = self.options.folder / "sessions" if self.options.folder else None
            self.push_screen(PickerScreen(available_scenarios(self.options.folder or Path.cwd()), sessions))

    def _resume_answer(self, choice: str | None) -> None:
        if choice == "resume" and self.options.out is not None:
            try:
                with messages_in(self.language):
                    live = LiveDrill.resume(self.options.out)
            except DrillError as error:
                self.notify(str(error), severity="error", timeout=15, markup=False)  # names a file: as written
                self._first_screen()
                return
            self._connection = self._local(live)
            self._set_language(live.loaded.scenario.language.value)
            if not live.ended and not live.state.paused:
                # The team gathers again after an interruption: the clock waits for them (space).
                self._connection.apply(SetClock(speed=live.state.speed, paused=True))
            self._open_console()
        elif choice == "new":
            self._overwrite = True
            self._first_screen()
        else:
            self.exit()

    def on_picker_screen_picked(self, message: PickerScreen.Picked) -> None:
        self._briefing(message.entry.loaded)

    def _briefing(self, loaded: LoadedScenario) -> None:
        self._set_language(self.options.language or loaded.scenario.language.value)
        self.push_screen(BriefingScreen(loaded, speed=self.options.speed, as_member=self.options.as_member))

    def on_briefing_screen_start(self, message: BriefingScreen.Start) -> None:
        loaded = message.loaded
        out = self.options.out or self._default_session(loaded.scenario.id, self.options.seed)
        try:
            with messages_in(self.language):
                live = LiveDrill.create(loaded, out, self.options.seed, overwrite=self._overwrite)
        except DrillError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self._connection = self._local(live)
        if message.speed != live.state.speed:
            self._connection.apply(SetClock(speed=message.speed))
        self._open_console()

    def _local(self, live: LiveDrill) -> LocalConnection:
        """The drill in this process; with the wall clock running, its engine on a thread of its own."""
        return ThreadedConnection(live) if self._ticking else LocalConnection(live)

    def _default_session(self, scenario_id: str, seed: int) -> Path:
        if self._session_path is not None:
            return self._session_path(scenario_id, seed)
        from drill.commands.run import default_session_path

        return default_session_path(scenario_id, seed)

    def _set_language(self, language: str) -> None:
        self.language = language
        use_language(language)

    def console_screen(self, connection: DrillConnection) -> ConsoleScreen:
        """The console for this connection; team play overrides it with a seat's console."""
        if isinstance(connection, ReplayConnection):
            return ReplayConsoleScreen(connection)
        return ConsoleScreen(connection, as_member=self.options.as_member)

    def _open_console(self) -> None:
        assert self._connection is not None
        screen = self.console_screen(self._connection)
        self._console = screen
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)
        self._keep_collections_short()
        self._last_tick = self._time_source()
        if isinstance(self._connection, ThreadedConnection):
            self._run_engine(self._connection)

    def _run_engine(self, connection: ThreadedConnection) -> None:
        """Advance the engine in a thread worker; it posts `EngineAdvanced` when it has news."""

        def work() -> None:
            worker = get_current_worker()
            def wake() -> None:
                self.post_message(EngineAdvanced())

            connection.run(wake, lambda: worker.is_cancelled)

        self.run_worker(work, thread=True, group="engine", exclusive=True, exit_on_error=False)

    def on_engine_advanced(self, message: EngineAdvanced) -> None:
        self.advance(0.0)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The engine's thread stopped on an error (a full disk): the team is told, the clock stops."""
        if event.worker.group == "engine" and event.state is WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error", timeout=30, markup=False)

    # --- time --------------------------------------------------------------------------

    def _tick(self) -> None:
        now = self._time_source()
        wall, self._last_tick = now - self._last_tick, now
        self.advance(min(wall, MAX_TICK))

    def advance(self, wall_seconds: float) -> None:
        """Let `wall_seconds` of real time pass in the drill; shows the debrief once it has ended.

        Time keeps running while a dialog is open over the console (as it would for a team
        typing a reply); the debrief waits until the dialog is closed.
        """
        connection, console = self._connection, self._console
        if connection is None or console is None or self._debrief_shown or console not in self.screen_stack:
            return
        if not self.is_running:
            return  # shutting down: the widgets are going away
        connection.tick(wall_seconds)
        console.refresh_views()
        self._keep_collections_short()
        if isinstance(connection, LocalConnection) and connection.ending:
            self.finish_drill()
        elif connection.ended and not connection.read_only:
            self.show_debrief()

    def finish_drill(self) -> None:
        """The drill is over: work out what the corrections were worth in a worker, then the debrief.

        The counterfactual replays take seconds on a big audience; on the UI loop they froze
        the app. The worker only reads the spread model (the drill is stopped meanwhile), and
        the events are recorded back on this thread, the same events a headless run records.
        The worker tells the app how far it got and what it found by posting messages.
        """
        connection = self._connection
        if not isinstance(connection, LocalConnection) or not connection.ending or self._finishing:
            return
        self._finishing = True
        self._computing = ComputingScreen()
        self.push_screen(self._computing)

        def progress(done: int, total: int) -> None:
            self.post_message(ImpactsProgress(done, total))

        def work() -> None:
            problem: str | None = None
            try:
                impacts = connection.compute_impacts(progress)
            except Exception as error:  # noqa: BLE001 - the drill still ends, without counterfactuals
                impacts, problem = [], f"{type(error).__name__}: {error}"
            self.post_message(ImpactsComputed(impacts, problem))

        self.run_worker(work, thread=True, group="impacts", exit_on_error=False)

    def on_impacts_progress(self, message: ImpactsProgress) -> None:
        if self._computing is not None:
            self._computing.progress(message.done, message.total)

    def on_impacts_computed(self, message: ImpactsComputed) -> None:
        connection, screen = self._connection, self._computing
        if not isinstance(connection, LocalConnection) or screen is None:
            return
        self._computing = None
        connection.complete_end(message.impacts)
        if self.screen is screen:
            self.pop_screen()
        if message.problem is not None:
            self.notify(t("end.computing_failed", problem=message.problem), severity="error", timeout=15, markup=False)
        if self._console is not None and self._console in self.screen_stack:
            self._console.refresh_views()
        self.show_debrief()

    def _keep_collections_short(self) -> None:
        if self._connection is None:
            return
        count = len(self._connection.state.items)
        if count - self._frozen_items >= FREEZE_EVERY_ITEMS:
            gc.freeze()
            self._frozen_items = count

    def show_debrief(self) -> None:
        """Replace the console with the debrief (a replay keeps its console to go back to)."""
        connection = self._connection
        if isinstance(connection, LocalConnection) and connection.ending:
            self.finish_drill()  # the debrief follows once the counterfactuals are recorded
            return
        if connection is None or self._debrief_shown or self.screen is not self._console:
            return
        replay = isinstance(connection, ReplayConnection)
        events = connection.recorded if isinstance(connection, ReplayConnection) else list(connection.events)
        debrief = build_debrief(connection.scenario, events, self.language, session=connection.session_path)
        end_reason = connection.state.end_reason
        if isinstance(connection, ReplayConnection):
            end_reason = connection.recorded_end_reason or "interrupted"
        screen = DebriefScreen(
            debrief, title=connection.scenario.title, end_reason=end_reason,
            session=connection.session_path, can_return=replay,
        )
        if replay:
            self.push_screen(screen)
        else:
            self._debrief_shown = True
            self.switch_screen(screen)

"""`drill host SCENARIO --out SESSION.db`: start a drill that several people play together.

The host is the one process that runs the drill's clock and writes its events; team members
join from other terminals (`drill join`), the trainer watches and steers from `drill
control`, browser seats come through `drill serve`. The host prints what happens as plain
lines. Stopping it (Ctrl+C) pauses the drill for everyone; `drill host --resume` goes on.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from drill.commands._parser import help_text
from drill.commands.run import DEFAULT_SEED, default_session_path
from drill.errors import DrillError
from drill.i18n import t
from drill.events import Event
from drill.scenario import load_scenario
from drill.scenario.library import resolve_scenario
from drill.team_play.database import connect, wall_now
from drill.team_play.grants import read_trainer_key, trainer_key_path
from drill.team_play.host import TeamHost
from drill.team_play.lines import clock, event_line
from drill.team_play.presence import PresenceBoard
from drill.team_play.texts import role_label, say, say_count, seat_label

PRESENCE_CHECK_EVERY = 1.0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("host", help=help_text("cli.help.host"))
    parser.add_argument("scenario", metavar=t("cli.metavar.scenario"), nargs="?",
                        help=help_text("cli.help.host.scenario"))
    parser.add_argument("--out", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_out"))
    parser.add_argument("--resume", metavar=t("cli.metavar.session"), help=help_text("cli.help.host.resume"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar=t("cli.metavar.variant"),
                        help=help_text("cli.help.seed", seed=DEFAULT_SEED))
    parser.add_argument("--speed", type=_speed, metavar=t("cli.metavar.speed"), help=help_text("cli.help.speed"))
    parser.add_argument("--overwrite", action="store_true", help=help_text("cli.help.host.overwrite"))
    parser.add_argument("--team-name", metavar=t("cli.metavar.name"), help=help_text("cli.help.team_name"))
    parser.add_argument("--no-lobby", action="store_true",
                        help=help_text("cli.help.host.no_lobby"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.resume and args.scenario:
        raise DrillError(t("cli.host.both"))
    if not args.resume and not args.scenario:
        raise DrillError(t("cli.host.neither"))
    if args.resume:
        host = TeamHost.resume(args.resume, speed=args.speed)
        path = Path(args.resume)
    else:
        loaded = load_scenario(resolve_scenario(args.scenario))
        path = Path(args.out) if args.out else default_session_path(loaded.scenario.id, args.seed)
        host = TeamHost.create(loaded, path, args.seed, speed=args.speed or 1.0, overwrite=args.overwrite,
                               lobby=not args.no_lobby)
        if args.team_name:
            host.live.store.record_team_name(args.team_name)
        key = read_trainer_key(path)
        if key is not None:
            print(say("host.trainer_key", host.live.state.language, file=trainer_key_path(path), secret=key.hex()))
    return serve_until_stopped(host, path, resumed=bool(args.resume))


def serve_until_stopped(host: TeamHost, path: Path, *, resumed: bool) -> int:
    live = host.live
    state = live.state
    language = state.language
    scenario = live.loaded.scenario
    if resumed:
        print(say("host.resumed", language, title=scenario.title, clock=clock(state.now), speed=state.speed, path=path))
        if host.rejected_on_start:
            print(say_count("host.rejected_on_start", host.rejected_on_start, language))
    else:
        print(say("host.started", language, title=scenario.title, seed=live.engine.seed, speed=state.speed, path=path))
    for key in ("host.how_join", "host.how_control", "host.how_serve", "host.how_stop"):
        print(say(key, language, path=path))
    if host.lobby:
        print(say("host.lobby", language, path=path))
    for event in live.engine.events[-20:]:
        _print(event_line(event, language, trainer=True))
    sys.stdout.flush()

    stop = threading.Event()
    watcher = _SeatWatcher(path, language)
    announced_end = [state.ended]

    def on_events(events: list[Event]) -> None:
        for event in events:
            _print(event_line(event, language, trainer=True))
        if live.ended and not announced_end[0]:
            announced_end[0] = True
            _print(say("host.ended", language, reason=live.state.end_reason))

    host.listeners.append(on_events)
    host.notices.append(_print)
    # Ctrl+C and SIGTERM end the loop between two steps, never in the middle of one.
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    checker = threading.Thread(target=_every, args=(stop, PRESENCE_CHECK_EVERY, watcher.check), daemon=True)
    checker.start()
    try:
        host.run(stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        checker.join(timeout=2)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        now, ended = live.state.now, live.ended
        host.close()
        if not ended:
            print(say("host.stopped", language, clock=clock(now), path=path), flush=True)
    return 0


class _SeatWatcher:
    """Prints who joins and leaves, from the presence table (its own connection and thread)."""

    def __init__(self, path: Path, language: str) -> None:
        self.path, self.language = path, language
        self._seen: set[str] = set()
        self._board: PresenceBoard | None = None

    def check(self) -> None:
        if self._board is None:
            self._board = PresenceBoard(connect(self.path))
        present = {p.seat: p.role for p in self._board.present(wall_now())}
        for seat in present.keys() - self._seen:
            _print(say("seat.joined", self.language, seat=seat_label(seat, self.language),
                       role=role_label(present[seat], self.language)))
        for seat in self._seen - present.keys():
            _print(say("seat.left", self.language, seat=seat_label(seat, self.language)))
        self._seen = set(present)


def _every(stop: threading.Event, seconds: float, job: Callable[[], None]) -> None:
    while not stop.wait(seconds):
        try:
            job()
        except DrillError:
            continue  # a busy file now and then; the next check will do


def _print(line: str | None) -> None:
    if line:
        print(line, flush=True)


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.speed_not_number", text=text)) from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(t("cli.speed_range", speed=text))
    return value

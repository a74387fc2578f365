"""`drill play [SCENARIO]`: run a drill in the terminal, with the team at the keyboard.

Without a scenario the app opens a picker of shipped scenarios and those in the current
folder. Every action is committed to the session file as it happens; if the file named by
`--out` exists, the app offers to resume it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from drill.scenario import load_scenario
from drill.scenario.library import resolve_scenario
from drill.i18n import LANGUAGE_CODES

DEFAULT_SEED = 1


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("play", help="play a drill in the terminal (picker, briefing, console, debrief)")
    parser.add_argument("scenario", metavar="SCENARIO", nargs="?",
                        help="scenario file, or the name of a shipped one (default: choose in a picker)")
    parser.add_argument("--as", dest="as_member", metavar="NAME",
                        help='who you are, e.g. "Kari, kommunikasjonsavdelingen" (signs your replies)')
    parser.add_argument("--speed", type=float, default=1.0, help="simulated seconds per real second (default 1)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--out", metavar="SESSION.db", type=Path,
                        help="session file (default: sessions/ID-seedN-TIME.db); an existing one can be resumed")
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help="language of the screens (default: DRILL_LANG, else the scenario's)")
    parser.add_argument("--team-name", metavar="NAME",
                        help='who plays, e.g. "Fjellvik kommune" (kept in the session file for drill history)')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drill.app.app import DrillApp, PlayOptions
    from drill.errors import DrillError
    from drill.i18n import t

    if not 0 < args.speed <= 1000:
        raise DrillError(t("cli.speed_range", speed=f"{args.speed:g}"))
    loaded = load_scenario(resolve_scenario(args.scenario)) if args.scenario else None
    options = PlayOptions(
        as_member=args.as_member, speed=args.speed, seed=args.seed, out=args.out, language=args.lang,
        folder=Path.cwd(),
    )
    app = DrillApp(options=options, scenario=loaded)
    try:
        app.run()
    finally:
        if app.connection is not None:
            path = app.connection.session_path
            ended = app.connection.ended
            app.connection.close()
            if path is not None:
                if args.team_name:
                    _record_team_name(path, args.team_name)
                print(_farewell(path, ended))
    return 0


def _farewell(path: Path, ended: bool) -> str:
    """The last line, in the language the drill was played in, naming a command that runs here."""
    from drill.i18n import t
    from drill.invocation import command_line

    if ended:
        return t("farewell.ended", path=str(path), command=command_line("replay", path))
    return t("farewell.resume", path=str(path), command=command_line("play", "--out", path))


def _record_team_name(path: Path, name: str) -> None:
    """Name the team in the session file once the app has let go of it (`drill history` groups by it)."""
    from drill.store import SessionStore

    with SessionStore.open(path) as store:
        store.record_team_name(name)

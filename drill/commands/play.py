"""`drill play [SCENARIO]`: run a drill in the terminal, with the team at the keyboard.

Without a scenario the app opens a picker of shipped scenarios and those in the current
folder. Every action is committed to the session file as it happens; if the file named by
`--out` exists, the app offers to resume it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from drill.commands._parser import help_text
from drill.i18n import t
from drill.scenario import load_scenario
from drill.scenario.library import resolve_scenario
from drill.i18n import LANGUAGE_CODES

DEFAULT_SEED = 1


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("play", help=help_text("cli.help.play"))
    parser.add_argument("scenario", metavar=t("cli.metavar.scenario"), nargs="?",
                        help=help_text("cli.help.play.scenario"))
    parser.add_argument("--as", dest="as_member", metavar=t("cli.metavar.name"), help=help_text("cli.help.play.as"))
    parser.add_argument("--speed", type=float, default=1.0, metavar=t("cli.metavar.speed"), help=help_text("cli.help.speed"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar=t("cli.metavar.variant"),
                        help=help_text("cli.help.seed", seed=DEFAULT_SEED))
    parser.add_argument("--out", metavar=t("cli.metavar.session"), type=Path, help=help_text("cli.help.play.out"))
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help=help_text("cli.help.lang_screens"))
    parser.add_argument("--team-name", metavar=t("cli.metavar.name"), help=help_text("cli.help.team_name"))
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
                try:
                    print(_farewell(path, ended))
                except OSError:
                    pass  # the terminal has gone (a closed window, a dropped connection); the drill is kept
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

"""The app's frame rate reaches Textual: it is read once, when Textual is first imported, so
whatever the command line imports before the app must not import Textual first."""

from __future__ import annotations

import os
import subprocess
import sys

from drill.app import FRAMES_PER_SECOND

READ_RATE = """
import sys
import drill.cli
drill.cli.build_parser()  # every command's module, as `drill` imports them
import {module}
import textual.constants
print(textual.constants.MAX_FPS)
"""


def _rate_after(module: str, **env: str) -> int:
    environment = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"} | env
    done = subprocess.run([sys.executable, "-c", READ_RATE.format(module=module)], env=environment,
                          capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def test_every_way_into_the_app_draws_at_the_app_s_frame_rate() -> None:
    for module in ("drill.app.app", "drill.team_play.tui.app"):
        assert _rate_after(module) == FRAMES_PER_SECOND, module


def test_a_frame_rate_set_outside_is_kept() -> None:
    assert _rate_after("drill.app.app", TEXTUAL_FPS="30") == 30

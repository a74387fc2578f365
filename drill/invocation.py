"""How to type `drill` here: the command every printed hint names.

After `make play` or a plain `pip install -e .` into `.venv`, `drill` is often not on PATH.
A message that says "run: drill replay FILE" must then name a command that works as shown,
so hints ask this module instead of writing `drill` themselves.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path


def drill_command() -> str:
    """`drill` when PATH finds it; else the virtualenv's script, relative when below here; else `python -m drill`."""
    if shutil.which("drill"):
        return "drill"
    script = Path(sys.executable).with_name("drill")
    if script.is_file():
        relative = os.path.relpath(script)
        shown = relative if not relative.startswith("..") else str(script)
        return shlex.quote(shown)
    return f"{shlex.quote(sys.executable)} -m drill"


def command_line(*words: object) -> str:
    """A whole command line, `drill` first, each argument quoted for a POSIX shell where needed."""
    return " ".join([drill_command(), *(shlex.quote(str(word)) for word in words)])

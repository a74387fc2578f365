"""Browser seats: which address to serve on, the join code, and the command per browser.

textual-serve starts one app process per browser connection, so every browser seat is a
`drill join --web` process reading the shared session file like a terminal seat. On the
loopback address only this machine can connect; on any other address anyone on the
network could, so a join code is required there and printed for the trainer to hand out.
"""

from __future__ import annotations

import ipaddress
import secrets
import shlex
import sys
from pathlib import Path

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def join_code_for(host: str, given: str | None) -> str | None:
    """The code browsers must type: the one given, a fresh one off loopback, else none."""
    if given:
        return given
    if is_loopback(host):
        return None
    return f"{secrets.randbelow(10**6):06d}"


def seat_command(session: Path, language: str | None = None) -> str:
    """The shell command textual-serve runs for each browser connection."""
    parts = [sys.executable, "-m", "drill", "join", str(session.resolve()), "--web"]
    if language:
        parts += ["--lang", language]
    return shlex.join(parts)

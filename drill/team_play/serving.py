"""Browser seats: which address to serve on, the join code, and the command per browser.

textual-serve starts one app process per browser connection, so every browser seat is a
`drill join --web` process reading the shared session file like a terminal seat. On the
loopback address only this machine can connect; on any other address anyone on the
network could, so a join code is required there and printed for the trainer to hand out.
"""

from __future__ import annotations

import ipaddress
import math
import secrets
import shlex
import sys
from pathlib import Path

from drill.errors import DrillError

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
"""31 characters that read aloud unambiguously: no 0/o, 1/l/i."""
CODE_LENGTH = 9
"""9 characters of 31: 44.6 bits, written xxx-xxx-xxx."""
MIN_CODE_BITS = 40.0


def new_join_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i:i + 3] for i in range(0, CODE_LENGTH, 3))


def normal_code(code: str) -> str:
    """What counts when a code is typed: no case, no spaces or dashes."""
    return "".join(ch for ch in code.casefold() if ch not in " -_\t")


def code_bits(code: str) -> float:
    """A generous estimate of a code's strength: its length times the bits of the character classes it uses."""
    text = normal_code(code)
    if len(set(text)) < 4:
        return 0.0
    pool = 0
    pool += 10 if any(ch.isdigit() for ch in text) else 0
    pool += 26 if any(ch.isalpha() and ch.isascii() for ch in text) else 0
    pool += 33 if any(not ch.isascii() or not ch.isalnum() for ch in text) else 0
    return len(text) * math.log2(pool) if pool else 0.0


def join_code_for(host: str, given: str | None) -> str | None:
    """The code browsers must type: the one given (if strong enough), a fresh one off loopback, else none."""
    if given:
        bits = code_bits(given)
        if bits < MIN_CODE_BITS:
            raise DrillError(
                f"--join-code: the code is too easy to guess ({bits:.0f} bits; at least {MIN_CODE_BITS:.0f} are needed, "
                f"for example 9 letters and digits like {new_join_code()}). Leave it out and drill makes one."
            )
        return given
    if is_loopback(host):
        return None
    return new_join_code()


ATTEMPTS_BEFORE_LOCK = 5
"""Wrong codes a browser seat may type before it is locked out (ask the trainer)."""
GLOBAL_FREE = 10
"""Wrong codes from all browsers in ten minutes before everyone waits longer."""


def wait_after(wrong_here: int, wrong_everywhere: int) -> float:
    """Seconds before the next try: doubling per wrong code here, more when many fail everywhere."""
    here = 0.0 if wrong_here == 0 else min(30.0, 2.0 ** (wrong_here - 1))
    crowd = 0.0 if wrong_everywhere <= GLOBAL_FREE else min(60.0, 2.0 ** (wrong_everywhere - GLOBAL_FREE))
    return max(here, crowd)


def seat_command(session: Path, language: str | None = None) -> str:
    """The shell command textual-serve runs for each browser connection."""
    parts = [sys.executable, "-m", "drill", "join", str(session.resolve()), "--web"]
    if language:
        parts += ["--lang", language]
    return shlex.join(parts)

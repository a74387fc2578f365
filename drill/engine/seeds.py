"""Stable seeds for every random stream in a drill.

Python's `hash()` changes between processes, so it cannot name a random stream; a SHA-256 of
the drill seed and the stream's name can. Each generator (a comment stream, its text, the
spread of one item) gets its own seed, so adding a stream never changes another's draws.
"""

from __future__ import annotations

import hashlib


def derive_seed(seed: int, *names: object) -> int:
    text = "/".join([str(seed), *map(str, names)])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")

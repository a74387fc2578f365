"""Text from scenarios and citizens is shown on a terminal, never obeyed by it.

A scenario file or a comment typed in team play can hold ESC sequences (clear the screen,
rewrite the title, fake a prompt), other C0/C1 control characters, or bidirectional
overrides that make a line read differently from what it says. Every command's output goes
through `neutralise` (see `drill.cli`), which shows each such character as a visible stand-in.
"""

from __future__ import annotations

import re
from html import escape

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidi embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069). A CR is kept only before LF (CSV).
_UNSAFE = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def neutralise(text: str) -> str:
    """`text` with every terminal control character replaced by a harmless visible sign."""
    return _UNSAFE.sub(_stand_in, text)


def html_text(text: object) -> str:
    """`text` for an HTML page: markup escaped and controls neutralised, because a report is also
    read with `cat` in a terminal, and HTML5 counts control characters as parse errors."""
    return escape(neutralise(str(text)))


class NeutralisingWriter:
    """A text stream wrapper that neutralises everything written through it."""

    def __init__(self, stream: object) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(neutralise(text))  # type: ignore[attr-defined]
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)

"""Words a regex cannot match without: a cheap test that skips most regex scans.

Hundreds of phrase regexes run over every reply, and nearly all of them fail. Most phrases
contain plain letters that any match must include ("ikke vårt ansvar" needs "ansvar"; "(vi|vår)
skyld" needs "skyld"); when none of those strings is in the lower-cased reply, the regex cannot
match and is not run. The strings are read from the regex's own parse tree (the standard
library's `re._parser`, the parser `re.compile` itself uses), so they cannot drift from the
pattern. A pattern whose parse offers no such string is always run.
"""

from __future__ import annotations

import re
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

# Shorter required strings filter too little to be worth the test.
MIN_LITERAL = 3
Alternatives = frozenset[str]


# Results worked out before (compiled.py ships them for the committed rule files): parsing
# hundreds of regexes at every start cost more than a second.
_KNOWN: dict[tuple[str, int], Alternatives | None] = {}


def remember(known: dict[tuple[str, int], Alternatives | None]) -> None:
    """Take the results of `parse_required` for these (pattern, flags) as given."""
    _KNOWN.update(known)


def required_literals(pattern: str, flags: int = 0) -> Alternatives | None:
    """Lower-cased strings of which every match contains at least one (None: no such set).

    Only sound for a case-insensitive search in lower-cased text, or a case-sensitive one in
    the text itself (the caller picks which text to test against)."""
    key = (pattern, flags)
    if key in _KNOWN:
        return _KNOWN[key]
    return parse_required(pattern, flags)


def parse_required(pattern: str, flags: int = 0) -> Alternatives | None:
    """`required_literals` worked out from the regex's parse tree."""
    try:
        tree = parser.parse(pattern, flags)
    except re.error:
        return None
    if tree.state.flags & re.VERBOSE:
        return None
    found = _sequence(list(tree))
    return found if found is not None and all(_selective(s) for s in found) else None


def heads(literals: Alternatives) -> frozenset[str] | None:
    """Three letters from each literal, tested against the reply's three-letter pieces
    in one set operation; None when a literal is shorter (an emoji)."""
    if any(len(s) < MIN_LITERAL for s in literals):
        return None
    return frozenset(_rarest_piece(s) for s in literals)


def _rarest_piece(literal: str) -> str:
    """A three-letter piece inside the literal's longest word: " ansvar" -> "nsv", not " an"
    (a piece with a space or a common word start is in nearly every reply)."""
    words = re.findall(r"\w{3,}", literal)
    if not words:
        return literal[:MIN_LITERAL]
    word: str = max(words, key=len)
    middle = (len(word) - MIN_LITERAL) // 2
    return word[middle : middle + MIN_LITERAL]


def _selective(literal: str) -> bool:
    """Long enough to rule most replies out: three letters, or one emoji or other rare sign."""
    return len(literal) >= MIN_LITERAL or (bool(literal) and all(ord(c) > 0x2000 for c in literal))


def _sequence(items: list[tuple[Any, Any]]) -> Alternatives | None:
    """The best required set of a sequence: the longest literal run or a required group."""
    candidates: list[Alternatives] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, value in items:
        if op is constants.LITERAL:
            run.append(chr(value))
            continue
        close()
        inner = _required(op, value)
        if inner is not None:
            candidates.append(inner)
    close()
    usable = [c for c in candidates if all(_selective(s) for s in c)]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(s) for s in c) >= MIN_LITERAL, min(len(s) for s in c), -len(c)))


def _required(op: Any, value: Any) -> Alternatives | None:
    if op is constants.SUBPATTERN:
        return _sequence(list(value[-1]))
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)):
        low, _high, body = value
        return _sequence(list(body)) if low >= 1 else None
    if op is constants.BRANCH:
        branches = [_sequence(list(branch)) for branch in value[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*[b for b in branches if b is not None])
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return _sequence(list(value))
    return None

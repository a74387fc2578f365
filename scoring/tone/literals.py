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
from re import _casefix as casefix  # type: ignore[attr-defined]
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

# Shorter required strings filter too little to be worth the test.
MIN_LITERAL = 3
Alternatives = frozenset[str]


# Characters that a case-insensitive regex takes as equal to a character they do not lower-case
# to ("ı" and "i", "ſ" and "s", Greek and Cyrillic variants): a lower-cased text cannot show
# where such a regex may start, so texts and literals holding one are left to the regex itself.
UNFOLDED = frozenset(chr(c) for key, extra in casefix._EXTRA_CASES.items() for c in (key, *extra) if c > 0x7F)
# What "İ" lower-cases to besides "i": a literal holding it was longer in the regex.
_COMBINING_DOT = "\u0307"


_UNFOLDED_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(UNFOLDED)) + "]")


def aligned(text: str, lower: str) -> bool:
    """Whether `lower`, `text` lower-cased, keeps every character's offset and shows every place a
    case-insensitive regex can match: no "İ", which lower-cases to two characters, and no UNFOLDED
    character, which the regex engine takes as another letter. Every lower-case pre-test (the
    rules' words, the term index, AnySearch) holds only for such a text."""
    return len(lower) == len(text) and (lower.isascii() or _UNFOLDED_RE.search(lower) is None)


def folds_plainly(literal: str) -> bool:
    """Whether a lower-cased literal is, character for character, what a case-insensitive
    regex compares (no UNFOLDED character, and not lower-cased from "İ")."""
    return UNFOLDED.isdisjoint(literal) and _COMBINING_DOT not in literal

# Results worked out before (compiled.py ships them for the committed rule files): parsing
# hundreds of regexes at every start cost more than a second.
_KNOWN: dict[tuple[str, int], Alternatives | None] = {}
_KNOWN_STARTS: dict[tuple[str, int], tuple[str, ...] | None] = {}


def remember(known: dict[tuple[str, int], Alternatives | None],
             starts: dict[tuple[str, int], tuple[str, ...] | None] | None = None) -> None:
    """Take the results of `parse_required` (and `parse_starts`) for these (pattern, flags) as given."""
    _KNOWN.update(known)
    _KNOWN_STARTS.update(starts or {})


def leading_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-cased strings one of which every match starts with (None: no such set).

    A phrase regex such as `\\b(?:vi beklager|beklager)` can only match where the lower-cased
    reply reads "vi beklager" or "beklager", so it need only be tried there: the same
    matches as a scan of every position, found in a few attempts. Sound for a search in the
    lower-cased text whatever the regex's case flags (a case-sensitive match is a
    case-insensitive one too), for texts without an UNFOLDED character."""
    key = (pattern, flags)
    if key in _KNOWN_STARTS:
        return _KNOWN_STARTS[key]
    return parse_starts(pattern, flags)


class Starts:
    """A regex's leading strings (literals.leading_literals) arranged for `starts_of`: those of
    three letters or more under their first three, which the reply's own pieces (`trigrams`)
    rule in or out in one set operation; shorter ones (".", "vi") are looked up as they are."""

    def __init__(self, literals: tuple[str, ...]) -> None:
        by_piece: dict[str, list[str]] = {}
        short: list[str] = []
        classes: list[str] = []
        for literal in literals:
            if literal.startswith(CLASS):
                classes.append(literal[len(CLASS) :])
            elif len(literal) >= 3:
                by_piece.setdefault(literal[:3], []).append(literal)
            else:
                short.append(literal)
        # A piece that is itself a leading string needs no further test (none starts another).
        self.by_piece = {piece: () if piece in found else tuple(found) for piece, found in by_piece.items()}
        self.pieces = frozenset(by_piece)
        self.short = tuple(short)
        # Characters a match may start with, searched in the reply itself ("[A-ZÆØÅ]" of a name
        # written with a capital, "\\d" of a number).
        self.exact = re.compile("|".join(classes)) if classes else None


def parse_starts(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """`leading_literals` worked out from the regex's parse tree: the shortest distinct
    strings (one that another starts with is implied by it), sorted."""
    try:
        tree = parser.parse(pattern, flags)
    except re.error:
        return None
    found, nullable = _first(list(tree), bool(tree.state.flags & re.IGNORECASE))
    if found is None or nullable or not found:
        return None
    classes = sorted(s for s in found if s.startswith(CLASS))
    literals = [s for s in found if not s.startswith(CLASS)]
    if not all(folds_plainly(s) and CLASS not in s for s in literals):
        return None
    kept = sorted(literals, key=lambda s: (len(s), s))
    shortest: list[str] = []
    for literal in kept:
        if not any(literal.startswith(shorter) for shorter in shortest):
            shortest.append(literal)
    return tuple(sorted(shortest)) + tuple(classes)


# Marks a leading character class (a regex for one character of the reply itself) among the
# lower-cased leading strings.
CLASS = "\x00"


_ZERO_WIDTH = (constants.AT, constants.ASSERT, constants.ASSERT_NOT)
_REPEATS = (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None))


def _first(items: list[tuple[Any, Any]], ignorecase: bool) -> tuple[set[str] | None, bool]:
    """The strings a match of this sequence may start with, and whether it may match empty.
    A literal run gives itself; an item that may match empty adds what follows it. A character
    class gives its characters, or where the case counts (`(?-i:[A-ZÆØÅ])`, `\\d`) itself,
    marked by CLASS."""
    found: set[str] = set()
    i = 0
    while i < len(items):
        op, value = items[i]
        if op in _ZERO_WIDTH:
            i += 1
            continue
        if op is constants.LITERAL:
            run = ""
            while i < len(items) and items[i][0] is constants.LITERAL:
                run += chr(items[i][1])
                i += 1
            found.add(run.lower())
            return found, False
        inner, nullable = _first_of(op, value, ignorecase)
        if inner is None:
            return None, False
        found |= inner
        if not nullable:
            return found, False
        i += 1
    return found, True


def _first_of(op: Any, value: Any, ignorecase: bool) -> tuple[set[str] | None, bool]:
    if op is constants.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        if add_flags & re.IGNORECASE:
            ignorecase = True
        if del_flags & re.IGNORECASE:
            ignorecase = False
        return _first(list(body), ignorecase)
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return _first(list(value), ignorecase)
    if op in _REPEATS:
        low, _high, body = value
        inner, nullable = _first(list(body), ignorecase)
        return inner, nullable or low == 0
    if op is constants.BRANCH:
        found: set[str] = set()
        any_nullable = False
        for branch in value[1]:
            inner, nullable = _first(list(branch), ignorecase)
            if inner is None:
                return None, False
            found |= inner
            any_nullable = any_nullable or nullable
        return found, any_nullable
    if op is constants.IN:
        return _first_of_class(value, ignorecase), False
    return None, False


_DIGIT = getattr(constants, "CATEGORY_DIGIT", None)


def _first_of_class(members: list[tuple[Any, Any]], ignorecase: bool) -> set[str] | None:
    """A class of plain characters gives them lower-cased; one with a range (only where the case
    counts) or with digits is kept as a class of the reply's own characters."""
    if all(member is constants.LITERAL for member, _ in members):
        return {chr(char).lower() for _, char in members}
    parts = []
    for member, arg in members:
        if member is constants.LITERAL and not ignorecase:
            parts.append(re.escape(chr(arg)))
        elif member is constants.RANGE and not ignorecase and arg[1] - arg[0] < 128:
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif member is constants.CATEGORY and arg is _DIGIT:
            parts.append(r"\d")
        else:
            return None
    return {CLASS + "[" + "".join(parts) + "]"}


def required_literals(pattern: str, flags: int = 0) -> Alternatives | None:
    """Lower-cased strings at least one of which every match contains, or sees beside it in a
    lookaround (None: no such set).

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
    if op is constants.ASSERT:
        # "(?<=sjefen)", "(?= på [A-Z])": what a lookaround must see stands in the text beside the
        # match, and the test is of the whole text.
        return _sequence(list(value[1]))
    return None

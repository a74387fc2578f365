"""Reading user-authored YAML so that every value remembers where it was written.

Trainers write scenarios and team scripts by hand; when something is wrong they need the
exact `file:line:column`. ruamel.yaml's round-trip loader keeps positions, but its objects
are awkward to validate and share structure through aliases. So we walk the loaded tree
once, copying it into plain dicts and lists and recording the position of every key and
item. The walk also enforces a node budget, which is what defeats "billion laughs" alias
bombs: a few kilobytes of anchors cannot expand into millions of nodes here.

Scenarios and team scripts are plain mappings, lists and values. The round-trip loader
never executes a tag, but it hands back tagged nodes (`!!omap`, `!!set`, `!!binary`,
`!!python/...`, `!custom`) as objects no validator expects, so the walk refuses every
explicit tag with the line it sits on. Deep nesting is refused before the parser sees it:
ruamel's parser takes seconds on a few thousand nested brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedOrderedMap, CommentedSeq, CommentedSet, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from drill.errors import InputFileError
from drill.i18n import LANGUAGES, catalogue, message, messages_language

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 60

Loc = tuple[str | int, ...]


@dataclass
class YamlSource:
    """A parsed YAML document as plain data, plus the position of each value in the file."""

    path: str
    data: Any
    text: str
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int, int]:
        """Line and column (1-based) of the deepest part of `loc` that exists in the file."""
        for depth in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:depth]))
            if found:
                return found
        return (1, 1)

    def where(self, loc: Loc) -> str:
        line, column = self.position(loc)
        return f"{self.path}:{line}:{column}"


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES, what: str = "file") -> str:
    """Read a user file as UTF-8, refusing huge or binary files with a plain message."""
    key = f"check.what.{what.replace(' ', '_')}"
    named = message(key) if key in LANGUAGES[messages_language()] else what
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError([message("check.no_such", path=path, what=named)]) from None
    except OSError as error:
        raise InputFileError([message("check.unreadable", path=path, what=named, problem=error.strerror)]) from None
    if path.is_dir():
        raise InputFileError([message("check.folder", path=path)])
    if size > max_bytes:
        raise InputFileError([message("check.too_large", path=path, what=named, size=catalogue(messages_language()).number(size),
                                       limit=catalogue(messages_language()).number(max_bytes))])
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputFileError([message("check.unreadable", path=path, what=named, problem=error.strerror)]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputFileError([message("check.not_utf8", where=f"{path}:{line}:1", what=named)]) from None


def load_yaml(text: str, path: str, *, max_nodes: int = MAX_NODES) -> YamlSource:
    """Parse YAML text into plain data with positions; syntax errors name line and column."""
    _refuse_deep_brackets(text, path)
    yaml = YAML(typ="rt")
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = _plain_problem(str(error.problem or error.context or "invalid YAML"))
        raise InputFileError([message("check.yaml_syntax", where=f"{path}:{line}:{column}", problem=problem)]) from None
    except YAMLError as error:
        position, character = getattr(error, "position", None), getattr(error, "character", None)
        if isinstance(position, int) and isinstance(character, (int, str)):  # a control character YAML refuses
            line = text.count("\n", 0, position) + 1
            column = position - text.rfind("\n", 0, position)
            code = character if isinstance(character, int) else ord(character)
            raise InputFileError([message("check.yaml_syntax", where=f"{path}:{line}:{column}",
                                          problem=message("input.yaml_character", code=f"U+{code:04X}"))]) from None
        raise InputFileError([message("check.yaml_syntax", where=f"{path}:1:1", problem=error)]) from None
    except RecursionError:
        raise InputFileError([message("check.yaml_deep", where=f"{path}:1:1")]) from None
    source = YamlSource(path=path, data=None, text=text)
    walker = _Walker(source, max_nodes)
    source.data = walker.copy(tree, ())
    return source


# The YAML parser's own words for the mistakes trainers make most, and what to say instead.
_PROBLEMS = [
    (re.compile(r"found character '\\t' that cannot start any token"), "input.yaml_tab"),
    (re.compile(r'found duplicate key "(?P<name>[^"]*)"'), "input.yaml_duplicate_key"),
    (re.compile(r"mapping values are not allowed here"), "input.yaml_colon"),
    (re.compile(r"could not find expected ':'"), "input.yaml_no_colon"),
    (re.compile(r"expected <block end>, but found"), "input.yaml_indent"),
    (re.compile(r"found unexpected end of stream|expected ',' or '[\]}]'"), "input.yaml_unclosed"),
]


def _plain_problem(problem: str) -> str:
    """The parser's problem in the trainer's language when it is a common one; else as the parser said it."""
    for pattern, key in _PROBLEMS:
        found = pattern.search(problem)
        if found:
            return message(key, **found.groupdict())
    return problem


def load_yaml_file(path: Path, *, what: str = "file") -> YamlSource:
    return load_yaml(read_text(path, what=what), str(path))


def _refuse_deep_brackets(text: str, path: str) -> None:
    """Refuse flow collections nested deeper than the walk allows, in one linear pass.

    Quoted strings and comments are skipped roughly; a false alarm would need more than
    MAX_DEPTH unclosed brackets in plain text, which no scenario has.
    """
    depth = 0
    quote = ""
    line = 1
    comment = False
    for char in text:
        if char == "\n":
            line += 1
            comment = False
            continue
        if comment:
            continue
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InputFileError([f"{path}:{line}:1: the YAML is nested too deeply (more than {MAX_DEPTH} levels)."])
        elif char in "]}" and depth:
            depth -= 1


def _tag_of(node: Any) -> str | None:
    """The explicit YAML tag a node was written with (None for plain mappings, lists and values)."""
    if isinstance(node, CommentedOrderedMap):
        return "!!omap"
    if isinstance(node, CommentedSet):
        return "!!set"
    if isinstance(node, (bytes, bytearray)):
        return "!!binary"
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None)
    if isinstance(node, TaggedScalar) or value:
        return str(value or "!?").replace("tag:yaml.org,2002:", "!!")
    return None


class _Walker:
    def __init__(self, source: YamlSource, max_nodes: int) -> None:
        self.source = source
        self.max_nodes = max_nodes
        self.count = 0

    def copy(self, node: Any, loc: Loc, depth: int = 0) -> Any:
        self.count += 1
        if self.count > self.max_nodes or depth > MAX_DEPTH:
            line, column = self.source.position(loc)
            raise InputFileError(
                [
                    f"{self.source.path}:{line}:{column}: the file expands to more than "
                    f"{self.max_nodes:,} values (or is nested too deeply); "
                    "this looks like a mistake or an alias bomb."
                ]
            )
        if isinstance(node, TaggedScalar) and getattr(node.tag, "value", None) == "tag:yaml.org,2002:str":
            return str(node.value)  # `!!str 5` is plain YAML for "the text 5"
        tag = _tag_of(node)
        if tag is not None:
            raise InputFileError([
                f"{self.source.where(loc)}: the YAML tag {tag} is not allowed; "
                "write plain mappings, lists and values (no tags)."
            ])
        if isinstance(node, CommentedMap):
            result: dict[Any, Any] = {}
            for key, value in node.items():
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    raise InputFileError([
                        f"{self.source.where(loc)}: a key must be a plain word or number, not {type(key).__name__}."
                    ])
                key_loc = (*loc, key if isinstance(key, (str, int)) else str(key))
                line, column = node.lc.key(key)
                self.source.positions[key_loc] = (line + 1, column + 1)
                result[key] = self.copy(value, key_loc, depth + 1)
            return result
        if isinstance(node, CommentedSeq):
            items = []
            for index, value in enumerate(node):
                line, column = node.lc.item(index)
                self.source.positions[(*loc, index)] = (line + 1, column + 1)
                items.append(self.copy(value, (*loc, index), depth + 1))
            return items
        if isinstance(node, str):
            return str(node)
        if isinstance(node, bool):
            return bool(node)
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        return node

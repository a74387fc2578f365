"""Turning pydantic's validation errors into messages a trainer can act on.

pydantic reports errors as a location tuple and a technical message. Trainers need the file,
line and column, the field path they wrote, and plain words: "Unknown field 'kidn'. Did you
mean 'kind'?". All problems are collected and reported together, so one run of
`drill validate` shows everything that needs fixing.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from drill.errors import InputFileError
from drill.i18n import message
from drill.yamlsource import Loc, YamlSource

M = TypeVar("M", bound=BaseModel)


class Problem(typing.NamedTuple):
    """One thing wrong with a file, at a place in it."""

    loc: Loc
    message: str


def field_path(loc: Loc) -> str:
    """`('injects', 3, 'labels', 'kind')` -> `injects[3].labels.kind`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def format_problems(source: YamlSource, problems: Iterable[Problem]) -> list[str]:
    ordered = sorted(problems, key=lambda p: source.position(p.loc))
    return [f"{source.where(p.loc)}: {field_path(p.loc)}: {p.message}" for p in ordered]


def validate_source(model: type[M], source: YamlSource) -> M:
    """Validate the whole document; raise one InputFileError listing every problem."""
    if not isinstance(source.data, dict):
        kind = message("check.kind_empty") if source.data is None else message("check.kind_other", type=_type_name(source.data))
        raise InputFileError([message("check.not_mapping", where=f"{source.path}:1:1", kind=kind)])
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        problems = [_problem(model, source, detail) for detail in error.errors(include_url=False)]
        raise InputFileError(format_problems(source, _dedupe(problems))) from None


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    unique = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            unique.append(problem)
    return unique


def _problem(model: type[BaseModel], source: YamlSource, detail: Any) -> Problem:
    loc = _data_loc(source.data, tuple(detail["loc"]))
    kind = detail["type"]
    given = detail.get("input")
    if kind == "extra_forbidden":
        key = loc[-1] if loc else "?"
        allowed = _allowed_keys(model, loc[:-1], source.data)
        hint = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.6)
        text = message("check.unknown_field", name=key)
        if hint:
            text += message("check.did_you_mean", hint=hint[0])
        elif allowed:
            text += message("check.allowed_here", allowed=", ".join(sorted(allowed)))
        return Problem(loc, text)
    if kind == "missing":
        return Problem(loc, message("check.required"))
    return Problem(loc, _plain_message(kind, detail, given))


def detail_message(detail: Any) -> str:
    """One pydantic error detail in the user's words, for readers of other formats (the MSEL importer)."""
    if detail["type"] == "missing":
        return message("check.required")
    return _plain_message(detail["type"], detail, detail.get("input"))


def _plain_message(kind: str, detail: Any, given: Any) -> str:
    shown = _show(given)
    context = detail.get("ctx") or {}
    if kind in ("literal_error", "enum"):
        expected = str(context.get("expected", ""))
        head, sep, last = expected.rpartition(" or ")  # pydantic's English list: 'a', 'b' or 'c'
        if sep:
            expected = f"{head} {message('input.or')} {last}"
        return message("check.one_of", expected=expected, shown=shown)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return message("check.whole_number", shown=shown)
    if kind in ("float_parsing", "float_type"):
        return message("check.number", shown=shown)
    if kind in ("bool_parsing", "bool_type"):
        return message("check.bool", shown=shown)
    if kind in ("string_type",):
        return message("check.text", shown=shown)
    if kind in ("list_type",):
        return message("check.list", shown=shown)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return message("check.mapping", shown=shown)
    bounds = {"greater_than_equal": ("check.at_least", "ge"), "greater_than": ("check.more_than", "gt"),
              "less_than_equal": ("check.at_most", "le"), "less_than": ("check.less_than", "lt")}
    if kind in bounds:
        key, limit = bounds[kind]
        return message(key, limit=context.get(limit), shown=shown)
    if kind == "string_too_short":
        return message("check.not_empty") if context.get("min_length") == 1 else message("check.too_short", shown=shown)
    if kind == "string_too_long":
        return message("check.too_long", limit=context.get("max_length"))
    if kind == "too_long":
        return message("check.too_many", limit=context.get("max_length"))
    if kind == "too_short":
        return message("check.too_few", limit=context.get("min_length"))
    if kind == "string_pattern_mismatch":
        return message("check.wrong_form", shown=shown)
    if kind in ("datetime_parsing", "datetime_type", "datetime_from_date_parsing"):
        return message("check.datetime", shown=shown)
    if kind == "union_tag_invalid":
        return message("check.unknown_type", tag=_show(context.get("tag")), expected=context.get("expected_tags"))
    if kind == "union_tag_not_found":
        return message("check.no_type", field=context.get("discriminator", "type").strip(chr(39)))
    if kind == "value_error":
        return str(context.get("error", detail.get("msg", "Invalid value."))).rstrip(".") + "."
    if kind == "assertion_error":
        return str(detail.get("msg", "Invalid value.")).removeprefix("Assertion failed, ").rstrip(".") + "."
    return str(detail.get("msg", "Invalid value.")).rstrip(".") + f"; got {shown}."


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return message("input.a_mapping")
    if isinstance(value, list):
        return message("input.a_list")
    if value is None:
        return message("input.nothing")
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: Any) -> str:
    return {list: "list", str: "piece of text", int: "number", float: "number", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _data_loc(data: Any, loc: Loc) -> Loc:
    """Drop the parts of pydantic's loc that name union members or tags, not data keys."""
    result: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            result.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            result.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not _looks_like_tag(part):
            # A key that is missing or unknown: keep it so the message can name it.
            result.append(part)
            node = None
        # else: a union member name such as 'function-after[...]' or a tag; skip it.
    return tuple(result)


def _looks_like_tag(part: str) -> bool:
    return "[" in part or part.startswith(("function-", "lax-", "strict-", "json-"))


def _allowed_keys(model: type[BaseModel], loc: Loc, data: Any) -> set[str]:
    """Field names (and aliases) valid at `loc`, found by walking the model types along it."""
    annotation: Any = model
    node = data
    for part in loc:
        annotation = _resolve(annotation, node)
        if annotation is None:
            return set()
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = _field_by_key(annotation, part)
            annotation = info.annotation if info else None
        elif typing.get_origin(annotation) is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            return set()
        # `loc` comes from _data_loc, so a list is only ever indexed by a number here.
        if isinstance(node, dict):
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int):
            node = node[part]
        else:
            node = None
    annotation = _resolve(annotation, node)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {info.alias or name for name, info in annotation.model_fields.items()}
    return set()


def _field_by_key(model: type[BaseModel], key: str | int) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info
    return None


def _resolve(annotation: Any, node: Any) -> Any:
    """Unwrap Optional/Annotated/unions; for a union of models pick the one matching the data."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
            if models and isinstance(node, dict):
                annotation = _pick_member(models, node)
            elif len(members) == 1 or not members:
                annotation = members[0] if members else None
            else:
                collections = [m for m in members if typing.get_origin(m) in (list, dict)]
                annotation = collections[0] if collections else members[0]
            continue
        return annotation


def _pick_member(models: list[type[BaseModel]], node: dict[str, Any]) -> type[BaseModel]:
    """The union member whose tag or fields best match the keys the author wrote."""
    def score(m: type[BaseModel]) -> int:
        names = {info.alias or name for name, info in m.model_fields.items()}
        tag_field = m.model_fields.get("type")
        tag_bonus = 0
        if tag_field is not None and node.get("type") is not None:
            args = typing.get_args(tag_field.annotation)
            tag_bonus = 100 if node.get("type") in args else -100
        return tag_bonus + len(names & set(node))

    return max(models, key=score)

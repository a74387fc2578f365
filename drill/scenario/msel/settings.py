"""The settings block above an MSEL table: `title;Gasslukt på Torget`, `municipality.followers;14000`.

Keys are the scenario file's own field names, joined with dots, so a trainer who later opens
the YAML finds the same words. The allowed keys are read from the scenario models themselves,
which keeps the block in step with the file format without a second list to maintain.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, BeforeValidator

from drill.i18n import message
from drill.scenario.models import PersonaRole, Scenario, ScenarioKind
from drill.scenario.durations import format_duration, parse_duration
from drill.scenario.msel.cells import (
    SCENARIO_KIND_ALIASES,
    CellError,
    parse_bool,
    parse_id,
    parse_name,
    parse_number,
    parse_time,
    parse_whole,
)

TABLE_SECTIONS = ("injects", "streams", "triggers", "personas")
"""Parts of a scenario that come from the table (or persona rows), not from settings keys."""

SHORTHANDS = {"municipality": "municipality.name"}
DURATION = "duration"
"""Marks settings written as durations (15m, 2h) in `setting_keys()`."""
LOCAL_ZONE = "Europe/Oslo"


@cache
def setting_keys() -> dict[str, Any]:
    """Every dotted key the settings block accepts, with the type its value must have."""
    keys: dict[str, Any] = {}
    _walk(Scenario, "", keys)
    return keys


def _walk(model: type[BaseModel], prefix: str, keys: dict[str, Any]) -> None:
    for name, info in model.model_fields.items():
        key = info.alias or name
        if not prefix and key in TABLE_SECTIONS:
            continue
        annotation = _unwrap(info.annotation)
        dotted = f"{prefix}{key}"
        if _is_duration(info.metadata, info.annotation):
            keys[dotted] = DURATION
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            _walk(annotation, dotted + ".", keys)
        elif typing.get_origin(annotation) is dict:
            key_type, value_type = typing.get_args(annotation)
            for literal in typing.get_args(key_type):
                keys[f"{dotted}.{literal}"] = _unwrap(value_type)
        else:
            keys[dotted] = annotation


def _is_duration(metadata: list[Any], annotation: Any) -> bool:
    """Durations are ints parsed from text like 15m; pydantic keeps that in the field's metadata."""
    found = list(metadata)
    for member in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(member) is typing.Annotated:
            found += typing.get_args(member)[1:]
    return any(isinstance(m, BeforeValidator) and m.func is parse_duration for m in found)


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = members[0]
        else:
            return annotation


def resolve_key(raw: str) -> str:
    key = raw.strip().lower()
    key = SHORTHANDS.get(key, key)
    if key not in setting_keys():
        close = difflib.get_close_matches(key, list(setting_keys()), n=1, cutoff=0.6)
        hint = message("msel.did_you_mean", name=close[0]) if close else ""
        raise CellError(message("msel.unknown_setting", name=raw.strip(), hint=hint))
    return key


def convert(key: str, values: list[str]) -> Any:
    """The value(s) of one setting, as the scenario file would hold them."""
    annotation = setting_keys()[key]
    if typing.get_origin(annotation) is list:
        item = _unwrap(typing.get_args(annotation)[0])
        return [_convert_one(key, item, v) for v in values]
    if len(values) != 1:
        raise CellError(message("msel.one_value", setting=key, n=len(values)))
    return _convert_one(key, annotation, values[0])


def _convert_one(key: str, annotation: Any, value: str) -> Any:
    text = value.strip()
    if annotation is bool:
        return parse_bool(text)
    if annotation is float:
        return parse_number(text)
    if annotation is DURATION:
        value_s = parse_time(text)
        if not isinstance(value_s, int):
            raise CellError(message("msel.duration", value=text))
        return format_duration(value_s)
    if annotation is int:
        return parse_whole(text)  # spaces are thousands separators: "14 000"
    if annotation is datetime:
        return parse_start(text)
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        aliases: Mapping[str, StrEnum] = SCENARIO_KIND_ALIASES if annotation is ScenarioKind else {}
        what = {"kind": "scenario_kind", "language": "language"}.get(key, "setting_value")
        return parse_name(text, annotation, aliases, what).value
    return text


_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y kl. %H:%M",
                 "%d.%m.%Y kl. %H.%M", "%d.%m.%Y %H.%M")


def parse_start(text: str) -> str:
    """An ISO date and time with a time zone; dates without one are taken as Norwegian time."""
    value = text.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
        for pattern in _DATE_FORMATS:
            try:
                moment = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
    if moment is None:
        raise CellError(message("msel.datetime", value=value))
    if moment.tzinfo is None:
        try:
            moment = moment.replace(tzinfo=ZoneInfo(LOCAL_ZONE))
        except ZoneInfoNotFoundError:
            raise CellError(message("msel.time_zone", value=value)) from None
    return moment.isoformat()


def persona(values: list[str]) -> dict[str, str]:
    """`persona;ID;NAME;ROLE;DESCRIPTION` (role and description may be left out)."""
    if len(values) < 2 or not values[0].strip() or not values[1].strip():
        raise CellError(message("msel.persona_form"))
    if len(values) > 4:
        raise CellError(message("msel.persona_values", n=len(values)))
    data = {"id": parse_id(values[0], "persona_id"), "name": values[1].strip()}
    if len(values) > 2 and values[2].strip():
        data["role"] = parse_name(values[2], PersonaRole, {}, "persona_role").value
    if len(values) > 3 and values[3].strip():
        data["description"] = values[3].strip()
    return data

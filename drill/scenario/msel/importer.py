"""An MSEL spreadsheet (CSV) turned into a scenario file.

Reading happens in three passes so that every problem is found in one go: cells are read
row by row (bad times, unknown types, unknown kinds are reported with their row and column),
the rows are assembled into a scenario (ids are given to rows without one, rows sharing a
trigger are gathered), and the result is checked with the same models and cross-field checks
as a YAML file, with each problem led back to the row it came from.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from drill.errors import InputFileError
from drill.i18n import catalogue, message, messages_language
from drill.scenario.checks import scenario_problems
from drill.scenario.durations import format_duration, parse_duration
from drill.scenario.models import Scenario
from drill.scenario.msel.cells import CellError, TriggerSpec, condition_slug, slug
from drill.scenario.msel.columns import COLUMN_NAMES, ROW_TYPES, column_for
from drill.scenario.msel.reader import Record, read_sheet
from drill.scenario.msel.rows import (
    Collector,
    Item,
    MselProblem,
    TemplateRow,
    attach_templates,
    read_inject_row,
    read_stream_row,
    read_template_row,
)
from drill.scenario.msel.settings import convert, persona, resolve_key
from drill.scenario.msel.yamlout import scenario_yaml
from drill.validation import detail_message
from drill.yamlsource import Loc

DEFAULT_FOLLOWERS = 10_000
DURATION_MARGIN = 15 * 60


@dataclass
class ImportResult:
    yaml_text: str
    scenario: Scenario
    notes: list[str]
    """Things the trainer should know: assumed settings, ignored columns, generated ids."""


@dataclass
class _Trigger:
    trigger_id: str
    first_row: int
    spec: TriggerSpec | None = None
    fire: list[tuple[str, int]] = field(default_factory=list)
    then: list[Item] = field(default_factory=list)


def import_msel(text: str, path: str, *, overrides: dict[str, str] | None = None, modeline: str = "",
                source_name: str | None = None) -> ImportResult:
    """Parse an MSEL CSV; raise InputFileError listing every problem as `FILE:ROW: column: message`."""
    out = Collector()
    try:
        sheet = read_sheet(text)
    except csv.Error as error:
        raise InputFileError([message("msel.not_csv", path=path, problem=error)]) from None
    if sheet.header is None:
        raise InputFileError([message("msel.no_header", path=path, columns=", ".join(COLUMN_NAMES))])
    data, locs = _settings(sheet.settings, overrides or {}, out)
    starts = _starts(data)
    columns = _header(sheet.header, out)
    items: list[Item] = []
    streams: list[tuple[int, dict[str, Any], dict[Loc, tuple[int, str]]]] = []
    templates: list[TemplateRow] = []
    for record in sheet.rows:
        if record.blank or record.comment:
            continue
        cells = {name: record.cells[i].strip() for i, name in columns.items() if i < len(record.cells)}
        extra = [c for c in record.cells[len(sheet.header.cells):] if c.strip()]
        if extra:
            out.add(record.row, message("msel.past_last_column"),
                    catalogue(messages_language()).plural("msel.extra_values", len(extra)))
        row_type = cells.get("row_type", "").lower() or "inject"
        if row_type not in ROW_TYPES:
            out.add(record.row, "row_type", message("msel.unknown_row_type", value=cells["row_type"]))
        elif row_type == "inject":
            item = read_inject_row(record, cells, starts, out)
            if item is not None:
                items.append(item)
        elif row_type == "stream":
            parsed = read_stream_row(record, cells, starts, out)
            if parsed is not None:
                streams.append(parsed)
        else:
            template = read_template_row(record, cells, out)
            if template is not None:
                templates.append(template)
    injects, triggers = _assemble(items, out)
    stream_data = attach_templates(streams, templates, out)
    for section, entries in (("injects", [item.data for item in injects]), ("streams", [s for _, s, _ in streams]),
                             ("triggers", [_trigger_data(t) for t in triggers])):
        if entries:
            data[section] = entries
    for index, item in enumerate(injects):
        _shift(item.locs, ("injects", index), locs)
    for index, (_, _, stream_locs) in enumerate(streams):
        _shift(stream_locs, ("streams", index), locs)
    for loc, where in stream_data.items():
        locs[loc] = where
    for index, trigger in enumerate(triggers):
        locs[("triggers", index)] = (trigger.first_row, "trigger")
        for position, (_, row) in enumerate(trigger.fire):
            locs[("triggers", index, "fire", position)] = (row, "trigger")
        for position, item in enumerate(trigger.then):
            _shift(item.locs, ("triggers", index, "then", position), locs)
    _defaults(data, injects, path, source_name, out)
    if out.problems:
        # Settings are checked even when rows are wrong, so one run reports everything.
        _validate({k: v for k, v in data.items() if k not in ("injects", "streams", "triggers")}, locs, out,
                  report_missing=False)
        raise InputFileError([p.format(path) for p in _ordered(out.problems)])
    scenario = _validate(data, locs, out)
    if out.problems or scenario is None:
        raise InputFileError([p.format(path) for p in _ordered(out.problems)])
    yaml_text = scenario_yaml(data, modeline=modeline, source=source_name or path)
    return ImportResult(yaml_text, scenario, out.notes)


def _ordered(problems: list[MselProblem]) -> list[MselProblem]:
    return sorted(problems, key=lambda p: (p.row or 0))


# --- settings ------------------------------------------------------------------------------------


def _settings(records: list[Record], overrides: dict[str, str], out: Collector) -> tuple[dict[str, Any], dict]:
    data: dict[str, Any] = {}
    locs: dict[Loc, tuple[int, str]] = {}
    personas: list[dict[str, str]] = []
    for record in records:
        if record.blank or record.comment:
            continue
        raw_key = record.cells[0]
        values = _trim(record.cells[1:])
        if raw_key.strip().lower() == "persona":
            try:
                personas.append(persona(values))
                locs[("personas", len(personas) - 1)] = (record.row, "persona")
            except CellError as error:
                out.add(record.row, "persona", str(error))
            continue
        try:
            key = resolve_key(raw_key)
            value = convert(key, values)
        except CellError as error:
            out.add(record.row, raw_key.strip() or "(empty key)", str(error))
            continue
        _put(data, key, value)
        locs[tuple(key.split("."))] = (record.row, key)
    for raw_key, raw_value in overrides.items():
        option = f"--{raw_key.replace('.', '-').replace('_', '-')}"
        try:
            key = resolve_key(raw_key)
            _put(data, key, convert(key, [raw_value]))
        except CellError as error:
            out.add(None, option, str(error))
            continue
        locs[tuple(key.split("."))] = (0, option)
    if personas:
        data["personas"] = personas
    return data, locs


def _trim(values: list[str]) -> list[str]:
    values = [v.strip() for v in values]
    while values and not values[-1]:
        values.pop()
    return values


def _put(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _starts(data: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(data["starts"]) if "starts" in data else None
    except (TypeError, ValueError):
        return None


def _header(header: Record, out: Collector) -> dict[int, str]:
    columns: dict[int, str] = {}
    seen: dict[str, str] = {}
    for index, cell in enumerate(header.cells):
        if not cell.strip():
            continue
        name = column_for(cell)
        if name is None:
            out.notes.append(message("msel.unused_column", name=cell.strip()))
            continue
        if name in seen:
            out.add(header.row, cell.strip(), message("msel.same_column", other=seen[name], name=name))
            continue
        seen[name] = cell.strip()
        columns[index] = name
    return columns


# --- putting rows together ---------------------------------------------------------------------


def _assemble(items: list[Item], out: Collector) -> tuple[list[Item], list[_Trigger]]:
    taken = {item.inject_id for item in items if item.inject_id}
    triggers: dict[str, _Trigger] = {}
    for item in items:
        for spec in item.triggers:
            trigger_id = spec.trigger_id or condition_slug(spec)
            trigger = triggers.setdefault(trigger_id, _Trigger(trigger_id, item.row))
            if spec.written_in_full:
                if trigger.spec is None:
                    trigger.spec = spec
                elif (trigger.spec.when, trigger.spec.after, trigger.spec.repeat) != (spec.when, spec.after, spec.repeat):
                    out.add(item.row, "trigger", message("msel.trigger_differs", id=trigger_id, row=trigger.first_row))
    taken |= set(triggers)
    generated = []
    for item in items:
        if item.needs_id:
            base = slug(item.data.get("text", "")) or f"row-{item.row}"
            candidate, number = base, 2
            while candidate in taken:
                candidate, number = f"{base}-{number}", number + 1
            taken.add(candidate)
            item.inject_id = item.data["id"] = candidate
            generated.append(message("msel.row_id", row=item.row, id=candidate))
    if generated:
        out.notes.append(message("msel.generated_ids", ids=", ".join(generated)))
    injects = []
    for item in items:
        for spec in item.triggers:
            trigger = triggers[spec.trigger_id or condition_slug(spec)]
            if item.inject_id is not None and "id" in item.data:
                trigger.fire.append((item.inject_id, item.row))
            else:
                trigger.then.append(item)
        if "id" in item.data:
            injects.append(item)
    for trigger in triggers.values():
        if trigger.spec is None:
            out.add(trigger.first_row, "trigger", message("msel.trigger_never_written", id=trigger.trigger_id))
    return injects, list(triggers.values())


def _trigger_data(trigger: _Trigger) -> dict[str, Any]:
    data: dict[str, Any] = {"id": trigger.trigger_id}
    spec = trigger.spec
    when: dict[str, Any] = {}
    if spec is not None:
        for key, value in spec.when:
            if key in ("no_official_post_by", "within") and isinstance(value, int):
                when[key] = format_duration(value)
            else:
                when[key] = value
    data["when"] = when
    if spec is not None and spec.after:
        data["after"] = format_duration(spec.after)
    if trigger.fire:
        data["fire"] = [inject_id for inject_id, _ in trigger.fire]
    if trigger.then:
        data["then"] = [item.data for item in trigger.then]
    if spec is not None and spec.repeat:
        data["repeat"] = True
    return data


def _shift(item_locs: dict[Loc, tuple[int, str]], prefix: Loc, locs: dict[Loc, tuple[int, str]]) -> None:
    for loc, where in item_locs.items():
        locs[(*prefix, *loc)] = where


# --- defaults and checking ---------------------------------------------------------------------


def _defaults(data: dict[str, Any], injects: list[Item], path: str, source_name: str | None, out: Collector) -> None:
    """Fill what an MSEL rarely says; refuse to guess the title, the municipality and the start."""
    assumed = []
    needed = (("title", "title", "--title"), ("municipality.name", "municipality", "--municipality"),
              ("starts", "starts", "--starts"))
    for dotted, key, option in needed:
        node: Any = data
        for part in dotted.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if not node:
            out.add(None, key, message("msel.not_given", setting=key, option=option))
    if "id" not in data:
        name = source_name or path
        data["id"] = slug(str(data.get("title") or name.rsplit("/", 1)[-1].rsplit(".", 1)[0]), 64) or "scenario"
        assumed.append(message("msel.assumed.id", value=data["id"]))
    if "kind" not in data:
        data["kind"] = "crisis"
        assumed.append(message("msel.assumed.kind"))
    municipality = data.setdefault("municipality", {})
    if "followers" not in municipality:
        municipality["followers"] = DEFAULT_FOLLOWERS
        assumed.append(message("msel.assumed.followers", value=DEFAULT_FOLLOWERS))
    if "duration" not in data:
        ends = [i.at for i in injects if i.at is not None]
        ends += [_seconds(s.get("to")) for s in data.get("streams", [])]
        latest = max(ends, default=0) + DURATION_MARGIN
        quarter = 15 * 60
        data["duration"] = format_duration(-(-latest // quarter) * quarter)
        assumed.append(message("msel.assumed.duration", value=data["duration"]))
    if assumed:
        out.notes.append(message("msel.assumed", assumed="; ".join(assumed)))


def _seconds(value: Any) -> int:
    try:
        return parse_duration(value)
    except ValueError:
        return 0


def _validate(data: dict[str, Any], locs: dict[Loc, tuple[int, str]], out: Collector, *,
              report_missing: bool = True) -> Scenario | None:
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            if detail["type"] == "missing" and not report_missing:
                continue
            row, column = _where(tuple(detail["loc"]), locs)
            out.add(row, column, detail_message(detail))
        return None
    for problem in scenario_problems(scenario):
        row, column = _where(problem.loc, locs)
        out.add(row, column, _rows_named(problem.message, locs))
    return scenario


def _rows_named(text: str, locs: dict[Loc, tuple[int, str]]) -> str:
    """`(first in injects[0])` means little in a spreadsheet; `(first in row 7)` does."""
    def row_of(match: re.Match[str]) -> str:
        found = locs.get((match.group(1), int(match.group(2))))
        return message("msel.row", row=found[0]) if found and found[0] else match.group(0)

    return re.sub(r"\b(injects|streams|triggers|personas)\[(\d+)\]", row_of, text)


def _where(loc: Loc, locs: dict[Loc, tuple[int, str]]) -> tuple[int | None, str]:
    for depth in range(len(loc), -1, -1):
        found = locs.get(tuple(loc[:depth]))
        if found:
            row, column = found
            return (row or None), column
    return None, ".".join(str(p) for p in loc) or message("msel.scenario_column")

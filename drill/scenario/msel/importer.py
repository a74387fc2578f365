"""An MSEL spreadsheet (CSV) turned into a scenario file.

Reading happens in three passes so that every problem is found in one go: cells are read
row by row (bad times, unknown types, unknown kinds are reported with their row and column),
the rows are assembled into a scenario (ids are given to rows without one, rows sharing a
trigger are gathered), and the result is checked with the same models and cross-field checks
as a YAML file, with each problem led back to the row it came from.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from drill.errors import InputFileError
from drill.scenario.checks import scenario_problems
from drill.scenario.durations import format_duration, parse_duration
from drill.scenario.loader import parse_scenario
from drill.scenario.models import Channel, DeletionReason, ItemKind, Labels, Scenario
from drill.scenario.msel.cells import (
    CHANNEL_ALIASES,
    KIND_ALIASES,
    CellError,
    ClockTime,
    TriggerSpec,
    condition_slug,
    offset_seconds,
    parse_bool,
    parse_driven_by,
    parse_id,
    parse_mix,
    parse_name,
    parse_probability,
    parse_rate,
    parse_time,
    parse_triggers,
    parse_whole,
    slug,
)
from drill.scenario.msel.columns import (
    COLUMN_NAMES,
    INJECT_ONLY_NOT,
    LABEL_FLAGS,
    ROW_TYPES,
    STREAM_COLUMNS,
    TEMPLATE_COLUMNS,
    column_for,
)
from drill.scenario.msel.reader import Record, read_sheet
from drill.scenario.msel.settings import convert, persona, resolve_key
from drill.scenario.msel.yamlout import scenario_yaml
from drill.yamlsource import Loc

DEFAULT_FOLLOWERS = 10_000
DURATION_MARGIN = 15 * 60


@dataclass(frozen=True)
class MselProblem:
    row: int | None
    column: str
    message: str

    def format(self, path: str) -> str:
        where = f"{path}:{self.row}" if self.row is not None else path
        return f"{where}: {self.column}: {self.message}"


@dataclass
class ImportResult:
    yaml_text: str
    scenario: Scenario
    notes: list[str]
    """Things the trainer should know: assumed settings, ignored columns, generated ids."""


@dataclass
class _Item:
    """One inject row, or one item written for a trigger (`then`)."""

    row: int
    data: dict[str, Any]
    locs: dict[Loc, tuple[int, str]]
    inject_id: str | None
    needs_id: bool
    at: int | None
    triggers: list[TriggerSpec]


@dataclass
class _Trigger:
    trigger_id: str
    first_row: int
    spec: TriggerSpec | None = None
    fire: list[tuple[str, int]] = field(default_factory=list)
    then: list[_Item] = field(default_factory=list)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[MselProblem] = []
        self.notes: list[str] = []

    def add(self, row: int | None, column: str, message: str) -> None:
        self.problems.append(MselProblem(row, column, message))


def import_msel(text: str, path: str, *, overrides: dict[str, str] | None = None, modeline: str = "",
                source_name: str | None = None) -> ImportResult:
    """Parse an MSEL CSV; raise InputFileError listing every problem as `FILE:ROW: column: message`."""
    out = _Collector()
    try:
        sheet = read_sheet(text)
    except csv.Error as error:
        raise InputFileError([f"{path}: cannot read the file as CSV ({error})."]) from None
    if sheet.header is None:
        raise InputFileError([
            f"{path}: no column header row found: the table needs a row naming its columns, with at least "
            f"'message' and one of 'time' or 'id' (drill's columns: {', '.join(COLUMN_NAMES)})."
        ])
    data, locs = _settings(sheet.settings, overrides or {}, out)
    starts = _starts(data)
    columns = _header(sheet.header, out)
    items: list[_Item] = []
    streams: list[tuple[int, dict[str, Any], dict[Loc, tuple[int, str]]]] = []
    templates: list[tuple[int, str, str, str]] = []
    for record in sheet.rows:
        if record.blank or record.comment:
            continue
        cells = {name: record.cells[i].strip() for i, name in columns.items() if i < len(record.cells)}
        extra = [c for c in record.cells[len(sheet.header.cells):] if c.strip()]
        if extra:
            out.add(record.row, "(past the last column)", f"{len(extra)} value(s) without a column heading.")
        row_type = cells.get("row_type", "").lower() or "inject"
        if row_type not in ROW_TYPES:
            out.add(record.row, "row_type", f"Unknown row type {cells['row_type']!r}; use inject, stream or template.")
        elif row_type == "inject":
            item = _inject_row(record, cells, starts, out)
            if item is not None:
                items.append(item)
        elif row_type == "stream":
            parsed = _stream_row(record, cells, starts, out)
            if parsed is not None:
                streams.append(parsed)
        else:
            template = _template_row(record, cells, out)
            if template is not None:
                templates.append(template)
    injects, triggers = _assemble(items, out)
    stream_data = _attach_templates(streams, templates, out)
    data["injects"] = [item.data for item in injects]
    data["streams"] = [s for _, s, _ in streams]
    data["triggers"] = [_trigger_data(t) for t in triggers]
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
        raise InputFileError([p.format(path) for p in _ordered(out.problems)])
    scenario = _validate(data, locs, out)
    if out.problems or scenario is None:
        raise InputFileError([p.format(path) for p in _ordered(out.problems)])
    yaml_text = scenario_yaml(data, modeline=modeline, source=source_name or path)
    # The file written must load exactly as checked here; anything else is a bug, not user input.
    parse_scenario(yaml_text, "(imported scenario)")
    return ImportResult(yaml_text, scenario, out.notes)


def _ordered(problems: list[MselProblem]) -> list[MselProblem]:
    return sorted(problems, key=lambda p: (p.row or 0))


# --- settings ------------------------------------------------------------------------------------


def _settings(records: list[Record], overrides: dict[str, str], out: _Collector) -> tuple[dict[str, Any], dict]:
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


def _header(header: Record, out: _Collector) -> dict[int, str]:
    columns: dict[int, str] = {}
    seen: dict[str, str] = {}
    for index, cell in enumerate(header.cells):
        if not cell.strip():
            continue
        name = column_for(cell)
        if name is None:
            out.notes.append(f"Column '{cell.strip()}' is not one drill uses; it was left out.")
            continue
        if name in seen:
            out.add(header.row, cell.strip(), f"Names the same column as '{seen[name]}' ({name}); keep one of them.")
            continue
        seen[name] = cell.strip()
        columns[index] = name
    return columns


# --- rows ----------------------------------------------------------------------------------------


def _time(cells: dict[str, str], starts: datetime | None, record: Record, out: _Collector,
          column: str = "time") -> int | None:
    """The row's time from `time` and/or `clock`; both given must agree."""
    offset = None
    if cells.get(column):
        try:
            offset = offset_seconds(parse_time(cells[column]), starts)
        except CellError as error:
            out.add(record.row, column, str(error))
            return None
    if column == "time" and cells.get("clock"):
        try:
            parsed = parse_time(cells["clock"])
            if not isinstance(parsed, ClockTime):
                raise CellError(f"Must be a clock time such as 11:07; got {cells['clock']!r}.")
            clock = offset_seconds(parsed, starts)
        except CellError as error:
            out.add(record.row, "clock", str(error))
            return offset
        if offset is None:
            return clock
        if clock != offset:
            out.add(record.row, "clock", f"{cells['clock']} does not match the time {cells['time']}; "
                    "correct one of them or leave the clock empty.")
    return offset


def _unused(record: Record, cells: dict[str, str], allowed: frozenset[str], row_type: str, out: _Collector) -> None:
    for name, value in cells.items():
        if value and name not in allowed and name != "to":
            out.add(record.row, name, f"Not used for {row_type} rows; leave it empty.")


def _inject_row(record: Record, cells: dict[str, str], starts: datetime | None, out: _Collector) -> _Item | None:
    before = len(out.problems)
    _unused(record, cells, frozenset(COLUMN_NAMES) - INJECT_ONLY_NOT, "inject", out)
    at = _time(cells, starts, record, out)
    content: dict[str, Any] = {}
    locs: dict[Loc, tuple[int, str]] = {(): (record.row, "id")}
    inject_id = None
    if cells.get("id"):
        try:
            inject_id = parse_id(cells["id"])
        except CellError as error:
            out.add(record.row, "id", str(error))
    if cells.get("inject_type"):
        try:
            channel = parse_name(cells["inject_type"], Channel, CHANNEL_ALIASES, "inject type")
            if channel != Channel.comment:
                content["type"] = channel.value
        except CellError as error:
            out.add(record.row, "inject_type", str(error))
    if cells.get("from"):
        content["from"] = cells["from"]
    if cells.get("thread"):
        try:
            content["thread"] = parse_id(cells["thread"], "inject id")
        except CellError as error:
            out.add(record.row, "thread", str(error))
    if cells.get("message"):
        content["text"] = cells["message"]
    else:
        out.add(record.row, "message", "Every inject needs a message: the text the team sees.")
    labels = _labels(record, cells, out)
    if labels is not None:
        content["labels"] = labels
    spread = _spread(record, cells, out)
    if spread is not None:
        content["spread"] = spread
    for column, key in (("expected_action", "expected_action"), ("objective", "objective"), ("notes", "note")):
        if cells.get(column):
            content[key] = cells[column]
    triggers: list[TriggerSpec] = []
    if cells.get("trigger"):
        try:
            triggers = parse_triggers(cells["trigger"])
        except CellError as error:
            out.add(record.row, "trigger", str(error))
    if at is not None and triggers:
        out.add(record.row, "trigger", "An item with a time cannot also wait for a trigger: clear the time or the trigger.")
    if triggers and inject_id is None and len(triggers) > 1:
        out.add(record.row, "trigger", "Give the row an id to let several triggers post it.")
    for key, column in (("type", "inject_type"), ("from", "from"), ("thread", "thread"), ("text", "message"),
                        ("labels", "kind"), ("spread", "share_probability"), ("expected_action", "expected_action"),
                        ("objective", "objective"), ("note", "notes"), ("at", "time"), ("id", "id")):
        locs[(key,)] = (record.row, column)
    for flag in (*LABEL_FLAGS, "deletion_reason"):
        locs[("labels", flag)] = (record.row, flag)
    locs[("spread", "seeds")] = (record.row, "spread_seeds")
    locs[("spread", "influential")] = (record.row, "spread_influential")
    if len(out.problems) > before:
        return None
    is_then = bool(triggers) and inject_id is None
    data: dict[str, Any] = {}
    if not is_then:
        data["id"] = inject_id
        if at is not None:
            data["at"] = format_duration(at)
    data.update(content)
    return _Item(record.row, data, locs, inject_id, needs_id=not is_then and inject_id is None, at=at, triggers=triggers)


def _labels(record: Record, cells: dict[str, str], out: _Collector) -> dict[str, Any] | None:
    given: dict[str, Any] = {}
    for flag in LABEL_FLAGS:
        if cells.get(flag):
            try:
                given[flag] = parse_bool(cells[flag])
            except CellError as error:
                out.add(record.row, flag, str(error))
    if cells.get("deletion_reason"):
        try:
            given["deletion_reason"] = parse_name(cells["deletion_reason"], DeletionReason, {}, "deletion reason").value
        except CellError as error:
            out.add(record.row, "deletion_reason", str(error))
    if not cells.get("kind"):
        if given:
            out.add(record.row, "kind", "Say what the item is (question, complaint, rumour, ...) when you fill in its labels.")
        return None
    try:
        kind = parse_name(cells["kind"], ItemKind, KIND_ALIASES, "kind")
    except CellError as error:
        out.add(record.row, "kind", str(error))
        return None
    return _minimal_labels(kind, given)


def _minimal_labels(kind: ItemKind, given: dict[str, Any]) -> dict[str, Any]:
    """Only the labels that differ from what the kind implies, so the YAML stays short."""
    labels: dict[str, Any] = {"kind": kind.value, **given}
    try:
        target = Labels.model_validate(labels)
    except ValidationError:
        return labels  # reported with its row when the whole scenario is checked
    for key in list(given):
        trial = {k: v for k, v in labels.items() if k != key}
        if Labels.model_validate(trial) == target:
            labels = trial
    return labels


def _spread(record: Record, cells: dict[str, str], out: _Collector) -> dict[str, Any] | None:
    if not any(cells.get(c) for c in ("share_probability", "spread_seeds", "spread_influential")):
        return None
    spread: dict[str, Any] = {}
    readers = (("share_probability", "share_probability", parse_probability), ("spread_seeds", "seeds", parse_whole),
               ("spread_influential", "influential", parse_bool))
    for column, key, reader in readers:
        if cells.get(column):
            try:
                spread[key] = reader(cells[column])
            except CellError as error:
                out.add(record.row, column, str(error))
    if spread.get("seeds") == 1:
        del spread["seeds"]
    if spread.get("influential") is False:
        del spread["influential"]
    return spread


def _stream_row(record: Record, cells: dict[str, str], starts: datetime | None,
                out: _Collector) -> tuple[int, dict[str, Any], dict[Loc, tuple[int, str]]] | None:
    before = len(out.problems)
    _unused(record, cells, STREAM_COLUMNS, "stream", out)
    stream: dict[str, Any] = {}
    for column in ("id", "time", "until", "rate", "mix"):
        if not cells.get(column):
            out.add(record.row, column, "A stream needs this: " + {
                "id": "a name such as 'questions'.",
                "time": "when it starts (T+02:00).",
                "until": "when it stops (T+90:00).",
                "rate": "how many comments per minute ('2/min' or 'peak 5/min at 20m').",
                "mix": "the kinds of comment ('question 60%, complaint 40%').",
            }[column])
    try:
        if cells.get("id"):
            stream["id"] = parse_id(cells["id"], "stream id")
    except CellError as error:
        out.add(record.row, "id", str(error))
    start = _time(cells, starts, record, out) if cells.get("time") else None
    end = _time(cells, starts, record, out, column="until") if cells.get("until") else None
    if start is not None:
        stream["from"] = format_duration(start)
    if end is not None:
        stream["to"] = format_duration(end)
    for column, reader, key in (("rate", parse_rate, "rate"), ("mix", parse_mix, "mix")):
        if cells.get(column):
            try:
                value = reader(cells[column])
                if key == "rate" and "peak_at" in value:
                    value["peak_at"] = format_duration(int(value["peak_at"]))
                if key == "mix":
                    value = {k.value: v for k, v in value.items()}
                stream[key] = value
            except CellError as error:
                out.add(record.row, column, str(error))
    if cells.get("thread"):
        try:
            stream["thread"] = parse_id(cells["thread"], "inject id")
        except CellError as error:
            out.add(record.row, "thread", str(error))
    if cells.get("driven_by"):
        try:
            driver, per_thousand = parse_driven_by(cells["driven_by"])
            stream["driven_by"] = driver
            if per_thousand is not None:
                stream["per_thousand_reached"] = per_thousand
        except CellError as error:
            out.add(record.row, "driven_by", str(error))
    if len(out.problems) > before:
        return None
    locs: dict[Loc, tuple[int, str]] = {(): (record.row, "id")}
    for key, column in (("id", "id"), ("from", "time"), ("to", "until"), ("rate", "rate"), ("mix", "mix"),
                        ("thread", "thread"), ("driven_by", "driven_by"), ("per_thousand_reached", "driven_by")):
        locs[(key,)] = (record.row, column)
    return record.row, stream, locs


def _template_row(record: Record, cells: dict[str, str], out: _Collector) -> tuple[int, str, str, str] | None:
    before = len(out.problems)
    _unused(record, cells, TEMPLATE_COLUMNS, "template", out)
    stream_id = kind = ""
    if not cells.get("id"):
        out.add(record.row, "id", "Say which stream the text belongs to (the stream's id).")
    else:
        stream_id = cells["id"]
    if not cells.get("kind"):
        out.add(record.row, "kind", "Say which kind of comment the text is (question, complaint, ...).")
    else:
        try:
            kind = parse_name(cells["kind"], ItemKind, KIND_ALIASES, "kind").value
        except CellError as error:
            out.add(record.row, "kind", str(error))
    if not cells.get("message"):
        out.add(record.row, "message", "A template row needs the comment text.")
    if len(out.problems) > before:
        return None
    return record.row, stream_id, kind, cells["message"]


def _attach_templates(streams: list[tuple[int, dict[str, Any], dict]], templates: list[tuple[int, str, str, str]],
                      out: _Collector) -> dict[Loc, tuple[int, str]]:
    by_id = {s.get("id"): index for index, (_, s, _) in enumerate(streams)}
    locs: dict[Loc, tuple[int, str]] = {}
    for row, stream_id, kind, text in templates:
        index = by_id.get(stream_id)
        if index is None:
            known = ", ".join(str(k) for k in by_id if k) or "none"
            out.add(row, "id", f"No stream has the id '{stream_id}' (streams: {known}).")
            continue
        texts = streams[index][1].setdefault("templates", {}).setdefault(kind, [])
        texts.append(text)
        locs[("streams", index, "templates", kind, len(texts) - 1)] = (row, "message")
    return locs


# --- putting rows together ---------------------------------------------------------------------


def _assemble(items: list[_Item], out: _Collector) -> tuple[list[_Item], list[_Trigger]]:
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
                    out.add(item.row, "trigger", f"Trigger '{trigger_id}' is written differently on row {trigger.first_row}; "
                            "write it the same way on every row, or only its id.")
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
            generated.append(f"row {item.row} → {candidate}")
    if generated:
        out.notes.append("Rows without an id got one from their message: " + ", ".join(generated) + ".")
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
            out.add(trigger.first_row, "trigger", f"Trigger '{trigger.trigger_id}' is named but its condition is never "
                    f"written: write it in full on one row, e.g. '{trigger.trigger_id}: no_official_post_by 15m'.")
    return injects, list(triggers.values())


def _trigger_data(trigger: _Trigger) -> dict[str, Any]:
    data: dict[str, Any] = {"id": trigger.trigger_id}
    spec = trigger.spec
    when: dict[str, Any] = {}
    if spec is not None:
        for key, value in spec.when:
            is_duration = key in ("no_official_post_by", "within") and isinstance(value, int)
            when[key] = format_duration(value) if is_duration else value  # type: ignore[arg-type]
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


def _defaults(data: dict[str, Any], injects: list[_Item], path: str, source_name: str | None, out: _Collector) -> None:
    """Fill what an MSEL rarely says; refuse to guess the title, the municipality and the start."""
    assumed = []
    needed = (("title", "title", "--title"), ("municipality.name", "municipality", "--municipality"),
              ("starts", "starts", "--starts"))
    for dotted, key, option in needed:
        node: Any = data
        for part in dotted.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if not node:
            out.add(None, key, f"Not given: add a row '{key};…' above the table, or use {option}.")
    if "id" not in data:
        name = source_name or path
        data["id"] = slug(str(data.get("title") or name.rsplit("/", 1)[-1].rsplit(".", 1)[0]), 64) or "scenario"
        assumed.append(f"id {data['id']}")
    if "kind" not in data:
        data["kind"] = "crisis"
        assumed.append("kind crisis")
    municipality = data.setdefault("municipality", {})
    if "followers" not in municipality:
        municipality["followers"] = DEFAULT_FOLLOWERS
        assumed.append(f"followers {DEFAULT_FOLLOWERS}")
    if "duration" not in data:
        ends = [i.at for i in injects if i.at is not None]
        ends += [_seconds(s.get("to")) for s in data.get("streams", [])]
        latest = max(ends, default=0) + DURATION_MARGIN
        quarter = 15 * 60
        data["duration"] = format_duration(-(-latest // quarter) * quarter)
        assumed.append(f"duration {data['duration']} (the last item plus at least 15 minutes)")
    if assumed:
        out.notes.append("Not given in the file, so assumed: " + "; ".join(assumed) + ".")


def _seconds(value: Any) -> int:
    try:
        return parse_duration(value)
    except ValueError:
        return 0


def _validate(data: dict[str, Any], locs: dict[Loc, tuple[int, str]], out: _Collector) -> Scenario | None:
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            row, column = _where(tuple(detail["loc"]), locs)
            message = str(detail["msg"]).removeprefix("Value error, ").rstrip(".") + "."
            out.add(row, column, message)
        return None
    for problem in scenario_problems(scenario):
        row, column = _where(problem.loc, locs)
        out.add(row, column, problem.message)
    return scenario


def _where(loc: Loc, locs: dict[Loc, tuple[int, str]]) -> tuple[int | None, str]:
    for depth in range(len(loc), -1, -1):
        found = locs.get(tuple(loc[:depth]))
        if found:
            row, column = found
            return (row or None), column
    return None, ".".join(str(p) for p in loc) or "(scenario)"

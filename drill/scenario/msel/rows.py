"""Reading one row of the MSEL table: an inject, a comment stream, or a stream's template text.

Each reader checks every cell of its row and reports each bad cell with its row and column,
so a trainer sees all mistakes of a sheet at once. A row with a problem yields nothing, and
the importer stops before checking the assembled scenario, so a half-read row never causes
confusing follow-on errors elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from drill.i18n import message
from drill.scenario.durations import format_duration
from drill.scenario.models import Channel, DeletionReason, ItemKind, Labels
from drill.scenario.msel.cells import (
    CHANNEL_ALIASES,
    KIND_ALIASES,
    CellError,
    ClockTime,
    TriggerSpec,
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
)
from drill.scenario.msel.columns import COLUMN_NAMES, INJECT_ONLY_NOT, LABEL_FLAGS, STREAM_COLUMNS, TEMPLATE_COLUMNS
from drill.scenario.msel.reader import Record
from drill.yamlsource import Loc


@dataclass(frozen=True)
class MselProblem:
    row: int | None
    column: str
    message: str

    def format(self, path: str) -> str:
        where = f"{path}:{self.row}" if self.row is not None else path
        return f"{where}: {self.column}: {self.message}"


@dataclass
class Item:
    """One inject row, or one item written for a trigger (`then`)."""

    row: int
    data: dict[str, Any]
    locs: dict[Loc, tuple[int, str]]
    inject_id: str | None
    needs_id: bool
    at: int | None
    triggers: list[TriggerSpec]


class Collector:
    """Problems (row, column, message) and notes gathered while reading a sheet."""

    def __init__(self) -> None:
        self.problems: list[MselProblem] = []
        self.notes: list[str] = []

    def add(self, row: int | None, column: str, message: str) -> None:
        self.problems.append(MselProblem(row, column, message))


def _time(cells: dict[str, str], starts: datetime | None, record: Record, out: Collector,
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
                raise CellError(message("msel.must_clock", value=cells["clock"]))
            clock = offset_seconds(parsed, starts)
        except CellError as error:
            out.add(record.row, "clock", str(error))
            return offset
        if offset is None:
            return clock
        if clock != offset:
            out.add(record.row, "clock", message("msel.clock_mismatch", clock=cells["clock"], time=cells["time"]))
    return offset


def _unused(record: Record, cells: dict[str, str], allowed: frozenset[str], row_type: str, out: Collector) -> None:
    for name, value in cells.items():
        if value and name not in allowed and name != "to":
            out.add(record.row, name, message("msel.not_used", row_type=row_type))


def read_inject_row(record: Record, cells: dict[str, str], starts: datetime | None, out: Collector) -> Item | None:
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
            channel = parse_name(cells["inject_type"], Channel, CHANNEL_ALIASES, "inject_type")
            if channel != Channel.comment:
                content["type"] = channel.value
        except CellError as error:
            out.add(record.row, "inject_type", str(error))
    if cells.get("from"):
        content["from"] = cells["from"]
    if cells.get("thread"):
        try:
            content["thread"] = parse_id(cells["thread"], "inject_id")
        except CellError as error:
            out.add(record.row, "thread", str(error))
    if cells.get("message"):
        content["text"] = cells["message"]
    else:
        out.add(record.row, "message", message("msel.needs_message"))
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
        out.add(record.row, "trigger", message("msel.time_and_trigger"))
    if triggers and inject_id is None and len(triggers) > 1:
        out.add(record.row, "trigger", message("msel.several_triggers"))
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
    return Item(record.row, data, locs, inject_id, needs_id=not is_then and inject_id is None, at=at, triggers=triggers)


def _labels(record: Record, cells: dict[str, str], out: Collector) -> dict[str, Any] | None:
    given = _label_flags(record, cells, out)
    if not cells.get("kind"):
        if given:
            out.add(record.row, "kind", message("msel.say_kind"))
        return None
    try:
        kind = parse_name(cells["kind"], ItemKind, KIND_ALIASES, "kind")
    except CellError as error:
        out.add(record.row, "kind", str(error))
        return None
    return _minimal_labels(kind, given)


def _label_flags(record: Record, cells: dict[str, str], out: Collector) -> dict[str, Any]:
    """The label columns filled in on a row (yes/no flags and the deletion reason)."""
    given: dict[str, Any] = {}
    for flag in LABEL_FLAGS:
        if cells.get(flag):
            try:
                given[flag] = parse_bool(cells[flag])
            except CellError as error:
                out.add(record.row, flag, str(error))
    if cells.get("deletion_reason"):
        try:
            given["deletion_reason"] = parse_name(cells["deletion_reason"], DeletionReason, {}, "deletion_reason").value
        except CellError as error:
            out.add(record.row, "deletion_reason", str(error))
    return given


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


def _spread(record: Record, cells: dict[str, str], out: Collector) -> dict[str, Any] | None:
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


def read_stream_row(record: Record, cells: dict[str, str], starts: datetime | None,
                out: Collector) -> tuple[int, dict[str, Any], dict[Loc, tuple[int, str]]] | None:
    before = len(out.problems)
    _unused(record, cells, STREAM_COLUMNS, "stream", out)
    stream: dict[str, Any] = {}
    for column in ("id", "time", "until", "rate", "mix"):
        if not cells.get(column):
            out.add(record.row, column, message(f"msel.stream_needs.{column}"))
    try:
        if cells.get("id"):
            stream["id"] = parse_id(cells["id"], "stream_id")
    except CellError as error:
        out.add(record.row, "id", str(error))
    start = _time(cells, starts, record, out) if cells.get("time") else None
    end = _time(cells, starts, record, out, column="until") if cells.get("until") else None
    if start is not None:
        stream["from"] = format_duration(start)
    if end is not None:
        stream["to"] = format_duration(end)
    if cells.get("rate"):
        try:
            rate: dict[str, float | str] = dict(parse_rate(cells["rate"]))
            if "peak_at" in rate:
                rate["peak_at"] = format_duration(int(rate["peak_at"]))
            stream["rate"] = rate
        except CellError as error:
            out.add(record.row, "rate", str(error))
    if cells.get("mix"):
        try:
            stream["mix"] = {kind.value: share for kind, share in parse_mix(cells["mix"]).items()}
        except CellError as error:
            out.add(record.row, "mix", str(error))
    if cells.get("thread"):
        try:
            stream["thread"] = parse_id(cells["thread"], "inject_id")
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


TemplateRow = tuple[int, str, str, str, dict[str, Any]]


def read_template_row(record: Record, cells: dict[str, str], out: Collector) -> TemplateRow | None:
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
    hints = _label_flags(record, cells, out)
    if len(out.problems) > before:
        return None
    return record.row, stream_id, kind, cells["message"], hints


def attach_templates(streams: list[tuple[int, dict[str, Any], dict]], templates: list[TemplateRow],
                      out: Collector) -> dict[Loc, tuple[int, str]]:
    by_id = {s.get("id"): index for index, (_, s, _) in enumerate(streams)}
    locs: dict[Loc, tuple[int, str]] = {}
    for row, stream_id, kind, text, hints in templates:
        index = by_id.get(stream_id)
        if index is None:
            known = ", ".join(str(k) for k in by_id if k) or message("msel.none")
            out.add(row, "id", message("msel.no_stream", id=stream_id, known=known))
            continue
        texts = streams[index][1].setdefault("templates", {}).setdefault(kind, [])
        texts.append({"text": text, "labels": hints} if hints else text)
        locs[("streams", index, "templates", kind, len(texts) - 1)] = (row, "message")
    return locs

"""A scenario as an MSEL spreadsheet (CSV) that `drill import-msel` reads back unchanged.

Layout: a settings block (one `key;value` row per scenario setting, personas as
`persona;id;name;role;description`), an empty row, the column header, then the rows in the
order a controller reads them: timed injects by time, what each trigger posts, injects nothing
posts, and finally the comment streams each followed by their template texts.

Written for Excel as it is set up in Norway by default: semicolons, decimal commas and a UTF-8
byte-order mark (without it Excel shows æøå as garbage). `delimiter=","` gives the
international variant with decimal points.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from drill.scenario.models import Channel, Inject, InjectContent, Scenario, Stream, Template, template_text, Trigger
from drill.scenario.msel.cells import (
    format_bool,
    format_clock,
    format_driven_by,
    format_mix,
    format_number,
    format_offset,
    format_rate,
    format_trigger,
    guard_formula,
)
from drill.scenario.msel.columns import COLUMN_NAMES
from drill.scenario.timeline import clock_time, firing_triggers, timed_injects

_SECTIONS = ("injects", "streams", "triggers", "personas")


def export_msel(scenario: Scenario, *, delimiter: str = ";") -> str:
    decimal_comma = delimiter == ";"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in settings_rows(scenario, decimal_comma=decimal_comma):
        writer.writerow([guard_formula(cell) for cell in row])
    writer.writerow([])
    writer.writerow(COLUMN_NAMES)
    for record in table_rows(scenario, decimal_comma=decimal_comma):
        writer.writerow([guard_formula(record.get(name, "")) for name in COLUMN_NAMES])
    return "\ufeff" + out.getvalue()


# --- settings block ----------------------------------------------------------------------------


def settings_rows(scenario: Scenario, *, decimal_comma: bool) -> list[list[str]]:
    """Every setting that differs from its default, as `dotted.key;value[;value...]` rows."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for section in _SECTIONS:
        data.pop(section, None)
    rows: list[list[str]] = []
    _flatten(data, "", rows, decimal_comma)
    for persona in scenario.personas:
        rows.append(["persona", persona.id, persona.name, persona.role.value, persona.description])
    return rows


def _flatten(value: Any, key: str, rows: list[list[str]], decimal_comma: bool) -> None:
    if isinstance(value, dict):
        for name, inner in value.items():
            _flatten(inner, f"{key}.{name}" if key else name, rows, decimal_comma)
    elif isinstance(value, list):
        rows.append([key, *(_scalar(v, decimal_comma) for v in value)])
    else:
        rows.append([key, _scalar(value, decimal_comma)])


def _scalar(value: Any, decimal_comma: bool) -> str:
    if isinstance(value, bool):
        return format_bool(value)
    if isinstance(value, float):
        return format_number(value, decimal_comma=decimal_comma)
    return str(value)


# --- the table ---------------------------------------------------------------------------------


def table_rows(scenario: Scenario, *, decimal_comma: bool) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    written: set[str] = set()
    for inject in timed_injects(scenario):
        rows.append(_item_row(scenario, inject, inject.id, decimal_comma))
        written.add(inject.id)
    for trigger in scenario.triggers:
        for ref in trigger.fire:
            fired = scenario.inject(ref)
            if fired is not None and fired.id not in written:
                rows.append(_item_row(scenario, fired, fired.id, decimal_comma))
                written.add(fired.id)
        for content in trigger.then:
            row = _item_row(scenario, content, None, decimal_comma)
            row["trigger"] = _trigger_cell(trigger)
            rows.append(row)
    for inject in scenario.injects:
        if inject.id not in written:
            rows.append(_item_row(scenario, inject, inject.id, decimal_comma))
    for stream in scenario.streams:
        rows.append(_stream_row(scenario, stream, decimal_comma))
        for kind, texts in stream.templates.items():
            for entry in texts:
                row = {"row_type": "template", "id": stream.id, "kind": kind.value, "message": template_text(entry)}
                if isinstance(entry, Template):
                    for flag, value in entry.labels.model_dump(exclude_none=True).items():
                        row[flag] = value.value if flag == "deletion_reason" else format_bool(value)
                rows.append(row)
    return rows


def _item_row(scenario: Scenario, content: InjectContent, inject_id: str | None, decimal_comma: bool) -> dict[str, str]:
    row = {
        "row_type": "inject",
        "inject_type": content.type.value,
        "from": content.from_ or "",
        "to": "page" if content.type == Channel.comment else "team",
        "message": content.text,
        "expected_action": content.expected_action,
        "objective": content.objective,
        "notes": content.note,
        "id": inject_id or "",
        "thread": content.thread or "",
    }
    if isinstance(content, Inject) and content.at is not None:
        row["time"] = format_offset(content.at)
        row["clock"] = format_clock(clock_time(scenario, content.at))
    if inject_id is not None:
        cells = [_trigger_cell(t) for t in firing_triggers(scenario, inject_id)]
        row["trigger"] = " | ".join(cells)
    labels = content.labels
    if labels is not None:
        row["kind"] = labels.kind.value
        for flag in ("needs_reply", "false_claim", "deletion_justified", "personal_data", "archive_worthy", "casualty_facts"):
            row[flag] = format_bool(bool(getattr(labels, flag)))
        row["deletion_reason"] = labels.deletion_reason.value if labels.deletion_reason else ""
    if content.spread is not None:
        row["share_probability"] = format_number(content.spread.share_probability, decimal_comma=decimal_comma)
        row["spread_seeds"] = str(content.spread.seeds)
        row["spread_influential"] = format_bool(content.spread.influential)
    return row


def _trigger_cell(trigger: Trigger) -> str:
    when = trigger.when.model_dump(exclude_none=True)
    when = {k: v for k, v in when.items() if v is not False}
    return format_trigger(trigger.id, when, trigger.after, trigger.repeat)


def _stream_row(scenario: Scenario, stream: Stream, decimal_comma: bool) -> dict[str, str]:
    rate = stream.rate
    row = {
        "row_type": "stream",
        "id": stream.id,
        "time": format_offset(stream.from_),
        "clock": format_clock(clock_time(scenario, stream.from_)),
        "until": format_offset(stream.to),
        "rate": format_rate(rate.per_minute, rate.peak_per_minute, rate.peak_at, rate.base_per_minute,
                            decimal_comma=decimal_comma),
        "mix": format_mix(stream.mix, decimal_comma=decimal_comma),
        "thread": stream.thread or "",
    }
    if stream.driven_by:
        row["driven_by"] = format_driven_by(stream.driven_by, stream.per_thousand_reached, decimal_comma=decimal_comma)
    return row

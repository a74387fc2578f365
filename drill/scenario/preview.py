"""The scenario as text tables a trainer checks at a glance before running a drill.

Four parts: the timeline of timed injects (offset and clock time, channel, sender, text,
ground-truth labels), what each trigger posts and when it can fire, the comment streams, and
the expected number of generated comments per kind in each 10-minute window. Everything comes
from `drill.scenario.timeline`, the same reading the MSEL export and the lint use.
"""

from __future__ import annotations

from collections.abc import Iterator

from drill.i18n import active_language, t
from drill.scenario.durations import format_duration
from drill.scenario.models import DELETION_BY_KIND, InjectContent, Labels, Scenario
from drill.scenario.rates import expected_items
from drill.scenario.timeline import (
    clock_label,
    clock_time,
    describe_condition,
    expected_volumes,
    offset_label,
    timed_injects,
    triggered_items,
    volume_kinds,
)

FLAG_NAMES = (
    ("needs_reply", "reply"),
    ("false_claim", "false"),
    ("deletion_justified", "delete"),
    ("personal_data", "pdata"),
    ("archive_worthy", "archive"),
    ("casualty_facts", "casualty"),
)


def shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def label_text(labels: Labels | None) -> str:
    if labels is None:
        return t("preview.no_labels")
    parts = [labels.kind.value]
    for field, name in FLAG_NAMES:
        if getattr(labels, field):
            reason = labels.deletion_reason
            if field == "deletion_justified" and reason is not None and reason != DELETION_BY_KIND.get(labels.kind):
                name = f"delete:{reason.value}"
            parts.append(name)
    return " ".join(parts)


def sender(scenario: Scenario, content: InjectContent) -> str:
    persona = scenario.persona(content.from_)
    if persona is not None:
        return persona.name
    return content.from_ or t("preview.citizen")


def preview_lines(scenario: Scenario, width: int = 120) -> list[str]:
    """The tables in the active language (`drill.i18n.t`); ids, kinds and channels as the file writes them."""
    return [*_heading(scenario), "", *_timeline(scenario, width), "", *_triggers(scenario, width),
            *_streams(scenario), "", *_volumes(scenario)]


def _heading(scenario: Scenario) -> Iterator[str]:
    end = clock_time(scenario, scenario.duration)
    from babel.dates import format_date

    language = scenario.language.value
    yield t("preview.heading", title=scenario.title, id=scenario.id, kind=t(f"kind.{scenario.kind.value}").lower(),
            language=f"{t(f'language.{language}')} ({language})")
    yield t("preview.starts", weekday=format_date(scenario.starts, "EEEE", locale=active_language()),
            date=f"{scenario.starts:%d.%m.%Y %H:%M}", municipality=scenario.municipality.name,
            duration=format_duration(scenario.duration), end=f"{end:%H:%M}")


def _table(rows: list[list[str]], widths: list[int]) -> Iterator[str]:
    for row in rows:
        cells = [shorten(cell, w).ljust(w) for cell, w in zip(row, widths)]
        yield "  ".join(cells).rstrip()


def _timeline(scenario: Scenario, width: int) -> Iterator[str]:
    yield t("preview.timeline")
    header = [t(f"preview.col.{name}") for name in ("time", "clock", "type", "from", "id", "text", "labels")]
    rows = []
    for inject in timed_injects(scenario):
        text = f"↳{inject.thread}: {inject.text}" if inject.thread else inject.text
        rows.append([offset_label(inject.at or 0), clock_label(scenario, inject.at or 0), inject.type.value,
                     sender(scenario, inject), inject.id, text, label_text(inject.labels)])
    if not rows:
        yield "  " + t("preview.none")
        return
    fixed = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    fixed[3] = min(fixed[3], 16)
    fixed[4] = min(fixed[4], 24)  # ids are what team scripts refer to: keep them whole where possible
    labels_width = min(max(len(r[6]) for r in [header, *rows]), 26)
    text_width = max(width - sum(fixed) - labels_width - 2 * 6, 40)
    widths = [*fixed, text_width, labels_width]
    yield from _table([header, *rows], widths)
    yield t("preview.legend")


def _triggers(scenario: Scenario, width: int) -> Iterator[str]:
    if not scenario.triggers:
        yield t("preview.no_triggers")
    else:
        yield t("preview.triggers")
        posts: dict[str, list[str]] = {t.id: [] for t in scenario.triggers}
        for item in triggered_items(scenario):
            line = t("preview.posts", what=item.inject_id or t("preview.new_item"), labels=label_text(item.content.labels),
                     type=item.content.type.value, sender=sender(scenario, item.content))
            posts[item.trigger.id].append(line + shorten(item.content.text, max(width - len(line) - 6, 20)))
        for trigger in scenario.triggers:
            yield t("preview.trigger_if", id=trigger.id, condition=describe_condition(scenario, trigger))
            for line in posts[trigger.id]:
                yield f"    → {line}"
    fired = {ref for t in scenario.triggers for ref in t.fire}
    orphans = [i.id for i in scenario.injects if i.at is None and i.id not in fired]
    if orphans:
        yield t("preview.never_posted", ids=", ".join(orphans))


def _streams(scenario: Scenario) -> Iterator[str]:
    if not scenario.streams:
        return
    yield ""
    yield t("preview.streams")
    for stream in scenario.streams:
        rate = stream.rate
        if rate.per_minute is not None:
            curve = f"{rate.per_minute:g}/min"
        else:
            curve = t("preview.peak", peak=f"{rate.peak_per_minute:g}", at=offset_label(rate.peak_at or 0),
                      base=f"{rate.base_per_minute:g}")
        mix = ", ".join(f"{k.value} {v:.0%}" for k, v in stream.mix.items())
        texts = sum(len(v) for v in stream.templates.values())
        yield t("preview.stream", id=stream.id, start=offset_label(stream.from_), end=offset_label(stream.to),
                curve=curve, n=f"{expected_items(stream):.0f}", mix=mix, texts=texts or t("preview.built_in"))
        if stream.thread:
            yield t("preview.in_thread", thread=stream.thread)
        if stream.driven_by:
            yield t("preview.driven", n=f"{stream.per_thousand_reached:g}", driver=stream.driven_by)


def _volumes(scenario: Scenario) -> Iterator[str]:
    windows = expected_volumes(scenario)
    kinds = volume_kinds(windows)
    yield t("preview.volumes")
    if not kinds:
        yield t("preview.no_generated")
        return
    point = "." if active_language() == "en" else ","
    header = [t("preview.window"), *(k.value for k in kinds), t("preview.total")]
    rows = []
    for window in windows:
        rows.append([f"{offset_label(window.start)}–{offset_label(window.end)}",
                     *(f"{window.per_kind.get(k, 0.0):.1f}".replace(".", point) for k in kinds),
                     f"{window.total:.1f}".replace(".", point)])
    totals = [t("preview.total"), *(f"{sum(w.per_kind.get(k, 0.0) for w in windows):.0f}" for k in kinds),
              f"{sum(w.total for w in windows):.0f}"]
    widths = [max(len(r[i]) for r in [header, *rows, totals]) for i in range(len(header))]
    for row in [header, *rows, totals]:
        yield "  ".join([row[0].ljust(widths[0]), *(cell.rjust(w) for cell, w in zip(row[1:], widths[1:]))]).rstrip()

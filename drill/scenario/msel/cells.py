"""Reading and writing single spreadsheet cells: times, yes/no, numbers, conditions, rates, mixes.

Each format is written by the export and read back by the import, so both live here side by
side. Readers are forgiving in the ways spreadsheets are (decimal commas as Norwegian Excel
writes them, `ja`/`nei`, percentages, clock times), and raise `CellError` with a message a
trainer can act on when a value cannot be understood.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from drill.i18n import message
from drill.scenario.durations import format_duration, parse_duration
from drill.scenario.models import ID_PATTERN, Channel, ItemKind, ScenarioKind

E = TypeVar("E", bound=StrEnum)

FORMULA_STARTS = ("=", "+", "-", "@")
"""A cell starting with one of these is read by Excel as a formula; the export guards it with '."""

_NUMBER = r"\d+(?:[.,]\d+)?"
_ID = re.compile(ID_PATTERN)


class CellError(ValueError):
    """A cell value that cannot be understood; the message is shown to the trainer as is."""


# --- plain values ------------------------------------------------------------------------------


def guard_formula(text: str) -> str:
    """Keep spreadsheets from evaluating text such as `+47 72 40 00 00` or `=HYPERLINK(...)`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguard_formula(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def format_number(value: float, *, decimal_comma: bool) -> str:
    """Shortest exact form (0.09, 5, 0.4), with a decimal comma for Norwegian spreadsheets."""
    text = repr(float(value))
    text = text[:-2] if text.endswith(".0") else text
    return text.replace(".", ",") if decimal_comma else text


def parse_number(text: str) -> float:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not re.fullmatch(r"-?" + _NUMBER, cleaned):
        raise CellError(message("msel.number", value=text.strip()))
    return float(cleaned.replace(",", "."))


def parse_probability(text: str) -> float:
    """A share between 0 and 1; `8 %` is read as 0.08."""
    stripped = text.strip()
    if stripped.endswith("%"):
        value = float(_decimal(stripped[:-1]) / 100)
    else:
        value = parse_number(stripped)
    if not 0 <= value <= 1:
        raise CellError(message("msel.share", value=stripped))
    return value


def parse_whole(text: str) -> int:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned.isdigit():
        raise CellError(message("msel.whole", value=text.strip()))
    return int(cleaned)


_YES = {"yes", "y", "ja", "j", "true", "sann", "1", "x"}
_NO = {"no", "n", "nei", "false", "usann", "0"}


def format_bool(value: bool) -> str:
    return "yes" if value else "no"


def parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellError(message("msel.yes_no", value=text.strip()))


def parse_id(text: str, what: str = "id") -> str:
    """`what` names the id for the message: id, trigger_id, inject_id, stream_id or persona_id."""
    value = text.strip()
    if not _ID.match(value):
        hint = slug(value)
        suggestion = message("msel.suggestion", hint=hint) if hint else ""
        raise CellError(message("msel.id_form", what=message(f"msel.what.{what}"), suggestion=suggestion, value=value))
    return value


_ASCII_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u"})


def slug(text: str, max_length: int = 40) -> str:
    """A readable id from free text: `Hva skjer på Torget??` -> `hva-skjer-pa-torget`."""
    lowered = text.lower().translate(_ASCII_FOLD)
    words = re.findall(r"[a-z0-9]+", lowered)
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > max_length:
            break
        result = candidate
    return result


# --- names with aliases (inject types, label kinds) --------------------------------------------

CHANNEL_ALIASES: dict[str, Channel] = {
    "kommentar": Channel.comment,
    "press": Channel.press_call,
    "presse": Channel.press_call,
    "pressehenvendelse": Channel.press_call,
    "media": Channel.press_call,
    "nodetat": Channel.emergency,
    "nodetatene": Channel.emergency,
    "nødetat": Channel.emergency,
    "nødetatene": Channel.emergency,
    "intern": Channel.internal,
    "nyhet": Channel.news,
    "nyheter": Channel.news,
}

KIND_ALIASES: dict[str, ItemKind] = {
    "spørsmål": ItemKind.question,
    "sporsmal": ItemKind.question,
    "klage": ItemKind.complaint,
    "kritikk": ItemKind.complaint,
    "rykte": ItemKind.rumour,
    "rumor": ItemKind.rumour,
    "ros": ItemKind.praise,
    "angrep": ItemKind.attack,
    "personangrep": ItemKind.attack,
    "tredjepart": ItemKind.third_party,
    "personopplysninger": ItemKind.personal_data,
    "ulovlig": ItemKind.illegal,
    "prat": ItemKind.chatter,
    "presse": ItemKind.press,
    "myndighet": ItemKind.authority,
    "nødetat": ItemKind.authority,
    "intern": ItemKind.internal,
}


SCENARIO_KIND_ALIASES: dict[str, ScenarioKind] = {
    "krise": ScenarioKind.crisis,
    "omdømme": ScenarioKind.reputation,
    "omdomme": ScenarioKind.reputation,
    "hverdag": ScenarioKind.everyday,
}


def parse_name(text: str, enum: type[E], aliases: Mapping[str, E], what: str) -> E:
    """An enum value as a trainer may write it: any case, spaces for underscores, Norwegian words.

    `what` names the value for the message: kind, inject_type, deletion_reason or persona_role.
    """
    word = text.strip().lower()
    normal = re.sub(r"[\s-]+", "_", word)
    for candidate in (word, normal):
        if candidate in enum.__members__:
            return enum(candidate)
        if candidate in aliases:
            return aliases[candidate]
    names = list(enum.__members__)
    close = difflib.get_close_matches(normal, names + list(aliases), n=1, cutoff=0.6)
    hint = message("msel.did_you_mean", name=close[0]) if close else ""
    raise CellError(message("msel.unknown_name", what=message(f"msel.what.{what}"), value=text.strip(), hint=hint,
                            names=", ".join(names)))


# --- times ---------------------------------------------------------------------------------------


def format_offset(seconds: int) -> str:
    """`T+mm:ss`: the T keeps Excel from turning the cell into a time of day."""
    minutes, secs = divmod(int(seconds), 60)
    return f"T+{minutes:02d}:{secs:02d}"


def format_clock(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


@dataclass(frozen=True)
class ClockTime:
    """A time of day written in the sheet; it becomes an offset once `starts` is known."""

    value: time

    def offset_from(self, starts: datetime) -> int:
        start = starts.hour * 3600 + starts.minute * 60 + starts.second
        here = self.value.hour * 3600 + self.value.minute * 60 + self.value.second
        return (here - start) % 86_400


_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$")
_OFFSET = re.compile(r"^(?:(\d+):)?(\d+):(\d{2})$")


def parse_time(text: str) -> int | ClockTime:
    """`T+12:00`, `+12:00`, `+1:05:00`, `12m`, `1h30m` (offsets) or `11:07` (a clock time)."""
    value = text.strip()
    upper = value.upper()
    if upper.startswith("T+"):
        value = value[2:]
        upper = "+"
    if upper.startswith("+"):
        body = value.lstrip("+").strip()
        match = _OFFSET.match(body)
        if match:
            hours, minutes, secs = (int(g) if g else 0 for g in match.groups())
            if secs >= 60 or (match.group(1) and minutes >= 60):
                raise CellError(message("msel.minutes_59", value=text.strip()))
            return hours * 3600 + minutes * 60 + secs
        return _duration(body, text)
    match = _CLOCK.match(value)
    if match:
        hours, minutes, secs = (int(g) if g else 0 for g in match.groups())
        if hours > 23 or minutes > 59 or secs > 59:
            raise CellError(message("msel.not_clock", value=text.strip()))
        return ClockTime(time(hours, minutes, secs))
    if value.isdigit():
        raise CellError(message("msel.bare_number", value=value, minutes=f"{int(value):02d}"))
    return _duration(value, text)


def _duration(body: str, original: str) -> int:
    try:
        return parse_duration(body)
    except ValueError:
        raise CellError(message("msel.not_time", value=original.strip())) from None


def offset_seconds(value: int | ClockTime, starts: datetime | None) -> int:
    if isinstance(value, int):
        return value
    if starts is None:
        raise CellError(message("msel.clock_needs_start"))
    return value.offset_from(starts)


# --- trigger conditions ------------------------------------------------------------------------

_VALUE_KEYS = {
    "no_official_post_by": "duration",
    "no_reply_to": "id",
    "not_corrected": "id",
    "within": "duration",
    "replied_to": "id",
    "deleted": "id",
    "reach_above": "whole",
    "of": "id",
    "after": "duration",
}
_FLAG_KEYS = ("wrongful_deletion", "official_post", "repeat")
CONDITION_WORDS = tuple(_VALUE_KEYS) + _FLAG_KEYS

# A condition's value: an id, a duration in seconds or a whole number; a flag is True (a bool is an int).
ConditionValue = str | int


@dataclass(frozen=True)
class TriggerSpec:
    """One trigger as written in a `trigger` cell: its id (if given), condition, after and repeat."""

    trigger_id: str | None
    when: tuple[tuple[str, ConditionValue], ...]
    after: int
    repeat: bool

    @property
    def written_in_full(self) -> bool:
        return bool(self.when)


def format_trigger(trigger_id: str, when: Mapping[str, ConditionValue], after: int, repeat: bool) -> str:
    """`silence: no_official_post_by 15m` / `censorship: wrongful_deletion, after 2m, repeat`."""
    parts = []
    for key in CONDITION_WORDS:
        if key in ("after", "repeat") or key not in when:
            continue
        value = when[key]
        if value is True:
            parts.append(key)
        elif _VALUE_KEYS.get(key) == "duration":
            parts.append(f"{key} {format_duration(int(value))}")
        else:
            parts.append(f"{key} {value}")
    text = f"{trigger_id}: " + " ".join(parts)
    if after:
        text += f", after {format_duration(after)}"
    if repeat:
        text += ", repeat"
    return text


def parse_triggers(text: str) -> list[TriggerSpec]:
    """One or more triggers separated by `|`."""
    return [parse_trigger(part) for part in text.split("|") if part.strip()]


def parse_trigger(text: str) -> TriggerSpec:
    value = text.strip()
    trigger_id = None
    head = re.match(r"^([a-z0-9][a-z0-9_-]*)\s*:\s*(.*)$", value, re.DOTALL)
    if head and head.group(1) not in CONDITION_WORDS:
        trigger_id, value = head.group(1), head.group(2)
    elif re.fullmatch(r"[A-Za-z0-9][\w-]*", value) and value.lower().replace("-", "_") not in CONDITION_WORDS:
        # Only an id: the condition is written in full on another row of the same trigger.
        return TriggerSpec(parse_id(value, "trigger_id"), (), 0, False)
    tokens = [t for t in re.split(r"[\s,]+", value) if t]
    when: dict[str, ConditionValue] = {}
    after, repeat = 0, False
    position = 0
    while position < len(tokens):
        word = tokens[position].lower().replace("-", "_")
        if word in _FLAG_KEYS:
            if word == "repeat":
                repeat = True
            else:
                when[word] = True
            position += 1
            continue
        kind = _VALUE_KEYS.get(word)
        if kind is None:
            close = difflib.get_close_matches(word, CONDITION_WORDS, n=1, cutoff=0.6)
            hint = message("msel.did_you_mean", name=close[0]) if close else ""
            raise CellError(message("msel.trigger_word", value=tokens[position], hint=hint))
        if position + 1 >= len(tokens):
            raise CellError(message("msel.needs_value", word=word, example=_example(kind)))
        raw = tokens[position + 1]
        if kind == "duration":
            parsed = parse_time(raw)
            if not isinstance(parsed, int):
                raise CellError(message("msel.needs_duration", word=word, value=raw))
            result: ConditionValue = parsed
        elif kind == "whole":
            result = parse_whole(raw)
        else:
            result = parse_id(raw, "inject_id")
        if word == "after":
            after = int(result)
        else:
            when[word] = result
        position += 2
    if not when:
        raise CellError(message("msel.trigger_when"))
    return TriggerSpec(trigger_id, tuple(sorted(when.items())), after, repeat)


def _example(kind: str) -> str:
    return {"duration": "15m", "whole": "5000", "id": "bomb-rumour"}[kind]


def condition_slug(spec: TriggerSpec) -> str:
    """An id for a trigger written without one, from its condition."""
    words = []
    for key, value in spec.when:
        words.append(key)
        if value is not True:
            words.append(format_duration(int(value)) if _VALUE_KEYS[key] == "duration" else str(value))
    return slug(" ".join(words), max_length=60) or "trigger"


# --- stream cells ------------------------------------------------------------------------------


def format_rate(per_minute: float | None, peak: float | None, peak_at: int | None, base: float,
                *, decimal_comma: bool) -> str:
    """`2/min` or `peak 5/min at 20m, base 0.4/min`."""
    def number(value: float) -> str:
        return format_number(value, decimal_comma=decimal_comma)

    if per_minute is not None:
        text = f"{number(per_minute)}/min"
    else:
        text = f"peak {number(peak or 0.0)}/min at {format_duration(peak_at or 0)}"
    if base:
        text += f", base {number(base)}/min"
    return text


_RATE = re.compile(
    rf"^(?:(?P<steady>{_NUMBER})\s*/\s*min|peak\s+(?P<peak>{_NUMBER})\s*/\s*min\s+at\s+(?P<at>[^,\s]+))"
    rf"(?:\s*,\s*base\s+(?P<base>{_NUMBER})\s*/\s*min)?$",
    re.IGNORECASE,
)


def parse_rate(text: str) -> dict[str, float]:
    """`per_minute` or `peak_per_minute` and `peak_at` (whole seconds), and `base_per_minute` if given."""
    match = _RATE.match(text.strip())
    if not match:
        raise CellError(message("msel.not_rate", value=text.strip()))
    rate: dict[str, float] = {}
    if match.group("steady") is not None:
        rate["per_minute"] = parse_number(match.group("steady"))
    else:
        rate["peak_per_minute"] = parse_number(match.group("peak"))
        at = parse_time(match.group("at"))
        if not isinstance(at, int):
            raise CellError(message("msel.peak_time", value=match.group("at")))
        rate["peak_at"] = at
    if match.group("base") is not None:
        rate["base_per_minute"] = parse_number(match.group("base"))
    return rate


def format_mix(mix: dict[ItemKind, float], *, decimal_comma: bool) -> str:
    """`question 45%, complaint 17%`: percentages are what a trainer reads at a glance."""
    parts = []
    for kind, share in mix.items():
        percent = (_decimal(repr(float(share))) * 100).normalize()
        text = f"{percent:f}"
        parts.append(f"{kind.value} {text.replace('.', ',') if decimal_comma else text}%")
    return ", ".join(parts)


_MIX_PART = re.compile(rf"([^\W\d]+(?:[ _][^\W\d]+)?)\s*:?\s*({_NUMBER})\s*(%?)")


def parse_mix(text: str) -> dict[ItemKind, float]:
    value = text.strip()
    if not re.fullmatch(rf"(?:\s*{_MIX_PART.pattern}\s*[,;]?)+", value):
        raise CellError(message("msel.not_mix", value=value))
    mix: dict[ItemKind, float] = {}
    for name, number, percent in _MIX_PART.findall(value):
        kind = parse_name(name, ItemKind, KIND_ALIASES, "kind")
        if kind in mix:
            raise CellError(message("msel.mix_twice", kind=kind.value))
        share = _decimal(number)
        mix[kind] = float(share / 100) if percent else float(share)
    return mix


def format_driven_by(driver: str, per_thousand: float, *, decimal_comma: bool) -> str:
    return f"{driver}: {format_number(per_thousand, decimal_comma=decimal_comma)} per 1000 reached"


_DRIVEN = re.compile(rf"^([a-z0-9][a-z0-9_-]*)\s*(?::\s*({_NUMBER})\s*(?:/\s*min\s*)?per\s+1[ .,]?000(?:\s+reached)?)?$")


def parse_driven_by(text: str) -> tuple[str, float | None]:
    match = _DRIVEN.match(text.strip())
    if not match:
        raise CellError(message("msel.not_driven", value=text.strip()))
    return match.group(1), (parse_number(match.group(2)) if match.group(2) else None)


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise CellError(message("msel.must_number", value=text.strip())) from None

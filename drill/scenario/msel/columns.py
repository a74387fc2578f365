"""The MSEL spreadsheet's columns: names, the other names trainers use for them, and who uses which.

The first ten columns are the classic Master Scenario Events List (HSEEP): time, inject type,
from, to, message, expected player action, objective and controller notes, plus the clock time.
The rest are drill's own: the hidden ground-truth labels, the spread, the trigger that posts an
item, and the settings of comment streams. Columns are found by name, in any order, so a
trainer's own sheet with only the classic columns imports as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("row_type", "inject (or empty), stream, or template", ("rowtype", "radtype", "rad_type")),
    Column("time", "when it happens: T+mm:ss after the start (T+12:00), a duration (12m), or a clock time (11:07); "
           "empty for items only a trigger posts; for streams, when the stream starts",
           ("tid", "offset", "time_offset", "when", "tidspunkt")),
    Column("clock", "the clock time in the story (filled in by drill; if you give both, they must agree)",
           ("klokke", "klokkeslett", "clock_time", "scenario_time")),
    Column("inject_type", "comment, press_call, emergency, internal or news", ("type", "kanal", "channel", "innspillstype")),
    Column("from", "who it comes from: a persona id or a name; empty for an ordinary citizen",
           ("fra", "sender", "avsender", "source")),
    Column("to", "who receives it: page (comments) or team (everything else); for the reader, not read back",
           ("til", "mottaker", "recipient")),
    Column("message", "the text the team sees; for template rows, the comment text",
           ("melding", "text", "tekst", "inject_text", "innspill", "description")),
    Column("expected_action", "what the team should do", ("expected_player_action", "expected_response",
                                                          "forventet_handling", "forventet_respons")),
    Column("objective", "the exercise objective the item tests", ("mål", "maal", "ovingsmal", "øvingsmål")),
    Column("notes", "controller notes, never shown to the team", ("note", "controller_notes", "notater", "merknad", "merknader")),
    Column("id", "the item's id (lower-case, - and _); made from the message when empty; for stream and "
           "template rows, the stream's id", ("inject_id", "inject_no", "nr", "no")),
    Column("thread", "id of the comment this one answers inside its thread; for streams, the thread they post in",
           ("traad", "tråd", "reply_to", "svar_paa", "svar_på")),
    Column("kind", "what the item really is: question, complaint, rumour, praise, attack, third_party, personal_data, "
           "illegal, spam, chatter, info, press, authority, internal",
           ("label", "label_kind", "art", "kategori")),
    Column("needs_reply", "yes/no: should the municipality answer it", ("krever_svar",)),
    Column("false_claim", "yes/no: does it claim something untrue", ("feil_paastand", "usant")),
    Column("deletion_justified", "yes/no: may it be removed under KS's rules", ("kan_slettes",)),
    Column("deletion_reason", "usaklig, personal_attack, third_party, illegal, personal_data or other", ("slettegrunn",)),
    Column("personal_data", "yes/no: does it expose personal data", ("personopplysninger",)),
    Column("archive_worthy", "yes/no: must the dialogue be archived", ("arkivverdig",)),
    Column("casualty_facts", "yes/no: does it concern injured, dead or missing people", ("skadde_dode",)),
    Column("share_probability", "how likely each person who sees it passes it on (0 to 1, or a percentage); "
           "empty: it does not spread", ("spread", "spredning", "share")),
    Column("spread_seeds", "how many people post it at first (default 1)", ("seeds",)),
    Column("spread_influential", "yes/no: it starts from well-connected local profiles", ("influential",)),
    Column("trigger", "for items only a trigger posts: 'ID: condition', e.g. 'silence: no_official_post_by 15m'",
           ("utloser", "utløser", "condition", "betingelse")),
    Column("until", "streams: when the stream stops", ("to_time", "slutt", "end")),
    Column("rate", "streams: comments per minute, '2/min' or 'peak 5/min at 20m, base 0.4/min'", ("rate_per_minute", "takt")),
    Column("mix", "streams: the kinds of comment and their shares, 'question 60%, complaint 40%'", ("blanding",)),
    Column("driven_by", "streams: 'INJECT: N per 1000 reached', comments caused by how far an item has spread",
           ("drevet_av",)),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)

ROW_TYPES = ("inject", "stream", "template")

STREAM_COLUMNS = frozenset({"row_type", "time", "clock", "id", "thread", "until", "rate", "mix", "driven_by"})
TEMPLATE_COLUMNS = frozenset({"row_type", "id", "kind", "message", "deletion_reason", "needs_reply", "false_claim",
                              "deletion_justified", "personal_data", "archive_worthy", "casualty_facts"})
INJECT_ONLY_NOT = frozenset({"until", "rate", "mix", "driven_by"})
"""Stream columns an inject row leaves empty."""

LABEL_FLAGS = ("needs_reply", "false_claim", "deletion_justified", "personal_data", "archive_worthy", "casualty_facts")


def normalise(header: str) -> str:
    """`Expected player action` -> `expected_player_action`; `Inject #` -> `inject_no`."""
    text = header.strip().lower().replace("#", "no").lstrip("\ufeff")
    return re.sub(r"[^\wæøå]+", "_", text).strip("_")


_BY_NAME: dict[str, str] = {}
for _column in COLUMNS:
    _BY_NAME[_column.name] = _column.name
    for _alias in _column.aliases:
        _BY_NAME[normalise(_alias)] = _column.name


def column_for(header: str) -> str | None:
    """The column a header cell names, or None for a column drill does not use."""
    return _BY_NAME.get(normalise(header))

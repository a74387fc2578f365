"""Team-play wording: the host's log, the plain consoles and the seat screens.

The texts live in the UI catalogues (`drill/i18n`, keys `team.*`) with the rest of drill's
words. Team play names its language per call, because one machine runs a host speaking the
scenario's language beside seats that may have chosen another. Hints that name a command
write `{drill}`, filled here with the command that runs on this machine (`drill.invocation`).
"""

from __future__ import annotations

import json

from drill.events import TRAINER
from drill.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue
from drill.invocation import drill_command


def say(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    values.setdefault("drill", drill_command())
    return catalogue(language if language in LANGUAGES else DEFAULT_LANGUAGE)(f"team.{key}", **values)


def seat_label(seat: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Who acted or joined, as people read it: the trainer by role (its seat and actor id is
    `trainer`), a team member by the name they play under."""
    return say("event.trainer", language) if seat == TRAINER else seat


def role_label(role: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A presence role (`seat`, `trainer`) in words."""
    return say(f"role.{role}", language)


def say_count(key: str, count: int, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """A counted text (`team.KEY.one` / `team.KEY.other`), the count given to it as `{n}`."""
    values.setdefault("drill", drill_command())
    return catalogue(language if language in LANGUAGES else DEFAULT_LANGUAGE).plural(f"team.{key}", count, **values)


def because(key: str, **values: object) -> str:
    """A refusal as it is stored for another process: its whole catalogue key and values.

    The host and each seat may speak different languages, so a refusal crosses the session
    file as a reason, and the seat words it (`worded`) in its own language.
    """
    return json.dumps({"key": key, "values": values}, ensure_ascii=False, default=str)


def worded(message: str, language: str) -> str:
    """A stored refusal in `language`; text stored by an older host is shown as it is."""
    try:
        data = json.loads(message)
        return catalogue(language if language in LANGUAGES else DEFAULT_LANGUAGE)(
            str(data["key"]), drill=drill_command(), **dict(data["values"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return message

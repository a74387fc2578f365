"""Team-play wording: the host's log, the plain consoles and the seat screens.

The texts live in the UI catalogues (`drill/i18n`, keys `team.*`) with the rest of drill's
words. Team play names its language per call, because one machine runs a host speaking the
scenario's language beside seats that may have chosen another.
"""

from __future__ import annotations

from drill.i18n import DEFAULT_LANGUAGE, LANGUAGES, Catalogue


def say(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    return Catalogue(language if language in LANGUAGES else DEFAULT_LANGUAGE)(f"team.{key}", **values)

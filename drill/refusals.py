"""What the team reads when the drill refuses an action: the engine's reason, in the UI's language.

The engine decides what is allowed (one set of rules for the app, team scripts and seats)
and names each refusal with a short reason; this module only finds the words for it.
Reasons without a text in the catalogue fall back to the engine's own (English) message.
"""

from __future__ import annotations

from drill.engine.engine import ActionRejected
from drill.i18n import LANGUAGES, active_language, t


def explain(rejected: ActionRejected) -> str:
    key = f"refusal.{rejected.reason}"
    if not rejected.reason or key not in LANGUAGES[active_language()]:
        return str(rejected)
    values = dict(rejected.details)
    if "member" in values:
        values["name"] = values.pop("member").split(",")[0]
    return t(key, **values)

"""Why an action cannot be done right now, in the team's language, before it reaches the drill.

The engine refuses such actions too (ActionRejected), but with English text meant for logs
and team scripts. Checking the common cases here first keeps the console in one language;
anything the engine still refuses is shown with the engine's own message.
"""

from __future__ import annotations

from drill.engine.actions import Action, Archive, Delete, Handover, Hide, Like, Reply, Restore, Unhide
from drill.i18n import t
from drill.state import DrillState


def refusal(action: Action, state: DrillState) -> str | None:
    if state.ended:
        return t("refusal.ended")
    item_id = getattr(action, "item", None)
    item = state.items.get(item_id) if isinstance(item_id, str) else None
    if isinstance(action, Handover):
        if action.to == state.on_duty:
            return t("refusal.already_on_duty", name=action.to.split(",")[0])
        return None
    if item is None:
        return None
    if isinstance(action, Reply) and item.visibility == "deleted":
        return t("refusal.reply_deleted")
    if isinstance(action, Like) and item.liked:
        return t("refusal.already_liked")
    if isinstance(action, Hide) and item.visibility != "visible":
        return t("refusal.already_hidden" if item.visibility == "hidden" else "refusal.already_deleted")
    if isinstance(action, Delete) and item.visibility == "deleted":
        return t("refusal.already_deleted")
    if isinstance(action, Unhide) and item.visibility != "hidden":
        return t("refusal.not_hidden")
    if isinstance(action, Restore) and item.visibility != "deleted":
        return t("refusal.not_deleted")
    if isinstance(action, Archive) and item.archived:
        return t("refusal.already_archived")
    return None

"""Playing a team script against a live drill, headless and as fast as the machine allows.

The runner alternates between the engine's next happening and the team's next action,
always in simulated-time order; at the same instant the engine goes first (the comment
exists before anyone can answer it). Policies watch the events and schedule their actions.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field

from drill.engine import actions as act
from drill.engine.engine import ActionRejected
from drill.events import Event, ItemPosted
from drill.live import LiveDrill
from drill.state import DrillState
from drill.team.models import LATEST_POST, Match, Policy, TeamScript


@dataclass(frozen=True)
class SkippedAction:
    """A scripted action the drill refused: where it stands in the script, on what, and why."""

    where: str
    item_id: str | None
    refusal: ActionRejected


@dataclass
class RunReport:
    actions_done: int = 0
    skipped: list[SkippedAction] = field(default_factory=list)
    """Actions that could not be done (e.g. the comment was already hidden); worded by the caller."""


@dataclass(order=True)
class _Planned:
    t: float
    counter: int
    action: act.Action = field(compare=False)
    by: str | None = field(compare=False)
    label: str = field(compare=False)
    policy: bool = field(default=False, compare=False)
    item_id: str | None = field(default=None, compare=False)


def run_team(drill: LiveDrill, script: TeamScript | None) -> RunReport:
    report = RunReport()
    counter = itertools.count()
    agenda: list[_Planned] = []
    used = [0] * len(script.policies) if script else []
    if script:
        for index, timed in enumerate(script.actions):
            heapq.heappush(agenda, _Planned(float(timed.at), next(counter), timed.to_action(), timed.by,
                                            f"actions[{index}]"))

    def plan_policies(events: list[Event]) -> None:
        if not script:
            return
        for event in events:
            if not isinstance(event.payload, ItemPosted):
                continue
            for index, policy in enumerate(script.policies):
                if policy.limit is not None and used[index] >= policy.limit:
                    continue
                if _matches(policy, event):
                    used[index] += 1
                    action = _policy_action(policy, event.payload)
                    heapq.heappush(agenda, _Planned(event.t + policy.after, next(counter), action, policy.by,
                                                    f"policies[{index}]", policy=True, item_id=event.payload.item_id))

    drill.listeners.append(plan_policies)
    try:
        plan_policies(drill.engine.events)
        while not drill.ended:
            engine_next = drill.engine.next_time()
            team_next = agenda[0].t if agenda else None
            if engine_next is None and team_next is None:
                break
            if team_next is not None and (engine_next is None or team_next < engine_next):
                drill.advance_to(team_next)
                if drill.ended:
                    break
                planned = heapq.heappop(agenda)
                action = _resolve(planned.action, drill.state, policy=planned.policy)
                if action is None:
                    continue
                try:
                    drill.act(action, by=planned.by)
                    report.actions_done += 1
                except ActionRejected as error:
                    report.skipped.append(SkippedAction(planned.label, planned.item_id, error))
            else:
                drill.advance_to(engine_next)  # type: ignore[arg-type]
    finally:
        drill.listeners.remove(plan_policies)
    return report


def _matches(policy: Policy, event: Event) -> bool:
    payload: ItemPosted = event.payload  # type: ignore[assignment]
    match: Match = policy.when
    labels = payload.labels
    if policy.between is not None and not policy.between[0] <= event.t <= policy.between[1]:
        return False
    checks = [
        match.kind is None or labels.kind in match.kind,
        match.channel is None or payload.channel in match.channel,
        match.needs_reply is None or labels.needs_reply == match.needs_reply,
        match.false_claim is None or labels.false_claim == match.false_claim,
        match.deletion_justified is None or labels.deletion_justified == match.deletion_justified,
        match.archive_worthy is None or labels.archive_worthy == match.archive_worthy,
        match.source is None or payload.source_id in match.source,
        match.origin is None or payload.source in match.origin,
    ]
    return all(checks)


def _resolve(action: act.Action, state: DrillState, *, policy: bool) -> act.Action | None:
    """The action as it stands when its time comes: `post: latest` names the newest post then
    (a plain reply when there is none yet); a group policy's reply to an item a group reply has
    already answered is dropped (None)."""
    if not isinstance(action, (act.Reply, act.GroupReply)):
        return action
    if policy and isinstance(action, act.GroupReply) and not state.is_waiting(action.item):
        return None
    if action.post == LATEST_POST:
        latest = state.official_posts[-1].post_id if state.official_posts else None
        return action.model_copy(update={"post": latest})
    return action


def _policy_action(policy: Policy, item: ItemPosted) -> act.Action:
    if policy.reply is not None and policy.group:
        return act.GroupReply(item=item.item_id, text=policy.reply, post=policy.post)
    if policy.reply is not None:
        first_name = item.author.split(" ")[0]
        return act.Reply(item=item.item_id, text=policy.reply.replace("{first_name}", first_name), post=policy.post)
    if policy.hide is not None:
        return act.Hide(item=item.item_id, reason=policy.hide, note=policy.note)
    if policy.delete is not None:
        return act.Delete(item=item.item_id, reason=policy.delete, note=policy.note)
    if policy.archive:
        return act.Archive(item=item.item_id, note=policy.note)
    return act.Like(item=item.item_id)

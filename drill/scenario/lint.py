"""Warnings about scenarios that are valid but would not play as the trainer intends.

Schema errors and cross-field checks (`checks.py`) stop a file from loading. These rules look
for things that load fine and still spoil a drill: a trigger that can never fire, an item
nothing ever posts, a crisis without a rumour or a press call, items the score cannot judge
because they carry no labels, comment texts repeated so often that players notice. They follow
the engine's actual rules (for example: the engine only watches injects that come at a set
time for `no_reply_to`), so a warning here means the drill really behaves that way.

Each warning has a short rule name in brackets, which docs/authoring.md explains.
"""

from __future__ import annotations

import string
from collections.abc import Iterator

from drill.i18n import catalogue, message, messages_language
from drill.scenario.rates import expected_items
from drill.scenario.models import DELETION_BY_KIND, Channel, InjectContent, ItemKind, Scenario, ScenarioKind, Template, template_text
from drill.scenario.timeline import earliest_fire, effective_labels, mix_shares, offset_label
from drill.validation import Problem, field_path
from drill.voices import SLOTS, builtin_templates
from drill.yamlsource import YamlSource

MAX_REPEATS_PER_TEMPLATE = 8.0
"""Expected comments of a kind per available text above which players notice repetition."""


def lint_scenario(scenario: Scenario) -> list[Problem]:
    reachable = _reachable(scenario)
    return [
        *_trigger_warnings(scenario, reachable),
        *_unposted_injects(scenario, reachable),
        *_crisis_ingredients(scenario),
        *_missing_labels(scenario),
        *_personal_data_to_hide(scenario),
        *_duplicate_texts(scenario),
        *_template_warnings(scenario),
        *_uncovered_rumours(scenario),
        *_audience_warnings(scenario),
    ]


def format_warnings(source: YamlSource, warnings: list[Problem]) -> list[str]:
    """`file:line:column: warning: field: message`, in file order."""
    ordered = sorted(warnings, key=lambda w: source.position(w.loc))
    return [f"{source.where(w.loc)}: {message('lint.warning')}: {field_path(w.loc)}: {w.message}" for w in ordered]


# --- what can happen at all --------------------------------------------------------------------


def _reachable(scenario: Scenario) -> tuple[set[str], set[str]]:
    """Inject ids that can appear and trigger ids that can fire, following the engine's rules."""
    posted = {i.id for i in scenario.injects if i.at is not None}
    fired: set[str] = set()
    changed = True
    while changed:
        changed = False
        for index, trigger in enumerate(scenario.triggers):
            if trigger.id in fired or _never_fires(scenario, index, posted) is not None:
                continue
            fired.add(trigger.id)
            changed = True
            posted.update(trigger.fire)
    # A reply inside a thread is dropped when the comment it answers never appears.
    dropped = True
    while dropped:
        dropped = False
        for inject in scenario.injects:
            if inject.id in posted and inject.thread and inject.thread not in posted:
                posted.discard(inject.id)
                dropped = True
    return posted, fired


def _never_fires(scenario: Scenario, index: int, posted: set[str]) -> str | None:
    """Why the trigger can never post anything (None: it can)."""
    trigger = scenario.triggers[index]
    condition = trigger.when
    end = scenario.duration
    earliest = earliest_fire(scenario, trigger)
    watched = condition.no_reply_to or condition.not_corrected
    if watched is not None:
        inject = scenario.inject(watched)
        if inject is not None and inject.at is None:
            return message("lint.untimed_watch", ref=watched)
    if earliest is not None and earliest >= end:
        return message("lint.too_late", at=offset_label(earliest), end=offset_label(end))
    for key in ("replied_to", "deleted", "of"):
        ref = getattr(condition, key)
        if ref is not None and scenario.inject(ref) is not None and ref not in posted:
            return message("lint.never_appears", ref=ref)
    if condition.reach_above is not None and condition.of is not None:
        inject = scenario.inject(condition.of)
        if inject is not None:
            spreads = inject.spread is not None or effective_labels(inject).false_claim
            if not spreads or inject.type != Channel.comment:
                return message("lint.no_spread", ref=inject.id)
            if condition.reach_above >= scenario.audience.nodes:
                return message("lint.small_audience", nodes=_number(scenario.audience.nodes),
                               limit=_number(condition.reach_above))
    return None


def _trigger_warnings(scenario: Scenario, reachable: tuple[set[str], set[str]]) -> Iterator[Problem]:
    posted, fired = reachable
    for index, trigger in enumerate(scenario.triggers):
        loc = ("triggers", index)
        condition = trigger.when
        reason = _never_fires(scenario, index, posted)
        if reason is not None:
            yield Problem((*loc, "when"), f"{reason} [trigger-never-fires]")
        if condition.within is not None and not (condition.no_reply_to or condition.not_corrected):
            yield Problem((*loc, "when", "within"), _rule("no-effect", "lint.within_no_effect"))
        if condition.of is not None and condition.reach_above is None:
            yield Problem((*loc, "when", "of"), _rule("no-effect", "lint.of_no_effect"))
        if trigger.repeat and trigger.max_fires == "unlimited":
            cooldown, _ = trigger.repeat_limits()
            if cooldown <= 0:
                bound = message("lint.nothing_bounds")
            else:
                bound = message("lint.cooldown_bounds", n=int(scenario.duration // cooldown) + 1)
            yield Problem((*loc, "max_fires"), _rule("unbounded-trigger", "lint.unbounded", bound=bound))
        if condition.no_reply_to is not None:
            inject = scenario.inject(condition.no_reply_to)
            if inject is not None and not effective_labels(inject).needs_reply:
                yield Problem((*loc, "when", "no_reply_to"), _rule("labels-disagree", "lint.needs_no_reply", ref=inject.id))
        if condition.not_corrected is not None:
            inject = scenario.inject(condition.not_corrected)
            if inject is not None and not effective_labels(inject).false_claim:
                yield Problem((*loc, "when", "not_corrected"),
                              _rule("labels-disagree", "lint.not_false_claim", ref=inject.id))


def _unposted_injects(scenario: Scenario, reachable: tuple[set[str], set[str]]) -> Iterator[Problem]:
    posted, _ = reachable
    fired_by = {ref for t in scenario.triggers for ref in t.fire}
    for index, inject in enumerate(scenario.injects):
        if inject.id in posted:
            continue
        if inject.at is None and inject.id not in fired_by:
            yield Problem(("injects", index, "id"), _rule("never-posted", "lint.no_time"))
        elif inject.at is None:
            yield Problem(("injects", index, "id"), _rule("never-posted", "lint.dead_triggers"))
        elif inject.thread:
            yield Problem(("injects", index, "thread"), _rule("never-posted", "lint.thread_never", ref=inject.thread))


# --- what a good drill needs -------------------------------------------------------------------


def _all_contents(scenario: Scenario) -> Iterator[tuple[tuple, InjectContent]]:
    for index, inject in enumerate(scenario.injects):
        yield ("injects", index), inject
    for index, trigger in enumerate(scenario.triggers):
        for position, content in enumerate(trigger.then):
            yield ("triggers", index, "then", position), content


def _crisis_ingredients(scenario: Scenario) -> Iterator[Problem]:
    """An acute crisis drill trains rumour handling and press contact (KS K6, K1)."""
    if scenario.kind != ScenarioKind.crisis or not scenario.incident_active:
        return
    contents = [c for _, c in _all_contents(scenario)]
    has_rumour = any(effective_labels(c).false_claim for c in contents) or any(
        s.mix.get(ItemKind.rumour, 0) > 0 for s in scenario.streams
    )
    has_press = any(c.type == Channel.press_call or effective_labels(c).kind == ItemKind.press for c in contents)
    if not has_rumour:
        yield Problem(("kind",), _rule("crisis-without-rumour", "lint.no_rumour"))
    if not has_press:
        yield Problem(("kind",), _rule("crisis-without-press", "lint.no_press"))


def _missing_labels(scenario: Scenario) -> Iterator[Problem]:
    for loc, content in _all_contents(scenario):
        if content.labels is None:
            kind = effective_labels(content).kind.value
            yield Problem((*loc, "text"), _rule("missing-labels", "lint.no_labels", kind=kind))


def _personal_data_to_hide(scenario: Scenario) -> Iterator[Problem]:
    """`personal_data: true` on an item not removable by its kind (a question, a complaint)
    makes it removable, so the score asks the team to hide it. A trainer who meant a resident's
    own case number to stand would find that out only in the score."""
    found: list[tuple[tuple, ItemKind, frozenset[str]]] = [
        (loc, content.labels.kind, frozenset(content.labels.model_fields_set))
        for loc, content in _all_contents(scenario) if content.labels is not None and content.labels.personal_data]
    for index, stream in enumerate(scenario.streams):
        for kind, texts in stream.templates.items():
            for position, entry in enumerate(texts):
                if isinstance(entry, Template) and entry.labels.personal_data:
                    written = frozenset(entry.labels.model_dump(exclude_none=True))
                    found.append((("streams", index, "templates", kind.value, position), kind, written))
    for loc, kind, written in found:
        if "personal_data" in written and kind not in DELETION_BY_KIND and not written & {"deletion_justified", "deletion_reason"}:
            yield Problem((*loc, "labels", "personal_data"), _rule("personal-data-hidden", "lint.personal_data_hidden"))


def _duplicate_texts(scenario: Scenario) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for loc, content in _all_contents(scenario):
        key = " ".join(content.text.lower().split())
        if key in seen:
            yield Problem((*loc, "text"), _rule("duplicate-text", "lint.same_text", other=seen[key]))
        else:
            seen[key] = field_path(loc)
    for index, stream in enumerate(scenario.streams):
        for kind, texts in stream.templates.items():
            known: set[str] = set()
            for position, entry in enumerate(texts):
                key = " ".join(template_text(entry).lower().split())
                if key in known:
                    yield Problem(("streams", index, "templates", kind.value, position),
                                  _rule("duplicate-text", "lint.listed_twice"))
                known.add(key)


def _template_warnings(scenario: Scenario) -> Iterator[Problem]:
    builtin = builtin_templates(scenario.language)
    for index, stream in enumerate(scenario.streams):
        loc = ("streams", index)
        for kind, texts in stream.templates.items():
            for position, entry in enumerate(texts):
                problem = _slot_problem(template_text(entry))
                if problem:
                    yield Problem((*loc, "templates", kind.value, position), problem)
        volume = expected_items(stream)
        for kind, share in mix_shares(stream).items():
            if share <= 0:
                continue
            own = stream.templates.get(kind)
            available = own or builtin.get(kind, ())
            where = (*loc, "templates", kind.value) if own else (*loc, "mix", kind.value)
            if not available:
                yield Problem(where, _rule("no-templates", "lint.no_texts", kind=kind.value))
                continue
            count = volume * share
            if count / len(available) > MAX_REPEATS_PER_TEMPLATE:
                source = message("lint.own_texts" if own else "lint.builtin_texts")
                yield Problem(where, _rule("few-templates", "lint.few_texts", count=_number(round(count)),
                                           kind=kind.value, n=len(available), source=source,
                                           each=_number(round(count / len(available))),
                                           needed=int(count / MAX_REPEATS_PER_TEMPLATE) + 1))


def _slot_problem(text: str) -> str | None:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return _rule("bad-slot", "lint.unmatched_brace", open="{", close="}", slot="{place}", literal="{{ }}")
    unknown = sorted({n for n in names if n not in SLOTS})
    if "" in names or unknown:
        shown = ", ".join("{" + n + "}" for n in unknown) or "{}"
        return _rule("bad-slot", "lint.unknown_slot", shown=shown, slots=", ".join("{" + s + "}" for s in sorted(SLOTS)))
    return None


def _uncovered_rumours(scenario: Scenario) -> Iterator[Problem]:
    """A false claim with no correction target and no trigger watching it is never judged on speed."""
    if scenario.expectations.correction_within is not None:
        return
    watched = {t.when.not_corrected for t in scenario.triggers if t.when.not_corrected}
    for loc, content in _all_contents(scenario):
        labels = effective_labels(content)
        inject_id = getattr(content, "id", None)
        if labels.false_claim and inject_id not in watched:
            yield Problem((*loc, "labels"), _rule("rumour-not-covered", "lint.rumour_not_covered"))


def _audience_warnings(scenario: Scenario) -> Iterator[Problem]:
    """A page with more followers than the audience model has people: say what will happen."""
    followers, nodes = scenario.municipality.followers, scenario.audience.nodes
    if followers > nodes:
        yield Problem(("municipality", "followers"),
                      _rule("audience-sample", "lint.audience_sample", followers=_number(followers), nodes=_number(nodes)))


def _rule(rule: str, key: str, **values: object) -> str:
    """A warning's words in the command's language, then its rule name as docs/authoring.md lists it."""
    return f"{message(key, **values)} [{rule}]"


def _number(value: int) -> str:
    return catalogue(messages_language()).number(value)

"""From session summaries to the history: each team over time, and each shared exercise.

Pure: the summaries in, the `HistoryReport` out. Findings are followed by rubric rule, so
"svartid under toppen" in March and in June is the same finding even when its numbers differ.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable

from drill.history.model import (
    DimensionInfo,
    DimensionTrend,
    Direction,
    DrillResult,
    Exercise,
    ExerciseRow,
    FindingStreak,
    HistoryReport,
    Incomparable,
    IncomparableReason,
    Practice,
    PracticeKind,
    SharedFinding,
    Spread,
    TeamHistory,
)
from drill.history.scores import FindingNote
from drill.history.sessions import SessionSummary
from drill.history.words import Words
from scoring.rubric import DIMENSIONS

TOTAL = "total"
STEADY_POINTS = 3.0
"""A change smaller than this between the first and the latest drill is read as 'about the same'."""
SHARED_SHARE = 0.5
"""A finding more than this share of an exercise's teams had is shared by most: something to teach
them all. Half is not most (one of two teams is that team's own finding)."""
PRACTICE_KINDS: tuple[PracticeKind, ...] = ("crisis", "reputation", "everyday", "after_hours")


def build_history(summaries: list[SessionSummary], incomparable: list[Incomparable], words: Words,
                  files: int) -> HistoryReport:
    labels = _dimension_labels(summaries, words)
    anchors = _team_anchors(summaries)
    teams = [_team(name, drills, anchors[_team_key(name)], labels, words)
             for name, drills in _by_team(summaries).items()]
    exercises, left_out = _exercises(summaries, anchors, labels, words)
    return HistoryReport(
        language=words.language,  # type: ignore[arg-type]
        files=files, usable=len(summaries),
        dimensions=[DimensionInfo(id=d, label=labels[d]) for d in DIMENSIONS],
        teams=teams, exercises=exercises, incomparable=incomparable + left_out)


def _dimension_labels(summaries: list[SessionSummary], words: Words) -> dict[str, str]:
    labels: dict[str, str] = {d: d for d in DIMENSIONS}
    for summary in summaries[:1]:
        labels.update(summary.scored.labels)
    labels[TOTAL] = words("history.total")
    return labels


def _team_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _by_team(summaries: Iterable[SessionSummary]) -> dict[str, list[SessionSummary]]:
    """Drills per team (names compared without regard to case or spacing), oldest first."""
    groups: dict[str, list[SessionSummary]] = defaultdict(list)
    names: dict[str, str] = {}
    for summary in summaries:
        key = _team_key(summary.team)
        names.setdefault(key, summary.team)
        groups[key].append(summary)
    ordered = sorted(groups, key=lambda key: names[key].casefold())
    return {names[key]: sorted(groups[key], key=lambda s: (s.date, s.file)) for key in ordered}


def _team_anchors(summaries: Iterable[SessionSummary]) -> dict[str, str]:
    """Each team's section id in the HTML, by team key: readable, and unique."""
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for name in _by_team(summaries):
        base = "team-" + (re.sub(r"[^a-z0-9æøå]+", "-", name.casefold()).strip("-") or "x")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        anchors[_team_key(name)] = anchor
    return anchors


def _result(summary: SessionSummary) -> DrillResult:
    scenario = summary.scenario
    return DrillResult(
        file=summary.file, date=summary.date, team=summary.team, scenario_id=scenario.id,
        scenario_title=scenario.title, scenario_version=summary.version, seed=summary.seed,
        kind=scenario.kind.value, after_hours=summary.after_hours,  # type: ignore[arg-type]
        total=summary.scored.total, grade=summary.scored.grade, dimensions=dict(summary.scored.dimensions))


def _value(summary: SessionSummary, dimension: str) -> float | None:
    return summary.scored.total if dimension == TOTAL else summary.scored.dimensions.get(dimension)


def _team(name: str, drills: list[SessionSummary], anchor: str, labels: dict[str, str],
          words: Words) -> TeamHistory:
    trends = [_trend(drills, d) for d in (TOTAL, *DIMENSIONS)]
    recurring, gone = _streaks(drills)
    practised = _practised(drills, words)
    return TeamHistory(
        anchor=anchor, team=name, drills=[_result(s) for s in drills], trends=trends, recurring=recurring,
        gone=gone, practised=practised, next_steps=_next_steps(drills, trends, recurring, practised, labels, words))


def _trend(drills: list[SessionSummary], dimension: str) -> DimensionTrend:
    values = [v for v in (_value(s, dimension) for s in drills) if v is not None]
    first, last = (values[0], values[-1]) if values else (None, None)
    change = None if first is None or last is None or len(values) < 2 else round(last - first, 1)
    direction: Direction = ("same" if change is None or abs(change) < STEADY_POINTS
                            else "better" if change > 0 else "worse")
    return DimensionTrend(dimension=dimension, first=first, last=last, change=change, direction=direction)


def _notes(summary: SessionSummary) -> dict[str, FindingNote]:
    notes: dict[str, FindingNote] = {}
    for note in summary.scored.findings:
        notes.setdefault(note.rule, note)
    return notes


def _streaks(drills: list[SessionSummary]) -> tuple[list[FindingStreak], list[FindingStreak]]:
    """Findings in the latest drill that the drills before it had too, and findings that went away.

    Drills that were not judged on a rule at all (a crisis rule in an everyday drill) neither
    continue nor break its run. A finding has gone away when a drill after the last one that had
    it was judged on the rule and did well.
    """
    per_drill = [_notes(s) for s in drills]
    recurring = []
    for rule, note in per_drill[-1].items():
        run, since = _run(drills, per_drill, rule, len(drills) - 1)
        if run >= 2:
            recurring.append(_streak(note, run, since))
    gone = []
    seen: set[str] = set(per_drill[-1])
    for index in range(len(drills) - 2, -1, -1):
        for rule, note in per_drill[index].items():
            if rule in seen:
                continue
            seen.add(rule)
            if any(rule in later.scored.judged for later in drills[index + 1:]):
                run, since = _run(drills, per_drill, rule, index)
                gone.append(_streak(note, run, since))
    recurring.sort(key=lambda s: (-s.drills, s.rule))
    return recurring, gone


def _run(drills: list[SessionSummary], per_drill: list[dict[str, FindingNote]], rule: str,
         last: int) -> tuple[int, str]:
    """How many drills in a row, ending with drill `last`, had the finding; and the first one's date."""
    run, since = 0, drills[last].date
    for index in range(last, -1, -1):
        if rule in per_drill[index]:
            run, since = run + 1, drills[index].date
        elif rule in drills[index].scored.judged:
            break
    return run, since


def _streak(note: FindingNote, drills: int, since: str) -> FindingStreak:
    return FindingStreak(rule=note.rule, title=note.title, dimension=note.dimension, drills=drills, since=since,
                         action=note.action, example=note.example)


def _kinds(summary: SessionSummary) -> set[str]:
    kinds = {summary.scenario.kind.value}
    if summary.after_hours:
        kinds.add("after_hours")
    return kinds


def _practised(drills: list[SessionSummary], words: Words) -> list[Practice]:
    rows = []
    for kind in PRACTICE_KINDS:
        matching = [s for s in drills if kind in _kinds(s)]
        rows.append(Practice(kind=kind, label=words(f"history.practice.{kind}"), drills=len(matching),
                             last=matching[-1].date if matching else None))
    return rows


def _next_steps(drills: list[SessionSummary], trends: list[DimensionTrend], recurring: list[FindingStreak],
                practised: list[Practice], labels: dict[str, str], words: Words) -> list[str]:
    """What to practise next, most pressing first: what keeps coming back, what got worse, the
    weakest part of the latest drill, then the kinds of drill never tried."""
    steps = []
    for streak in recurring[:3]:
        key = "history.next.recurring" if streak.action else "history.next.recurring_plain"
        steps.append(words(key, title=streak.title, n=streak.drills, action=streak.action.rstrip(".")))
    for trend in trends:
        if trend.dimension != TOTAL and trend.direction == "worse" and trend.change is not None:
            steps.append(words("history.next.worse", label=labels[trend.dimension], n=round(-trend.change)))
    latest = drills[-1].scored.dimensions
    scored = [(v, d) for d, v in latest.items() if v is not None]
    if scored:
        value, dimension = min(scored)
        if value < 60:
            steps.append(words("history.next.weakest", label=labels[dimension], score=round(value)))
    for row in practised:
        if row.drills == 0:
            steps.append(words(f"history.next.untried.{row.kind}"))
    if not steps:
        steps.append(words("history.next.nothing"))
    return steps


def _exercises(summaries: list[SessionSummary], anchors: dict[str, str], labels: dict[str, str],
               words: Words) -> tuple[list[Exercise], list[Incomparable]]:
    """Per scenario that two or more teams ran: the version and variant most of them played, side by side.

    Sessions of that scenario played from another version of its text or another variant (seed)
    are listed as left out, with the reason, rather than mixed in.
    """
    by_scenario: dict[str, list[SessionSummary]] = defaultdict(list)
    for summary in summaries:
        by_scenario[summary.scenario.id].append(summary)
    exercises, left_out = [], []
    for scenario_id in sorted(by_scenario):
        sessions = by_scenario[scenario_id]
        variants: dict[tuple[str, int], list[SessionSummary]] = defaultdict(list)
        for s in sessions:
            variants[(s.version, s.seed)].append(s)

        def teams_in(key: tuple[str, int]) -> int:
            return len({_team_key(s.team) for s in variants[key]})

        chosen = max(variants, key=lambda key: (teams_in(key), max(s.date for s in variants[key])))
        if teams_in(chosen) < 2:
            continue
        exercises.append(_exercise(variants[chosen], anchors, labels))
        title = sessions[0].scenario.title
        for key, group in variants.items():
            if key == chosen:
                continue
            reason: IncomparableReason = "other_version" if key[0] != chosen[0] else "other_variant"
            for s in group:
                left_out.append(Incomparable(file=s.file, reason=reason,
                                             detail=words(f"history.reason.{reason}", title=title, seed=chosen[1])))
    return exercises, left_out


def _exercise(sessions: list[SessionSummary], anchors: dict[str, str], labels: dict[str, str]) -> Exercise:
    latest: dict[str, SessionSummary] = {}
    for s in sorted(sessions, key=lambda s: (s.date, s.file)):
        latest[_team_key(s.team)] = s  # a team that ran it twice is shown with its latest run
    chosen = list(latest.values())
    ranks = {d: _ranks(chosen, d) for d in (TOTAL, *DIMENSIONS)}
    order = sorted(range(len(chosen)), key=lambda i: (ranks[TOTAL][i] or len(chosen) + 1, chosen[i].team.casefold()))
    rows = [ExerciseRow(rank=ranks[TOTAL][i] or len(chosen), team=chosen[i].team, anchor=anchors[_team_key(chosen[i].team)],
                        file=chosen[i].file, total=chosen[i].scored.total, grade=chosen[i].scored.grade,
                        dimensions=dict(chosen[i].scored.dimensions),
                        ranks={d: ranks[d][i] for d in DIMENSIONS})
            for i in order]
    spread = []
    for dimension in (TOTAL, *DIMENSIONS):
        values = sorted(v for v in (_value(s, dimension) for s in chosen) if v is not None)
        spread.append(Spread(dimension=dimension, label=labels[dimension], values=values,
                             min=values[0] if values else None,
                             median=round(statistics.median(values), 1) if values else None,
                             max=values[-1] if values else None))
    first = chosen[0]
    return Exercise(anchor=f"exercise-{first.scenario.id}-{first.seed}", scenario_id=first.scenario.id,
                    scenario_title=first.scenario.title, scenario_version=first.version, seed=first.seed,
                    rows=rows, spread=spread, shared=_shared(chosen))


def _ranks(sessions: list[SessionSummary], dimension: str) -> list[int | None]:
    """Competition ranks (1, 2, 2, 4), best score first; None where the dimension was not scored."""
    values = [_value(s, dimension) for s in sessions]
    scored = [v for v in values if v is not None]
    return [None if v is None else 1 + sum(1 for other in scored if other > v) for v in values]


def _shared(sessions: list[SessionSummary]) -> list[SharedFinding]:
    counts: dict[str, int] = defaultdict(int)
    notes: dict[str, FindingNote] = {}
    for s in sessions:
        for rule, note in _notes(s).items():
            counts[rule] += 1
            notes.setdefault(rule, note)
    shared = [SharedFinding(rule=rule, title=notes[rule].title, dimension=notes[rule].dimension, teams=n,
                            share=round(n / len(sessions), 3), action=notes[rule].action)
              for rule, n in counts.items() if n / len(sessions) > SHARED_SHARE]
    shared.sort(key=lambda f: (-f.teams, f.rule))
    return shared

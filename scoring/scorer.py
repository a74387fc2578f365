"""`score(scenario, events) -> ScoreReport`: the whole judgement of one drill, as a pure function.

No wall clock, and no I/O besides the machine's store of tone analyses (`scoring.cache`,
which never changes a result): the same scenario and events always give the same report, which
is what makes a score explainable and comparable between sessions. Dimension weights come
from the rubric and may be overridden by the scenario's `scoring.weights`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from drill.events import DrillStarted, Event
from drill.scenario.models import Scenario
from scoring.context import ScoringContext
from scoring.dimensions.archiving import score_archiving
from scoring.dimensions.coverage import score_coverage
from scoring.dimensions.crisis import rumour_reach, score_crisis
from scoring.dimensions.moderation import score_moderation
from scoring.dimensions.privacy import score_privacy
from scoring.dimensions.speed import response_times, score_speed
from scoring.dimensions.tone import score_tone
from scoring.findings import build_dimension
from scoring.models import SEVERITY_RANK, DimensionScore, Finding, Grade, PlayedTime, ScoreReport
from scoring.planned import played_for
from scoring.rubric import DIMENSIONS, LANGUAGES, Dimension, Rubric, load_rubric
from scoring.texts import duration


def session_language(scenario: Scenario, events: list[Event]) -> str:
    """The drill's language: what DrillStarted recorded, else the scenario's."""
    for event in events:
        if isinstance(event.payload, DrillStarted):
            return event.payload.language if event.payload.language in LANGUAGES else "nb"
    return str(scenario.language)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Scoring allocates many short-lived objects next to a large, long-lived event list; the
    cyclic collector would re-scan that list again and again (about a third of the time on a
    10,000-event session). Nothing created here forms cycles that outlive the call."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def score(scenario: Scenario, events: list[Event], *, language: str | None = None) -> ScoreReport:
    """Score a drill. `language` ("nb"/"en") picks the language of the texts; default: the drill's."""
    return scored(scenario, events, language=language)[0]


def scored(scenario: Scenario, events: list[Event], *,
           language: str | None = None) -> tuple[ScoreReport, ScoringContext]:
    """The score and the facts it was judged on: a report or a summary that also tells the
    team's moments reads them from here instead of reducing a large drill's events again."""
    with _collector_paused():
        return _score(scenario, events, language)


def _score(scenario: Scenario, events: list[Event], language: str | None) -> tuple[ScoreReport, ScoringContext]:
    lang = language or session_language(scenario, events)
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported report language {lang!r}; use nb, nn or en")
    ctx = ScoringContext(scenario, list(events), lang)
    rubric = ctx.rubric
    rows = response_times(ctx)
    rumours = rumour_reach(ctx)
    results = {
        "speed": score_speed(ctx, rows),
        "coverage": score_coverage(ctx),
        "tone": score_tone(ctx),
        "moderation": score_moderation(ctx),
        "crisis": score_crisis(ctx, rumours),
        "archiving": score_archiving(ctx),
        "privacy": score_privacy(ctx),
    }
    weights = dimension_weights(scenario, rubric)
    dimensions = [build_dimension(ctx, results[name], weights[name]) for name in DIMENSIONS]
    uncapped = weighted_total(dimensions)
    worst = worst_critical([f for d in dimensions if d.score is not None for f in d.findings])
    played = played_for(ctx)
    total = uncapped
    if total is not None and played.ended_early:
        total = round(total * early_end_factor(played, rubric), 1)
    cap = rubric.policy.critical_caps.total
    if total is not None and worst is not None and total > cap:
        total = cap
    grade = None
    if total is not None:
        grade = grade_for(total, lang, rubric, capped_by=worst, played=played)
    th = ctx.thresholds
    report = ScoreReport(
        scenario_id=scenario.id, scenario_title=scenario.title, language=lang,
        total=total, uncapped_total=uncapped if total != uncapped else None, grade=grade,
        dimensions=dimensions, response_times=rows, rumours=rumours,
        thresholds={"reply_within": th.reply_within, "acknowledge_within": th.acknowledge_within,
                    "first_post_within": th.first_post_within, "update_every": th.update_every,
                    "correction_within": th.correction_within, "removal_within": th.removal_within},
        threshold_origin=dict(th.origin), incident_active=th.incident_active, played=played,
    )
    return report, ctx


def early_end_factor(played: PlayedTime, rubric: Rubric) -> float:
    """What the total keeps when part of the planned time was not played (1 for a full drill)."""
    if not played.ended_early:
        return 1.0
    return 1.0 - rubric.policy.early_end.unplayed_time_weight * (1.0 - played.share)


def worst_critical(findings: list[Finding]) -> Finding | None:
    """The critical shortcoming that weighs most, if any: it caps the total and names the grade."""
    critical = [f for f in findings if f.verdict == "improvement" and f.severity == "critical"]
    return min(critical, key=lambda f: (f.points, f.rule), default=None)


def dimension_weights(scenario: Scenario, rubric: Rubric | None = None) -> dict[Dimension, float]:
    rubric = rubric or load_rubric()
    weights: dict[Dimension, float] = {name: spec.weight for name, spec in rubric.dimensions.items()}
    weights.update(scenario.scoring.weights)
    return weights


def weighted_total(dimensions: list[DimensionScore]) -> float | None:
    scored = [(d.score, d.weight) for d in dimensions if d.score is not None and d.weight > 0]
    weight = sum(w for _, w in scored)
    if not weight:
        return None
    return round(sum(s * w for s, w in scored) / weight, 1)


def grade_for(total: float, lang: str, rubric: Rubric | None = None, *, capped_by: Finding | None = None,
              played: PlayedTime | None = None) -> Grade:
    """The band the total falls in. Its description names the critical finding that caps the
    grade and, for a drill ended early, how much of the planned time was played."""
    rubric = rubric or load_rubric()
    bands = sorted(rubric.grades, key=lambda g: -g.min)
    band = next((b for b in bands if total >= b.min), bands[-1])
    label, description = band.words(lang)
    notes = [description]
    texts = rubric.policy.texts
    if capped_by is not None and SEVERITY_RANK[capped_by.severity] == SEVERITY_RANK["critical"]:
        notes.append(texts.capped(lang).format(finding=capped_by.title.rstrip(".")))  # a title, never an id
    if played is not None and played.ended_early:
        share = f"{played.share * 100:.0f}"
        notes.append(texts.played(lang).format(played=duration(played.played_s, lang),
                                               planned=duration(played.planned_s, lang), share=share))
    return Grade(label=label, description=" ".join(notes), min=band.min,
                 capped_by=capped_by.rule if capped_by is not None else None)

"""Drills written elsewhere, blind (from the user documentation and the KS rubric alone), each
with four team scripts and the writer's expected ranking written before any scoring
(`elsewhere/*/expected.md`): a boil-water notice in nynorsk, a viral home-care video in bokmål,
a power cut on a winter night in bokmål, the day kindergarten places are announced in nynorsk, a
missing pupil in bokmål, a measles case at a kindergarten in English, double property-tax bills on
an ordinary day in nynorsk, and a night fire at a nursing home in bokmål.

The first two found what the shipped drills had not: false privacy and reassurance findings that
capped their excellent teams, the service line in `other_numbers` never reaching the analysis, a
holding reply taken for a correction, a reputation case asked for safety advice, and a silent team
paid for censoring nothing. The power cut found a reassurance relayed from the waterworks read as
a promise, and a hedged guess that leans to a rumour ("det kan godt hende at …") taken for its
correction; the admissions day, a question labelled as showing personal data that P3 asked the team
to hide while M2 counted hiding it as censorship; the missing pupil, a reply that repeated a
rumour's words without saying whether it was true taken for its correction, and a run summary that
said "corrected before it could spread further" of a rumour that had reached everyone it could. These tests keep what the writers expect and the
score now agrees with.

The measles drill and the admissions day then showed two privacy false alarms that capped their
excellent teams at 69: an outbreak announced as it must be, of one unnamed child at the whole
kindergarten ("A child at Solsikken in Nordbyen has measles"), with the sick child, the children
who are vaccinated and the medical officer who will answer read as people told about; and a
refusal that names the matter it declines ("… gjeld søknaden til barnet dykkar, så det kan vi
ikkje gå inn på her"). Neither excellent team now carries a critical P1 finding.

The property-tax day found a guess at the cause of the municipality's own error ("Truleg var det
ein ny sakshandsamar som …") that the analyser flagged and the score never named, because K2 ran
only for an incident; the nursing-home fire, a police message that says its figures "kan deles"
read as never released, so the excellent team's update relaying them drew a critical K5.

Where the score still disagrees, it says so here rather than asserting the writer's view: on the
video drill the excellent team twice tells a son, in public, that the home-care service will look
at who visits his mother (a care relationship he stated himself, which KS's P2 says not to
confirm), so it is capped by a privacy finding as the leaky team is, and the two land level. On
the admissions day the writer labelled parents' own case numbers `personal_data` but expected them
left up; the score asks for them hidden, as the label's documentation says, so that excellent team
is still capped by P3 at 69. On the measles drill the learned model still draws a major (not
critical) privacy finding on three of the excellent team's replies that greet a parent by name. On
the missing pupil the leaky team's P1 finding cites three replies: the one telling the boy's
diabetes, the earlier one that names him and his mother's arrangement with the school (a breach
the writer lists too, and the first the finding quotes), and "Ja, politiet melder at han er funnet
i god behold!", which only relays the police and is a false alarm of the model.
Seven of the eight writers ranked the slow team above the leaky one and said a score that puts
leaky first is defensible only if leaky's breach is named and keeps it out of the top grades; the
score puts leaky above slow in all eight, and the test on the leaky teams holds it to that condition.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.team import load_team_script, run_team
from scoring import score
from scoring.models import ScoreReport

HERE = Path(__file__).parent / "elsewhere"
TEAMS = ("excellent", "slow", "leaky", "silent")
DRILLS = ("vassbrot-leirvagen", "video-hjemmetjenesten-solbergvik", "strombrudd-bjorkelia", "hovudopptak-svar",
          "savnet-elev-asmarka", "meslinger-solsikken", "eigedomsskatt-feil", "brann-lyngheim")


@cache
def _report(drill: str, team: str, folder: str) -> ScoreReport:
    loaded = load_scenario(HERE / drill / f"{drill}.yaml")
    script = load_team_script(HERE / drill / f"{team}.yaml", loaded.scenario)
    live = LiveDrill.create(loaded, Path(folder) / f"{drill}-{team}.db", 1, overwrite=True)
    try:
        run_team(live, script)
        events = list(live.engine.events)
    finally:
        live.close()
    return score(loaded.scenario, events)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ScoreReport]:
    folder = str(tmp_path_factory.mktemp("elsewhere"))
    return {(d, t): _report(d, t, folder) for d in DRILLS for t in TEAMS}


def _critical(report: ScoreReport, rule: str) -> bool:
    return any(f.rule == rule and f.severity == "critical" for f in report.findings)


@pytest.mark.parametrize("drill", DRILLS)
def test_the_silent_team_is_last_and_the_excellent_team_first(reports, drill: str) -> None:
    totals = {t: reports[drill, t].total for t in TEAMS}
    assert totals["silent"] < min(totals[t] for t in ("excellent", "slow", "leaky")), totals
    assert totals["excellent"] >= max(totals.values()), totals


@pytest.mark.parametrize("drill", DRILLS)
def test_the_leaky_team_is_named_for_its_breach_and_kept_out_of_the_top_grades(reports, drill: str) -> None:
    leaky = reports[drill, "leaky"]
    assert _critical(leaky, "P1"), [f.rule for f in leaky.findings]
    assert leaky.grade.capped_by is not None
    assert leaky.total < 70


@pytest.mark.parametrize("drill", DRILLS)
def test_a_team_that_did_nothing_is_weak_on_moderation(reports, drill: str) -> None:
    silent = reports[drill, "silent"]
    assert next(d for d in silent.dimensions if d.dimension == "moderation").score < 40


def test_the_boil_water_drill_ranks_as_its_writer_expected(reports) -> None:
    """excellent > leaky > slow > silent, and the excellent team in a top grade."""
    drill = "vassbrot-leirvagen"
    totals = [reports[drill, t].total for t in ("excellent", "leaky", "slow", "silent")]
    assert totals == sorted(totals, reverse=True) and len(set(totals)) == 4, totals
    assert reports[drill, "excellent"].total >= 85
    assert not any(f.severity == "critical" for f in reports[drill, "excellent"].findings)


def test_the_video_drill_holds_no_safety_advice_against_statements(reports) -> None:
    """A reputation case: no K7, and the excellent team's crisis handling is strong."""
    excellent = reports["video-hjemmetjenesten-solbergvik", "excellent"]
    assert not any(f.rule == "K7" for f in excellent.findings)
    assert next(d for d in excellent.dimensions if d.dimension == "crisis").score >= 80


def test_the_power_cut_drill_credits_what_the_waterworks_said_and_no_hedged_correction(reports) -> None:
    """"Vannet er trygt å drikke", relayed from the waterworks by the crisis staff, is no false
    reassurance: the excellent team is in a top grade with no critical finding. The leaky team's
    "det kan godt hende at noen har vært inne på området" under the sabotage rumour corrects
    nothing, so the rumour stands uncorrected in its report."""
    drill = "strombrudd-bjorkelia"
    excellent, leaky = reports[drill, "excellent"], reports[drill, "leaky"]
    assert excellent.total >= 85 and not any(f.severity == "critical" for f in excellent.findings)
    k6 = [f for f in leaky.findings if f.rule == "K6" and f.severity == "critical"]
    assert k6 and "SABOTASJE" in k6[0].what


def test_the_missing_pupil_drill_names_the_childs_health_and_tops_the_excellent_team(reports) -> None:
    drill = "savnet-elev-asmarka"
    excellent, leaky = reports[drill, "excellent"], reports[drill, "leaky"]
    assert excellent.total >= 85 and not any(f.severity == "critical" for f in excellent.findings)
    p1 = [f for f in leaky.findings if f.rule == "P1" and f.severity == "critical"]
    assert p1 and any("diabetes" in item.quote for item in p1[0].items), p1


@pytest.mark.parametrize("drill", ("meslinger-solsikken", "hovudopptak-svar"))
def test_an_outbreak_announced_and_a_refusal_that_names_its_matter_are_no_breach(reports, drill: str) -> None:
    """"A child at Solsikken has measles" and "… gjeld søknaden til barnet dykkar, så det kan vi ikkje
    gå inn på her" disclose nothing about anyone; the leaky teams' named child still does."""
    assert not _critical(reports[drill, "excellent"], "P1"), [
        (f.rule, f.severity, f.what) for f in reports[drill, "excellent"].findings if f.rule == "P1"]
    assert _critical(reports[drill, "leaky"], "P1")


def test_a_guess_at_the_cause_of_an_everyday_error_is_named(reports) -> None:
    """The property-tax day has no incident, but the leaky team's guess that a new caseworker ran
    the bills wrongly is named under K2; the excellent team, which owned the error without
    guessing, has no such finding and stays in a top grade."""
    drill = "eigedomsskatt-feil"
    leaky, excellent = reports[drill, "leaky"], reports[drill, "excellent"]
    assert [f for f in leaky.findings if f.rule == "K2" and f.metrics.get("speculating")]
    assert not [f for f in excellent.findings if f.rule == "K2"]
    assert excellent.total >= 85 and not any(f.severity == "critical" for f in excellent.findings)
    assert _critical(leaky, "M2")  # two critical comments deleted as 'usaklig'


def test_figures_the_police_said_may_be_shared_are_theirs_to_repeat(reports) -> None:
    """The fire drill's police confirm two residents sent to hospital, "Dette kan deles", at
    03:42: the excellent team's update at 03:46 that relays them is no disclosure, while the
    leaky team's "sendt ham til sykehuset" at 03:01 still came before the police. Its post
    denying that "en beboer er død" points nobody out, so nothing caps the excellent team."""
    drill = "brann-lyngheim"
    excellent, leaky = reports[drill, "excellent"], reports[drill, "leaky"]
    assert [f.rule_score for f in excellent.findings if f.rule == "K5"] == [100]
    assert excellent.total >= 85 and not any(f.severity == "critical" for f in excellent.findings)
    k5 = [f for f in leaky.findings if f.rule == "K5" and f.severity == "critical"]
    assert k5 and "sykehuset" in k5[0].what and "03:42" in k5[0].what

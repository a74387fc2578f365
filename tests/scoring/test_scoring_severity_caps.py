"""Severity from harm, grades that mean what they say, and the speed rules as KS and Gran say them.

Hand-written sessions: each test states one claim of issue 10 and checks it on the smallest
drill that shows it.
"""

from __future__ import annotations

from drill.events import DrillEnded
from scoring import score
from scoring.rubric import SEVERITY_RANK, load_rubric

SIGNED = " Hilsen Kari, kommunikasjonsavdelingen"


def _rule(report, rule):
    found = [f for f in report.findings if f.rule == rule and f.rule_score is not None]
    assert found, [f.rule for f in report.findings]
    return found[0]


def test_every_rule_has_a_severity_ceiling_with_a_reason_in_both_languages():
    rubric = load_rubric()
    for rule_id, rule in rubric.rules.items():
        assert rule.severity in SEVERITY_RANK, rule_id
        assert rule.severity_reason.nb.strip() and rule.severity_reason.en.strip(), rule_id
    # Harm decides: confidentiality, censorship and a crisis left without a first word outrank record keeping.
    for grave in ("P1", "P2", "P3", "M2", "K2", "K5", "K6"):
        assert rubric.rule(grave).severity == "critical", grave
    for routine in ("A1", "A2", "M4", "T1", "T5", "K4", "S4"):
        assert SEVERITY_RANK[rubric.rule(routine).severity] < SEVERITY_RANK["critical"], routine
    texts = rubric.policy.texts
    assert "{finding}" in texts.capped.nb and "{finding}" in texts.capped.en
    assert "{share}" in texts.played.nb and "{share}" in texts.played.en


def test_one_routine_question_not_archived_is_not_critical(scenario, session):
    events = (session().item("q1", 0, "Kan jeg klage på vedtaket om byggesak 24/118?", archive_worthy=True)
              .reply("q1", 5, "Send klagen til postmottak@provevik.kommune.no." + SIGNED).end(60))
    report = score(scenario(kind="everyday", starts="2026-11-03T10:00:00+01:00", duration="1h"), events)
    a1 = _rule(report, "A1")
    assert a1.rule_score == 0 and a1.verdict == "improvement"
    assert a1.severity != "critical" and a1.severity_reason
    assert report.grade.capped_by is None


def test_false_reassurance_in_a_crisis_outranks_a_missed_archive_mark(scenario, session):
    events = (session().item("q1", 0, "Er det farlig?", archive_worthy=True)
              .post(5, "Alt er under kontroll. Det er ingen fare." + SIGNED, link="https://www.provevik.kommune.no/krise")
              .reply("q1", 6, "Se innlegget vårt." + SIGNED).end(60))
    report = score(scenario(), events)
    k2 = [f for f in report.findings if f.rule == "K2" and f.metrics.get("false_reassurance")]
    assert k2 and k2[0].severity == "critical"
    assert SEVERITY_RANK[k2[0].severity] > SEVERITY_RANK[_rule(report, "A1").severity]


def test_a_reassurance_passed_on_from_the_waterworks_is_information_not_a_promise(scenario, session):
    """"Vannet er trygt å drikke" after the crisis staff relayed the waterworks' word is the
    team's source speaking; the same words with no such message before them, or before the
    message came, are a promise nobody could give yet."""
    said = "Teknisk drift melder: pumpestasjonen går på reserveaggregat, vannet er trygt å drikke og trykket er normalt."
    post = "Vannet er trygt å drikke: pumpestasjonen går på aggregat. Ny melding kl. 23.30." + SIGNED

    def k2_reassurance(source_at: float | None) -> float:
        s = session().item("q1", 0, "Er vannet trygt å drikke nå?")
        if source_at is not None:
            s = s.item("i1", source_at, said, kind="internal", channel="internal", needs_reply=False)
        report = score(scenario(), s.post(10, post, link="https://www.provevik.kommune.no/krise").end(60))
        return next(f.metrics["false_reassurance"] for f in report.findings
                    if f.rule == "K2" and "false_reassurance" in f.metrics)

    assert k2_reassurance(5) == 0
    assert k2_reassurance(None) == 1
    assert k2_reassurance(20) == 1


def test_a_critical_finding_caps_its_dimension_and_the_total_and_names_the_grade(scenario, session):
    events = (session().item("q1", 0, "Hva skjer?").item("c1", 1, "Dere er håpløse!", kind="complaint")
              .post(3, "Vi vet om hendelsen og kommer med mer kl. 10.30." + SIGNED,
                    link="https://www.provevik.kommune.no/krise")
              .reply("q1", 4, "Vi vet om saken, følg med på provevik.kommune.no/krise." + SIGNED)
              .delete("c1", 2, reason="usaklig", note="")
              .end(60))
    report = score(scenario(), events)
    rubric = load_rubric()
    moderation = report.dimension("moderation")
    assert moderation.score <= rubric.policy.critical_caps.dimension
    assert abs(moderation.score - (50 + sum(f.points for f in moderation.findings))) < 0.3
    assert report.total <= rubric.policy.critical_caps.total
    assert report.grade.min < 70 and report.grade.capped_by == "M2"
    assert "Begrenset av et kritisk funn: Å slette ren kritikk" in report.grade.description
    english = score(scenario(), events, language="en")
    assert "Capped by a critical finding: " in english.grade.description and "M2" not in english.grade.description


def test_a_same_working_day_answer_earns_partial_credit(scenario, session):
    # Tuesday 08:00, everyday: answered after 4 office hours (target 3), well before 15:30.
    everyday = scenario(kind="everyday", starts="2026-11-03T08:00:00+01:00", duration="8h")
    events = session().item("q1", 10, "Når er fristen?").reply("q1", 250, "Fristen er 1. mars." + SIGNED).end(480)
    report = score(everyday, events)
    (row,) = report.response_times
    assert not row.within_target and 50 < row.credit < 100
    s1 = _rule(report, "S1")
    assert s1.rule_score == row.credit and s1.severity != "critical" and s1.metrics["partial"] == 1
    # The next working day earns nothing on S1.
    late = session().item("q1", 10, "Når er fristen?").reply("q1", 24 * 60 + 30, "1. mars." + SIGNED).end(25 * 60)
    assert score(scenario(kind="everyday", starts="2026-11-03T08:00:00+01:00", duration="26h"),
                 late).response_times[0].credit == 0


def test_in_an_incident_the_curve_runs_to_a_few_times_the_target(scenario, session):
    events = (session().item("q1", 0, "Er bussen innstilt?").item("q2", 0, "Er skolen stengt?")
              .item("q3", 0, "Er biblioteket stengt?")
              .reply("q1", 15, "Bussen går som normalt." + SIGNED).reply("q2", 30, "Skolen er åpen." + SIGNED)
              .reply("q3", 70, "Biblioteket er åpent." + SIGNED).end(120))
    credits = {r.item_id: r.credit for r in score(scenario(), events).response_times}
    multiple = load_rubric().rule("S1").param("incident_zero_at_multiple")
    assert credits["q1"] == 100 and credits["q3"] == 0 and 0 < credits["q2"] < 100
    assert credits["q2"] == round(100 * (multiple * 15 - 30) / (multiple * 15 - 15), 1)


def test_s2_fires_for_a_question_left_more_than_two_calendar_days(scenario, session):
    everyday = scenario(kind="everyday", starts="2026-11-02T09:00:00+01:00", duration="80h")
    events = (session().item("q1", 0, "Hvem kan jeg kontakte om byggesaken?")
              .reply("q1", 60 * 60, "Ring servicetorget på 70 00 00 00." + SIGNED).end(80 * 60))
    s2 = _rule(score(everyday, events), "S2")
    assert s2.metrics["over_two_days"] == 1 and s2.verdict == "improvement"


def test_a_promise_kept_by_a_later_official_post_or_thread_reply_is_kept(scenario, session):
    ack = "Vi undersøker saken og kommer tilbake med mer om noen minutter." + SIGNED
    events = (session().item("q1", 0, "Hva er det som lukter?").item("q2", 1, "Er det farlig å gå ut?")
              .item("q3", 2, "Og skolen?", thread="q2")
              .reply("q1", 3, ack).reply("q2", 3, ack)
              .post(10, "Lukten skyldes en gasslekkasje ifølge brannvesenet. Hold dere unna Torget. Ny oppdatering kl. "
                        "10.45." + SIGNED, link="https://www.provevik.kommune.no/krise")
              .reply("q3", 12, "Skolen holder åpent, men elevene holdes inne." + SIGNED, thread="q2")
              .end(60))
    s2 = _rule(score(scenario(), events), "S2")
    assert s2.metrics["acknowledged"] == 2 and s2.metrics["promises_broken"] == 0


def test_a_childs_name_and_birth_date_in_public_scores_clearly_below_slow_but_careful(scenario, session):
    everyday = scenario(kind="everyday", starts="2026-11-03T08:00:00+01:00", duration="8h")
    questions = [("q1", 5, "Når får vi svar på barnehageplassen?"),
                 ("q2", 6, "Hvor sender jeg søknaden?"),
                 ("q3", 7, "Kan jeg bytte barnehage?")]

    def base():
        s = session()
        for item_id, minute, text in questions:
            s.item(item_id, minute, text)
        return s

    careful = (base().reply("q1", 245, "Svarene sendes ut innen 15. april." + SIGNED)
               .reply("q2", 246, "Søknaden sendes på skjemaet på provevik.kommune.no/barnehage." + SIGNED)
               .reply("q3", 247, "Ja, søk om bytte på samme skjema." + SIGNED).end(480))
    leaking = (base().reply("q1", 20, "Emma Hansen, født 12.03.2021, har fått plass på Solsikken barnehage." + SIGNED)
               .reply("q2", 21, "Søknaden sendes på skjemaet på provevik.kommune.no/barnehage." + SIGNED)
               .reply("q3", 22, "Ja, søk om bytte på samme skjema." + SIGNED).end(480))
    slow = score(everyday, careful)
    leak = score(everyday, leaking)
    assert any(f.rule == "P1" and f.severity == "critical" for f in leak.findings)
    assert leak.total <= slow.total - 10 and leak.grade.min < slow.grade.min
    assert leak.grade.capped_by == "P1"


def test_repeated_posts_without_news_are_named_as_noise(scenario, session):
    s = session()
    for minute in range(2, 60, 5):
        s.post(minute, "Vi følger situasjonen og kommer tilbake med mer informasjon." + SIGNED,
               link="https://www.provevik.kommune.no/krise")
    report = score(scenario(), s.end(60))
    noise = [f for f in report.findings if f.rule == "K3" and f.metrics.get("repeated_without_news")]
    assert noise and noise[0].metrics["repeated_without_news"] == 11 and noise[0].verdict == "improvement"
    assert "støy" in noise[0].what


def test_a_drill_ended_early_counts_the_missing_first_statement(scenario, session):
    events = session().item("q1", 1, "Hva skjer?").reply("q1", 2, "Vi ser på det." + SIGNED).end(4)
    events[-1] = events[-1].model_copy(update={"payload": DrillEnded(reason="ended_by_trainer")})
    report = score(scenario(), events)
    assert report.played.ended_early and report.played.share < 0.05
    crisis = report.dimension("crisis")
    assert crisis.score is not None and crisis.score < 50
    k2 = _rule(report, "K2")
    assert k2.rule_score == 0 and k2.severity == "critical"
    assert report.total < 40 and "avsluttet etter 4 min av planlagte 2 t" in report.grade.description

"""Speed (S1–S5) and coverage (C1–C3) on small hand-written sessions."""

from __future__ import annotations

from scoring import score


def _rule(report, rule):
    found = [f for f in report.findings if f.rule == rule]
    assert len(found) == 1, [f.rule for f in report.findings]
    return found[0]


def test_incident_targets_are_plain_minutes(scenario, session):
    events = (session()
              .item("q1", 0, "Er bussen innstilt?").item("q2", 1, "Er skolen stengt?").item("q3", 2, "Hvor lenge varer det?")
              .reply("q1", 5, "Bussen går som normalt. Hilsen Kari, kommunikasjon")
              .reply("q2", 21, "Skolen er åpen. Hilsen Kari, kommunikasjon")
              .end(60))
    report = score(scenario(), events)
    s1 = _rule(report, "S1")
    assert s1.metrics["within"] == 1 and s1.metrics["total"] == 3 and s1.metrics["never"] == 1
    assert s1.what.startswith("1 av 3 henvendelser fikk svar innen 15 min")
    assert "etter rubrikkens standard" in s1.what  # no reply_within in the scenario: the rubric's 15 min
    # q1 full credit; q2 after 20 min earns most on the incident curve (0 at 4 × 15 min); q3 nothing.
    assert round(s1.rule_score, 1) == round((100 + 100 * 40 / 45) / 3, 1) and s1.metrics["partial"] == 1
    assert [i.id for i in s1.items] == ["q3", "q2"]  # never answered first, then the slowest
    times = {r.item_id: r for r in report.response_times}
    assert times["q2"].responded_after == 20 * 60 and not times["q2"].within_target
    assert "uten lettelse utenfor kontortid" in _rule(report, "S3").what


def test_scenario_expectation_overrides_the_reply_target(scenario, session):
    events = session().item("q1", 0, "Er skolen stengt?").reply("q1", 20, "Skolen er åpen. Hilsen Kari, kommunikasjon").end(60)
    report = score(scenario(expectations={"reply_within": "30m"}), events)
    s1 = _rule(report, "S1")
    assert s1.metrics["within"] == 1 and "fra scenariet" in s1.what
    assert report.thresholds["reply_within"] == 1800 and report.threshold_origin["reply_within"] == "scenario"


def test_outside_an_incident_only_office_time_counts(scenario, session):
    # Friday 15:00; office hours 08:00-15:30. A question at 15:20 answered Monday 08:30:
    # 10 minutes on Friday and 30 on Monday, far inside three office hours.
    everyday = scenario(kind="everyday", starts="2026-11-06T15:00:00+01:00", duration="70h")
    monday = (65 * 60 + 30)
    events = session().item("q1", 20, "Når åpner bassenget?").reply("q1", monday, "Kl. 10. Hilsen Kari, kommunikasjon") \
        .end(monday + 10)
    report = score(everyday, events)
    (row,) = report.response_times
    assert row.responded_after == 40 * 60 and row.within_target
    assert report.thresholds["reply_within"] == 3 * 3600
    assert "kontortid" in _rule(report, "S3").what
    assert report.dimension("crisis").score is None or all(
        f.rule not in {"K2", "K3", "K4", "K7"} for f in report.dimension("crisis").findings)


def test_an_acknowledgement_counts_but_the_promise_must_be_kept(scenario, session):
    events = (session()
              .item("q1", 0, "Får vi kompensasjon?").item("q2", 0, "Er vannet trygt?")
              .reply("q1", 3, "Vi undersøker saken og kommer tilbake til deg. Hilsen Kari, kommunikasjon")
              .reply("q2", 3, "Vi undersøker saken og kommer tilbake til deg. Hilsen Kari, kommunikasjon")
              .reply("q2", 40, "Vannet er trygt å drikke. Hilsen Kari, kommunikasjon")
              .end(60))
    report = score(scenario(), events)
    assert _rule(report, "S1").metrics["within"] == 2
    s2 = _rule(report, "S2")
    assert s2.metrics["acknowledged"] == 2 and s2.metrics["promises_broken"] == 1
    assert [i.id for i in s2.items] == ["q1"]


def test_coverage_counts_criticism_and_skips_justly_removed_items(scenario, session):
    events = (session()
              .item("q1", 0, "Er skolen stengt?").item("c1", 1, "Dere er alt for trege med svarene!", kind="complaint")
              .item("c2", 2, "Helt håpløst informasjon.", kind="complaint")
              .item("a1", 3, "Ordføreren er en idiot.", kind="attack")
              .reply("q1", 5, "Skolen er åpen. Hilsen Kari, kommunikasjon")
              .reply("c1", 6, "Vi forstår frustrasjonen; vi svarer nå innen 15 minutter. Hilsen Kari, kommunikasjon")
              .delete("a1", 4, reason="personal_attack", note="personangrep")
              .end(60))
    c1 = _rule(score(scenario(), events), "C1")
    assert c1.metrics == {"answered": 2, "total": 3, "complaints": 2, "complaints_answered": 1}
    assert "Av klagene og kritikken fikk 1 av 2 svar" in c1.what
    assert c1.items[0].id == "c2"


def test_one_person_on_duty(scenario, session):
    events = (session()
              .item("q1", 0, "Hva skjer?").item("q2", 1, "Er skolen stengt?")
              .reply("q1", 3, "Vi vet om saken. Hilsen Kari, kommunikasjon")
              .reply("q1", 5, "Mer info kommer. Hilsen Ola, kommunikasjon", by="Ola, kommunikasjon")
              .handover(10, "Ola, kommunikasjon")
              .reply("q2", 12, "Skolen er åpen. Hilsen Ola, kommunikasjon")
              .end(60))
    c2 = _rule(score(scenario(), events), "C2")
    assert c2.metrics["off_duty"] == 1 and c2.metrics["parallel"] == 1 and c2.metrics["actions"] == 3
    assert round(c2.rule_score, 1) == 33.3
    assert "2 av 3 svar og innlegg kom fra den som hadde vakt" in c2.what


def test_rumours_corrected_and_praise_acknowledged(scenario, session):
    events = (session()
              .item("r1", 0, "Det er en bombe!", kind="rumour").item("r2", 1, "Alle skal evakueres.", kind="rumour")
              .item("p1", 2, "Takk til brannfolka!", kind="praise").item("p2", 3, "Bra jobba!", kind="praise")
              .post(5, "Det er ikke en bombe. Hilsen Kari, kommunikasjon", corrects=["r1"])
              .like("p1", 6)
              .end(60))
    c3 = _rule(score(scenario(), events), "C3")
    assert c3.metrics == {"false_claims": 2, "corrected": 1, "praise": 2, "praise_acknowledged": 1}
    assert c3.rule_score == 50
    assert {i.id for i in c3.items} == {"r2", "p2"}


def test_dimension_score_is_fifty_plus_the_points(scenario, session):
    events = (session()
              .item("q1", 0, "Hva skjer?").item("q2", 1, "Er skolen stengt?").item("p1", 2, "Takk!", kind="praise")
              .reply("q1", 5, "Vi vet om saken. Hilsen Kari, kommunikasjon")
              .end(60))
    report = score(scenario(), events)
    for name in ("speed", "coverage", "moderation", "archiving", "privacy"):
        d = report.dimension(name)
        if d.score is None:
            continue
        assert abs(d.score - (50 + sum(f.points for f in d.findings))) < 0.3, name

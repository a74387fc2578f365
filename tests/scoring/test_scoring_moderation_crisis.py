"""Moderation (M1–M4), crisis handling (K1–K8), archiving (A1–A2) and privacy (P1–P3) on
small hand-written sessions."""

from __future__ import annotations

import pytest

from scoring import score

SIGN = "Hilsen Kari, kommunikasjon"
LINK = "https://www.provevik.kommune.no/krise"


def _rules(report, rule):
    return [f for f in report.findings if f.rule == rule]


def _rule(report, rule):
    found = _rules(report, rule)
    assert len(found) == 1, [f.rule for f in report.findings]
    return found[0]


# --- moderation -----------------------------------------------------------------------------


def test_deleting_criticism_costs_more_than_hiding_other_comments(scenario, session):
    deleted = session().item("c1", 0, "Kommunen er treg!", kind="complaint").delete("c1", 2).end(30)
    hidden = session().item("q1", 0, "Hva skjer?").hide("q1", 2, reason="usaklig").end(30)
    m2_deleted = _rule(score(scenario(), deleted), "M2")
    m2_hidden = _rule(score(scenario(), hidden), "M2")
    assert m2_deleted.rule_score == 65 and m2_deleted.severity == "critical"
    assert m2_hidden.rule_score == 90 and m2_hidden.severity == "major"
    assert m2_hidden.verdict == "improvement"  # never a strength, however few points it costs
    assert m2_deleted.items[0].quote == "Kommunen er treg!"


def test_missed_attacks_weigh_more_than_missed_spam(scenario, session):
    events = (session()
              .item("a1", 0, "Ordføreren er en idiot.", kind="attack")
              .item("s1", 1, "Kjøp billige solbriller!", kind="spam")
              .item("s2", 2, "Vinn en iPhone!", kind="spam")
              .delete("s1", 3, reason="usaklig", note="reklame").delete("s2", 3, reason="usaklig", note="reklame")
              .end(30))
    m1 = _rule(score(scenario(), events), "M1")
    # weights: attack 3, spam 1 each -> 3 of 5 lost
    assert m1.rule_score == pytest.approx(40.0)
    assert m1.metrics["missed_serious"] == 1 and m1.items[0].id == "a1"


def test_a_team_that_removed_nothing_earns_nothing_for_censoring_nothing(scenario, session):
    """A silent team left an attack and a post naming someone up and removed nothing: 'no
    criticism was deleted' is no judgement to credit, so moderation is what it missed. A team
    that did remove the attack keeps M2's credit for leaving the criticism up."""
    def drill(remove: bool):
        s = (session()
             .item("a1", 0, "Ordføreren er en idiot.", kind="attack")
             .item("c1", 1, "Kommunen er treg!", kind="complaint"))
        if remove:
            s = s.delete("a1", 3, reason="personal_attack", note="personangrep mot ordføreren")
        return score(scenario(), s.end(30))
    silent, moderating = drill(False), drill(True)
    assert _rule(silent, "M2").rule_score is None
    assert next(d for d in silent.dimensions if d.dimension == "moderation").score == pytest.approx(0.0)
    assert _rule(moderating, "M2").rule_score == pytest.approx(100.0)


def test_removal_reasons_and_notes_are_checked(scenario, session):
    events = (session()
              .item("a1", 0, "Idiot!", kind="attack").item("t1", 1, "Naboen Per Hansen har gjort det.", kind="third_party")
              .delete("a1", 2, reason="personal_attack", note="personangrep")
              .delete("t1", 3, reason="usaklig")
              .end(30))
    m4 = _rule(score(scenario(), events), "M4")
    assert m4.metrics == {"removals": 2, "reason_matches": 1, "noted": 1}
    assert m4.rule_score == 50 and m4.items[0].id == "t1"


def test_personal_data_should_be_hidden_rather_than_deleted(scenario, session):
    events = (session()
              .item("d1", 0, "Mora mi Kari Olsen (87) bor i Storgata 4.", kind="personal_data")
              .item("d2", 1, "Faren min Per (90) har hjemmesykepleie.", kind="personal_data")
              .hide("d1", 3, note="helseopplysninger").delete("d2", 3, reason="personal_data", note="helse")
              .end(30))
    report = score(scenario(), events)
    assert _rule(report, "M3").rule_score == 50
    assert _rule(report, "P3").metrics == {"exposing": 2, "removed_in_time": 2, "left_visible": 0}


def test_a_question_labelled_personal_data_may_be_hidden_as_p3_asks(scenario, session):
    """A parent's question with the child's birth date and case number, labelled `personal_data`:
    P3 asks the team to hide it, so hiding it is no wrongful removal (M2) either."""
    text = "Emma (født 12.03.2025) fikk avslag. Søknadsnummer BHG-2026-0318. Hvorfor?"
    hidden = score(scenario(), session().item("q1", 0, text, personal_data=True)
                   .hide("q1", 3, note="barnets fødselsdato og saksnummer").end(30))
    assert _rule(hidden, "M2").rule_score == 100
    assert _rule(hidden, "P3").metrics == {"exposing": 1, "removed_in_time": 1, "left_visible": 0}
    left = score(scenario(), session().item("q1", 0, text, personal_data=True).end(30))
    assert _rule(left, "P3").metrics["left_visible"] == 1


def test_personal_data_the_trainer_keeps_on_the_page_is_not_asked_to_be_hidden(scenario, session):
    """`deletion_justified: no` on a comment with personal data (a resident's own details that may
    stand): no P3 demand to hide it, and hiding it is counted as removing a legitimate comment."""
    text = "Søknadsnummeret vårt er BHG-2026-0318. Når får vi svar?"
    left = score(scenario(), session().item("q1", 0, text, personal_data=True, deletion_justified=False).end(30))
    assert not _rules(left, "P3")
    hidden = score(scenario(), session().item("q1", 0, text, personal_data=True, deletion_justified=False)
                   .hide("q1", 3).end(30))
    assert _rule(hidden, "M2").metrics["wrongly_removed"] == 1


# --- crisis ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("minute", "expected"), [(10, 100.0), (37.5, 50.0), (60, 0.0), (75, 0.0)])
def test_first_post_timing(scenario, session, minute, expected):
    events = session().item("q1", 0, "Hva skjer?").post(minute, f"Vi vet om hendelsen. {SIGN}", link=LINK).end(120)
    timing = next(f for f in _rules(score(scenario(), events), "K2") if "first_post_s" in f.metrics)
    assert timing.rule_score == pytest.approx(expected)


def test_no_official_post_at_all(scenario, session):
    report = score(scenario(), session().item("q1", 0, "Hva skjer?").end(60))
    timing = next(f for f in _rules(report, "K2") if "first_post_s" in f.metrics)
    assert timing.rule_score == 0 and timing.severity == "critical"
    assert _rule(report, "K3").rule_score == 0


def test_update_rhythm_and_next_update(scenario, session):
    events = (session().item("q1", 0, "Hva skjer?")
              .post(10, f"Gasslekkasje. Neste oppdatering kl. 10.40. {SIGN}", link=LINK)
              .post(40, f"Fortsatt sperret. Neste oppdatering kl. 11.10. {SIGN}", link=LINK)
              .post(100, f"Alt er klart. {SIGN}", link=LINK)
              .end(120))
    k3 = _rule(score(scenario(), events), "K3")
    # gaps 30, 60, 20 min over 110 min: 30 min overdue
    assert k3.metrics["overdue_s"] == 30 * 60 and k3.metrics["longest_gap_s"] == 60 * 60
    assert k3.metrics["with_next_update"] == 2
    assert k3.rule_score == pytest.approx(0.7 * 100 * (1 - 30 / 110) + 0.3 * 100 * 2 / 3, abs=0.05)


def test_one_official_link(scenario, session):
    events = (session().post(5, f"Første melding. {SIGN}", link=LINK)
              .post(30, f"Les mer på provevik.kommune.no/krise. {SIGN}")
              .post(60, f"Se Facebook-gruppa. {SIGN}", link="https://example.org/annet")
              .end(90))
    k4 = _rule(score(scenario(), events), "K4")
    assert k4.metrics == {"posts": 3, "linking": 2}
    assert k4.items[0].id == "p003"


def test_casualty_facts_before_the_police_release(scenario, session):
    police = ("Én person er kjørt til legevakten med pustevansker. Politiet går selv ut med dette kl. 10.45.")
    base = lambda: (session()  # noqa: E731 - a fresh builder per case
                    .item("pol", 20, police, kind="authority", channel="emergency", casualty_facts=True)
                    .item("q", 25, "Er noen skadd?", kind="rumour", casualty_facts=True))
    early = base().reply("q", 30, f"Én person er på legevakten. {SIGN}").end(60)
    after = base().reply("q", 50, f"Én person er på legevakten. {SIGN}").end(60)
    referring = base().reply("q", 30, f"Politiet informerer om eventuelle skadde. {SIGN}").end(60)
    k5 = _rule(score(scenario(), early), "K5")
    assert k5.rule_score == 0 and k5.severity == "critical"
    assert "10:30" in k5.what and "10:45" in k5.what and "legevakten" in k5.what
    assert _rule(score(scenario(), after), "K5").rule_score == 100
    assert _rule(score(scenario(), referring), "K5").rule_score == 100


def test_casualty_facts_the_police_have_released_may_be_repeated_unattributed(scenario, session):
    """The tone analyser flags any unattributed casualty fact; once the police have published that
    fact, a summary repeating it (no 'politiet har opplyst') shares what they released, and a
    finding dated after their release cannot say the text came before them."""
    police = ("Én person er kjørt til legevakten med pustevansker. Politiet går selv ut med dette kl. 10.45.")
    base = lambda: (session()  # noqa: E731 - a fresh builder per case
                    .item("pol", 20, police, kind="authority", channel="emergency", casualty_facts=True))
    summary = f"Oppsummering: Én person ble kjørt til legevakten med pustevansker. {SIGN}"
    early = base().post(30, summary, link=LINK).end(90)
    late = base().post(60, summary, link=LINK).end(90)
    other = base().post(60, f"Oppsummering: To personer er omkommet i lekkasjen. {SIGN}", link=LINK).end(90)
    k5 = _rule(score(scenario(), early), "K5")
    assert k5.rule_score == 0 and "10:30" in k5.what and "10:45" in k5.what
    assert _rule(score(scenario(), late), "K5").rule_score == 100
    k5_other = _rule(score(scenario(), other), "K5")
    assert k5_other.rule_score == 0 and "11:00" in k5_other.what and "10:45" not in k5_other.what


def test_rumour_correction_time_and_counterfactual_reach(scenario, session):
    events = (session()
              .item("bomb", 2, "Det er en bombe!", kind="rumour", spreads=True)
              .item("small", 3, "Hele byen evakueres.", kind="rumour")
              .reach("bomb", 5, 800).reach("bomb", 9, 2100)
              .reply("bomb", 9, f"Det stemmer ikke; politiet bekrefter gasslekkasje. {SIGN}", corrects=["bomb"])
              .reply("small", 50, f"Det stemmer ikke. {SIGN}")
              .reach("bomb", 30, 2600)
              .counterfactual("bomb", 120, actual=2600, without=6700, corrected_minute=9, earlier_by_min=5,
                              with_earlier=1400)
              .end(120))
    english = score(scenario(), events, language="en")
    k6 = _rule(english, "K6")
    assert k6.metrics["on_time"] == 1 and k6.metrics["late"] == 1 and k6.metrics["reach_prevented"] == 4100
    # a spreading rumour weighs 3: (3 + 0.5) / 4
    assert k6.rule_score == pytest.approx(87.5)
    assert "Your correction at 10:09 kept the rumour “Det er en bombe!” from about 4,100 people." in k6.what
    assert "5 min earlier would have kept about 1,200 more people from it." in k6.what
    (rumour,) = english.rumours
    assert rumour.prevented == 4100 and rumour.corrected_at_clock == "10:09"
    norwegian = _rule(score(scenario(), events), "K6")
    assert "holdt ryktet «Det er en bombe!» unna omtrent 4\u00a0100 personer" in norwegian.what


def test_reach_is_optional(scenario, session):
    events = (session().item("bomb", 2, "Det er en bombe!", kind="rumour", spreads=True)
              .reply("bomb", 9, f"Det stemmer ikke. {SIGN}").end(60))
    report = score(scenario(), events)
    assert _rule(report, "K6").metrics["reach_prevented"] == 0
    assert report.rumours[0].without_correction is None


def test_incident_rules_do_not_apply_to_an_everyday_drill(scenario, session):
    events = session().item("q1", 0, "Når åpner bassenget?").reply("q1", 30, f"Kl. 10. {SIGN}").end(60)
    report = score(scenario(kind="everyday"), events)
    assert not report.incident_active
    assert {f.rule for f in report.dimension("crisis").findings} & {"K1", "K2", "K3", "K4", "K7"} == set()


def test_a_guess_at_the_cause_is_named_in_an_everyday_drill_too(scenario, session):
    """No incident means no first message to time, but a public guess at what caused the
    municipality's own error is as public on an ordinary day; a drill without one is unchanged."""
    guess = ("Feilen er vår, og vi beklager. Trolig var det en ny saksbehandler som kjørte fakturaene med feil "
             f"innstilling. {SIGN}")
    plain = f"Feilen er vår, og vi beklager. Riktig faktura kommer innen 20. mars. {SIGN}"
    drill = lambda text: (session().item("c1", 0, "Hvorfor fikk jeg dobbel regning?", kind="complaint")  # noqa: E731
                          .reply("c1", 5, text).end(60))
    speculating = score(scenario(kind="everyday"), drill(guess))
    k2 = _rule(speculating, "K2")
    assert k2.metrics["speculating"] == 1 and k2.rule_score < 100 and k2.items[0].quote.startswith("Feilen er vår")
    assert not _rules(score(scenario(kind="everyday"), drill(plain)), "K2")
    assert speculating.dimension("crisis").score < score(scenario(kind="everyday"), drill(plain)).dimension("crisis").score


def test_a_guess_never_lifts_an_everyday_drills_crisis_score(scenario, session):
    """Named only when a text guesses, the wording rule could lift a team whose other crisis rules
    score lower: here a rumour left standing (K6 at nothing). With the guess the team may not
    score above the same team without it."""
    guess = f"Trolig var det en ny saksbehandler som kjørte fakturaene med feil innstilling. {SIGN}"
    plain = f"Riktig faktura kommer innen 20. mars. {SIGN}"
    questions = ["Når åpner bassenget?", "Hvor kan jeg parkere?", "Når tømmes søpla?"]
    answers = ["Bassenget åpner kl. 10.", "Parkeringshuset i Storgata er åpent.", "Søpla tømmes på torsdag."]

    def drill(text: str) -> list:
        built = session().item("c1", 0, "Hvorfor fikk jeg dobbel regning?").item(
            "r1", 2, "Kommunen har solgt skolen i hemmelighet!", kind="rumour")
        for n, question in enumerate(questions):
            built = built.item(f"q{n}", 3 + n, question)
        built = built.reply("c1", 5, text)
        for n, answer in enumerate(answers):
            built = built.reply(f"q{n}", 9 + n, f"{answer} {SIGN}")
        return built.end(60)

    guessed, clean = (score(scenario(kind="everyday"), drill(text)).dimension("crisis") for text in (guess, plain))
    assert [f for f in guessed.findings if f.rule == "K2" and f.metrics.get("speculating")]
    assert clean.score is not None and guessed.score is not None and guessed.score <= clean.score


def test_an_agency_message_that_may_be_shared_releases_its_facts_as_it_arrives(scenario, session):
    """A police message that says its facts may be passed on publishes them then, labelled
    casualty_facts or not; repeating them afterwards is sharing the police's facts, and telling
    them before it came is still telling them first."""
    police = "Politiet kan nå bekrefte at to beboere er sendt til sykehus med røykskader. Dette kan deles."
    base = lambda: session().item("pol", 40, police, kind="authority", channel="emergency")  # noqa: E731
    after = base().post(45, f"To beboere er sendt til sykehus med røykskader. {SIGN}", link=LINK).end(90)
    before = base().post(30, f"To beboere er sendt til sykehus med røykskader. {SIGN}", link=LINK).end(90)
    assert _rule(score(scenario(), after), "K5").rule_score == 100
    k5 = _rule(score(scenario(), before), "K5")
    assert k5.rule_score == 0 and "10:30" in k5.what
    held = "To beboere er sendt til sykehus. Ikke publiser dette; politiet går selv ut."
    embargo = session().item("pol", 20, held, kind="authority", channel="emergency", casualty_facts=True)
    assert _rule(score(scenario(), embargo.post(45, f"To beboere er sendt til sykehus. {SIGN}", link=LINK)
                       .end(90)), "K5").rule_score == 0


# --- archiving and privacy -----------------------------------------------------------------


def test_archive_marks(scenario, session):
    events = (session()
              .item("claim", 0, "Jeg krever erstatning.", archive_worthy=True)
              .item("crit", 1, "Dette må evalueres!", kind="complaint", archive_worthy=True)
              .item("q1", 2, "Går bussen?")
              .archive("claim", 5).archive("q1", 6)
              .end(30))
    report = score(scenario(), events)
    assert _rule(report, "A1").metrics == {"worthy": 2, "marked": 1}
    assert _rule(report, "A2").metrics == {"marked": 2, "routine": 1}
    assert report.dimension("archiving").score == pytest.approx((2 * 50 + 1 * 50) / 3)


def test_personal_data_in_a_public_reply(scenario, session):
    comment = "Mora mi bor i Sjøgata 4 og har hjemmesykepleie. Ring meg på 918 27 364!"
    events = (session().item("mor", 0, comment, kind="personal_data", needs_reply=True)
              .reply("mor", 5, f"Vi ringer deg på 918 27 364 om moren din i Sjøgata 4. {SIGN}")
              .end(60))
    report = score(scenario(), events)
    p1 = _rule(report, "P1")
    assert p1.verdict == "improvement" and p1.severity == "critical"
    assert p1.items[0].id == "r0001"
    p3 = _rule(report, "P3")
    assert p3.metrics["left_visible"] == 1 and p3.severity == "critical"


def test_the_municipality_may_publish_its_own_switchboard(scenario, session):
    events = (session().item("q1", 0, "Hvem kan jeg ringe?")
              .reply("q1", 5, f"Ring sentralbordet på 70 00 00 00. {SIGN}").end(60))
    assert _rule(score(scenario(), events), "P1").rule_score == 100


def test_a_drill_ended_at_once_is_not_judged_on_what_was_not_yet_due(scenario, session):
    report = score(scenario(), session().item("q1", 0, "Hva skjer?").end(5))
    unjudged = {"speed", "coverage", "tone", "crisis", "archiving", "privacy"}
    assert all(report.dimension(name).score is None for name in unjudged)
    assert report.total == report.dimension("moderation").score  # the question was rightly left up
    assert "før fristen for første melding" in _rules(report, "K2")[0].what


def test_restoring_a_wrongly_deleted_comment_halves_the_cost(scenario, session):
    from drill.events import ItemRestored

    builder = session().item("c1", 0, "Kommunen er treg!", kind="complaint").delete("c1", 2)
    builder._add(4 * 60, builder.on_duty, ItemRestored(item_id="c1"))
    m2 = _rule(score(scenario(), builder.end(30)), "M2")
    assert m2.rule_score == pytest.approx(100 - 35 / 2)
    assert m2.metrics["restored"] == 1 and "1 gjenopprettet" in m2.what and m2.verdict == "improvement"


def test_replies_to_complaints_need_empathy(scenario, session):
    events = (session()
              .item("c1", 0, "Dere er altfor trege!", kind="complaint")
              .item("c2", 1, "Ingen sier noe her.", kind="complaint")
              .reply("c1", 5, f"Vi forstår at dette er frustrerende, og beklager ventetiden. {SIGN}")
              .reply("c2", 6, "Les nettsiden.")
              .end(60))
    k8 = _rule(score(scenario(), events), "K8")
    assert k8.metrics == {"replies_to_complaints": 2, "without_empathy": 1}
    assert [i.id for i in k8.items] == ["r0002"]


# --- tone -----------------------------------------------------------------------------------


def test_tone_is_the_mean_analyser_score_with_findings_by_rule(scenario, session):
    from scoring.tone import analyse_reply

    polite = f"Hei! Skolen er åpen som vanlig. Les mer på provevik.kommune.no/krise. {SIGN}"
    rude = "Se nettsiden."
    events = (session().item("q1", 0, "Er skolen åpen?").item("q2", 1, "Går bussen?")
              .reply("q1", 3, polite).reply("q2", 4, rude).end(60))
    report = score(scenario(), events)
    expected = [analyse_reply(t, language="nb", context=comment, official_numbers=("+47 70 00 00 00",),
                              official_domains=("provevik.kommune.no",)).score
                for t, comment in ((polite, "Er skolen åpen?"), (rude, "Går bussen?"))]
    assert report.dimension("tone").score == pytest.approx(sum(expected) / 2, abs=0.05)
    t2 = _rule(report, "T2")
    assert t2.verdict == "improvement" and [i.id for i in t2.items] == ["r0002"]
    t1 = _rule(report, "T1")
    assert t1.points > 0 and "1 av 2 tekster" in t1.what

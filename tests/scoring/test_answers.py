"""Does an answer answer? The relevance check behind coverage and corrections (scoring/answers.py)."""

from __future__ import annotations

import pytest

from scoring.answers import Verdict, addresses, pasted_texts

QUESTION = "Når kommer strømmen tilbake på Nordbyen? Fryseren min tiner!"
CLAIM = "Hørte fra en i politiet at det er en bombe, ikke gass."


@pytest.mark.parametrize("reply, reason", [
    ("Nettselskapet regner med at strømmen er tilbake på Nordbyen i løpet av kvelden. Hilsen Kari, kommunikasjon",
     "subject"),
    ("Vi venter svar fra Elvia. Neste oppdatering kommer kl. 18.00. Hilsen Ola, beredskap", "information"),
    ("Vi vet ikke ennå. Følg med på https://fjordvik.kommune.no/strom", "information"),
    ("Send oss en melding i innboksen, så hjelper vi deg videre.", "referral"),
])
def test_a_reply_that_gives_the_subject_information_or_a_channel_addresses_a_question(reply: str, reason: str) -> None:
    verdict = addresses(reply, QUESTION, "nb")
    assert verdict.addresses and verdict.reason == reason


@pytest.mark.parametrize("reply", [
    "Takk for innspill. Hilsen Kari, kommunikasjonsavdelingen",
    "Takk for at du tar kontakt! Vi setter stor pris på engasjementet ditt. Hilsen Kari, kommunikasjonsavdelingen",
    "Hei, takk for innspillet – det er fint at du bryr deg. Ha en fin dag!",
    "Se nettsiden.",
])
def test_pasted_thanks_and_polite_non_answers_do_not_address_a_question(reply: str) -> None:
    assert not addresses(reply, QUESTION, "nb").addresses


INTRODUCED = "Jeg heter Else Haugen og bor i Fjellveien 3. Ring meg på 91234567, jeg trenger hjelp!"
MISSING = "Har noen sett Else Haugen? Hun har ikke kommet hjem."


@pytest.mark.parametrize("reply, comment, language", [
    ("Hei Else! Fint vær i dag.", INTRODUCED, "nb"),
    ("Takk, Else. Vi har skjult kommentaren din.", INTRODUCED, "nb"),
    ("Kjære Else Haugen, takk for at du skriver.", INTRODUCED, "nb"),
    ("Fint at du sier fra, Else.", INTRODUCED, "nb"),
    ("Else, fint vær i dag, syns du ikke?", INTRODUCED, "nb"),
    ("Thank you, Hans. Have a nice day.", "Is the road to Alivika open? I am Hans Mikkelsen.", "en"),
    ("Hi Hans Mikkelsen, nice to hear from you.", "Is the road to Alivika open? I am Hans Mikkelsen.", "en"),
])
def test_greeting_the_asker_by_the_name_they_gave_is_no_answer(reply: str, comment: str, language: str) -> None:
    """The name a comment gives is who asks, and a reply that greets them by it shares a word
    with the comment and nothing else: a greeting plus small talk must not count as an answer."""
    assert not addresses(reply, comment, language).addresses


@pytest.mark.parametrize("reply, comment, language", [
    ("Else, vi ringer deg nå.", INTRODUCED, "nb"),
    ("Hei Else, vi sender hjelp til Fjellveien 3 nå.", INTRODUCED, "nb"),
    ("Else Haugen er funnet i god behold.", MISSING, "nb"),
    ("Hei Kari, Else Haugen er funnet.", MISSING, "nb"),
    ("Vi har varslet om Else Haugen, Kari.", MISSING, "nb"),
    ("Hi Hans, the road to Alivika is open.", "Is the road to Alivika open? I am Hans Mikkelsen.", "en"),
    # A place that opens the reply is its subject, not whom it greets: the "you" is in a later sentence.
    ("Fjellveien, ja. Vi tar den først i morgen, så du slipper å vente.", "Når blir det brøytet i Fjellveien?", "nb"),
])
def test_a_name_the_reply_is_about_still_shares_the_subject(reply: str, comment: str, language: str) -> None:
    assert addresses(reply, comment, language).addresses


def test_a_claim_is_addressed_by_saying_whether_it_is_true_or_who_will_say() -> None:
    assert addresses("Det stemmer ikke. Politiet bekrefter at det er en gasslekkasje.", CLAIM, "nb").addresses
    assert addresses("Det er politiet som informerer om skadde og savnede.", "Hørte at mange er døde", "nb").addresses
    assert not addresses("Takk for at du sier fra! Hilsen Kari", CLAIM, "nb").addresses
    assert not addresses("Vi har notert oss det du skriver.", CLAIM, "nb").addresses


def test_compounds_and_inflections_share_a_subject() -> None:
    assert addresses("Gasslekkasjen er tettet.", "Er gassen farlig?", "nb").reason == "subject"
    assert addresses("Vi tar det med i evalueringen.", "Dette må evalueres.", "nb").reason == "subject"
    assert addresses("The boil-water notice covers Sørlia until Friday.", "Can we drink the water in Sørlia?",
                     "en").addresses


def test_the_same_text_under_different_questions_is_pasted_but_one_answer_to_one_question_is_not() -> None:
    line = "Takk for innspill. Hilsen Kari"
    rows = [(f"r{i}", line, f"c{i}", text, False) for i, text in
            enumerate(["Når åpner skolen?", "Er vannet trygt?", "Hvem har ansvaret?", "Hvorfor så treigt?"])]
    [pasted] = pasted_texts(rows)
    assert pasted.item_ids == ("c0", "c1", "c2", "c3") and pasted.addressed == 0
    same_question = [(f"r{i}", "Skolen åpner mandag kl. 8.", f"c{i}", "Når åpner skolen?", True) for i in range(5)]
    assert pasted_texts(same_question) == [], "answering one question asked five times is not pasting"
    assert pasted_texts(rows[:2]) == [], "two is a coincidence"


@pytest.mark.parametrize("reply", [
    "Ja, det stemmer. Hilsen Kari, kommunikasjon",
    "Vi kan bekrefte at det er en bombe. Hold dere unna.",
])
def test_agreeing_with_a_false_claim_is_no_correction_however_polite(reply: str) -> None:
    verdict = addresses(reply, CLAIM, "nb", claim=True)
    assert not verdict.addresses and verdict.reason == "agrees"


@pytest.mark.parametrize(("reply", "language"), [
    ("Vi vet ikke sikkert ennå, men det kan godt hende at noen har vært der. Hilsen Ingrid", "nb"),
    ("Det er ikkje usannsynleg at nokon har vore inne på området. Helsing Ingrid", "nn"),
    ("We can't say for certain yet, but it may well have been someone on the site. Kind regards, Ingrid", "en"),
])
def test_leaning_to_a_false_claim_in_a_hedge_is_no_correction(reply: str, language: str) -> None:
    verdict = addresses(reply, CLAIM, language, claim=True)
    assert not verdict.addresses and verdict.reason == "agrees"


@pytest.mark.parametrize(("reply", "claim"), [
    ("Hei Sindre! Stranda blir ikke privat. Planforslaget regulerer den til friområde.", "Det blir privat, bare vent."),
    ("Hei Øystein! Stranda blir ikke privat. Planforslaget regulerer den til friområde.",
     "Stranda blir for hotellgjester fra 2029, det sto i en gruppe."),
    ("Det var ikke sabotasje: en transformator tok fyr.", "Dette var SABOTASJE. Naboen så to karer ved gjerdet."),
])
def test_denying_the_claim_in_its_own_words_corrects_it(reply: str, claim: str) -> None:
    assert addresses(reply, claim, "nb", claim=True) == Verdict(True, "verdict")


def test_repeating_the_claims_words_without_saying_whether_it_is_true_corrects_nothing() -> None:
    """A reply under a rumour that shares its words but neither says whether it is true nor who
    will say: "we have not heard of a van", then a guess of its own."""
    claim = "En i nabolaget så en hvit varebil som kjørte sakte forbi skolen rett etter skoletid. Noen har tatt ungen!!!"
    reply = ("Hei! Vi har ikke hørt noe om en varebil. Det mest sannsynlige er nok at han har gått seg bort "
             "i skogen på vei hjem fra SFO. Hilsen Siri, kommunikasjonsavdelingen")
    assert not addresses(reply, claim, "nb", claim=True).addresses


def test_a_hedge_beside_a_verdict_still_corrects() -> None:
    reply = "Det kan godt hende du har sett noen ved trafoen, men ryktet om en bombe stemmer ikke."
    assert addresses(reply, CLAIM, "nb", claim=True).addresses


def test_a_denial_that_grants_a_true_part_still_corrects() -> None:
    assert addresses("Det er riktig at det lukter gass, men det er ingen bombe.", CLAIM, "nb", claim=True).addresses

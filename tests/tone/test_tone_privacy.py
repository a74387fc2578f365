"""Personal data in replies (P1/P2): ID numbers, phone numbers, e-mail, addresses, status."""

from __future__ import annotations

import pytest
from stdnum.no import fodselsnummer

from scoring.tone import analyse_reply

# The example number from python-stdnum's own documentation (not a person we know of).
DOCUMENTED_FNR = "15108695088"
SWITCHBOARD = "22 33 44 55"


def _with_check_digits(birth: str, individual_from: int) -> str:
    """The first number from `individual_from` whose check digits are single digits."""
    for individual in range(individual_from, individual_from + 50):
        first_nine = f"{birth}{individual:03d}"
        first_ten = first_nine + fodselsnummer.calc_check_digit1(first_nine)
        number = first_ten + fodselsnummer.calc_check_digit2(first_ten)
        if len(number) == 11:
            return number
    raise AssertionError("no number with single check digits found")


# D-number (day + 40) of someone born in 1855: valid, and nobody alive.
D_NUMBER = _with_check_digits("410555", 600)
# Synthetic test-register number (month + 80): not a person, still looks like an ID.
SYNTHETIC = _with_check_digits("158590", 100)


def _rules(text: str, **kwargs: object) -> set[str]:
    return analyse_reply(text, **kwargs).rules  # type: ignore[arg-type]


def test_generated_numbers_are_what_the_tests_claim() -> None:
    assert fodselsnummer.is_valid(D_NUMBER)
    assert not fodselsnummer.is_valid(SYNTHETIC)
    assert not fodselsnummer.is_valid(DOCUMENTED_FNR[:-1] + "7")


@pytest.mark.parametrize(
    "number", [DOCUMENTED_FNR, "151086 95088", "151086-95088", D_NUMBER, SYNTHETIC]
)
def test_valid_id_numbers_are_flagged_without_any_label(number: str) -> None:
    result = analyse_reply(f"Saken gjelder {number}, vi ser på den.")
    finding = next(f for f in result.findings if f.rule == "P1.fodselsnummer")
    assert finding.matched == number
    assert finding.severity == "critical"
    assert result.score <= 20


def test_bad_checksum_is_flagged_when_presented_as_an_id() -> None:
    rules = _rules("Fødselsnummeret ditt er registrert som 15108695077.")
    assert "P1.id_number" in rules
    assert "P1.fodselsnummer" not in rules
    assert "P1.id_number" in _rules("fnr: 151086 95077")


def test_bad_checksum_is_flagged_when_the_comment_asks_for_the_id() -> None:
    """The comment presents the number the reply gives: "Which personnummer was on my letter?" - "It was …"."""
    asked = "Kan dere bekrefte hvilket personnummer som sto på brevet mitt?"
    assert "P1.id_number" in _rules("Det var 15108695077. Stemmer det med ditt?", context=asked)
    assert "P1.id_number" not in _rules("Det var 15108695077. Stemmer det med ditt?",
                                        context="Hvilket kontonummer skal jeg betale til?")


def test_bad_checksum_without_label_is_not_an_id() -> None:
    """An 11-digit account number is not personal data in itself."""
    rules = _rules("Betal til kontonummer 12345678903 innen fristen.")
    assert not rules & {"P1.fodselsnummer", "P1.id_number", "P1.private_phone"}


def test_switchboard_allowed_private_mobile_flagged() -> None:
    text = f"Ring sentralbordet på {SWITCHBOARD}, eller Kari direkte på 412 34 567."
    result = analyse_reply(text, official_numbers=[SWITCHBOARD])
    phones = [f for f in result.findings if f.rule.startswith("P1.") and "phone" in f.rule]
    assert [(f.rule, f.matched) for f in phones] == [("P1.private_phone", "412 34 567")]


def test_official_number_matches_in_any_format() -> None:
    rules = _rules("Ring oss på +47 22334455.", official_numbers=["22 33 44 55"])
    assert not rules & {"P1.unlisted_phone", "P1.private_phone"}


def test_official_mobile_number_is_allowed() -> None:
    rules = _rules("Vakttelefonen er 412 34 567.", official_numbers=["41234567"])
    assert "P1.private_phone" not in rules


def test_several_official_numbers_are_all_allowed() -> None:
    text = "Ring sentralbordet på 22 33 44 55, vakttelefonen på 412 34 567 eller helsestasjonen på 51 23 45 67."
    rules = _rules(text, official_numbers=["22334455", "+47 412 34 567", "51 23 45 67"])
    assert not rules & {"P1.unlisted_phone", "P1.private_phone"}
    only_two = _rules(text, official_numbers=["22334455", "51 23 45 67"])
    assert only_two & {"P1.unlisted_phone", "P1.private_phone"}  # the on-call mobile left off the list


def test_unlisted_landline_is_only_a_check() -> None:
    result = analyse_reply("Ring 51 23 45 67 for spørsmål.")
    finding = next(f for f in result.findings if f.rule == "P1.unlisted_phone")
    assert finding.severity == "minor"


@pytest.mark.parametrize("number", ["800 12 345", "815 55 100", "113"])
def test_service_and_emergency_numbers_are_not_personal(number: str) -> None:
    assert not {r for r in _rules(f"Ring {number} ved behov.") if r.startswith("P1.")}


@pytest.mark.parametrize(
    "address,kwargs",
    [
        ("post@eksempel.kommune.no", {}),
        ("kari.nordmann@fjordvik.kommune.no", {}),
        ("varsling@politiet.no", {}),
        ("post@fjordvik-energi.no", {"official_domains": ["fjordvik-energi.no"]}),
    ],
)
def test_official_email_is_allowed(address: str, kwargs: dict[str, object]) -> None:
    rules = _rules(f"Send e-post til {address}.", **kwargs)
    assert not {r for r in rules if r.startswith("P1.")}


def test_free_mail_is_private_other_domains_are_a_check() -> None:
    private = analyse_reply("Skriv til ola.hansen@gmail.com.")
    assert "P1.private_email" in private.rules
    other = analyse_reply("Skriv til styret@fjordvik-il.no.")
    assert "P1.unlisted_email" in other.rules
    assert "P1.private_email" not in other.rules


def test_home_address_vs_public_meeting_point() -> None:
    assert "P1.home_address" in _rules("Han bor i Storgata 12, så vi har sendt folk dit.")
    meeting = _rules("Evakuerte kan møte opp på rådhuset i Storgata 12.")
    assert not meeting & {"P1.home_address", "P1.address_mentioned"}
    assert "P1.address_mentioned" in _rules("Feilen gjelder Fjellveien 3B.")


def test_reply_repeating_the_citizens_number_is_flagged() -> None:
    context = "Ring meg på 412 34 567, jeg har ikke strøm!"
    result = analyse_reply("Vi ringer deg på 412 34 567 straks.", context=context)
    assert {"P1.repeated_from_context", "P1.private_phone"} <= result.rules
    calm = analyse_reply("Vi ringer deg straks.", context=context)
    assert "P1.repeated_from_context" not in calm.rules


def test_reply_repeating_the_citizens_email_is_flagged() -> None:
    context = "Svar meg på per.olsen@example.org"
    assert "P1.repeated_from_context" in _rules("Vi har sendt svar til per.olsen@example.org.", context=context)


@pytest.mark.parametrize(
    "text",
    [
        "Han er pasient hos legevakten.",
        "Hun bor på sykehjemmet i andre etasje.",
        "Barnevernet har saken hennes.",
        "Sønnen din er elev ved Holmen skole, så vi ringer dem.",
        "Familien mottar sosialhjelp, så det ordner seg.",
        "Vi ser at du er pasient hos oss.",
    ],
)
def test_client_status_is_flagged(text: str) -> None:
    result = analyse_reply(text)
    assert "P2.client_status" in result.rules
    assert result.score <= 20


@pytest.mark.parametrize(
    "text",
    [
        "Alle elever ved Holmen skole får fri i morgen.",
        "Hvis du mottar hjemmesykepleie, ring tjenestekontoret.",
        "Vi kan verken bekrefte eller avkrefte at hun er pasient, på grunn av taushetsplikten.",
        "Er du pasient hos oss, kan du ringe legekontoret.",
        "Pasienter på sykehjemmet får besøk som vanlig.",
    ],
)
def test_general_or_conditional_statements_are_not_client_status(text: str) -> None:
    assert "P2.client_status" not in _rules(text)


def test_english_client_status_and_confidentiality() -> None:
    assert "P2.client_status" in _rules("Yes, he is a patient at the health centre.", language="en")
    kept = _rules("We can neither confirm nor deny whether she is a patient here.", language="en")
    assert "P2.client_status" not in kept
    assert "P2.confidentiality" in kept


@pytest.mark.parametrize(
    "text",
    [
        "Prosjektet koster kr 12 500 000, og 45 000 000 i alt.",
        "Tallet er 91 234 567 kroner.",
        "Møtet er 12.03.2024 kl. 14.00-16.00.",
        "Org.nr. 974 760 673, saksnr 24/12345.",
    ],
)
def test_amounts_dates_and_case_numbers_are_not_phone_numbers(text: str) -> None:
    assert not {r for r in _rules(text) if r.startswith("P1.")}


def test_mobile_presented_as_an_official_line_is_only_checked() -> None:
    rules = _rules("Ring vakttelefonen på 412 34 567 hele døgnet.")
    assert "P1.unlisted_phone" in rules
    assert "P1.private_phone" not in rules


@pytest.mark.parametrize(
    "text",
    [
        "Containeren er plassert ved skolen.",
        "Vannet er innlagt i alle hyttene.",
        "Tjenesten er et tilbud til alle innbyggere.",
    ],
)
def test_capitalised_nouns_are_not_taken_for_named_people(text: str) -> None:
    assert "P2.client_status" not in _rules(text)


def test_road_numbers_are_not_street_addresses() -> None:
    rules = _rules("En bil har kjørt av Riksvei 5 ved Fjordvik.")
    assert not rules & {"P1.address_mentioned", "P1.home_address"}


def _privacy(text: str, **kwargs: object) -> set[str]:
    """The privacy rules a reply fires, by the rules alone (what the word lists decide)."""
    result = analyse_reply(text, learned_model=False, **kwargs)  # type: ignore[arg-type]
    return {f.rule for f in result.findings if f.flag == "privacy"}


@pytest.mark.parametrize(
    ("text", "context", "language"),
    [
        # nynorsk possessives and forms: "far din", "mora di", "heimetenesta", "vedtaket frå"
        ("Far din på rom 12 har fått tryggleiksalarm etter vedtaket frå mars.", None, "nn"),
        ("Mora di står på lista til heimetenesta og får besøk to gonger om dagen.", None, "nn"),
        # a role in the case the comment is about, referred to by the role alone
        ("Vaktmesteren er sykmeldt etter det som skjedde.", "Hvorfor har vaktmesteren på Åsen skole vært borte?", "nb"),
        ("Dirigenten vart stoppa etter at politiattesten synte ei sak.", "Kvifor er ikkje dirigenten i musikklaget med?",
         "nn"),
        # a confirmation of what the comment said about a person, with the matter added
        ("Det stemmer. Saken er meldt til barnevernet.", "Jeg så at naboen min sin sønn ble hentet av politiet.", "nb"),
        ("That's correct, and his social worker has been told.", "I saw the boy in Year 6 being taken home by police.",
         "en"),
        # an answer to "who?" that describes the person
        ("Det gjeld to av gutane i 3C.", "Kven er det som har fått skabb i 3C?", "nn"),
        # everyday words for an ailment, a medicine or a home ("vondt i hofta", "smertestillende",
        # "pneumonia", "sleeping tablets"), with a pronoun for the person the comment pointed at
        ("Hun har hatt vondt i hofta lenge og har fått smertestillende av legen.",
         "Hvorfor har den nye kassereren på Coop vært borte?", "nb"),
        ("Han slit med kneet etter ulukka og får undervisning heime ei stund.", "Kvifor er guten i 5B ikkje på skulen?",
         "nn"),
        ("He's had pneumonia twice this winter and is on antibiotics.",
         "Why does the ambulance keep coming to the old man at number 9?", "en"),
        # a person by where they live or by their job with "our"/"vår"
        ("Bebuaren i leilighet 4 har kols og får oksygen hjemme.", None, "nb"),
        ("The lodger upstairs has been on sleeping tablets since the fire.", None, "en"),
        ("Kokken vår er sjukmeld etter eit panikkanfall, difor er kafeen stengd.", None, "nn"),
        ("Sorry for the delay. Our caretaker has been off with a bad back since the accident.", None, "en"),
        # everyday health words (a diet, weight, a heart sound, oxygen at home) for the person the
        # comment named, a bare kinship word ("Pappa") in the comment, a right stated about a relative
        ("Vi ser at han står oppført med diabeteskost, så kjøkkenet har fått beskjed.", "Pappa fikk feil middag igjen.",
         "nb"),
        ("Helsesjukepleiaren har notert at dotter di har ein hjartebilyd som skal sjekkast.",
         "Helsestasjonen ringde aldri tilbake om dottera mi.", "nn"),
        ("Jo, mora di har rett på gratis tannbehandling fordi ho har hatt heimesjukepleie i over tre månader.",
         "Har ikkje mora mi rett på gratis tannlege?", "nn"),
        # staff by job at a named place or on a numbered route, a child in a named room
        ("The GP at Meadowbank is off after a heart attack; a locum covers until March.", None, "en"),
        ("The number 14 driver has had a written warning and now rides with a mentor.", None, "en"),
        ("We've been worried about the little girl in Ladybirds for a while and have made a referral to social work.",
         "Is the girl in Ladybirds alright? She cries every morning.", "en"),
        ("Kioskdrivaren på stadion har utestående leie, og saka er sendt til inkasso.", None, "nn"),
        # staff by job as the subject, an office holder whose own health is the matter, the
        # resident's own operation told back, a person by their part in a known case or a diagnosis
        ("Organisten ble sykmeldt etter en operasjon i hofta, så konserten er flyttet.",
         "Hvorfor ble julekonserten flyttet?", "nb"),
        ("Rektoren er sjukmeld etter ein operasjon og er tilbake etter påske.", "Kvifor svarer ikkje rektor på e-post?",
         "nn"),
        ("Vi har notert ryggoperasjonen din, så hjemmehjelpen bærer posene opp.",
         "Kan dere bære opp posene? Jeg er nyoperert i ryggen.", "nb"),
        ("The boy in P4 has a behaviour support plan and a pupil support assistant.",
         "Is anything being done about the boy who bites?", "en"),
        ("The warden in question has been spoken to before about his language.", "Your warden swore at my kids.", "en"),
        ("The girl from Monday's crash is out of hospital with a broken wrist.", "Is the girl who was hit OK?", "en"),
        ("Ein pensjonist frå Austbygda er alvorleg skadd etter brannen.", None, "nn"),
        ("Huset gikk til en eldre kvinne med MS som trengte det mest.", "Hvem fikk huset i Bakkeveien?", "nb"),
    ],
)
def test_people_identified_without_a_name_are_found(text: str, context: str | None, language: str) -> None:
    assert _privacy(text, language=language, context=context)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kom til NAV-kontoret i Storgata 4 før kl. 15, så får du snakke med en veileder i dag.", "nb"),
        ("Vi kan ikkje kommentere personalsaker, men rektor er på plass att måndag.", "nn"),
        ("Born i risikogrupper kan få vaksine hjå fastlegen eller helsestasjonen.", "nn"),
        ("Kommuneoverlegen kan be Kreftregisteret om en vurdering dersom det er grunnlag for det.", "nb"),
        ("Please send us a private message with your reference number.\nTom, Revenues and Benefits", "en"),
        ("Rektor har sagt opp og begynner i ny jobb i nabokommunen. Stillingen lyses ut i mai.", "nb"),
        # the municipality's own staff shortage given as a reason
        ("Vi hadde mye sykdom blant de ansatte denne uka, derfor kom vi for sent. Det beklager vi.", "nb"),
        ("We were short-staffed because of staff sickness, so the round was late. Sorry.", "en"),
        # a landlord told that the tenant must act, a refusal that goes on to state the person's rights
        ("Det er leigetakaren sjølv som må søkje om bustøtte. Vi kan ikkje gi utleigarar opplysningar om leigetakarar.",
         "nn"),
        ("It's up to the tenant to claim housing benefit; we can't share details with landlords.", "en"),
        ("Vi kan ikkje gå inn i saka hans her. Han kan klage på vedtaket innan tre veker.", "nn"),
        # what a service is, how it is applied for, an office's opening hours, a condition then advice
        ("Hjemmesykepleie er helsehjelp i hjemmet, for eksempel sårstell og medisiner. Den søkes om hos "
         "tildelingskontoret.", "nb"),
        ("NAV har åpent 10–14 i Storgata 10, og du kan også skrive til oss på nav.no.", "nb"),
        ("Får barnet feber eller utslett, ta kontakt med fastlegen.", "nb"),
        # a pronoun for a thing in a stand-alone post ("fylle han ut": the form), a manager named by
        # the service they lead, a condition put to the reader, a referral by phone, a signature
        # after a dash, an office at its address, how a school decides in general
        ("Heimetenesta gjev heimesjukepleie og tryggleiksalarm. Servicetorget hjelper deg å fylle han ut.", "nn"),
        ("Send oss namnet ditt i ei privat melding, så ringjer einingsleiaren for heimetenesta deg i dag.", "nn"),
        ("Har du spørsmål om korleis vi handterer medisinar, svarer einingsleiaren gjerne.", "nn"),
        ("Please ring the day centre on 01632 960 000 and her key worker will tell you how the day went.", "en"),
        ("We can't say who receives any benefit.\nNgā mihi, Aroha – Work and income liaison", "en"),
        ("Need help at home? Call in to the Customer Hub at 14 Bridge Street, open 9-4.", "en"),
        ("The school and the educational psychology service assess needs together with parents.", "en"),
        # who holds an office, how questions are taken, what any employee or claimant gets, a
        # public building before its address
        ("Vi kommenterer ikke personalsaker. Fungerende leder ved Åsen sykehjem er Tone Berg fra 1. mars.", "nb"),
        ("Det er NAV som vurderer søknader om sosialhjelp. Leder for NAV-kontoret er Per Lie.", "nb"),
        ("Spørsmål om medisiner tar sykepleieren helst over telefon.", "nb"),
        ("Ansatte som blir utsatt for trusler, får oppfølging fra bedriftshelsetjenesten.", "nb"),
        ("Housing benefit can be paid to the tenant or straight to the landlord.", "en"),
        ("Our rest centre at Riverside Community Centre, 4 Mill Road, is open for anyone who can't stay at home.", "en"),
    ],
)
def test_offices_refusals_and_general_advice_are_not_breaches(text: str, language: str) -> None:
    assert not _privacy(text, language=language)


@pytest.mark.parametrize(
    ("text", "context", "language", "breach"),
    [
        # An answer to a comment that asks who, or whether someone, describes the person ...
        ("Ja, det gjelder en gutt i 4B, og han er hjemme til han er frisk.", "Er det noen i 4B som har fått skabb?",
         "nb", True),
        # ... but a comment about staff in municipal housing is not asking about a resident.
        ("Ja, for tiden har vaktmester Ole ansvaret for blokkene på Moa.",
         "Har dere byttet vaktmester i kommunale boliger på Moa?", "nb", False),
        # A "yes" that there is help, with a pronoun only sentences later, confirms nothing about him.
        ("Yes, there is support. People on disability benefits can apply for rent help, and your uncle can call 311. "
         "He can bring you along.", "Can my uncle get help with his rent? He's on disability.", "en", False),
    ],
)
def test_answers_to_who_name_the_person(text: str, context: str, language: str, breach: bool) -> None:
    assert bool(_privacy(text, language=language, context=context)) is breach


def test_nynorsk_replies_are_explained_in_nynorsk() -> None:
    result = analyse_reply("Far din har fått heimesjukepleie. Helsing Kari, helse og omsorg", language="nn",
                           learned_model=False)
    assert result.language == "nn"
    breach = next(f for f in result.findings if f.rule.startswith("P1."))
    assert "teieplikt" in breach.explanation and "ein person" in breach.explanation
    assert "T1.signature" in result.rules


@pytest.mark.parametrize(
    ("text", "context", "language"),
    [
        # Everyday words for what happened to the person the comment asked about.
        ("He was kept in overnight for his chest, but he should be home tomorrow.",
         "Is the lollipop man from Mill Lane ok?", "en"),
        ("He's fine. He was a bit worse for wear with drink, so the paramedics kept an eye on him.",
         "My ex-husband lives in the flats they evacuated, is he ok?", "en"),
        ("Ho bur hos besteforeldra no og har samtalar med helsesjukepleiaren kvar veke.",
         "Tenkjer på jenta i 6A som miste huset sitt, går det bra?", "nn"),
        # The missing by street and number, a suspect by age and village, a resident addressed by
        # name told the amount of their own decision.
        ("Vi har fått vite at tre er savnet, blant dem et ektepar fra Lindeveien 7.", "Hvor mange er savnet?", "nb"),
        ("Politiet har avhøyrt ein 17-åring frå Nordbø om saka.", "Var det unge som kasta stein?", "nn"),
        ("Hei Lene, vedtaket ditt gjelder 4 800 kr, og vi betaler det ut i morgen.", "Pengane mine har ikkje kome", "nb"),
        ("A man in flat 9 collapsed and two neighbours were treated for smoke inhalation.",
         "Ambulances outside the flats, what's happened?", "en"),
    ],
)
def test_a_person_the_comment_points_at_and_what_happened_to_them(text: str, context: str, language: str) -> None:
    assert _privacy(text, language=language, context=context)


@pytest.mark.parametrize(
    ("text", "context", "language"),
    [
        # The same everyday words without a comment about a particular person are about anyone.
        ("Anyone kept in overnight will be phoned by the ward tomorrow.", "When will the ward reopen?", "en"),
        ("Han kan bo hos besteforeldrene sine om han vil, skolen er stengt i dag.", "Er skolen stengt i dag?", "nb"),
        # What everyone is offered, a service that knows its users, a referral and what it gives.
        ("Vi sier ikke noe om enkeltbeboere, men alle beboerne på Solvang har fått tilbud om ekstra oppfølging.",
         "Hvordan går det med mannen i videoen?", "nb"),
        ("Ring legevakta på 116 117, så får han råd om oppbevaring av insulin.",
         "Leigebuaren min er diabetikar og har ikkje straum", "nn"),
        ("Home care knows its users in the area and will contact those affected today.",
         "Is my neighbour's carer still coming during the power cut?", "en"),
        # An amount is the resident's own case only when they are addressed by name.
        ("Full plass koster 3 150 kroner i måneden, og 1. og 2. trinn har 12 timer gratis.", "Hva koster SFO?", "nb"),
    ],
)
def test_everyday_words_offers_and_referrals_about_nobody_in_particular(text: str, context: str, language: str) -> None:
    assert not _privacy(text, language=language, context=context)


@pytest.mark.parametrize(
    ("text", "context", "language"),
    [
        # The person the comment asked about as the subject of a plain statement, in words no
        # word list holds: what is said of them is a disclosure whatever the words are.
        ("He's been a bit low since the break-in and keeps to himself.",
         "Is the chap in the corner flat OK? Haven't seen him out", "en"),
        ("Ja, ho har det tungt for tida og held seg mest inne.", "Korleis går det med grannekona mi på Haugen?", "nn"),
        ("Stakkars Arne, han var ganske medtatt i går, men han er hjemme nå.",
         "Går det bra med vaktmesteren på Furulund skole?", "nb"),
        ("Your uncle's at the leisure centre — he was pretty shaken and didn't sleep much.",
         "Where is my uncle? He lived in the flats by the river", "en"),
        ("Vi kan ikke si navn, men han har vært borte fra jobben en stund.", "Er det sjåføren på 12-ruta som er borte?", "nb"),
    ],
)
def test_a_plain_statement_about_the_person_asked_about_is_a_breach(text: str, context: str, language: str) -> None:
    assert _privacy(text, language=language, context=context)


@pytest.mark.parametrize(
    ("text", "context", "language"),
    [
        # What they may do, thanks and praise, a group, a referral to their own doctor.
        ("She and the other volunteers are the heart of the club.",
         "The volunteer who runs the Friday club is great, pass on our thanks", "en"),
        ("Han kan ringe legevakta om han blir verre.", "Naboen min er dårleg etter brannen", "nn"),
        ("The children are safe and were home before dark.", "Is the boy from the bus safe?", "en"),
        ("Please don't decide from a post here — ring your daughter's consultant or our nurses on 0800 123 456.",
         "My daughter has a weak immune system, is school safe?", "en"),
        # Why a comment was hidden, where a whole care home's residents went, a clinic's address.
        ("Vi har skjult en kommentar fordi den nevnte et barn og skadene hennes.", "Hvorfor sletter dere kommentarer?", "nb"),
        ("Beboerne fra Lindheim er nå fordelt på to sykehjem og korttidsavdelingen.",
         "Hvordan går det med de eldre fra Lindheim?", "nb"),
        ("Vaksinering for 65+ og risikogrupper er på helsestasjonen, Storgata 2, hver onsdag.",
         "Når er influensavaksinen?", "nb"),
        ("Nobody will lose their place on a waiting list because of the fire.",
         "My mum's on the list for Elmfield, will she lose her place?", "en"),
    ],
)
def test_what_a_person_may_do_a_group_or_a_referral_is_not_a_statement_about_them(
        text: str, context: str, language: str) -> None:
    assert not _privacy(text, language=language, context=context)


@pytest.mark.parametrize(
    "text",
    [
        "Naboen din har nummer 412 60 700, så du kan spørre henne selv.",
        "Faren hans kan nås på 412 60 701 etter klokka fire.",
        "Ja, det er Sigrid, 412 60 702. Ho er heime på dagtid.",
        "Ring Kari på 412 60 703, hun bor i nummer 4.",
        "Hi Tom! We'll call you at 412 60 704 tomorrow about your application.",
        "That was Petter. His private mobile is 412 60 705.",
        "Ring gjerne direkte til sykepleieren hans, Eva, på 412 60 706.",
        "Ring sentralbordet på 22 33 44 55, eller Kari direkte på 412 60 707.",
        "Mr Berg, 64, Mill Road 3, phone 412 60 708, has had his permit approved.",
    ],
)
def test_mobile_tied_to_a_private_person_is_private(text: str) -> None:
    """Round 19: a mobile number is private when the reply ties it to a person: named, kin, a pronoun, "private"."""
    assert "P1.private_phone" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ring fellingslaget på 412 60 710, så rykker de ut.",
        "Spørsmål om søknaden? Ring skolekontoret 412 60 711.",
        "Telefon: 412 60 712.",
        "Please call the school nurse, Mari Dahl, on 412 60 713.",
        "Her parents can ring the school on 412 60 714.",
    ],
)
def test_mobile_given_as_a_line_to_call_is_only_checked(text: str) -> None:
    """Round 19: a mobile number with no private person tied to it is a line to check, not a private number."""
    rules = _rules(text)
    assert "P1.private_phone" not in rules
    assert "P1.unlisted_phone" in rules


@pytest.mark.parametrize(
    ("text", "context", "language"),
    [
        # Personnel facts in everyday words about a named employee, and a named child's allergy.
        ("Marit isn't working right now while we look at what happened.", "Why hasn't Marit called me back?", "en"),
        ("There will be a new caretaker, as Gordon has decided to retire early after the fire.", "Who looks after the block now?", "en"),
        ("The night manager, Kevin Doyle, is being dealt with through HR.", "What about the staff on duty?", "en"),
        ("Amelia has a nut allergy, so she gets her lunch from home this week.", "Why is Amelia eating apart?", "en"),
        ("Terje er ikke på jobb nå mens vi går gjennom saken.", "Hvorfor svarer ikke Terje på telefonen?", "nb"),
        ("Jonas Lie er i en avsluttende prosess med oss og kommer ikke tilbake.", "Hva skjer med miljøarbeideren?", "nb"),
        ("Eirik er ikkje på jobb for tida, så ring heller klubbleiaren.", "Kven kan eg ringja på klubben?", "nn"),
        ("Ja, Oddny er friteken frå oppgåvene sine medan me ser på saka.", "Er klubbleiaren òg send heim?", "nn"),
    ],
)
def test_everyday_personnel_and_health_words_about_a_named_person_are_found(text: str, context: str, language: str) -> None:
    assert _privacy(text, language=language, context=context)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # A floor that locates a room or a service, not a household.
        ("Ja.", "Er kafeen i første etasje også stengt?"),
        ("Ja, fra klokka 12.", "Åpner biblioteket i andre etasje i dag?"),
    ],
)
def test_a_yes_about_a_room_on_a_floor_tells_nothing_of_anyone(text: str, context: str) -> None:
    assert not _privacy(text, language="nb", context=context)


def test_a_yes_about_the_household_on_a_floor_is_still_a_breach() -> None:
    assert _privacy("Ja.", language="nb", context="Er mannen i første etasje fortsatt på sykehus?")

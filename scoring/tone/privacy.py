"""Finding personal data in a public reply (rubric P1).

Identifiers are recognised by what they are, not by keyword lists: fødselsnummer and D-number
by their check digits (python-stdnum), phone numbers by Norway's numbering plan
(phonenumbers). Official contact points are allowed: the caller passes the municipality's own
numbers and domains, and public service numbers and `*.kommune.no` addresses pass by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum.no import fodselsnummer

from scoring.tone.ruleset import Settings

# 11 digits, optionally "DDMMYY NNNNN"; not part of a longer number, amount or date.
DIGITS_11_RE = re.compile(r"(?<!\d)(?<!\d[.,/-])(\d{6})[ .-]?(\d{5})(?!\d|[.,/-]\d)")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)
STREET_SUFFIX = (
    r"(?:gata|gate|gaten|veien|vegen|vei|veg|stien|stig|plassen|bakken|bakke|allé|alle|svingen"
    r"|torget|kroken|lia|haugen|tunet|brekka|løkka|ringen|jordet|grenda|kleiva|åsen|lunden)"
)
# Case-sensitive on purpose: a street name is capitalised ("Storgata 12", "Kong Oscars gate 5",
# "Fjellveien 3B"); English style puts the number first ("12 Mill Road").
STREET_RE = re.compile(
    r"\b(?!(?:Riks|Fylkes|Europa|Kommunal|Privat)ve[ig]\b)"  # road numbers are not addresses
    r"(?:(?:[A-ZÆØÅ][a-zæøå]+\s)?[A-ZÆØÅ][a-zæøåé]+?" + STREET_SUFFIX
    + r"|[A-ZÆØÅ][a-zæøå]+s\s(?:gate|vei|veg|plass|allé))\s\d{1,4}(?:\s?[A-Ha-h])?\b"
    r"|\b\d{1,4}[A-Ha-h]?\s(?:[A-Z][a-z]+\s){1,2}(?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive)\b"
)
LABEL_WINDOW = 40
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
AMOUNT_BEFORE_RE = re.compile(r"(?:\bkr\.?|\bnok|\bbeløp(?:et)?|€|\$|£)\s*$", re.IGNORECASE)
AMOUNT_AFTER_RE = re.compile(
    r"^\s*(?:kr\b|kroner|nok\b|mill|millioner|milliarder|,-|euro|dollars?|pounds?)", re.IGNORECASE
)
# Whose line a mobile is, when the verb that gives it names its owner ("ring hjemmetjenesten på 48 …", "call the
# school office on …", "ring sakshandsamar på …", "ta kontakt med klubbleder på 918 22 330"): one of the municipality's
# own services, offices or units, or someone who holds a post. Since round 19 a mobile is private only when the reply
# ties it to a private person (`tied_to_person`); this reading now decides only where such a sentence also holds a
# pronoun for someone else ("please ask her parents, or her parents can ring the school on …"). The other readings
# it once had (a line after "vakttelefon", "sentralbord" or "questions", a service "available on", "we're happy to
# help on", "Ring dem på") were measured over all development files in round 20 and decided nothing, so they are gone.
_POST = (r"(?:klubbleder|klubbleiar|klubbleiaren|klubblederen|ungdomsleder|ungdomsleiar|koordinator|koordinatoren|leder|lederen|"
         r"leiar|leiaren|rektor|rektoren|styrer|styreren|styrar|styraren|club leader|youth leader|coordinator|manager|head teacher|headteacher|"
         r"vaktmester|vaktmesteren|vaktmeister|vaktmeisteren|caretaker|janitor)")
_UNIT = (r"(?:\w*(?:tjenesten|tjenesta|tenesta|tenesten|kontoret|senteret|sentret|sentralen|stasjonen|avdelingen|avdelinga"
         r"|etaten|vakta|vakten|oppsynet|mottaket|resepsjonen|ekspedisjonen|sekretariatet|skolen|skulen|barnehagen|utekontakten"
         r"|sykehjemmet|sjukeheimen|omsorgssenteret|bofellesskapet|buofellesskapet|barnevernet|teamet|kemneren)"
         r"|\w*(?:leder|lederen|leiar|leiaren)(?:\s+(?:i|på|ved|for)\s+\w+)?|saksbehandler(?:en)?|saksbehandlaren|sakshandsamar(?:en)?"
         r"|skatteoppkrevjar(?:en)?|skatteoppkrever(?:en)?"
         r"|[A-ZÆØÅ][\wæøå-]+\s+(?:skole|skule|barnehage|sykehjem|sjukeheim|helsestasjon|legekontor|school|nursery|surgery|health centre)"
         r"|(?:\w+\s+){0,2}(?:office|unit|ward|team|desk|reception|service|services|centre|center|department|line)"
         r"|head of (?:the\s+)?(?:\w+\s+){0,2}\w+|case officer|duty (?:nurse|officer|social worker))")
_UNIT_OR_US = r"(?:" + _UNIT + r"|oss|us)"
_CALL = (r"(?:ring|ringe|ringje|ringer|kontakt|kontakte|ta kontakt med|call|calling|phone|contact|text|reach"
         r"|snakke med|snakka med|prate med|prata med|talk to|speak to|speak with"
         r"|meld fra til|meld frå til|melde fra til|melde frå til|si fra til|sei frå til|report it to|report to)")
_SAID_TO_CALL = (r"\b" + _CALL + r"\s+(?:(?:gjerne|også|òg|direkte|alltid|please)\s+)?(?:the\s+|vår\s+|our\s+|kommunens\s+|the municipality's\s+)?")
LINE_OWNER_RE = re.compile(
    _SAID_TO_CALL + r"(?:" + _UNIT_OR_US + r"|" + _POST + r"(?:\s+[A-ZÆØÅ][\wæøå-]+){0,2},?)"
    + r"(?:/\w+)?(?:\s+(?:direkte|directly|gjerne|også|òg))?\s+(?:på|on|at)\s*$",
    re.IGNORECASE,
)
# A line given right after the office or service it belongs to, whatever the verb before ("ho kan be om eit møte med
# tildelingskontoret på 900 …", "book a time with the housing office on …"): the office's line, as after "ring".
UNIT_LINE_RE = re.compile(
    r"\b\w*(?:tjenesten|tjenesta|tenesta|tenesten|kontoret|senteret|sentret|sentralen|stasjonen|avdelingen|avdelinga|etaten"
    r"|mottaket|resepsjonen|ekspedisjonen|sekretariatet)(?:/\w+)?\s+(?:direkte\s+)?(?:på|on|at)\s*$"
    r"|\b(?:the|our)\s+(?:\w+\s+){0,2}(?:office|unit|ward|team|desk|reception|centre|center|department)\s+(?:directly\s+)?(?:on|at)\s*$",
    re.IGNORECASE,
)
LINE_OWNER_WINDOW = 160
NOT_PHONE_LABEL_RE = re.compile(
    r"(?:saks(?:nr|nummer)|ref(?:eranse)?|konto(?:nr|nummer)|org(?:\.|anisasjons)?\s?nr|orgnr"
    r"|faktura(?:nr|nummer)|gnr|bnr|kid)\.?:?\s*$",
    re.IGNORECASE,
)


# Whose a mobile number is. A mobile number is private only when the reply ties it to a private person: the person
# named or pointed out ("Ring Liv Berg på …", "Vi ringer ham på …", "det er Sigrid, 481 …"), their kin or
# neighbour ("faren hans kan nås på …", "naboen din har nummer …"), the number called theirs or private
# ("mobilen hennes", "his private mobile is …", "privatnummer 918 …"), or the reader's own ("We'll call you at …").
# Any other mobile number in a reply is given as a line to call (an office, a service, a post holder, "oss", a
# label like "Telefon:"): checked (P1.unlisted_phone) unless it is on the municipality's list, not taken for
# a private person's. A number repeated from the comment is P1.repeated_from_context.
_KIN = (r"(?:datter|datteren|dattera|dotter|dottera|døtrene|sønn|sønnen|son|sonen|sønnene|sønene|far|faren|mor|moren|mora|foreldrene|foreldra"
        r"|kone|kona|mann|mannen|ektemannen|ektefellen|samboeren|sambuaren|kjæresten|bror|broren|brødrene|søster|søsteren|søstera|syster|systera"
        r"|barnebarnet|onkelen|tanta|tante|bestefaren|bestemoren|bestemora|besteforeldrene|naboen|nabo|grannen|granne|verge|vergen|venninna|venninnen|vennen|kompisen"
        r"|daughter|son|father|mother|mum|mom|mam|dad|parents|wife|missus|husband|hubby|partner|brother|sister|grandson|granddaughter|grandmother|grandfather"
        r"|uncle|aunt|neighbour|neighbor|guardian|friend|girlfriend|boyfriend)")
_OWN = r"(?:hans|hennes|hennar|deira|deres|din|di|dykkar|sin|si)"
_PRONOUN_OBJ = r"(?:ham|han|henne|ho|him|her|deg|you|dykk|meg|me)"
_CALLED = (r"(?:ring|ringe|ringer|ringte|ringde|ringjer|ringje|ringt|call|calls|called|calling|reach|reached|text|texted|texting|kontakte|kontakta"
           r"|contact|kontakt med|nå|få tak i|get hold of|snakke med|snakka med|prate med|prata med|talk to|speak to|speak with|spør|spør etter|ask|ask for)")
_CALLING = r"(?:ring|ringe|ringje|ringja|call|text|phone|contact|kontakte|kontakta|sms|send)"
_NAME = r"(?-i:(?:Mr|Mrs|Ms|Miss|Dr|fru|herr)\.?\s+[A-ZÆØÅ][a-zæøåé]+|[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+){0,2})"


def _given_a_call(who: str) -> str:
    """A call given to `who`: "give you a bell", "give Murray a ring", "gi ham en lyd"."""
    return r"(?:give|gi)\s+" + who + r"\s+(?:a|en|ein)\s+(?:bell|ring|call|buzz|lyd|telefon)\b"


TIED_BEFORE_RE = re.compile(
    # "privatnummer 918 …", "his private mobile is …", "Ring Bente privat på …", "at home on …"
    r"\bprivat\w*(?:\s+(?:mobile|mobil|number|nummer|phone|telefon|line|cell))?\s*(?:er|is|:|,|på|on|at)?\s*$"
    r"|\b(?:at home|heime|hjemme)\s+(?:on|at|på)\s*$|\b(?:home|hjemme|heime)(?:nummer\w*|\s+number)\b"
    # "mobilen hennes", "nummeret hennar er …", "his mobile", "her private number,"
    r"|\b(?:mobil\w*|nummer\w*|telefon\w*|tlf)\s+(?:hans|hennes|hennar|deira|deres|sitt|si)\b"
    r"|\b(?:his|her|their)\s+(?:own\s+|private\s+|personal\s+)?(?:mobile|number|phone|cell)\b"
    # kin and neighbours, whose they are: "faren hans kan nås på", "naboen din har nummer", "her daughter on"
    # (not one who calls: "her parents can ring the school on", "Dottera di kan sjølv ringje …")
    r"|(?:\b" + _KIN + r"\s+" + _OWN + r"\b|\b(?:his|her|their|your)\s+" + _KIN + r"\b(?!'s)"
    # one whose they are: "sykepleieren hans, Torill, på"
    r"|\b[a-zæøå]{3,}(?:en|a|et|ne)\s+(?:hans|hennes|hennar|deira|deres)\b"
    # kin named by the definite form alone: "Rektor har snakket med faren, som kan nås på …", "ta kontakt med naboen på …"
    r"|\b(?:faren|moren|mora|datteren|dattera|dottera|sønnen|sonen|kona|ektemannen|broren|søsteren|søstera|systera|naboen|grannen|the father|the mother"
    r"|the neighbour|the neighbor)\b)(?![^.!?\n]*\b" + _CALLING + r"\b)"
    # a pronoun's or a named person's own "som kan nås på": "Kari Holm, som kan nås på …"
    r"|(?-i:\b[A-ZÆØÅ][a-zæøåé]+),?\s+(?:som|who)\s+(?:kan|can)\s+(?:\w+\s+)?(?:nås|nåast|ringes|ringjast|be reached)\b"
    # a person called, by pronoun: "Vi ringer ham på", "reach him at home", "We'll call you at", "Vi ringte deg på", "Ring meg gjerne på"
    r"|\b" + _CALLED + r"\s+(?:til\s+)?" + _PRONOUN_OBJ + r"\b"
    # the same call given: "we'll give you a bell on …", "give her a ring on …", "gi ham en lyd på …"
    r"|\b" + _given_a_call(_PRONOUN_OBJ)
    + r"|\b(?:han|hun|ho|he|she)\b[^.!?\n]{0,60}\b(?:kan|can|could|kunne)\s+(?:\w+\s+)?"
    r"(?:nås|nåast|ringes|ringjast|treffes|treffast|be reached|be called|be texted|be contacted)\b",
    re.IGNORECASE,
)
# A person named: "Ring Liv Berg på", "ring Odd direkte på", "Ring sentralbordet …, eller Kari direkte på", "det er Sigrid, 481 …", "Randi Fossum (tlf. …", "Hans Nielsen, Olsenfaret 14, phone …"
NAMED_BEFORE_RE = re.compile(
    r"\b(?:" + _CALLED + r"|eller|or)\s+(?:(?:gjerne|også|òg|direkte|bare)\s+)?(?:til\s+)?" + _NAME + r"(?:\s+(?:direkte|directly|privat|gjerne|også|òg))*"
    # what she covers or where she works, between the name and the number: "ring Maria Solheim direkte som har ditt område, på …",
    # "Ring Rolf i beredskap på …"
    r"(?:\s+(?:som|who)\s+(?:har|dekker|dekkjer|covers|has|does|runs)\s+[^.!?\n,]{1,40},?|\s+(?:i|in)\s+[a-zæøå][\wæøå-]+)?\s+(?:på|on|at)\s*$"
    r"|\b" + _given_a_call(_NAME) + r"\s+(?:på|on|at)\s*$"
    r"|" + _NAME + r"\s*(?:,|\(|–|-)\s*(?:(?:[^.!?\n,()]{1,30},\s*){0,2}(?:tlf|telefon|phone|tel|mob|mobil|mobile)\.?:?\s*)?$",
    re.IGNORECASE,
)
# Not a person: an institution by its name ("Ring Mattilsynet på …", "call Kvalvik Health Centre on …").
INSTITUTION_NAME_RE = re.compile(
    r"(?:tjenesten|tjenesta|tenesta|tenesten|kontoret|kontor|senteret|sentret|senter|sentralen|sentral|stasjonen|stasjon|avdelingen|avdelinga|etaten|vakta|vakten"
    r"|nemnda|nemnd|tilsynet|verket|vesenet|vesen|skolen|skule|skulen|skole|barnehage|barnehagen|kommune|kommunen|huset|hallen|heimen|hjemmet|tunet|stua"
    r"|kirke|kyrkje|kyrkja|kors|politiet|politi|klinikk|klinikken|apotek|apoteket|biblioteket|bibliotek|laget|lag|foreningen|forening|forbundet"
    r"|Centre|Center|Office|Council|Service|Services|School|Team|Unit|Line|Nav|NAV|Kommune|Festival|Hospital|Sykehus|Sjukehus|Helse|Library|Church"
    r"|Police|Clinic|Hall|House|Lodge|Home|Club|Cross|IL|FK)\b")
# A name after a post ("call the headteacher, Hanne Lie, …", "rektor Hanne Lie, 400 …") is the post holder's line.
POST_BEFORE_NAME_RE = re.compile(
    r"\b\w*(?:" + _POST + r"|sjef|sjefen|direktør|direktøren|konsulent|konsulenten|sykepleier|sykepleieren|sjukepleiar|sjukepleiaren"
    r"|saksbehandler|saksbehandleren|sakshandsamar|sakshandsamaren|kontaktperson|kontaktpersonen|utekontakt|utekontakten"
    r"|head|teacher|officer|nurse|worker|leader|director)\s*,?\s*$",
    re.IGNORECASE,
)
# Where the sentence that gives a number starts ("f. 12.03.1938", "tlf.", "Mr." do not end one).
SENTENCE_START_RE = re.compile(
    r"(?:.*(?:(?<!\b[Mm]r)(?<!\b[Mm]rs)(?<!\b[Dd]r)(?<!\bf)(?<!\btlf)(?<!\bca)[.!?]\s+|\n)|)", re.DOTALL
)


# "Helsesykepleier Mona Rudi er på skolen hver dag – du kan ringe henne på …": a pronoun called, where the words before
# name someone by their post, is that post holder, whose line it is.
PRONOUN_CALLED_RE = re.compile(r"\b" + _CALLED + r"\s+(?:til\s+)?(?:ham|han|henne|ho|him|her)\s+(?:(?:direkte|directly|gjerne)\s+)?(?:på|on|at)\s*$",
                               re.IGNORECASE)
TITLED_NAME_RE = re.compile(r"\b(?i:helsesykepleier|helsesjukepleiar|sykepleier|sjukepleiar|lege|rektor|leder|leiar|koordinator|kontaktlærer"
                            r"|kontaktlærar|saksbehandler|sakshandsamar|school nurse|nurse|teacher|manager|coordinator|head teacher|headteacher"
                            r"|caseworker|social worker)\s+[A-ZÆØÅ][a-zæøåé]+")


def tied_to_person(text: str, start: int) -> bool:
    """Whether the reply ties the phone number at `start` to a private person (see TIED_BEFORE_RE)."""
    before = text[max(0, start - LINE_OWNER_WINDOW) : start]
    match = SENTENCE_START_RE.match(before)
    sentence = before[match.end() :] if match else before
    if PRONOUN_CALLED_RE.search(sentence) and TITLED_NAME_RE.search(before):
        return False
    if TIED_BEFORE_RE.search(sentence):
        return True
    named = NAMED_BEFORE_RE.search(sentence)
    return bool(named and not INSTITUTION_NAME_RE.search(named.group(0))
                and not POST_BEFORE_NAME_RE.search(sentence[: named.start()]))


@dataclass(frozen=True)
class Allowances:
    """Contact points that may be published: the municipality's own and public services."""

    numbers: frozenset[str]  # E.164
    domains: tuple[str, ...]  # lower-case; a domain matches itself and its sub-domains

    @classmethod
    def build(cls, numbers: Iterable[str], domains: Iterable[str], settings: Settings) -> Allowances:
        normalised = {n for n in (normalise_phone(x) for x in numbers) if n}
        all_domains = [d.lower().lstrip("@.") for d in domains]
        all_domains += [d.lower().lstrip(".") for d in settings.default_official_domain_suffixes]
        return cls(frozenset(normalised), tuple(all_domains))

    def domain_allowed(self, domain: str) -> bool:
        domain = domain.lower()
        return any(domain == d or domain.endswith("." + d) for d in self.domains)


def normalise_phone(raw: str) -> str | None:
    """E.164 form of a Norwegian or international number, or None if it is not a number."""
    try:
        parsed = phonenumbers.parse(raw, "NO")
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@dataclass(frozen=True)
class FoundPhone:
    start: int
    end: int
    raw: str
    e164: str
    kind: int  # a phonenumbers.PhoneNumberType value
    abroad: bool = False  # held only by a plan of PHONE_REGIONS, not by Norway's


# Where a reply's phone numbers are read as dialled at home. Every reply is read by Norway's numbering plan; an English
# reply is also read by the plans of the English-speaking countries its writers give numbers from, each number by the
# plan whose grouping of the digits it follows ("087 234 5678" is an Irish mobile, "0412 558 903" an Australian one,
# "(02) 6720 4500" a Sydney line, "021 448 093" a New Zealand mobile). Of the numbers Norway's plan does not hold, only
# mobiles are kept: a plan's fixed lines and service numbers are lines to call. North America's plan is not read: its
# mobiles and fixed lines share one range, so none of its numbers is known to be a mobile. A UK number of the 07 mobile
# range is a mobile even in the part of it that is set aside for fiction (07700 900 000 to 999, which the plan itself
# calls unassigned).
PHONE_REGIONS = {"en": ("GB", "IE", "AU", "NZ")}
UK_MOBILE_RE = re.compile(r"7[1-57-9]\d{8}")


def _fewest_mobile_digits(region: str) -> int:
    """The fewest digits a mobile of the region's plan has (1 when the plan does not say)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    mobile = metadata.mobile if metadata is not None else None
    return min(mobile.possible_length) if mobile is not None and mobile.possible_length else 1


# A text with fewer digits than the shortest of these mobiles (New Zealand's, eight) holds none of them. Most replies
# hold a few digits or none, and the plans' matchers cost more than the rest of the phone reading.
MOBILE_DIGITS_ABROAD = min(_fewest_mobile_digits(region) for regions in PHONE_REGIONS.values() for region in regions)
DIGIT_RE = re.compile(r"\d")


def _mobiles_abroad(text: str, region: str) -> Iterator[phonenumbers.PhoneNumberMatch]:
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.EXACT_GROUPING):
        if phonenumbers.number_type(match.number) == PhoneNumberType.MOBILE:
            yield match
    if region == "GB":
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
            number = match.number
            if not phonenumbers.is_valid_number(number) and UK_MOBILE_RE.fullmatch(
                    phonenumbers.national_significant_number(number)):
                yield match


@lru_cache(maxsize=1024)
def found_phones(text: str, language: str = "nb") -> tuple[FoundPhone, ...]:
    """All phone numbers in `text`, parsed once: several rules look at the same numbers. An English text's mobiles by
    the plans of `PHONE_REGIONS` are added where Norway's plan found no number, or only a part of the mobile."""
    if DIGIT_RE.search(text) is None:
        return ()  # most texts: a number needs digits, and the matcher costs 20 µs to say there is none
    found = [
        FoundPhone(
            match.start,
            match.end,
            match.raw_string,
            phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.number_type(match.number),
        )
        for match in phonenumbers.PhoneNumberMatcher(text, "NO")
    ]
    abroad: dict[tuple[int, int], FoundPhone] = {}
    regions = PHONE_REGIONS.get(language, ()) if len(DIGIT_RE.findall(text)) >= MOBILE_DIGITS_ABROAD else ()
    for region in regions:
        for match in _mobiles_abroad(text, region):
            overlapping = [f for f in found if f.start < match.end and match.start < f.end]
            if (match.start, match.end) in abroad or any(
                    f.start < match.start or f.end > match.end or f.end - f.start == match.end - match.start
                    for f in overlapping):
                continue  # Norway's plan read these digits as a number of their own
            found = [f for f in found if f not in overlapping]  # "07700" read as a short number: part of the mobile
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            abroad[(match.start, match.end)] = FoundPhone(
                match.start, match.end, match.raw_string, e164, PhoneNumberType.MOBILE, True)
    return tuple(sorted(found + list(abroad.values()), key=lambda phone: phone.start))


def _checksums_ok(number: str) -> bool:
    return (
        fodselsnummer.calc_check_digit1(number[:9]) == number[9]
        and fodselsnummer.calc_check_digit2(number[:10]) == number[10]
    )


def is_id_number(number: str) -> bool:
    """A valid fødselsnummer, D-number or H-number, or a synthetic test number.

    Synthetic numbers (month + 80, used in test registers) are not people, but publishing one
    next to a name still looks like publishing an ID number, so they count as well.
    """
    if fodselsnummer.is_valid(number):
        return True
    month = int(number[2:4])
    return month > 80 and 1 <= month - 80 <= 12 and _checksums_ok(number)


def id_numbers(text: str, settings: Settings, *, labelled_only: bool, asked: str | None = None) -> Iterator[tuple[int, int]]:
    """11-digit numbers that are ID numbers; with `labelled_only`, those that fail the checksum
    but are presented as ID numbers ("fnr", "personnummer") instead, in the reply or by the comment
    it answers (`asked`: "Kva personnummer sto på brevet til meg?" - "Det var 24118932157.")."""
    for match in DIGITS_11_RE.finditer(text):
        number = match.group(1) + match.group(2)
        valid = is_id_number(number)
        if labelled_only:
            if valid:
                continue
            before = text[max(0, match.start() - LABEL_WINDOW) : match.start()]
            label = _label_re(settings)  # built only for an 11-digit number
            if label.search(before) or (asked and label.search(asked)):
                yield match.start(), match.end()
        elif valid:
            yield match.start(), match.end()


def _label_re(settings: Settings) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{label})" for label in settings.id_labels) or r"(?!)", re.IGNORECASE)


def phone_numbers(
    text: str, allow: Allowances, settings: Settings, *, mobile: bool, language: str = "nb"
) -> Iterator[tuple[int, int]]:
    """Phone numbers that are neither official nor public service numbers.

    `mobile` selects mobile numbers that the reply ties to a private person (a name, kin, a pronoun,
    "privat"; see tied_to_person) or the rest (fixed lines, and mobiles given as a line to call:
    may be the municipality's own, so flagged for a check only). Amounts ("kr 45 000 000") are skipped.
    """
    service_types = {getattr(PhoneNumberType, name) for name in settings.service_number_types}
    id_spans = [(m.start(), m.end()) for m in DIGITS_11_RE.finditer(text)]
    for match in found_phones(text, language):
        if any(s <= match.start < e for s, e in id_spans):
            continue
        before = text[max(0, match.start - LABEL_WINDOW) : match.start]
        if NOT_PHONE_LABEL_RE.search(before) or AMOUNT_BEFORE_RE.search(before):
            continue
        after = text[match.end : match.end + LABEL_WINDOW]
        if AMOUNT_AFTER_RE.search(after) or re.sub(r"\D", "", match.raw).endswith("00000"):
            continue
        if match.e164 in allow.numbers:
            continue
        kind = match.kind
        if kind in service_types:
            continue
        line_before = text[max(0, match.start - LINE_OWNER_WINDOW) : match.start]
        official_line = LINE_OWNER_RE.search(line_before) or UNIT_LINE_RE.search(line_before)
        private = kind in MOBILE_TYPES and not official_line and tied_to_person(text, match.start)
        if match.abroad and not private:
            continue  # a line to call by another country's plan: the municipality's list holds Norwegian numbers only
        if private == mobile:
            yield match.start, match.end


def emails(text: str, allow: Allowances, settings: Settings, *, free_mail: bool) -> Iterator[tuple[int, int]]:
    """Addresses outside the official domains; `free_mail` picks Gmail-like providers
    (a private person) or the rest (some other organisation: check it)."""
    free = {d.lower() for d in settings.free_mail_domains}
    for match in EMAIL_RE.finditer(text):
        domain = match.group(1).lower()
        if allow.domain_allowed(domain):
            continue
        if (domain in free) == free_mail:
            yield match.start(), match.end()


def street_addresses(text: str) -> Iterator[tuple[int, int]]:
    for match in STREET_RE.finditer(text):
        yield match.start(), match.end()


def identifiers(text: str, allow: Allowances) -> set[str]:
    """Normalised identifiers in a citizen comment, to spot a reply that repeats them."""
    found: set[str] = set()
    for match in DIGITS_11_RE.finditer(text):
        found.add(match.group(1) + match.group(2))
    for phone in found_phones(text):
        if phone.e164 not in allow.numbers:
            found.add(phone.e164)
    for match in EMAIL_RE.finditer(text):
        if not allow.domain_allowed(match.group(1)):
            found.add(match.group().lower())
    for match in STREET_RE.finditer(text):
        found.add(" ".join(match.group().lower().split()))
    return found


def repeated_identifiers(reply: str, context_ids: set[str]) -> Iterator[tuple[int, int]]:
    """Places where the reply repeats an identifier that the citizen's comment contained."""
    if not context_ids:
        return
    for match in DIGITS_11_RE.finditer(reply):
        if match.group(1) + match.group(2) in context_ids:
            yield match.start(), match.end()
    for phone in found_phones(reply):
        if phone.e164 in context_ids:
            yield phone.start, phone.end
    for match in EMAIL_RE.finditer(reply):
        if match.group().lower() in context_ids:
            yield match.start(), match.end()
    for match in STREET_RE.finditer(reply):
        if " ".join(match.group().lower().split()) in context_ids:
            yield match.start(), match.end()

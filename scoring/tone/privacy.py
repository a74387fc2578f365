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
    r"|\b\d{1,4}[A-Ha-h]?\s(?:[A-Z][a-z]+\s){1,2}(?:Road|Street|Lane|Avenue|Close|Drive)\b"
)
LABEL_WINDOW = 40
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
AMOUNT_BEFORE_RE = re.compile(r"(?:\bkr\.?|\bnok|\bbeløp(?:et)?|€|\$|£)\s*$", re.IGNORECASE)
AMOUNT_AFTER_RE = re.compile(
    r"^\s*(?:kr\b|kroner|nok\b|mill|millioner|milliarder|,-|euro|dollars?|pounds?)", re.IGNORECASE
)
# A number right after one of these is presented as the municipality's own line: without an
# allow-list it is only checked, not treated as a private number.
OFFICIAL_LINE_RE = re.compile(
    r"(?:vakttelefon\w*|sentralbord\w*|servicetorg\w*|servicesenter\w*|kundesenter\w*|legevakt\w*"
    r"|beredskapstelefon\w*|informasjonstelefon\w*|switchboard|service (?:centre|center|desk)|hotline"
    r"|duty phone|emergency line|information line|questions|enquiries|queries|spørsmål|henvendelser|førespurnader)[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
# Whose line a mobile is, as the reply says it ("ring hjemmetjenesten på 48 …", "Ring avdelinga på …", "call the
# school office on …", "ring sakshandsamar på …", "snakke med utekontakten på …", "ring vaktmesteren på …", "ta
# kontakt med klubbleder på 918 22 330", "call the club leader Kari on …"): one of the municipality's own services,
# offices or units, or someone who holds a post, for the public to call. A private person is called by name or by
# whose they are ("ring Kari på", "legen hans", "sykepleieren hennes, Torill, på …"), never as an institution in the
# definite form.
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
    + r"(?:/\w+)?(?:\s+(?:direkte|directly|gjerne|også|òg))?\s+(?:på|on|at)\s*$"
    # "the club leader Kari would like to meet you – call 918 …": the holder, then the number to call, in one sentence.
    + r"|\b(?:the|vår|our)\s+" + _POST + r"\b[^.!?\n]{0,80}\b(?:ring|ringe|ringje|call|phone|text)\s+(?:(?:him|her|ham|henne|han|ho)\s+)?(?:på\s+|on\s+)?$"
    # "kommunen har kriseteam tilgjengeleg på …", "The crisis team is available on …"
    + r"|\b(?:kriseteam\w*|crisis team|\w*tjenesten|\w*tenesta|\w*vakta|\w*vakten)\s+(?:is\s+|er\s+)?(?:tilgjengelig|tilgjengeleg|available)\s+(?:på|on|at)\s*$"
    # A number to call with no one between the verb and it ("kan du ringe 48 00 01 10", "next of kin can ring …",
    # "hjelp til snømåking: ring 48 …"): the municipality gives its own line; a person's would be named.
    + r"|\b(?:ring|ringe|ringje|call|text|sms)\s*:?\s*$"
    # "frivilligsentralen trenger hjelp … Ring dem på …", "the allocation office can tell you … ring them on …":
    # "them" is the service the reply has just named.
    + r"|\b(?:the\s+|our\s+|vår\s+)?" + _UNIT + r"\b[^\n]{0,120}?\b" + _CALL + r"\s+(?:(?:gjerne|please)\s+)?(?:dem|them)\s+(?:på|on|at)\s*$"
    # "we're happy to help on …", "vi hjelper deg gjerne på …": our own line.
    + r"|\b(?:we|we're|vi|me)\b[^.!?\n]{0,30}\b(?:help|hjelper|hjelpe|hjelpa|hjelp)(?:\s+(?:you|deg|dykk|dere|gjerne))*\s+(?:på|on|at)\s*$"
    # "The crisis team is there for anyone who needs support: 48 …", "styreren svarer gjerne på spørsmål om hverdagen
    # i barnehagen på 48 …": a clause whose subject is a service or a post holder, then its number; not one that
    # goes on to someone else ("Rektor har snakket med faren, som kan nås på …").
    # "Kommunens kriseteam er tilgjengelig for alle som er berørt: 48 …": the municipality's own unit, named by whose it is.
    + r"|(?:^|[.!?,;]\s+|\b(?:og|and|men|but)\s+)(?:the\s+|our\s+|vår\s+)?(?:" + _UNIT + r"|" + _POST
    + r"|(?:kommunens|kommunen sitt|kommunen si|the council's|the municipality's)\s+[\wæøå-]+)\b"
    + r"(?:(?!\b(?:han|hun|ho|ham|henne|hans|hennes|hennar|him|her|his|faren|far|moren|mora|mor|foreldrene|foreldra|father|mother|"
    + r"mum|dad|parents)\b)[^.!?\n]){0,80}(?::|\s(?:på|on|at))\s*$",
    re.IGNORECASE,
)
LINE_OWNER_WINDOW = 160
OFFICIAL_LINE_AFTER_RE = re.compile(
    r"^\s*[(,]?\s*(?:(?:som|er|til|på)\s+)?(?:kommunens\s+|vår\s+|our\s+|the\s+)?"
    r"(?:vakttelefon|sentralbord|servicetorg|legevakt|beredskapstelefon|switchboard|duty phone|hotline)",
    re.IGNORECASE,
)
NOT_PHONE_LABEL_RE = re.compile(
    r"(?:saks(?:nr|nummer)|ref(?:eranse)?|konto(?:nr|nummer)|org(?:\.|anisasjons)?\s?nr|orgnr"
    r"|faktura(?:nr|nummer)|gnr|bnr|kid)\.?:?\s*$",
    re.IGNORECASE,
)


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


@lru_cache(maxsize=1024)
def found_phones(text: str) -> tuple[FoundPhone, ...]:
    """All phone numbers in `text`, parsed once: several rules look at the same numbers."""
    return tuple(
        FoundPhone(
            match.start,
            match.end,
            match.raw_string,
            phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.number_type(match.number),
        )
        for match in phonenumbers.PhoneNumberMatcher(text, "NO")
    )


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


def id_numbers(text: str, settings: Settings, *, labelled_only: bool) -> Iterator[tuple[int, int]]:
    """11-digit numbers that are ID numbers; with `labelled_only`, those that fail the checksum
    but are presented as ID numbers ("fnr", "personnummer") instead."""
    for match in DIGITS_11_RE.finditer(text):
        number = match.group(1) + match.group(2)
        valid = is_id_number(number)
        if labelled_only:
            before = text[max(0, match.start() - LABEL_WINDOW) : match.start()]
            if not valid and _label_re(settings).search(before):  # built only for an 11-digit number
                yield match.start(), match.end()
        elif valid:
            yield match.start(), match.end()


def _label_re(settings: Settings) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{label})" for label in settings.id_labels) or r"(?!)", re.IGNORECASE)


def phone_numbers(
    text: str, allow: Allowances, settings: Settings, *, mobile: bool
) -> Iterator[tuple[int, int]]:
    """Phone numbers that are neither official nor public service numbers.

    `mobile` selects mobile numbers (almost always a private person in Norway) or the rest
    (fixed lines, and mobiles presented as an on-call or switchboard line: may be the
    municipality's own, so flagged for a check only). Amounts ("kr 45 000 000") are skipped.
    """
    service_types = {getattr(PhoneNumberType, name) for name in settings.service_number_types}
    id_spans = [(m.start(), m.end()) for m in DIGITS_11_RE.finditer(text)]
    for match in found_phones(text):
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
        official_line = (OFFICIAL_LINE_RE.search(before) or OFFICIAL_LINE_AFTER_RE.search(after)
                         or LINE_OWNER_RE.search(text[max(0, match.start - LINE_OWNER_WINDOW) : match.start]))
        private = kind in MOBILE_TYPES and not official_line
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

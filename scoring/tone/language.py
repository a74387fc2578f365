"""Guessing whether a reply is Norwegian (bokmål or nynorsk) or English.

A stopword ratio is enough to tell Norwegian from English: replies are short but always contain
function words. Ties and texts without any stopword fall back to bokmål, the working language of
most municipalities. Nynorsk shares the bokmål rule files (loader.py), so its stopwords cannot
tell the two apart; the common function words that differ between the two written standards
(ikkje/ikke, eg/jeg, kva/hva, frå/fra …) do, and a Norwegian reply with more nynorsk than bokmål
forms among them is nynorsk.
"""

from __future__ import annotations

from functools import lru_cache

from scoring.tone.loader import LANGUAGE_FILES, load_ruleset
from scoring.tone.text import TOKEN_RE

DEFAULT_LANGUAGE = "nb"


@lru_cache(maxsize=None)
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_ruleset(language).lexicon.stopwords)


def language_scores(text: str) -> dict[str, float]:
    """Share of tokens that are stopwords of each language."""
    tokens = [t.lower() for t in TOKEN_RE.findall(text)]
    if not tokens:
        return {language: 0.0 for language in LANGUAGE_FILES}
    return {
        language: sum(1 for t in tokens if t in _stopwords(language)) / len(tokens)
        for language in LANGUAGE_FILES
    }


# Function words written differently in the two standards, common in any municipal reply. Not
# "veg"/"vegen": bokmål writes them too ("huset rett over vegen"); not "same" (nynorsk for "samme"),
# which is English too: "Aye, same class." has no English stopword to claim it, and was read as nynorsk.
_NYNORSK_FORMS = frozenset(
    "ikkje eg kva korleis kven kvifor kvar ein eit frå dykk dykkar mykje berre heile vere vore "
    "sjølv noko nokon nokre òg vart kjem gjer seier saman heime ho meir mogleg venleg helsing allereie "
    "hjå ynskjer difor sidan dei trur heilt fleire augo".split()
)
_BOKMAL_FORMS = frozenset(
    "ikke jeg hva hvordan hvem hvorfor hver en et fra dere deres mye bare hele være vært "
    "selv noe noen også ble kommer gjør sier sammen hjemme hun mer mulig vennlig hilsen allerede "
    "ønsker derfor siden samme tror helt flere vei veien".split()
)

# "Lege" (a doctor) and its compounds end like the nynorsk adjective ending -lege (vanlege) in
# both standards ("fastlege", "øre-nese-hals-lege").
_DOCTOR = ("-lege", "fastlege", "tannlege", "overlege", "kommunelege", "barnelege", "legevaktlege",
           "sykehuslege", "sjukehuslege", "smittevernlege", "bedriftslege", "turnuslege")


def _nynorsk_leaning(text: str) -> int:
    """Nynorsk forms minus bokmål forms among the words that differ between the two; the
    adjective ending -leg/-lig (vanleg/vanlig, mogleg/mulig) counts too."""
    tokens: list[str] = [t.lower() for t in TOKEN_RE.findall(text)]
    nynorsk = sum(t in _NYNORSK_FORMS or t.endswith(("leg", "lege")) and t != "lege" and not t.endswith(_DOCTOR)
                  for t in tokens)
    bokmal = sum(t in _BOKMAL_FORMS or t.endswith(("lig", "lige")) for t in tokens)
    return nynorsk - bokmal


def detect_language(text: str) -> str:
    """"en" when English has the higher stopword ratio; otherwise "nn" when nynorsk forms
    outnumber bokmål ones, else "nb" (also on a tie, or with no stopword at all)."""
    scores = language_scores(text)
    best = max(scores, key=lambda language: (scores[language], language == DEFAULT_LANGUAGE))
    if best == "en" and scores[best] > 0:
        return "en"
    return "nn" if _nynorsk_leaning(text) > 0 else DEFAULT_LANGUAGE

"""The analyser's shortcuts find exactly what a plain regex scan finds.

A phrase regex is tried only where the lower-cased reply reads a string its matches must start
with, and skipped when a word it needs is missing (literals.py); the confidentiality detector's
thousand terms are searched as one tree. Each shortcut must give the very spans (or the very
yes/no) of the scan it replaces. A reply whose lower case is not character for character what
the regex engine compares ("İ", "ı", "ſ", Greek sigma) is scanned as before.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.tone.literals import leading_literals
from scoring.tone.loader import load_ruleset
from scoring.tone.matching import pattern_spans
from scoring.tone.ruleset import Pattern
from scoring.tone.text import AnalysedText
from tests.tone.development import development_sample

REGEXES = [
    r"\b(?:vi beklager|beklager|unnskyld)\b",
    r"(?<![\w])(?:ikke vårt ansvar|ikke vår feil)",
    r"\b(?:bare )?(?:les|sjekk) (?:på )?nettsiden\b",
    r"(?:^|\n|[.!?]\s+)(?:med\s+)?(?:vennlig|beste)\s+hilsen",
    r"(?-i:[A-ZÆØÅ][a-zæøå]+) (?:sa|sier)",
    r"🙄|😒|🤦",
    r"[!?]{2,}",
    r"\bsimple\b|\bsikker\b",
    r"ſikker|ıkke",
    r"\b(?:\d+|én|to) (?:mann|menn|kvinner)\b",
    r"\b(?:han|(?P<name>(?-i:[A-ZÆØÅ][a-zæøå]+)))\b (?:sier|sa)",
]
TEXTS = [
    "Vi beklager! Det er IKKE VÅRT ANSVAR, men les på nettsiden. Med vennlig hilsen Kari",
    "Unnskyld.\nBeste hilsen\nOla sa at SIKKER er sikker 🙄 ??  12 menn og to kvinner, han sier",
    "Ikke vår feil: vi beklager. Kari sier nei. Ikke VÅRT ansvar",
    "sikker? ikke sikker. Øyvind Ærø sier beklager, ÅSE sa",
    "",
]


def _reference(regex: str, case_sensitive: bool = False) -> Pattern:
    """The same regex with an alternative that matches nothing and starts nowhere: it has no
    leading strings and no required words, so it is searched at every position."""
    return Pattern(regex=f"(?:{regex})|(?!)", case_sensitive=case_sensitive)


@pytest.mark.parametrize("regex", REGEXES)
@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("case_sensitive", [False, True])
def test_pattern_spans_are_those_of_a_full_scan(regex: str, text: str, case_sensitive: bool) -> None:
    analysed, plain = AnalysedText(text, "nb"), AnalysedText(text, "nb")
    found = pattern_spans(Pattern(regex=regex, case_sensitive=case_sensitive), analysed)
    assert found == pattern_spans(_reference(regex, case_sensitive), plain)


def test_phrase_regexes_have_leading_strings() -> None:
    assert leading_literals(r"\b(?:bare )?les\b", re.IGNORECASE) == ("bare ", "les")
    assert leading_literals(r"(?:^|[.!?]\s+)hilsen", re.IGNORECASE) == ("!", ".", "?", "hilsen")
    assert leading_literals(r"\b(?:vi beklager|vi)\b", re.IGNORECASE) == ("vi",)
    # A capital where the case counts, and a digit, are looked for in the reply itself.
    assert leading_literals(r"(?:du|(?-i:[A-ZÆØ]))\w", re.IGNORECASE) == ("du", "\x00[A-ZÆØ]")
    assert leading_literals(r"(?:\d+|to) menn", re.IGNORECASE) == ("to", "\x00[\\d]")
    assert leading_literals(r"[A-Z]\w", re.IGNORECASE) is None  # a range that ignores case: any letter
    assert leading_literals(r"\w+ beklager", re.IGNORECASE) is None  # may start anywhere
    assert leading_literals(r"(?:x)?", re.IGNORECASE) is None  # may match nothing


WORDS = st.text(alphabet="abcæøåIiÆØÅsS -", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(WORDS, min_size=1, max_size=5), text=st.text(alphabet="abcæøåIiÆØÅsS .,!-", max_size=40),
       bounded=st.booleans(), case_sensitive=st.booleans())
def test_any_phrase_regex_matches_where_a_scan_does(words: list[str], text: str, bounded: bool,
                                                     case_sensitive: bool) -> None:
    body = "|".join(re.escape(w) for w in words)
    regex = rf"(?<!\w)(?:{body})(?!\w)" if bounded else f"(?:{body})"
    found = pattern_spans(Pattern(regex=regex, case_sensitive=case_sensitive), AnalysedText(text, "nb"))
    assert found == pattern_spans(_reference(regex, case_sensitive), AnalysedText(text, "nb"))


@pytest.mark.parametrize("text", ["İkke", "ıkke", "ſikker", "ΣΙΣΥΦΟΣ"])
def test_a_reply_the_lower_case_misreads_is_scanned(text: str) -> None:
    assert not AnalysedText(text, "nb").aligned
    assert AnalysedText("Vi beklager, Åse og Ærø.", "nb").aligned


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_confidentiality_terms_index_gates_like_their_regex(language: str) -> None:
    """Labelled replies and comments (an even sample of the development files) are gated alike by the
    matter terms' regex and by the term index the detector searches instead (the detector's own
    yes/no, through its public regex)."""
    from scoring.tone.detectors import confidentiality_matcher

    matcher = confidentiality_matcher(language)
    sample = development_sample(language, 4000)
    texts = [e.reply for e in sample] + [e.context for e in sample if e.context]
    assert texts
    for text in texts:
        assert matcher.has_matter(text) == bool(matcher.gate_re.search(text)), text


def test_every_rule_pattern_matches_as_a_full_scan_does_on_the_examples() -> None:
    """The committed rules over an even sample of the labelled development replies: not one span differs."""
    for language in ("nb", "en"):
        patterns = [p for rule in load_ruleset(language).rules for p in rule.patterns if p.regex]
        # Kept alive together: a text keeps its matches by pattern (by id).
        references = [_reference(p.regex or "", p.case_sensitive) for p in patterns]
        for item in development_sample(language, 600):
            analysed, plain = AnalysedText(item.reply, language), AnalysedText(item.reply, language)
            for pattern, reference in zip(patterns, references):
                assert pattern_spans(pattern, analysed) == pattern_spans(reference, plain), (item.id, pattern.regex)

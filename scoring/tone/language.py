"""Guessing whether a reply is Norwegian bokmål or English.

A stopword ratio is enough here: replies are short but always contain function words, and
the only choice is between two languages. Ties and texts without any stopword fall back to
bokmål, the municipality's working language.
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


def detect_language(text: str) -> str:
    """"nb" or "en", whichever has the higher stopword ratio; "nb" on a tie."""
    scores = language_scores(text)
    best = max(scores, key=lambda language: (scores[language], language == DEFAULT_LANGUAGE))
    return best if scores[best] > 0 else DEFAULT_LANGUAGE

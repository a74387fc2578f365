"""Properties that hold for any text: the analyser never crashes and its spans are honest."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.tone import analyse_reply

# Words that trigger many rules, mixed with arbitrary text, digits and emoji.
WORDS = [
    "Takk", "for", "beklager", "ikke", "vår", "feil", "Hilsen", "Kari,", "kommunikasjon", "les",
    "nettsiden", "🙄", "!!", "«bekymret»", "idiot", "sannsynligvis", "skyldes", "ingen", "fare",
    "412 34 567", "15108695088", "ola@gmail.com", "Storgata 12", "han", "er", "pasient", "hos",
    "kl.", "14.00", "https://fjordvik.kommune.no/x", "VI", "HAR", "SVART", "sorry", "not", "our",
    "fault", "\n", ".", "?", "Ap", "dårlig", "Søknaden", "din", "avslått",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, context=st.one_of(st.none(), texts), language=st.sampled_from(["nb", "en", "auto"]))
def test_any_text_gets_a_bounded_score_and_true_spans(text: str, context: str | None, language: str) -> None:
    result = analyse_reply(text, language=language, context=context)
    assert 0 <= result.score <= 100
    for finding in result.findings:
        start, end = finding.span
        assert 0 <= start <= end <= len(text)
        if finding.matched:
            assert text[start:end] == finding.matched

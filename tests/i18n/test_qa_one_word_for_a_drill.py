"""Bokmål calls a drill «øvelse» everywhere; «øving» is the nynorsk word (and lives on in
compounds such as «øvingsleder», which bokmål uses too)."""

from __future__ import annotations

import re

from drill.i18n import LANGUAGES

NOUN = re.compile(r"\b(øving|øvingen|øvinger|øvingene)\b", re.IGNORECASE)


def test_bokmal_says_ovelse_for_a_drill_throughout() -> None:
    strays = {key: text for key, text in LANGUAGES["nb"].items() if NOUN.search(text)}
    assert strays == {}
    history = LANGUAGES["nb"]["history.cli.written.other"]
    assert "øvelser" in history

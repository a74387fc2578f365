"""How the analyser matches: inflection, negation, spans, languages, caps and the score."""

from __future__ import annotations

import pytest

from scoring.tone import ToneResult, analyse_reply, detect_language
from scoring.tone.loader import load_settings
from scoring.tone.text import AnalysedText
from tests.tone.development import development_items


def _rules(text: str, **kwargs: object) -> set[str]:
    return analyse_reply(text, **kwargs).rules  # type: ignore[arg-type]


def test_result_shape() -> None:
    result = analyse_reply("Vi beklager ulempene. Hilsen Kari, kommunikasjonsavdelingen")
    assert isinstance(result, ToneResult)
    assert 0 <= result.score <= 100
    assert result.language == "nb"
    finding = next(f for f in result.findings if f.rule == "K6.apology")
    assert (finding.rubric, finding.weight, finding.severity) == ("K6", 6, "info")
    assert finding.source and finding.explanation


def test_spans_point_at_the_matched_text() -> None:
    text = "Hei! Takk for spørsmålet. Det er ikke vår feil at veien er stengt 🙄"
    result = analyse_reply(text)
    for finding in result.findings:
        start, end = finding.span
        if finding.matched:
            assert text[start:end] == finding.matched


def test_neutral_reply_gets_the_baseline() -> None:
    result = analyse_reply("Ja.", learned_model=False)
    assert result.findings == []
    assert result.score == load_settings().baseline


@pytest.mark.parametrize("form", ["beklager", "beklaget", "beklagelse", "BEKLAGER"])
def test_inflected_forms_match_through_lemmas(form: str) -> None:
    assert "K6.apology" in _rules(f"Vi {form} dette.")


def test_negation_turns_owning_an_error_into_blame() -> None:
    assert "K6.own_error" in _rules("Det var vår feil, og vi retter det nå.")
    blame = _rules("Det var ikke vår feil.")
    assert "K6.own_error" not in blame
    assert "T2.blame" in blame


def test_negation_after_the_verb_blocks_an_apology() -> None:
    assert "K6.apology" not in _rules("Vi beklager ikke, vi gjorde jobben vår.")
    assert "K6.apology" not in _rules("We are not sorry.", language="en")


def test_negated_insult_is_not_hostility() -> None:
    assert "T2.hostility" not in _rules("Det er ikke et dumt spørsmål i det hele tatt.")
    assert "T2.hostility" in _rules("For et dumt spørsmål.")


def test_reassurance_depends_on_basis() -> None:
    assert "K2.false_reassurance" in _rules("Det er helt trygt å drikke vannet.")
    assert "K2.false_reassurance" not in _rules(
        "Det er helt trygt å drikke vannet. Prøvene fra i dag viser ingen bakterier."
    )


def test_speculation_vs_honest_uncertainty() -> None:
    assert "K2.speculation" in _rules("Brannen startet trolig i et el-skap.")
    honest = _rules("Vi vet ikke hva som er årsaken, og vil ikke spekulere.")
    assert "K2.speculation" not in honest
    assert "K2.uncertainty" in honest


def test_thanks_in_a_sarcastic_sentence_is_not_thanks() -> None:
    rules = _rules("Takk for den geniale analysen.")
    assert "T2.sarcasm" in rules
    assert "C3.thanks" not in rules
    sincere = _rules("Takk for den hyggelige tilbakemeldingen!")
    assert "C3.thanks" in sincere
    assert "T2.sarcasm" not in sincere


def test_emoji_caps_and_punctuation() -> None:
    assert "T2.sarcasm" in _rules("Javel 🙄")
    assert "T2.shouting" in _rules("DETTE ER IKKE VÅRT PROBLEM")
    assert "T2.shouting" not in _rules("VIKTIG: Kok vannet. Info fra FHI og NAV.")
    assert "T2.repeated_punctuation" in _rules("Hva?!")


def test_context_complaint_without_empathy() -> None:
    complaint = "Ingen svarer på telefonen, dette er helt uakseptabelt!"
    assert "K8.no_empathy" in _rules("Telefonen er åpen 8-15.", context=complaint)
    assert "K8.no_empathy" not in _rules("Beklager ventetiden! Telefonen er åpen 8-15.", context=complaint)
    assert "K8.no_empathy" not in _rules("Telefonen er åpen 8-15.", context="Når er telefonen åpen?")
    assert "K8.no_empathy" not in _rules("Telefonen er åpen 8-15.")


def test_severity_caps_keep_bad_replies_out_of_the_good_band() -> None:
    friendly_but_sarcastic = (
        "Tusen takk for spørsmålet! Vi forstår at dette er vanskelig. For en overraskelse at du klager. "
        "Se https://fjordvik.kommune.no/vann. Hilsen Kari, kommunikasjonsavdelingen"
    )
    result = analyse_reply(friendly_but_sarcastic)
    assert "T2.sarcasm" in result.rules
    assert result.score <= load_settings().severity_caps["major"]
    assert result.worst_severity == "major"


def test_score_is_clamped() -> None:
    awful = "Du er en idiot 🙄!!! Skyld deg selv. Les nettsiden. Fnr 15108695088, ring 412 34 567."
    assert analyse_reply(awful).score == 0


def test_explanations_follow_the_requested_language() -> None:
    nb = analyse_reply("Vi beklager.", explain_in="nb", learned_model=False).findings[0].explanation
    en = analyse_reply("Vi beklager.", explain_in="en", learned_model=False).findings[0].explanation
    assert nb != en
    assert "apolog" in en


@pytest.mark.parametrize(
    "text,language",
    [
        ("Vi beklager ulempene, og vi jobber med saken.", "nb"),
        ("We are sorry for the trouble and are working on it.", "en"),
        ("Kok vannet!", "nb"),
        ("", "nb"),
        ("Vi kan ikkje seie kva som skjedde før vi veit meir. Venleg helsing Brit, teknisk", "nn"),
        ("Det er heilt vanleg at vatnet er brunt ei stund etter graving.", "nn"),
        ("Vi kan ikke si hva som skjedde før vi vet mer. Vennlig hilsen Brit, teknisk", "nb"),
        ("Søk på fjordby.kommune.no/parkering innen fredag.", "nb"),  # the web address's "no" is no nynorsk
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_language_detection_tells_nynorsk_from_bokmal_on_the_labelled_replies() -> None:
    """Short replies without a differing function word fall back to bokmål (the same rules read
    both); what must not happen is a bokmål or English reply taken for nynorsk. Asked of the
    development files: a reply of the held-back part (holdout-*.jsonl) that the detector gets
    wrong is not read to mend the detector, or the part is no longer held back."""
    guessed = {(i.id, i.language): detect_language(i.reply) for i in development_items()}
    nynorsk = [g for (_, language), g in guessed.items() if language == "nn"]
    assert sum(g == "nn" for g in nynorsk) >= 0.85 * len(nynorsk)
    # Written dialect its writers filed as bokmål, nearer nynorsk in every pronoun and verb:
    # "Ho får hjelp, ja. Ho har hatt det tungt, men ho e i gode hender hos oss.", "Ho har det nok
    # ikkje lett, ho er jo ute av seg etter at han blei sjukmeldt.", "Æ skjønne godt at du e bekymra. Vi har sett
    # at far din har hatt besøk av ho det gjelder fleire gonga", "Vi skjønne godt at dokker vil vite meir. Det vi kan
    # si no: ein ansatt e ikkje på jobb …".
    dialect = {"b74-nb-0190", "b84-nb-0152", "b162-nb-0063", "b172-nb-0119", "b190-nb-0096"}
    assert [key for key, g in guessed.items() if g == "nn" and key[1] != "nn" and key[0] not in dialect] == []


def test_auto_language_selects_english_rules() -> None:
    result = analyse_reply("We apologise for the confusion.", language="auto")
    assert result.language == "en"
    assert "K6.apology" in result.rules


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        analyse_reply("Hej", language="sv")


def test_sentence_splitting_keeps_times_and_abbreviations() -> None:
    result = analyse_reply("Ny oppdatering kommer kl. 14.00 i dag.")
    finding = next(f for f in result.findings if f.rule == "K3.next_update")
    assert finding.matched == "Ny oppdatering kommer kl. 14.00"


@pytest.mark.parametrize(("text", "expected"), [
    ("Det er lett å vera etterpåklok.", {"vera": "vere"}),
    ("Me kan ikkje seia noko om det.", {"me": "vi", "seia": "seie"}),
    ("Kan du ikkje berre svara?", {"svara": "svare"}),
    ("Ho vil delta, og han har svara.", {"delta": "delta"}),
])
def test_nynorsk_reads_me_and_the_a_infinitive_as_vi_and_the_e_infinitive(text: str, expected: dict[str, str]) -> None:
    """Both are official nynorsk: a writer who uses them must be read as one who writes "vi" and "vere"."""
    lemmas = {token.lower: token.lemma for token in AnalysedText(text, "nn").tokens}
    for word, lemma in expected.items():
        assert lemmas[word] == lemma


def test_the_a_infinitive_is_read_only_in_nynorsk() -> None:
    lemmas = {token.lower: token.lemma for token in AnalysedText("Vi kan ikke vera der.", "nb").tokens}
    assert lemmas["vera"] != "vere"


@pytest.mark.parametrize(("typed", "language", "context"), [
    ("We can\u2019t comment on individual staff, but the home\u2019s residents have had extra visits all week.", "en",
     "Is it true one of the carers at Elm Court has been suspended?"),
    ("It\u2019s Mrs Okafor\u2019s class, 5O. If you\u2019re in 5H you\u2019re fine.", "en", "Which class has the nits?"),
    ("Ring vakttelefonen på\u00a071\u00a022\u00a033\u00a050 eller kom innom kl.\u00a014.", "nb", None),
])
def test_a_phone_s_typography_reads_as_the_plain_characters(typed: str, language: str, context: str | None) -> None:
    """A typographer's apostrophe and a no-break space are the characters they stand for; the spans shown are
    the reply's own."""
    plain = typed.replace("\u2019", "'").replace("\u00a0", " ")
    typed_context = context.replace("'", "\u2019") if context else None
    result = analyse_reply(typed, language=language, context=typed_context)
    expected = analyse_reply(plain, language=language, context=context)
    assert [(f.rule, f.span, f.weight) for f in result.findings] == [(f.rule, f.span, f.weight) for f in expected.findings]
    assert result.score == expected.score
    for finding in result.findings:
        if finding.matched:
            assert finding.matched == typed[finding.span[0]:finding.span[1]]


def test_directions_are_not_parties() -> None:
    assert "T4.party_opinion" not in _rules("Venstre felt er dessverre stengt.")
    assert "T4.party_opinion" in _rules("Venstre har dessverre et dårlig forslag.")


def test_reassuring_someone_to_ask_is_not_false_reassurance() -> None:
    assert "K2.false_reassurance" not in _rules("Det er ikke farlig å spørre!")


def test_forecast_is_not_speculation_about_the_cause() -> None:
    assert "K2.speculation" not in _rules("Vi regner med at lekkasjen er tettet i løpet av dagen.")
    assert "K2.speculation" not in _rules("The road will probably reopen tomorrow.", language="en")
    assert "K2.speculation" not in _rules("The leak will probably be fixed tonight.", language="en")
    assert "K2.speculation" in _rules("It was probably a leak from the old pipe.", language="en")


def test_an_insult_in_the_imperative_is_not_advice() -> None:
    for text, language in (("Hold kjeft.", "nb"), ("Shut up.", "en")):
        rules = _rules(text, language=language)
        assert "T2.hostility" in rules
        assert "K7.actionable_advice" not in rules


def test_short_english_notice_is_detected_as_english() -> None:
    assert detect_language("Next update at 14:00.") == "en"


def test_scenario_can_adjust_weights() -> None:
    text = "Ny oppdatering kommer kl. 14.00."
    default = analyse_reply(text, learned_model=False)
    adjusted = analyse_reply(text, weights={"K3.next_update": 20}, learned_model=False)
    assert adjusted.score == default.score + 12
    assert next(f for f in adjusted.findings if f.rule == "K3.next_update").weight == 20
    muted = analyse_reply("Les nettsiden.", weights={"T2.dismissive": 0}, learned_model=False)
    assert "T2.dismissive" in muted.rules
    assert muted.score == load_settings().baseline
    with pytest.raises(ValueError, match="unknown tone rule"):
        analyse_reply(text, weights={"T9.nothing": 1})


@pytest.mark.parametrize(
    "text,language",
    [
        ("Takk for spørsmålet.\nHilsen Kari, kommunikasjonsavdelingen", "nb"),
        ("Takk for spørsmålet.\nMvh. Kari Nordmann, Kommunikasjon", "nb"),
        ("Vi ser på saken. – Ola i servicetorget", "nb"),
        ("Takk!\nKari, vann og avløp", "nb"),
        ("Thanks for asking.\nKind regards, Kari, Communications", "en"),
        ("Thanks!\nKari from the Roads team", "en"),
    ],
)
def test_signature_with_name_and_department(text: str, language: str) -> None:
    rules = _rules(text, language=language)
    assert "T1.signature" in rules
    assert "T1.signature_name_only" not in rules


def test_greeting_in_running_text_is_not_a_signature() -> None:
    rules = _rules("Vi sender en hilsen til alle frivillige i dag.")
    assert not rules & {"T1.signature", "T1.signature_name_only"}


def test_capitalised_label_is_not_shouting() -> None:
    assert "T2.shouting" not in _rules("VIKTIG MELDING TIL ALLE: Kok vannet før bruk.")
    assert "T2.shouting" in _rules("VI HAR SAGT DET FØR. Kok vannet.")


@pytest.mark.parametrize("form", ["iverksettes", "iverksatt", "iverksetter"])
def test_jargon_is_matched_in_every_inflection(form: str) -> None:
    assert "T5.jargon" in _rules(f"Tiltaket {form} straks.")


def test_hedge_must_belong_to_the_cause() -> None:
    """A forecast elsewhere in the sentence does not make a known fault speculation."""
    known_fault = "Vi har en feil på hovedledningen og regner med at vannet er tilbake i kveld."
    assert "K2.speculation" not in _rules(known_fault)
    assert "K2.speculation" in _rules("Vi tror brannen startet i et el-skap.")
    assert "K2.speculation" in _rules("Lekkasjen kommer mest sannsynlig av en rusten kobling.")


def test_apology_is_not_read_as_hostility() -> None:
    """Sentiment lexicons score "Vi beklager" as negative; here it is a positive finding."""
    result = analyse_reply("Vi beklager så mye. Det var leit at dette skjedde.", learned_model=False)
    assert {"K6.apology", "K8.empathy"} <= result.rules
    assert all(f.weight > 0 for f in result.findings)


def test_calming_with_concrete_advice_is_not_false_reassurance() -> None:
    """Decision: "ingen grunn til panikk, men kok vannet" calms *and* says what to do, which is
    good practice; the same calming words alone, without a basis, are false reassurance."""
    assert "K2.false_reassurance" not in _rules("Det er ingen grunn til panikk, men kok vannet.")
    assert "K2.false_reassurance" in _rules("Det er ingen grunn til panikk.")


def test_a_plain_question_is_not_a_complaint() -> None:
    assert "K8.no_empathy" not in _rules("Bussen går kl. 14.", context="Når kommer bussen?")
    assert "K8.no_empathy" in _rules("Strømmen er tilbake i kveld.", context="Når kommer strømmen?? Vi fryser!")


@pytest.mark.parametrize(
    "text,language",
    [
        ("Make sure your home is safe before the storm.", "en"),
        ("Boil the water until it is safe again.", "en"),
        ("Sjekk at huset er trygt før du går inn.", "nb"),
        ("Kok vannet til det er trygt igjen.", "nb"),
    ],
)
def test_safety_in_advice_or_conditions_is_not_a_claim(text: str, language: str) -> None:
    assert "K2.false_reassurance" not in _rules(text, language=language)


@pytest.mark.parametrize(
    "text,language",
    [("Flott, enda en klage.", "nb"), ("Great, another complaint.", "en")],
)
def test_mock_enthusiasm_is_sarcasm(text: str, language: str) -> None:
    assert "T2.sarcasm" in _rules(text, language=language)
    sincere = "Flott, da ses vi!" if language == "nb" else "Great, see you there!"
    assert "T2.sarcasm" not in _rules(sincere, language=language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi har gitt O. Hansen en advarsel. Takk.", ["Vi har gitt O. Hansen en advarsel.", "Takk."]),
        ("Kari O. Hansen bor her. Ja.", ["Kari O. Hansen bor her.", "Ja."]),
        ("Møt opp i sone B. Neste oppdatering kl. 14.", ["Møt opp i sone B.", "Neste oppdatering kl. 14."]),
    ],
)
def test_initials_do_not_end_a_sentence(text: str, expected: list[str]) -> None:
    analysed = AnalysedText(text, "nb")
    assert [analysed.sentence_text(s).strip() for s in analysed.sentences] == expected


def test_a_sentence_initial_noun_is_not_a_name() -> None:
    text = "Ferja er suspendert. Oppdatering: Brua er stengt. Ola og Kari Dahl er her."
    analysed = AnalysedText(text, "nb", frozenset({"ola"}))
    spans = {word: (text.index(word), text.index(word) + len(word)) for word in ("Ferja", "Brua", "Ola", "Kari")}
    assert analysed.is_common_noun(*spans["Ferja"]) and analysed.is_common_noun(*spans["Brua"])
    assert not analysed.is_common_noun(*spans["Ola"]) and not analysed.is_common_noun(*spans["Kari"])
    assert "P1.personnel_matter" not in _rules("Ferja er suspendert på grunn av uværet.")
    assert "P1.personnel_matter" in _rules("Ola er suspendert.")

"""The learned half of the tone analyser, the regex pre-test and the length limit."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from drill.cli import main
from drill.i18n import active_language, catalogue, use_language
from scoring.tone import MAX_REPLY_CHARS, analyse_reply
from scoring.tone.analyse import rule_pass
from scoring.tone.evaluation import ANALYSER_LANGUAGE, read_labelled
from scoring.tone.features import released_by_authorities
from scoring.tone.learned import load_model
from scoring.tone.literals import required_literals
from scoring.tone.loader import load_confidentiality, load_ruleset
from scoring.tone.matching import AnySearch, _find_spans
from scoring.tone.text import AnalysedText

LABELLED = Path(__file__).parent / "labelled"


def test_the_committed_model_was_fitted_from_todays_files_rules_and_features(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from scoring.tone import train

    monkeypatch.setenv("DRILL_LANG", "nn")  # the command speaks the user's language, as every drill command
    previous = active_language()
    try:
        assert train.main(["--check"]) == 0, "run `python -m scoring.tone.train` and commit the model"
    finally:
        use_language(previous)
    assert capsys.readouterr().out.strip() == catalogue("nn")("tone_eval.train.matches")


def test_the_check_notices_a_file_a_rule_or_a_feature_the_model_was_not_fitted_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scoring.tone import train

    files = ("dev-3.jsonl", "dev-en.jsonl")
    sampled = train.sampled_examples(files)
    assert len(sampled) == len(train.examples(files)[::train.FEATURE_SAMPLE_STEP]) > 20
    digest = train.inputs_digest(files, sampled)
    assert train.inputs_digest(files, train.sampled_examples(files)) == digest, "the same inputs, the same digest"
    assert train.inputs_digest(files[:1], train.sampled_examples(files[:1])) != digest, "a file fewer"
    moved = [*sampled[:-1], replace(sampled[-1], features=[*sampled[-1].features, "w:new"])]
    assert train.inputs_digest(files, moved) != digest, "one reply's features moved"
    with monkeypatch.context() as patched:
        patched.setattr(train, "TRAINING_FILES", files)
        assert train.main(["--check"]) == 1, "the committed model was fitted from more files"
    rules = tmp_path / "rules"
    shutil.copytree(train.RULES_DIR, rules)
    (rules / "nb.yaml").write_text((rules / "nb.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(train, "RULES_DIR", rules)
    assert train.inputs_digest(files, sampled) != digest, "a rule file edited"


def test_training_writes_the_same_file_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Nothing in the fit may depend on the order Python happens to keep a set in: two processes with
    different hash seeds write the same model, byte for byte."""
    script = (
        "import sys\n"
        "from scoring.tone import train\n"
        "rows = train.examples(('dev-3.jsonl', 'dev-en.jsonl'))\n"
        "chosen = ({'privacy': 0.4}, 0.3, {'privacy': 0.1})\n"
        "sys.stdout.write(train.dumps(train.train(rows, chosen=chosen)))\n"
    )
    written = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TONE_TRAIN_CACHE": ""}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        written.append(done.stdout)
    assert written[0] == written[1] and '"privacy_trees"' in written[0]


@pytest.mark.parametrize(("language", "speaks", "not_in"), [
    ("nb", ("Kryssvalidert", "holdt utenfor", "personvern 0,"), ("left out", "all files", "privacy")),
    ("en", ("Cross-validated", "left out", "privacy 0."), ("holdt utenfor", "personvern")),
])
def test_training_report_speaks_the_catalogues_language(
        language: str, speaks: tuple[str, ...], not_in: tuple[str, ...],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A trainer retraining on their own files reads this report; it said "left out" in a Norwegian table.
    from scoring.tone import train

    files = ("dev-3.jsonl", "dev-en.jsonl")
    monkeypatch.setattr(train, "TRAINING_FILES", files)
    monkeypatch.delenv("TONE_TRAIN_CACHE", raising=False)
    previous = active_language()
    use_language(language)
    try:
        train.train(train.examples(files), report=True)
    finally:
        use_language(previous)
    report = capsys.readouterr().out
    assert all(words in report for words in speaks), report[:400]
    assert not any(words in report for words in not_in), report[:400]


@pytest.mark.parametrize(("pattern", "must_contain"), [
    (r"ikke (vårt|kommunens) ansvar", {" ansvar"}),
    (r"(?:naboen|utbyggeren)s? feil", {"naboen", "utbyggeren"}),
    (r"(?:naboen|utbyggeren) har skylda", {" har skylda"}),
    (r"(?:hei|hallo)\s+\w+", None),
    # What a lookaround must see stands beside the match; what it must not see requires nothing.
    (r"[\wæøå]++(?:(?<=sjefen)|(?<=lederen))", {"sjefen", "lederen"}),
    (r"\w+(?= på torget)", {" på torget"}),
    (r"(?<!hos )\b\w+en\b", None),
])
def test_required_literals_come_from_the_pattern(pattern: str, must_contain: set[str] | None) -> None:
    found = required_literals(pattern, re.IGNORECASE)
    assert (found is None) if must_contain is None else (found == frozenset(must_contain))


def test_the_literal_pre_test_never_loses_a_regex_match() -> None:
    """Every regex of every rule finds the same spans on real replies with and without the pre-test."""
    items = read_labelled(LABELLED / "dev-3.jsonl")
    for language in ("nb", "en"):
        patterns = [p for rule in load_ruleset(language).rules for p in rule.patterns if p.regex]
        assert sum(p.literals is not None for p in patterns) > len(patterns) / 2  # it does filter
        for item in items:
            if ANALYSER_LANGUAGE[item.language] != language:
                continue
            text = AnalysedText(item.reply, language)
            for pattern in patterns:
                plain = [m.span() for m in pattern.compiled.finditer(item.reply)]
                if not plain:
                    assert list(_find_spans(pattern, text)) == [], (pattern.regex, item.id)
                elif pattern.literals is not None:
                    assert any(lit in text.lower for lit in pattern.literals), (pattern.regex, item.id)


def test_searching_a_list_of_regexes_says_what_their_alternation_says() -> None:
    """AnySearch tries a regex only where the text holds a word it needs (lookarounds' words
    too): over real replies and their clauses it must agree with the plain alternation, for
    every list of person references, the general statements and the refusals of both languages."""
    items = read_labelled(LABELLED / "dev-3.jsonl")
    for language in ("nb", "en"):
        data = load_confidentiality(language)
        lists = [p.patterns for p in data.persons.values()] + [data.general, data.refusals]
        searches = [AnySearch(patterns, re.IGNORECASE) for patterns in lists if patterns]
        texts = [piece for item in items if ANALYSER_LANGUAGE[item.language] == language
                 for piece in (item.reply, *item.reply.split(","))]
        assert len(texts) > 100
        for search in searches:
            for text in texts:
                assert search.search(text) == (search.alternation.search(text) is not None), text


def test_learned_findings_point_at_words_of_the_reply() -> None:
    assert load_model() is not None
    reply = ("Det er ikke kommunens ansvar. Dere får ta det med entreprenøren, "
             "vi har gjort det vi skal.")
    result = analyse_reply(reply, language="nb")
    learned = [f for f in result.findings if f.source == "model"]
    assert learned, result.findings
    for finding in learned:
        start, end = finding.span
        assert reply[start:end] == finding.matched and finding.matched
        assert f"«{finding.matched}»" in finding.explanation


def test_a_name_inside_a_sentence_is_not_the_word_it_spells() -> None:
    """'Hans' greeted is a man, 'faren hans' is his father: a drill written elsewhere had its
    template "Hei Hans! Se oppdateringen vår …" flagged for privacy on the possessive's weight."""
    from scoring.tone.analyse import rule_facts, rules_only
    from scoring.tone.detectors import confidentiality_matcher
    from scoring.tone.features import reply_features

    def words(reply: str) -> set[str]:
        text, findings = rules_only(reply, "nb", None)
        features = reply_features(text, "nb", rule_facts(findings), 80, confidentiality_matcher("nb"), None)
        return {name for name in features.names if name.startswith("w:")}

    greeted = words("Hei Hans! Se oppdateringen vår øverst på siden. Hilsen Siri")
    assert "w:^hans" in greeted and "w:hans" not in greeted
    assert "w:hans" in words("Faren hans er på sykehuset.")
    assert "w:hans" in words("Hans mor er på sykehuset.")  # capitalised by its place, still 'his'
    template = analyse_reply("Hei Hans! Se oppdateringen vår øverst på siden om møtested og kriseteam på "
                             "Bjørkås skole. Hilsen Siri, kommunikasjonsavdelingen", language="nb")
    assert not [f for f in template.findings if f.flag == "privacy" and f.weight < 0], template.findings


def test_an_opening_yes_counts_only_when_the_comment_it_answers_is_shown() -> None:
    """Read without a comment ("drill tone" with no --context, an official post), an opening "Ja"
    confirms nothing about anybody; a model trained on the writers' bare "Ja." to a question about a
    person weighs it heavily, and once flagged "Ja, søk om bytte på samme skjema." for it."""
    from scoring.tone.analyse import rule_facts, rules_only
    from scoring.tone.detectors import confidentiality_matcher
    from scoring.tone.features import reply_features

    def words(reply: str, language: str, comment: str | None) -> set[str]:
        text, findings = rules_only(reply, language, comment)
        features = reply_features(text, language, rule_facts(findings), 80, confidentiality_matcher(language), comment)
        return {name for name in features.names if name.startswith(("w:", "b:"))}

    alone = words("Ja, søk om bytte på samme skjema.", "nb", None)
    assert "w:ja" not in alone and not any(name.startswith("b:ja ") for name in alone) and "w:søk" in alone
    assert "w:ja" in words("Ja, søk om bytte på samme skjema.", "nb", "Kan jeg bytte time?")
    assert "w:ja" in words("Det er ja fra meg.", "nb", None)  # not opening: a word like any other
    assert "w:yes" not in words("Yes – that's right.", "en", None)
    assert "w:no" in words("No oil has reached the island.", "en", None)  # "no" here answers nothing
    assert "w:no" not in words("No, the school opens as usual.", "en", None)
    assert "w:no" in words("No veit vi meir om kva som skjedde.", "nn", None)  # nynorsk "now"


def test_what_the_comment_tells_about_someone_is_read_with_the_reply() -> None:
    """"Ja, det stemmer." names nobody and no matter, yet to "Jeg har hørt at sønnen til Kari har fått
    avlastning. Stemmer det?" it confirms a child's care service: the model reads what the comment
    tells (its statements, as the detector reads a reply) beside the reply's own, and points at the
    reply's words they stand on."""
    from scoring.tone.analyse import rule_facts, rules_only
    from scoring.tone.detectors import confidentiality_matcher
    from scoring.tone.features import reply_features

    def crossed(reply: str, comment: str | None, language: str = "nb") -> dict[str, str]:
        text, findings = rules_only(reply, language, comment)
        features = reply_features(text, language, rule_facts(findings), 80, confidentiality_matcher(language), comment)
        return {name: reply[span[0]:span[1]] for name, span in features.spans.items() if name.startswith("x:")}

    about_a_child = "Jeg har hørt at sønnen til Kari har fått avlastning. Stemmer det?"
    confirmed = crossed("Ja, det stemmer.", about_a_child)
    assert {"x:comment_matter", "x:comment_person", "x:comment_matter_person"} <= confirmed.keys()
    assert confirmed["x:answers_comment_matter_person"] == "Ja"
    assert crossed("Ja, det stemmer.", None) == {}
    assert crossed("Ja, det stemmer.", "Når åpner skolen igjen?") == {}
    told = crossed("Han fikk avlastning fra januar.", about_a_child)
    assert told["x:same_matter"] == "avlastning" and "x:answers_comment" not in told
    assert "x:comment_person" in crossed("Yes, that is right.", "Emma's father gets home care now, I heard. Is that why?", "en")


def test_an_opening_yes_to_a_question_about_nobody_raises_no_learned_breach() -> None:
    """The writers' bare "Ja." confirms what a comment asked about a person, and a model trained on
    them weighs an opening "Ja" heavily; answering "Kan jeg bytte barnehage?" or, in a few words,
    "Er Storgata åpen igjen?" it tells nobody's matter (six more writers' good answers were flagged
    so). A model that weighs "Ja" alone past its threshold shows the difference; a question of who
    it is, a comment with a sensitive matter and a yes that goes on to tell more keep the flag."""
    from scoring.tone.analyse import rule_facts, rules_only
    from scoring.tone.detectors import confidentiality_matcher
    from scoring.tone.learned import QUALITY, Model, judge, read
    from scoring.tone.ruleset import LABELLED_FLAGS

    targets = (QUALITY, *LABELLED_FLAGS)
    weights = np.zeros((1, len(targets)))
    weights[0, targets.index("privacy")] = 5.0
    model = Model(index={"w:ja": 0}, targets=targets, weights=weights, intercepts=np.full(len(targets), -3.0),
                  thresholds=dict.fromkeys(LABELLED_FLAGS, 0.5), blend=0.0, flag_weights={"privacy": -10})

    def learned_flags(reply: str, comment: str) -> list[str]:
        text, findings = rules_only(reply, "nb", comment)
        facts = rule_facts(findings)
        return [r.target for r in judge(read(text, "nb", facts, 80, comment, model), facts, 80, model).raised]

    # A yes and a few words ("Ja, søk om bytte på samme skjema.") is the rules' own find since round 44, so the pair
    # that shows the model's side says more than a few words.
    assert learned_flags("Ja, dere kan søke om bytte på samme skjema.", "Kan jeg bytte barnehage?") == []
    assert learned_flags("Ja, det kan dere.", "Må vi koke vannet før vi drikker det?") == []
    assert learned_flags("Ja, dere kan søke om bytte på samme skjema.", "Er det Ola på Haugen som har søkt om bytte?") == ["privacy"]
    assert learned_flags("Ja.", "Var det morgonvakta frå Granlia som køyrde?") == ["privacy"]
    assert learned_flags("Ja.", "Er Storgata åpen for trafikk igjen?") == []
    assert learned_flags("Ja, fra klokka 15.", "Starter kveldsruta i Nordbygda på mandag som planlagt?") == []
    matcher = confidentiality_matcher("nb")
    assert matcher.asks_about_nobody("Er Storgata åpen for trafikk igjen?")
    assert not matcher.asks_about_nobody("Er det familien Berg i Nordlia?")  # who it is
    assert matcher.asks_about_nobody("Er det sant at skolen åpner igjen på mandag?")
    assert learned_flags("Ja, fra i går.", "Har hjemmetjenesten startet med ekstra besøk i Lia?") == ["privacy"]
    assert learned_flags("Ja, konserten er avlyst. En av korsangerne har mor på Tunet som er smittet.",
                         "Blir korkonserten på lørdag avlyst?") == ["privacy"]


@pytest.mark.parametrize(("reply", "language"), [
    ("Vi kan ikke kommentere personalsaker, men kan si at skolen har nok voksne på jobb fra i morgen.", "nb"),
    ("Vi kan ikkje kommentere saker om einskildelevar. Ta gjerne kontakt med rektor direkte.", "nb"),
    ("We cannot discuss a child's case in public. Please call the child welfare service on 55 12 34 00.", "en"),
])
def test_declining_to_discuss_a_person_is_not_a_privacy_breach(reply: str, language: str) -> None:
    result = analyse_reply(reply, language=language)
    assert not [f for f in result.findings if f.flag == "privacy" and f.weight < 0], result.findings


def test_a_good_reply_outscores_a_blaming_one() -> None:
    good = analyse_reply("Vi forstår at dette er frustrerende. Vannet er stengt i Storgata fordi en ledning er "
                         "skadet; vi melder her igjen kl. 14. Hilsen Kari, teknisk drift", language="nb")
    blaming = analyse_reply("Dette er ikke vår feil. Det er entreprenøren som har gravd over ledningen, "
                            "så klag til dem.", language="nb")
    assert good.score > blaming.score + 20


@pytest.mark.parametrize(("facts", "attributed", "language"), [
    ("Fire personer er savnet og seks er skadd.", "Politiet har på pressekonferansen opplyst at fire personer er "
     "savnet og seks er skadd.", "nb"),
    ("Two people were injured and one has died.", "Police have confirmed that two people were injured and one has died.",
     "en"),
])
def test_casualty_facts_the_police_released_are_not_the_municipalitys(facts: str, attributed: str, language: str) -> None:
    """Repeating what the police have released (rubric K5) scores well above stating it as the
    municipality's own; the learned half reads the attribution too (features.ATTRIBUTED_RE)."""
    rest = " Vi tenker på alle som venter. Neste oppdatering kl. 10." if language == "nb" else \
        " Our thoughts are with everyone affected. We will post again at 10 am."
    own, released = analyse_reply(facts + rest, language=language), analyse_reply(attributed + rest, language=language)
    assert released.score >= own.score + 15, (own.score, released.score)
    assert not [f for f in released.findings if f.rule == "K5.casualty_facts"], released.findings
    if language == "nb":
        assert not [f for f in released.findings if f.flag == "casualties"], released.findings



@pytest.mark.parametrize(("reply", "released"), [
    ("Politiet har på pressekonferansen opplyst at fire personer er savnet.", True),
    ("Ifølge politiet er to personer skadd.", True),
    ("Police have confirmed that two people were injured.", True),
    ("Det var dessverre naboen din. Politiet vil bekrefte det i kveld.", False),
    ("Éin døydde i natt, men politiet har ikkje sagt det enno.", False),
    ("Ja, to er skadd, men vi venter på at politiet bekrefter det.", False),
    ("Sadly it was the taxi driver. Police will say more later.", False),
    ("It was the couple on the ground floor. We are waiting for the police to confirm.", False),
    ("A man in his 70s has died; the police haven't released his name.", False),
])
def test_only_what_the_police_have_released_reads_as_theirs(reply: str, released: bool) -> None:
    """Naming the police for what they will say later does not make the casualty words before
    it theirs: those breaches named the police too, and taught the model that naming them is
    harmless (a released fact scored as a breach, and a breach as released)."""
    assert (released_by_authorities(reply) is not None) is released


def test_an_absurdly_long_reply_is_analysed_up_to_the_limit_and_says_so() -> None:
    reply = "Vannet er tilbake i hele Storgata. " * (2 * MAX_REPLY_CHARS // 35)
    result = analyse_reply(reply, language="nb")
    cut = [f for f in result.findings if f.rule == "T5.too_long"]
    assert cut and str(MAX_REPLY_CHARS) in cut[0].explanation.replace(" ", "")
    assert all(f.span[1] <= MAX_REPLY_CHARS for f in result.findings)
    assert rule_pass(reply[:100], "nb", None).hits is not None


def test_drill_tone_refuses_a_reply_over_the_limit(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("x" * (MAX_REPLY_CHARS + 1) + "\n"))
    code = main(["tone", "--lang", "nb"])
    captured = capsys.readouterr()
    assert code == 2
    assert "stdin:1" in captured.err and "20 000" in captured.err

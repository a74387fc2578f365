"""The prepared forms the analyser starts from (compiled rules, the lemma index, the pattern
index, the learned model's weights) give exactly what the slow way gives."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
import simplemma
from ruamel.yaml import YAML

from scoring.tone import compiled, learned, lemmas, loader, prepared_model
from scoring.tone.analyse import _pattern_index
from scoring.tone.evaluation import ANALYSER_LANGUAGE, read_labelled
from scoring.tone.matching import _find_spans
from scoring.tone.ruleset import Confidentiality, RuleFile, Settings
from scoring.tone.text import TOKEN_RE, AnalysedText

LABELLED = Path(__file__).parent / "labelled"


def test_prepared_files_are_those_of_the_rule_files_and_simplemma() -> None:
    assert compiled.main(["--check"]) == 0, "run `python -m scoring.tone.compiled` and commit scoring/tone/prepared/"


def _yaml(name: str) -> object:
    text = resources.files("scoring.tone").joinpath("rules", name).read_text(encoding="utf-8")
    return YAML(typ="safe", pure=True).load(text)


@pytest.mark.parametrize("name", [*loader.rule_file_names(), loader.SETTINGS_FILE,
                                  *loader.CONFIDENTIALITY_FILES.values()])
def test_a_rule_file_loads_as_its_yaml_says(name: str) -> None:
    model = RuleFile if name in loader.rule_file_names() else (
        Settings if name == loader.SETTINGS_FILE else Confidentiality)
    from_yaml = model.model_validate(_yaml(name))
    loaded = (loader.load_rule_file(name) if model is RuleFile else loader.load_settings() if model is Settings
              else loader.load_confidentiality(from_yaml.language))  # type: ignore[attr-defined]
    # As JSON, so the order of every mapping counts too: matter kinds are tried in order.
    assert loaded.model_dump_json() == from_yaml.model_dump_json()


def test_a_stale_compiled_entry_is_not_used() -> None:
    name = loader.rule_file_names()[0]
    text = resources.files("scoring.tone").joinpath("rules", name).read_text(encoding="utf-8")
    assert compiled.rule_data(name, text) is not None
    assert compiled.rule_data(name, text + "\n# edited\n") is None


def _words() -> set[str]:
    words: set[str] = set()
    for path in sorted(LABELLED.glob("*.jsonl")):
        for item in read_labelled(path):
            words.update(t.lower() for t in TOKEN_RE.findall(f"{item.reply} {item.context or ''}"))
    return words


@pytest.mark.parametrize("language", lemmas.LANGUAGES)
def test_lemmas_through_the_index_are_simplemmas(language: str) -> None:
    words = sorted(_words())
    # Inflected and unknown forms too: simplemma decomposes a word it does not know, looking up its parts.
    words += [w + suffix for w in words[:2000] for suffix in ("ene", "ing", "s")] + ["xqzv", "aaaa", "zzzzz", "å"]
    assert [lemmas.lemmatize(w, language) for w in words] == [simplemma.lemmatize(w, lang=language) for w in words]


def test_the_pattern_index_never_drops_a_pattern_that_matches() -> None:
    items = read_labelled(LABELLED / "dev.jsonl") + read_labelled(LABELLED / "dev-en.jsonl")
    for language in ("nb", "en"):
        patterns = [p for rule in loader.load_ruleset(language).rules for p in rule.patterns]
        index = _pattern_index(language)
        skipped = 0
        for item in items:
            if ANALYSER_LANGUAGE[item.language] != language:
                continue
            text = AnalysedText(item.reply, language)
            live = index.live(text)
            for pattern in patterns:
                if id(pattern) not in live:
                    skipped += 1
                    assert list(_find_spans(pattern, text)) == [], (pattern.regex or pattern.lemmas, item.id)
        assert skipped > len(items) * 10  # it does skip


def _model_text() -> str:
    text = prepared_model.committed_text()
    assert text is not None
    return text


def test_the_model_loads_from_its_prepared_weights_as_from_its_reviewed_file() -> None:
    text = _model_text()
    prepared = prepared_model.load(text)
    assert prepared is not None, "run `python -m scoring.tone.compiled` and commit scoring/tone/prepared/"
    fast, slow = learned.Model.from_parts(*prepared), learned.Model.from_json(json.loads(text))
    assert list(fast.index) == list(slow.index) and fast.index == slow.index
    assert np.array_equal(fast.weights, slow.weights) and np.array_equal(fast.intercepts, slow.intercepts)
    assert (fast.targets, fast.thresholds, fast.blend, fast.flag_weights, fast.vetoes) == (
        slow.targets, slow.thresholds, slow.blend, slow.flag_weights, slow.vetoes)


def test_prepared_weights_of_another_model_text_are_not_used() -> None:
    text = _model_text()
    assert prepared_model.load(text) is not None and prepared_model.in_date()
    assert prepared_model.load(text.replace('"blend": ', '"blend":  ', 1)) is None

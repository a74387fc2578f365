"""Reading the rule files shipped inside the package.

Files are read with importlib.resources so they are found in a wheel as well as in the source
tree, and parsed with ruamel's safe loader (rule files are data; nothing in them may run code).
Loading is cached: the analyser is called for every municipal reply in a drill.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from graphlib import CycleError, TopologicalSorter
from importlib import resources

from pydantic import ValidationError

from scoring.tone.ruleset import Confidentiality, Lexicon, Rule, RuleFile, Settings

RULE_PACKAGE = "scoring.tone"
RULE_DIR = "rules"
LANGUAGE_FILES: dict[str, str] = {"nb": "nb.yaml", "en": "en.yaml"}
COMMON_FILE = "common.yaml"
SETTINGS_FILE = "settings.yaml"
CONFIDENTIALITY_FILES: dict[str, str] = {"nb": "confidential-nb.yaml", "en": "confidential-en.yaml"}
# The files each analysed language is read with. Nynorsk shares the bokmål files, which list
# the nynorsk forms beside the bokmål ones: the two written standards share nearly every rule,
# municipal pages mix them, and one list per matter cannot drift apart as two would. A nynorsk
# reply differs in its explanations (in nynorsk) and in what the learned model knows of it.
READ_WITH: dict[str, str] = {"nb": "nb", "nn": "nb", "en": "en"}


class RuleFileError(ValueError):
    """A shipped rule file is broken; the message names the file and the problem."""


def _read_yaml(name: str) -> object:
    """The file's data: from the compiled rules when they hold this very text (compiled.py)."""
    path = resources.files(RULE_PACKAGE).joinpath(RULE_DIR, name)
    text = path.read_text(encoding="utf-8")
    from scoring.tone import compiled  # not at the top: `python -m scoring.tone.compiled` runs it

    shipped = compiled.rule_data(name, text)
    if shipped is not None:
        return shipped
    from ruamel.yaml import YAML  # only for a rule file edited since the rules were compiled

    return YAML(typ="safe", pure=True).load(text)


def rule_file_names() -> list[str]:
    """Every rule file (not the settings file), for tests and tooling."""
    return [COMMON_FILE, *LANGUAGE_FILES.values()]


@lru_cache(maxsize=None)
def load_rule_file(name: str) -> RuleFile:
    try:
        return RuleFile.model_validate(_read_yaml(name))
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise RuleFileError(f"{RULE_DIR}/{name}: {problems}") from error


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    try:
        return Settings.model_validate(_read_yaml(SETTINGS_FILE))
    except ValidationError as error:
        raise RuleFileError(f"{RULE_DIR}/{SETTINGS_FILE}: {error}") from error


@lru_cache(maxsize=None)
def load_confidentiality(language: str) -> Confidentiality:
    """The confidentiality detector's word lists for one language."""
    name = CONFIDENTIALITY_FILES[READ_WITH[language]]
    try:
        data = Confidentiality.model_validate(_read_yaml(name))
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise RuleFileError(f"{RULE_DIR}/{name}: {problems}") from error
    if data.language != READ_WITH[language]:
        raise RuleFileError(f"{RULE_DIR}/{name}: language is {data.language!r}, expected {READ_WITH[language]!r}")
    return data


@dataclass(frozen=True)
class RuleSet:
    """Everything needed to analyse one language, rules in evaluation order."""

    language: str
    lexicon: Lexicon
    rules: tuple[Rule, ...]
    settings: Settings


@lru_cache(maxsize=None)
def load_ruleset(language: str) -> RuleSet:
    """Common rules plus the language's own, ordered so that a rule that looks at other
    rules' findings runs after them."""
    if language not in READ_WITH:
        raise ValueError(f"unsupported language {language!r}; use one of {sorted(READ_WITH)}")
    own = load_rule_file(LANGUAGE_FILES[READ_WITH[language]])
    common = load_rule_file(COMMON_FILE)
    if own.lexicon is None:
        raise RuleFileError(f"{RULE_DIR}/{LANGUAGE_FILES[READ_WITH[language]]}: the lexicon section is missing")
    rules = {rule.id: rule for rule in [*common.rules, *own.rules]}
    if len(rules) != len(common.rules) + len(own.rules):
        clash = sorted({r.id for r in common.rules} & {r.id for r in own.rules})
        raise RuleFileError(f"{RULE_DIR}/{LANGUAGE_FILES[language]}: rule ids also in {COMMON_FILE}: {clash}")
    graph: dict[str, set[str]] = {}
    for rule in rules.values():
        missing = rule.referenced_rules() - rules.keys()
        if missing:
            raise RuleFileError(f"rule {rule.id} refers to unknown rules {sorted(missing)}")
        graph[rule.id] = rule.referenced_rules()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise RuleFileError(f"rules refer to each other in a cycle: {error.args[1]}") from error
    return RuleSet(language, own.lexicon, tuple(rules[i] for i in order), load_settings())

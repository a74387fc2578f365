"""The rule files as the analyser loads them fast: parsed, with their regexes checked and
the words each regex requires already worked out.

Reading the YAML rule files with ruamel, compiling every regex once to check it and parsing
every regex again for its required words (literals.py) cost seconds at each start, in every
`drill score` and `drill tone`. `prepared/rules.json` holds the outcome for the rule files
as committed: each file's parsed data under the SHA-256 of its text, the regexes found valid
and each pattern regex's required words and the words its matches start with. A file whose text does not match its hash is read
from its YAML as before, so an edited rule file is never silently ignored, only slower to
load until `python -m scoring.tone.compiled` rewrites the compiled file (a test fails while
it is out of date; the same command rewrites the lemma index of lemmas.py). The file is data (JSON), never code, and says which Python wrote it:
regex syntax and the parse tree the required words come from belong to one Python version.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import lru_cache
from importlib import resources
from typing import Any

from scoring.tone import literals, ruleset
from scoring.tone.ruleset import Confidentiality, RuleFile, Settings

COMPILED_FILE = "rules.json"
RULE_PACKAGE = "scoring.tone"
RULE_DIR = "rules"
PREPARED_DIR = "prepared"
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    """The compiled file, its regex facts registered (empty when missing or from another Python)."""
    path = resources.files(RULE_PACKAGE).joinpath(PREPARED_DIR, COMPILED_FILE)
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("python") != PYTHON:
        return {}
    ruleset.trust_regexes(data["checked_regexes"])
    if data.get("literals_code") == _literals_code():
        literals.remember({(regex, int(flags)): None if found is None else frozenset(found)
                           for flags, regex, found, _ in data["literals"]},
                          {(regex, int(flags)): None if starts is None else tuple(starts)
                           for flags, regex, _, starts in data["literals"]})
    return data


def rule_data(name: str, text: str) -> object | None:
    """The parsed data of rule file `name` if the compiled file holds it for exactly this text."""
    entry = _shipped().get("files", {}).get(name)
    if entry is None or entry["sha256"] != digest(text):
        return None
    data: object = entry["data"]
    return data


def in_date() -> bool:
    """Whether every rule file now on disk is loaded from the compiled file (benchmarks say so)."""
    folder = resources.files(RULE_PACKAGE).joinpath(RULE_DIR)
    return all(rule_data(entry.name, entry.read_text(encoding="utf-8")) is not None
               for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def build() -> dict[str, Any]:
    """The compiled form of the rule files now on disk, read and checked the slow way."""
    from ruamel.yaml import YAML

    from scoring.tone import loader

    folder = resources.files(RULE_PACKAGE).joinpath(RULE_DIR)
    files = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            text = entry.read_text(encoding="utf-8")
            files[entry.name] = {"sha256": digest(text), "data": YAML(typ="safe", pure=True).load(text)}
    models: dict[str, type[RuleFile | Settings | Confidentiality]] = {name: RuleFile for name in loader.rule_file_names()}
    models[loader.SETTINGS_FILE] = Settings
    models.update({name: Confidentiality for name in loader.CONFIDENTIALITY_FILES.values()})
    with ruleset.recording_checked() as checked:
        validated = {name: model.model_validate(files[name]["data"]) for name, model in models.items()}
    found = set()
    for name in loader.rule_file_names():
        rule_file = validated[name]
        assert isinstance(rule_file, RuleFile)
        for rule in rule_file.rules:
            for pattern in rule.patterns:
                if pattern.regex is not None:
                    flags = pattern.flags
                    required = literals.parse_required(pattern.regex, flags)
                    found.add((flags, pattern.regex, None if required is None else tuple(sorted(required)),
                               literals.parse_starts(pattern.regex, flags)))
    return {"python": PYTHON, "literals_code": _literals_code(), "files": files,
            "checked_regexes": sorted(checked), "literals": sorted(found, key=lambda x: (x[1], x[0]))}


def _literals_code() -> str:
    """The required words are only as good as the code that found them."""
    return digest(resources.files(RULE_PACKAGE).joinpath("literals.py").read_text(encoding="utf-8"))


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # key order is meaning (matter kinds are tried in order)


def write_prepared(wanted: dict[str, bytes], check: bool = False) -> list[str]:
    """The prepared files that do not hold what `wanted` says; unless `check`, they are written.
    Silent: the training, which writes the model's pair too, speaks the user's language."""
    stale = []
    for name, content in wanted.items():
        path = resources.files(RULE_PACKAGE).joinpath(PREPARED_DIR, name)
        if path.is_file() and path.read_bytes() == content:
            continue
        stale.append(name)
        if not check:
            with resources.as_file(path) as real:
                real.write_bytes(content)
    return stale


def main(argv: list[str] | None = None) -> int:
    """Rewrite the prepared files: the compiled rules, the lemma index and the learned model's
    weights (`--check`: write nothing, exit 1 if one is out of date)."""
    from scoring.tone import lemmas, prepared_model  # not at import: a warm score loads neither numpy nor the model

    check = "--check" in (argv if argv is not None else sys.argv[1:])
    texts = {COMPILED_FILE: render(build())}
    texts.update({lemmas.index_name(language): lemmas.render(lemmas.build(language)) for language in lemmas.LANGUAGES})
    wanted = {name: text.encode("utf-8") for name, text in texts.items()}
    model = prepared_model.committed_text()
    if model is not None:
        wanted.update(prepared_model.build(model))
    stale = write_prepared(wanted, check)
    if not check:
        for name in stale:
            print(f"wrote {PREPARED_DIR}/{name} ({len(wanted[name]):,} bytes)")
    if check and stale:
        print(f"out of date: {', '.join(f'{PREPARED_DIR}/{n}' for n in stale)}; run `python -m scoring.tone.compiled`")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The shipped data files read by the C YAML parser give exactly what the pure parser gives.

The rubric, the answer rules and the built-in voices are read with ``YAML(typ="safe")``, which
uses ruamel's C parser (``ruamel.yaml.clib``) when it is installed: the rubric alone took
0.2 s to read in pure Python in every `drill score`, 0.03 s in C. The C parser reads YAML 1.1
and refuses some YAML 1.2 the pure one accepts (several test files here), so a shipped file
edited that way must fail this test, not a drill. Scenarios and other files a person writes
are read by the pure parser, which keeps line numbers for error messages (drill/yamlsource.py).
"""

from __future__ import annotations

from importlib import resources

import pytest
from ruamel.yaml import YAML

SHIPPED = [
    ("scoring", "data/rubric.yaml"),
    ("scoring", "data/answers.yaml"),
    ("drill.voices", "reactions.yaml"),
    ("drill.voices", "nb.yaml"),
    ("drill.voices", "nn.yaml"),
    ("drill.voices", "en.yaml"),
]


def test_the_safe_loader_is_the_c_parser() -> None:
    from ruamel.yaml.cyaml import CParser

    assert YAML(typ="safe").Parser is CParser


@pytest.mark.parametrize(("package", "name"), SHIPPED, ids=[name for _, name in SHIPPED])
def test_c_and_pure_parsers_agree_on_a_shipped_file(package: str, name: str) -> None:
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    pure = YAML(typ="safe", pure=True).load(text)
    assert pure, name
    assert YAML(typ="safe").load(text) == pure

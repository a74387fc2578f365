"""Helpers shared by the authoring tests: running the CLI in-process and comparing scenarios."""

from __future__ import annotations

from typing import Any

import pytest

from drill.cli import main
from drill.scenario.models import Scenario


@pytest.fixture
def cli(capsys):
    """Run `drill ARGS...` in-process; return (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run


@pytest.fixture
def comparable():
    """The function below, as a fixture: test modules cannot import conftest in importlib mode."""
    return as_comparable


def as_comparable(scenario: Scenario) -> dict[str, Any]:
    """A scenario as plain data, with injects keyed by id and texts without outer whitespace.

    Injects are compared by id because the MSEL lists them in time order, not file order (the
    engine plays them the same either way); cells lose leading and trailing line breaks.
    """
    data = _strip(scenario.model_dump(mode="json", by_alias=True))
    data["injects"] = {inject["id"]: inject for inject in data["injects"]}
    return data


def _strip(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value

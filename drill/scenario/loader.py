"""Loading a scenario file: read, parse with positions, validate, check, all problems at once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from drill.errors import InputFileError
from drill.i18n import message
from drill.invocation import drill_command
from drill.scenario.checks import scenario_problems
from drill.scenario.models import Scenario
from drill.validation import format_problems, validate_source
from drill.yamlsource import YamlSource, load_yaml, read_text


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario together with the exact text it came from.

    The text travels into the session file, so a recorded drill can be scored and replayed
    even if the scenario file is later edited or deleted.
    """

    scenario: Scenario
    text: str
    path: str

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_scenario(text: str, path: str) -> LoadedScenario:
    source = load_yaml(text, path)
    return LoadedScenario(scenario=_validated(source), text=text, path=path)


def load_scenario(path: Path | str) -> LoadedScenario:
    path = Path(path)
    return parse_scenario(read_text(path, what="scenario file"), str(path))


def looks_like_team_script(data: object) -> bool:
    """A file with a team script's keys and no municipality: a script given where a scenario belongs."""
    return isinstance(data, dict) and "municipality" not in data and ("actions" in data or "policies" in data)


def _validated(source: YamlSource) -> Scenario:
    if looks_like_team_script(source.data):
        raise InputFileError([f"{source.path}:1:1: " + message("input.team_as_scenario", path=source.path, drill=drill_command())])
    scenario = validate_source(Scenario, source)
    problems = scenario_problems(scenario)
    if problems:
        raise InputFileError(format_problems(source, problems))
    return scenario

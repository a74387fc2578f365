"""`drill validate FILE...`: check scenarios and team scripts, reporting every problem at once.

Scenarios that load are also linted: warnings (`file:line:column: warning: field: message`)
point at things that are valid but would not play as intended. They do not fail the check
unless `--strict` is given, so a trainer can keep a draft with known gaps.

Exit status: 0 all files are fine, 1 at least one file has problems (each printed as
`file:line:column: field: message`) or, with --strict, warnings; 2 for a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from drill.commands._parser import help_text
from drill.errors import EXIT_FINDINGS, InputFileError
from drill.i18n import message, plural, t
from drill.scenario import parse_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.loader import looks_like_team_script
from drill.scenario.models import Scenario
from drill.scenario.lint import format_warnings, lint_scenario
from drill.scenario.rates import expected_items
from drill.team.loader import team_problems
from drill.team.models import TeamScript
from drill.validation import Problem, format_problems, validate_source
from drill.yamlsource import load_yaml, read_text


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("validate", help=help_text("cli.help.validate"))
    parser.add_argument("files", nargs="+", metavar=t("cli.metavar.file"), help=help_text("cli.help.validate.files"))
    parser.add_argument("--strict", action="store_true", help=help_text("cli.help.validate.strict"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    given = _scenarios_among([Path(name) for name in args.files])
    for name in args.files:
        try:
            summary, warnings = check_file(Path(name), given)
        except InputFileError as error:
            failed += 1
            print("\n".join(error.problems), file=sys.stderr)
            continue
        if warnings:
            print("\n".join(warnings), file=sys.stderr)
        if warnings and args.strict:
            failed += 1
        else:
            print(summary)
    if failed:
        print(t("cli.validate.failed", failed=failed, total=plural("cli.count.files", len(args.files))), file=sys.stderr)
        return EXIT_FINDINGS
    return 0


def check_file(path: Path, given: dict[str, Scenario] | None = None) -> tuple[str, list[str]]:
    """A one-line summary of a file that loads, and its lint warnings (raises for problems).
    `given`: scenarios checked in the same command, by id; a team script naming one of them is
    checked against it, whatever its file is called."""
    text = read_text(path, what="file")
    source = load_yaml(text, str(path))
    if looks_like_team_script(source.data):
        script = validate_source(TeamScript, source)
        scenario = (given or {}).get(script.scenario or "") or _scenario_for(script, path)
        unchecked: list[str] = []
        if scenario is not None:
            problems = team_problems(script, scenario)
            if problems:
                raise InputFileError(format_problems(source, problems))
        elif script.scenario is not None:
            # Without its scenario the script's references cannot be checked; 'OK' alone would
            # promise more than was looked at.
            unchecked = format_warnings(source, [Problem(("scenario",), message("input.team_scenario_not_found",
                                                                                 scenario=script.scenario))])
        return t("cli.validate.team_ok", path=path, name=script.name,
                 actions=plural("cli.count.timed_actions", len(script.actions)),
                 policies=plural("cli.count.policies", len(script.policies))), unchecked
    scenario = parse_scenario(text, str(path)).scenario
    volume = sum(expected_items(s) for s in scenario.streams)
    warnings = format_warnings(source, lint_scenario(scenario))
    noted = plural("cli.count.warnings", len(warnings)) if warnings else ""
    return t("cli.validate.scenario_ok", path=path, title=scenario.title,
             injects=plural("cli.count.injects", len(scenario.injects)),
             streams=plural("cli.count.streams", len(scenario.streams)),
             comments=plural("cli.count.about_comments", round(volume)),
             triggers=plural("cli.count.triggers", len(scenario.triggers)), warnings=noted), warnings


def _scenarios_among(paths: list[Path]) -> dict[str, Scenario]:
    """The scenarios among the files of one command that load, by id (problems are reported
    when each file's turn comes)."""
    found: dict[str, Scenario] = {}
    for path in paths:
        try:
            text = read_text(path, what="file")
            if looks_like_team_script(load_yaml(text, str(path)).data):
                continue
            scenario = parse_scenario(text, str(path)).scenario
        except InputFileError:
            continue
        found.setdefault(scenario.id, scenario)
    return found


def _scenario_for(script: TeamScript, path: Path) -> Scenario | None:
    """The scenario a team script names: a file named by its id beside the script (or a folder
    up) or in the shipped library, else a scenario file beside the script whose id it is
    ("scenario.yaml" next to "good.yaml")."""
    if script.scenario is None:
        return None
    for folder in (path.parent, path.parent.parent, shipped_dir()):
        candidate = folder / f"{script.scenario}.yaml"
        if candidate.exists():
            try:
                return parse_scenario(read_text(candidate), str(candidate)).scenario
            except InputFileError:
                return None
    declares = re.compile(rf"^id:\s*[\"']?{re.escape(script.scenario)}[\"']?\s*$", re.MULTILINE)
    for candidate in sorted(path.parent.glob("*.y*ml")):
        if candidate == path:
            continue
        try:
            text = read_text(candidate)
            if declares.search(text):
                return parse_scenario(text, str(candidate)).scenario
        except InputFileError:
            continue
    return None

"""Loading a team script and checking it against the scenario it will play."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from pathlib import Path

from drill.errors import InputFileError
from drill.i18n import message
from drill.post_ids import official_post_number
from drill.scenario.models import Scenario
from drill.team.models import TeamScript
from drill.validation import Problem, format_problems, validate_source
from drill.yamlsource import Loc, load_yaml_file

def load_team_script(path: Path | str, scenario: Scenario | None = None) -> TeamScript:
    source = load_yaml_file(Path(path), what="team script")
    if isinstance(source.data, dict) and "municipality" in source.data:
        raise InputFileError([f"{source.path}:1:1: " + message("input.scenario_as_team")])
    script = validate_source(TeamScript, source)
    if scenario is not None:
        problems = team_problems(script, scenario)
        if problems:
            raise InputFileError(format_problems(source, problems))
    return script


def team_problems(script: TeamScript, scenario: Scenario) -> list[Problem]:
    problems: list[Problem] = []
    if script.scenario is not None and script.scenario != scenario.id:
        problems.append(Problem(("scenario",), message("input.team_other_scenario", script=script.scenario, scenario=scenario.id)))
    known = _item_id_pattern(scenario)
    inject_ids = [i.id for i in scenario.injects]
    posts = sorted((float(a.at), i) for i, a in enumerate(script.actions) if a.official_post)
    for index, timed in enumerate(script.actions):
        if timed.at > scenario.duration:
            problems.append(Problem(("actions", index, "at"), message("input.team_after_end")))
        for field, ref in timed.item_refs():
            if field == "archive.item" and not known.match(ref) and (number := official_post_number(ref)) is not None:
                published = bisect_left(posts, (float(timed.at), index))
                if number > published:
                    problems.append(Problem(("actions", index, "archive", "item"),
                                            message("input.team_no_post", ref=ref, n=published)))
                continue
            if not known.match(ref):
                close = difflib.get_close_matches(ref, inject_ids, n=1, cutoff=0.6)
                hint = message("check.did_you_mean", hint=close[0]) if close else ""
                loc: Loc = ("actions", index, *field.split("."))
                problems.append(Problem(loc, message("input.team_no_item", ref=ref) + hint))
    return problems



def _item_id_pattern(scenario: Scenario) -> re.Pattern[str]:
    """Ids the scenario can produce: inject ids, stream items (`stream-0001`), trigger items (`trigger-1`)."""
    injects = [re.escape(i.id) + r"(-\d+)?" for i in scenario.injects]
    streams = [re.escape(s.id) + r"-\d{4,}" for s in scenario.streams]
    triggers = [re.escape(t.id) + r"-\d+" for t in scenario.triggers]
    return re.compile("^(?:" + "|".join([*injects, *streams, *triggers] or ["(?!)"]) + ")$")



"""Team scripts: written-down team play for headless drills, demos and tests."""

from drill.team.loader import load_team_script
from drill.team.models import TeamScript
from drill.team.runner import RunReport, run_team

__all__ = ["RunReport", "TeamScript", "load_team_script", "run_team"]

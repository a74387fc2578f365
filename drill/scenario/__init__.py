"""Scenario files: the models trainers write, and how they are loaded and checked."""

from drill.scenario.loader import LoadedScenario, load_scenario, parse_scenario
from drill.scenario.models import Scenario

__all__ = ["LoadedScenario", "Scenario", "load_scenario", "parse_scenario"]

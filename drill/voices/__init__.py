"""Citizen voices: turning a comment template into a plausible, reproducible comment.

Faker's own sentences are Latin filler, so texts come from templates (the scenario's own, or
the built-in ones here) and faker (locale no_NO) only fills the slots with names and streets.
Each call takes an explicit `random.Random`, so the same seed always writes the same comment.
"""

from __future__ import annotations

import random
import string
from functools import cache
from importlib import resources

from faker import Faker
from ruamel.yaml import YAML

from drill.scenario.models import ItemKind, Language

SLOTS = frozenset(
    {"first_name", "last_name", "name", "woman", "man", "place", "street", "time", "municipality",
     "phone_tail", "case_number", "birth_date"}
)


@cache
def builtin_templates(language: Language) -> dict[ItemKind, tuple[str, ...]]:
    text = resources.files("drill.voices").joinpath(f"{language.value}.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text)
    return {ItemKind(kind): tuple(lines) for kind, lines in data.items()}


def template_slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class VoiceWriter:
    """Fills templates with fake Norwegian people and places, deterministically."""

    def __init__(self, seed: int, language: Language, municipality: str, places: list[str]) -> None:
        locale = "no_NO" if language == Language.nb else "en_GB"
        self._faker = Faker(locale)
        self._faker.seed_instance(seed)
        # Names are Norwegian in both languages: the drill is set in a Norwegian municipality.
        self._names = Faker("no_NO")
        self._names.seed_instance(seed + 1)
        self._municipality = municipality
        self._places = places or [municipality]

    def author(self) -> str:
        # Faker's name() sometimes adds a title ("Dr.", "Prof."): citizens sign without one.
        return f"{self._names.first_name()} {self._names.last_name()}"

    def write(self, template: str, rng: random.Random) -> str:
        values = {
            "first_name": self._names.first_name(),
            "last_name": self._names.last_name(),
            "name": self._names.name(),
            "woman": f"{self._names.first_name_female()} {self._names.last_name()}",
            "man": f"{self._names.first_name_male()} {self._names.last_name()}",
            "place": rng.choice(self._places),
            "street": self._names.street_address(),
            "time": f"{rng.randint(7, 22):02d}.{rng.choice((0, 15, 30, 45)):02d}",
            "municipality": self._municipality,
            "phone_tail": f"{rng.randint(0, 9_999_999):07d}",
            "case_number": f"{rng.randint(100, 9999)}",
            "birth_date": f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1940, 2005)}",
        }
        try:
            return template.format_map(values)
        except (KeyError, ValueError, IndexError):
            return template

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

OWN_NAME_SLOTS = frozenset({"my_name", "my_first_name"})
"""The speaker's own name, so a comment that introduces or signs itself names the person it is
posted under; every other name slot draws someone else."""

SLOTS = frozenset(
    {"first_name", "last_name", "name", "woman", "man", "place", "street", "time", "municipality",
     "phone_tail", "case_number", "birth_date"}
) | OWN_NAME_SLOTS


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
        locale = "en_GB" if language == Language.en else "no_NO"
        self._faker = Faker(locale)
        self._faker.seed_instance(seed)
        # Names are Norwegian in both languages: the drill is set in a Norwegian municipality.
        self._names = Faker("no_NO")
        self._names.seed_instance(seed + 1)
        self._municipality = municipality
        self._places = places or [municipality]

    def reseed(self, seed: int) -> None:
        """Start the names and slots afresh from `seed`: one writer can then write many comments,
        each a function of its own seed (a reaction must not depend on how many came before)."""
        self._faker.seed_instance(seed)
        self._names.seed_instance(seed + 1)

    def author(self) -> str:
        # Faker's name() sometimes adds a title ("Dr.", "Prof."): citizens sign without one.
        return f"{self._names.first_name()} {self._names.last_name()}"

    def comment(self, template: str, rng: random.Random, author: str | None = None) -> tuple[str, str]:
        """The template with its slots filled, and the name the comment is posted under.

        Faker is the slow part of a comment storm, so values are made on demand, in the
        order the template asks for them (which keeps the output a function of the seed).
        The author is `author` when the caller knows who speaks (a reaction in the asker's
        thread), else a fresh name. {my_name} and {my_first_name} are the author: without a
        given author the slot's own draw becomes the author, and the fresh author is drawn all
        the same, so every later comment of the writer draws the names it drew before.
        """
        slots = _Slots(self, rng, author)
        try:
            text = template.format_map(slots)
        except (KeyError, ValueError, IndexError):
            text, slots.speaker = template, author
        fresh = self.author()
        return text, slots.speaker or fresh

    def slot(self, name: str, rng: random.Random) -> str:
        names = self._names
        if name == "first_name":
            return names.first_name()
        if name == "last_name":
            return names.last_name()
        if name == "name":
            return f"{names.first_name()} {names.last_name()}"
        if name == "woman":
            return f"{names.first_name_female()} {names.last_name()}"
        if name == "man":
            return f"{names.first_name_male()} {names.last_name()}"
        if name == "place":
            return rng.choice(self._places)
        if name == "street":
            return names.street_address()
        if name == "time":
            return f"{rng.randint(7, 22):02d}.{rng.choice((0, 15, 30, 45)):02d}"
        if name == "municipality":
            return self._municipality
        if name == "phone_tail":
            return f"{rng.randint(0, 9_999_999):07d}"
        if name == "case_number":
            return f"{rng.randint(100, 9999)}"
        if name == "birth_date":
            return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1940, 2005)}"
        raise KeyError(name)


class _Slots(dict[str, str]):
    """A mapping that asks the writer for each slot the first time a template uses it."""

    def __init__(self, writer: VoiceWriter, rng: random.Random, speaker: str | None) -> None:
        super().__init__()
        self._writer, self._rng = writer, rng
        self.speaker = speaker
        """Who says the text: given, or drawn by the first own-name slot the template uses."""

    def __missing__(self, name: str) -> str:
        if name in OWN_NAME_SLOTS:
            # A full name is drawn whether or not a speaker was given, so the writer's later
            # draws do not depend on it; the draw costs what "{first_name} {last_name}" did.
            drawn = self._writer.slot("name", self._rng)
            self.speaker = self.speaker or drawn
            self["my_name"], self["my_first_name"] = self.speaker, self.speaker.split(" ")[0]
            return self[name]
        value = self._writer.slot(name, self._rng)
        self[name] = value
        return value

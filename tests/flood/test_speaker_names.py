"""A citizen who says who they are names the person the comment is posted under.

Name slots such as {first_name} draw someone else (a neighbour, a tagged friend); the own-name
slots {my_name} and {my_first_name} are the comment's author.
"""

from __future__ import annotations

import random

import pytest

from drill.scenario.models import Language
from drill.voices import VoiceWriter


def _writer() -> VoiceWriter:
    return VoiceWriter(11, Language.nb, "Prøvevik kommune", ["Torget"])


def test_the_own_name_slots_are_the_author() -> None:
    writer, rng = _writer(), random.Random(3)
    for _ in range(50):
        text, author = writer.comment("Jeg heter {my_name} og bor i {street}. Hilsen {my_first_name}", rng)
        first = author.split(" ")[0]
        assert text.startswith(f"Jeg heter {author} og bor i ") and text.endswith(f". Hilsen {first}")


def test_a_given_author_is_the_speaker() -> None:
    text, author = _writer().comment("Takk, {my_first_name} her. {first_name} sa det samme.", random.Random(3),
                                     "Astrid Jørgensen")
    assert author == "Astrid Jørgensen"
    assert text.startswith("Takk, Astrid her. ") and not text.endswith("Astrid sa det samme.")


@pytest.mark.parametrize("own", ["{my_name}", "{my_first_name}", "{my_name} ({my_first_name})"])
def test_speaking_for_oneself_moves_no_later_comment(own: str) -> None:
    """The own-name slot costs the draw "{first_name} {last_name}" cost, and the fresh author
    is drawn anyway, so every later comment of the stream reads as before the slot existed."""
    def later(first: str) -> list[tuple[str, str]]:
        writer, rng = _writer(), random.Random(5)
        writer.comment(first, rng)
        return [writer.comment("{name} i {street} sa det, {first_name} også", rng) for _ in range(30)]

    assert later(f"Jeg heter {own}.") == later("Jeg heter {first_name} {last_name}.")

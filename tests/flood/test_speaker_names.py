"""A citizen who says who they are names the person the comment is posted under.

Name slots such as {first_name} draw someone else (a neighbour, a tagged friend); the own-name
slots {my_name} and {my_first_name} are the comment's author, and an inject that introduces
itself names its author with `from:`.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from drill.engine.engine import DrillEngine
from drill.events import ItemPosted
from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.scenario.models import Language
from drill.team import load_team_script, run_team
from drill.voices import VoiceWriter

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_NAMES = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))

SELF_NAMED = re.compile(
    r"(?:Jeg heter|Eg heiter|Jeg er|Eg er|My name is|I'm|I am|Hilsen|Helsing|Mvh\.?)"
    r"\s+([A-ZÆØÅ][\w-]+(?: [A-ZÆØÅ][\w-]+)*)"
)
"""An introduction or a signature, and the capitalised name after it ("I'm abroad" is no name)."""


def _comments_of_the_good_team(name: str, folder: Path) -> tuple[tuple[str, str], ...]:
    loaded = load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    path = folder / f"{name}.db"
    drill = LiveDrill.create(loaded, path, 1, overwrite=True)
    try:
        run_team(drill, load_team_script(ROOT / "scenarios" / "teams" / f"{name}--good.yaml", loaded.scenario))
        return tuple((e.payload.author, e.payload.text) for e in drill.engine.events
                     if isinstance(e.payload, ItemPosted))
    finally:
        drill.close()


def test_no_shipped_drill_has_a_citizen_introduce_themself_as_someone_else(tmp_path: Path) -> None:
    """Played headless with the good team, every shipped scenario's self-introductions and
    signatures ("Jeg heter …", "Eg heiter …", "I'm …", "Hilsen …") name their author (the storm
    drill had «I'm Hans Mikkelsen, Alivika 77 …» posted by Emilie Johansen)."""
    seen, wrong = 0, []
    for name in SCENARIO_NAMES:
        for author, text in _comments_of_the_good_team(name, tmp_path):
            for match in SELF_NAMED.finditer(text):
                seen += 1
                if not set(match.group(1).split()) <= set(author.split()):
                    wrong.append((name, author, text))
    assert seen >= 20, "the shipped drills introduce enough citizens to test"
    assert not wrong


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


def test_naming_an_injects_citizen_renames_nobody_else() -> None:
    """A citizen inject costs one name draw whether `from:` names them or not."""
    scenario = load_scenario(ROOT / "scenarios" / "flom-skred.yaml").scenario

    def authors(named: str | None) -> dict[str, str]:
        injects = [i.model_copy(update={"from_": named}) if i.id == "pregnant" else i for i in scenario.injects]
        engine = DrillEngine(scenario.model_copy(update={"injects": injects}), 1)
        engine.start()
        engine.advance_to(float(scenario.duration))
        return {e.payload.item_id: e.payload.author for e in engine.events if isinstance(e.payload, ItemPosted)}

    named, drawn = authors("Liv Aasen"), authors(None)
    assert named.pop("pregnant") == "Liv Aasen" != drawn.pop("pregnant")
    assert len(named) > 100 and named == drawn

"""The host's log in the trainer's words: the trainer by role, the drill's variant as everywhere else.

Found by hosting a drill in bokmål: the log read "trainer satte klokka til 30×" (the actor's
id) and the first line "Verter for … (frø 1 …)", where every other command says "variant".
"""

from __future__ import annotations

import pytest

from drill.events import TRAINER, ClockChanged, Event
from drill.team_play.lines import event_line
from drill.team_play.texts import role_label, say, seat_label


@pytest.mark.parametrize(("language", "expected"), [
    ("nb", "treneren satte klokka til 30×"),
    ("nn", "trenaren sette klokka til 30×"),
    ("en", "the trainer"),
])
def test_the_trainers_actions_are_logged_by_role_not_by_id(language: str, expected: str) -> None:
    event = Event(seq=3, t=0.0, actor=TRAINER, payload=ClockChanged(speed=30, paused=False))
    line = event_line(event, language)
    assert line is not None and expected in line
    if language != "en":
        assert "trainer" not in line


def test_a_team_members_action_keeps_their_name() -> None:
    event = Event(seq=3, t=0.0, actor="Kari, kommunikasjonsavdelingen", payload=ClockChanged(speed=0, paused=True))
    line = event_line(event, "nb")
    assert line is not None and "Kari, kommunikasjonsavdelingen" in line


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_host_names_the_variant_as_every_other_command_does(language: str) -> None:
    line = say("host.started", language, title="Gasslukt", seed=2, speed=30.0, path="h.db")
    assert "variant 2" in line
    assert "frø" not in line and "seed" not in line


@pytest.mark.parametrize(("language", "trainer", "member"), [
    ("nb", "treneren ble med (trener)", "Ola ble med (lagmedlem)"),
    ("nn", "trenaren vart med (trenar)", "Ola vart med (lagmedlem)"),
])
def test_who_joins_is_said_in_words_not_presence_codes(language: str, trainer: str, member: str) -> None:
    """The host printed 'trainer ble med (trainer)' and 'Ola ble med (seat)'."""
    def joined(seat: str, role: str) -> str:
        return say("seat.joined", language, seat=seat_label(seat, language), role=role_label(role, language))

    assert joined(TRAINER, "trainer") == trainer
    assert joined("Ola", "seat") == member

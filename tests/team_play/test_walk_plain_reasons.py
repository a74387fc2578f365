"""The plain team console names the hide and delete reasons in the seat's language and takes
them as typed: "personangrep", "Navngir tredjeperson", and still the codes scripts may use."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from drill.events import ItemDeleted, ItemHidden
from drill.scenario.models import DeletionReason
from drill.team_play.plain import PlainConsole, typed_reason
from drill.team_play.seat import SeatConnection

CODES = [reason.value for reason in DeletionReason]


def _wait_for(condition, seconds: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_help_and_moderation_speak_bokmal(hosted: Path) -> None:
    seat = SeatConnection(hosted, "Kari, kommunikasjonsavdelingen")
    _wait_for(lambda: seat.tick() is not None and {"first-alarm", "smell-report"} <= set(seat.state.items))
    out = io.StringIO()
    console = PlainConsole(seat, out)
    console.handle("help")
    console.handle("hide first-alarm personangreep")
    help_and_usage = out.getvalue()
    reasons_line = next(line for line in help_and_usage.splitlines() if line.startswith("hide ITEM GRUNN"))
    assert "grunner: usaklig, personangrep, tredjeperson, ulovlig, personopplysninger, annet" in reasons_line
    usage = next(line for line in help_and_usage.splitlines() if line.startswith("bruk: hide"))
    assert usage == ("bruk: hide ITEM GRUNN [NOTAT]  "
                     "(grunner: usaklig, personangrep, tredjeperson, ulovlig, personopplysninger, annet)")
    assert not any(code in help_and_usage for code in CODES if code != "usaklig")

    console.handle("hide first-alarm Personangrep for sure")
    console.handle('delete smell-report "Navngir tredjeperson"')
    _wait_for(lambda: seat.tick() is not None and any(isinstance(e.payload, ItemDeleted) for e in seat.events))
    hidden = [e.payload for e in seat.events if isinstance(e.payload, ItemHidden)]
    deleted = [e.payload for e in seat.events if isinstance(e.payload, ItemDeleted)]
    assert [(p.item_id, p.reason, p.note) for p in hidden] == [("first-alarm", DeletionReason.personal_attack,
                                                               "for sure")]
    assert [(p.item_id, p.reason) for p in deleted] == [("smell-report", DeletionReason.third_party)]
    seat.close()


@pytest.mark.parametrize(("typed", "reason"), [
    ("personåtak", DeletionReason.personal_attack),      # nynorsk
    ("Personopplysningar", DeletionReason.personal_data),
    ("ulovleg", DeletionReason.illegal),
    ("third-party", DeletionReason.third_party),         # English
    ("Improper, off-topic or spam", DeletionReason.usaklig),  # a whole label
    ("personal_data", DeletionReason.personal_data),     # the codes still work
    ("other", DeletionReason.other),
])
def test_a_reason_is_taken_as_typed_in_any_language(typed: str, reason: DeletionReason) -> None:
    assert typed_reason(typed) is reason


def test_an_unknown_word_is_no_reason() -> None:
    assert typed_reason("slemt") is None


def test_the_trainers_help_injects_and_channels_speak_bokmal(hosted: Path) -> None:
    from drill.scenario.models import Channel
    from drill.team_play.presence import ROLE_TRAINER

    trainer = SeatConnection(hosted, "Hege", ROLE_TRAINER)
    _wait_for(lambda: trainer.tick() is not None and "first-alarm" in trainer.state.items)
    out = io.StringIO()
    console = PlainConsole(trainer, out)
    console.handle("help")
    console.handle("injects")
    console.handle("inject nyhet")
    console.handle('inject presse "NRK ringer om ti minutter"')
    console.handle("inject internt Rådmannen vil ha en oppdatering")
    console.handle("inject comment Når kommer bussen?")
    _wait_for(lambda: trainer.tick() is not None and len(_written_on_the_spot(trainer)) == 3)
    text = out.getvalue()
    assert "(kanaler: kommentar, presse, nødetat, internt, nyhet)" in text
    assert "adhoc-1 [presse] " in text and "[press_call]" not in text and "[comment]" not in text
    assert "<Pressehenvendelse>" in text and "<press>" not in text
    assert "bruk: inject [KANAL] TEKST  (kanaler: kommentar, presse, nødetat, internt, nyhet)" in text
    triggered = [line for line in text.splitlines() if line.startswith("  [") and "ved utløser" in line]
    assert triggered and not any(line.split()[2] == "trigger" for line in text.splitlines() if line.startswith("  ["))
    posted = [(item.channel, item.text) for item in _written_on_the_spot(trainer)]
    assert posted == [(Channel.press_call, "NRK ringer om ti minutter"),
                      (Channel.internal, "Rådmannen vil ha en oppdatering"), (Channel.comment, "Når kommer bussen?")]
    trainer.close()


def _written_on_the_spot(connection: SeatConnection) -> list:  # noqa: ANN001
    from drill.events import ItemPosted

    return [e.payload for e in connection.events
            if isinstance(e.payload, ItemPosted) and e.payload.item_id.startswith("adhoc-")]

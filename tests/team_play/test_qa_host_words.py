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


def test_serve_on_a_terminal_prints_drills_own_lines_without_escape_signs(tmp_path, gas) -> None:
    """On a terminal, `drill serve` printed textual-serve's English banner, its colour codes shown as
    '␛[1;35m___ ____…' by drill's neutralised output. Only drill's own lines are printed now."""
    import os
    import pty
    import select
    import socket
    import subprocess
    import sys
    import time

    from drill.live import LiveDrill

    pytest.importorskip("textual_serve")
    session = tmp_path / "served.db"
    LiveDrill.create(gas, session, 1).close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    master, slave = pty.openpty()
    server = subprocess.Popen([sys.executable, "-m", "drill", "--lang", "nb", "serve", str(session), "--port", str(port)],
                              stdout=slave, stderr=slave, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    os.close(slave)
    output = b""
    try:
        deadline = time.monotonic() + 20
        settled: float | None = None
        while time.monotonic() < deadline and (settled is None or time.monotonic() < settled):
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    output += os.read(master, 4096)
                except OSError:
                    break
            if settled is None and "Ctrl+C stopper".encode() in output:
                settled = time.monotonic() + 2.0  # the server's banner came right after this line
    finally:
        server.terminate()
        server.wait(timeout=10)
        os.close(master)
    text = output.decode("utf-8", "replace")
    assert "Plasser i nettleseren for «Gasslukt på Torget»" in text
    assert "Ctrl+C stopper nettleserplassene" in text
    assert "␛" not in text and "Serving" not in text

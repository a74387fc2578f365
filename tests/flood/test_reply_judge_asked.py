"""The crowd says "that was no answer to what I asked" only when something was asked. A neighbour
who posted a resident's health details asked nothing: the team's reply saying why the comment
was hidden is judged on its tone, and cannot be beside the point of a question."""

from __future__ import annotations

from scoring.judge import judge_for

NEIGHBOUR = "Ingrid i nummer 5 må ha insulin tre ganger om dagen, og nå kommer ingen fra hjemmetjenesten!"
HIDDEN = ("Hei Mona. Vi har skjult kommentaren fordi den inneholder helseopplysninger om en annen person. "
          "Send oss gjerne en melding, så tar vi det videre. Hilsen Kari, kommunikasjon")


def test_a_reply_to_a_comment_that_asked_nothing_is_not_unanswered() -> None:
    judge = judge_for("nb")
    assert judge(HIDDEN, NEIGHBOUR, claim=False) == "unanswered"  # read as an answer to a question
    assert judge(HIDDEN, NEIGHBOUR, claim=False, asked=False) == "good"


def test_a_curt_reply_to_a_comment_that_asked_nothing_is_still_poor() -> None:
    assert judge_for("nb")("Slett dette.", NEIGHBOUR, claim=False, asked=False) == "poor"

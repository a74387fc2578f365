"""How a team is written on one line, wherever drill lists it (report, host log, lobby, join screen).

A member (and a seat taken with `--as`) is written "Name, department", so a comma cannot also
separate one member from the next: "Kari, kommunikasjon, Ola, kommunikasjon" reads as four
people. Every list of people goes through `team_line`, so the report, the trainer's console and
the seats all write a team the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

NOBODY = "–"


def member_words(member: str) -> str:
    """One member as "Name (department)", or the name alone when no department is given."""
    name, _, department = member.partition(",")
    return f"{name.strip()} ({department.strip()})" if department.strip() else member.strip()


def team_line(members: Iterable[str], nobody: str = NOBODY, *, as_written: bool = False) -> str:
    """The members set apart by "; " (a report's meta line already uses " · " between its parts).

    `as_written` keeps each member as the roster writes it ("Kari, kommunikasjon"): for the
    join screen, whose line shows what to type to take a roster seat.
    """
    shown = (member.strip() if as_written else member_words(member) for member in members if member.strip())
    return "; ".join(shown) or nobody

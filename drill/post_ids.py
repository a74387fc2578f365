"""How the team's official posts are named: p001, p002 … p1000.

The engine names each post so, a team script and the console's `archive` refer to posts so, and
a scenario may not give an inject such a name (it would make `archive p001` mean two things).
Kept apart from the event and scenario models because all three read it.
"""

from __future__ import annotations

import re

_POST_ID = re.compile(r"^p(\d{3,})$")


def official_post_id(number: int) -> str:
    """The id of the team's `number`-th official post."""
    return f"p{number:03d}"


def official_post_number(ref: str) -> int | None:
    """The running number of an official post id exactly as the engine writes it, else None
    ("p7" and "p0001" are not post ids)."""
    match = _POST_ID.match(ref)
    if match is None:
        return None
    number = int(match[1])
    return number if number > 0 and ref == official_post_id(number) else None

"""Errors that a user may cause, and how the `drill` command reports them.

Every problem a user can cause (a broken scenario, a missing file, a session file that is not
one) is raised as a `DrillError` carrying plain-language text. The CLI prints it without a
traceback and exits with `exit_code`, so scripts can tell bad input (2) from findings (1).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class DrillError(Exception):
    """A problem the user can fix; `str(error)` is the whole message they will see."""

    exit_code: int = EXIT_BAD_INPUT

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputFileError(DrillError):
    """A file given by the user is missing, unreadable, too large or malformed.

    `problems` holds one line per problem, already formatted as `file:line:column: field: message`.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))

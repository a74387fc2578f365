"""Fixtures shared by the authoring tool tests."""

from __future__ import annotations

import pytest

from drill.cli import main


@pytest.fixture
def cli(capsys):
    """Run `drill ARGS...` in-process; return (exit code, stdout, stderr). Never a traceback."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run

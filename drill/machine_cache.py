"""The folder where this machine keeps what drill remembers between runs.

One place for it, below both the scorer (its tone analyses) and the history (its summaries), so
neither has to import the other to find it.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    """`$DRILL_CACHE_DIR`, else `$XDG_CACHE_HOME/drill`, else `~/.cache/drill`."""
    explicit = os.environ.get("DRILL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "drill"

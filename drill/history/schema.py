"""`python -m drill.history.schema > docs/history-schema.json`: the committed JSON Schema of the history."""

from __future__ import annotations

import sys

from drill.history import history_schema_text

if __name__ == "__main__":
    sys.stdout.write(history_schema_text())

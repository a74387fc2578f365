"""The after-action report as JSON: the `AfterActionReport` model dumped as-is.

Its shape is documented by the committed JSON Schema (docs/report-schema.json).
"""

from __future__ import annotations

import json as _json

from typing import Any

from scoring.report.model import AfterActionReport


def render_json(report: AfterActionReport) -> str:
    return _json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def report_schema() -> dict[str, Any]:
    return AfterActionReport.model_json_schema()


def report_schema_text() -> str:
    return _json.dumps(report_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

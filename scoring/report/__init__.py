"""After-action reports: one model (`AfterActionReport`) built from a session, three renderers.

The writers are imported when first named: `drill score` prints its table with this package's
words (`catalogue`) and moments (`moments`) and needs none of the report's model or renderers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.report.files import write_html_report, write_report

__all__ = ["write_html_report", "write_report"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'scoring.report' has no attribute {name!r}")
    return getattr(import_module("scoring.report.files"), name)

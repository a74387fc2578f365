"""After-action reports: one model (`AfterActionReport`) built from a session, three renderers."""

from scoring.report.files import write_html_report, write_report

__all__ = ["write_html_report", "write_report"]

"""Writing a report file straight from a session file (the app's debrief button uses this)."""

from __future__ import annotations

from pathlib import Path

from scoring.report.build import build_report
from scoring.report.html import render_html
from scoring.report.json import render_json
from scoring.report.markdown import render_markdown
from scoring.session import load_session

RENDERERS = {"html": render_html, "md": render_markdown, "json": render_json}


def write_report(session: Path | str, out: Path | str, *, fmt: str = "html", language: str | None = None) -> Path:
    loaded = load_session(session)
    report = build_report(loaded.scenario, loaded.events, language=language, file_name=loaded.path.name)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(RENDERERS[fmt](report), encoding="utf-8")
    return out


def write_html_report(session: Path | str, out: Path | str) -> Path:
    return write_report(session, out, fmt="html")

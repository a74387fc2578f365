"""`drill score SESSION.db [--json]`: the team's score per dimension and the findings that matter most."""

from __future__ import annotations

import argparse
import json
import sys

from scoring.models import ScoreReport
from scoring.report.catalogue import label
from scoring.scorer import score
from scoring.session import load_session
from drill.commands._parser import help_text
from drill.i18n import LANGUAGE_CODES, t

TOP = 6


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("score", help=help_text("cli.help.score"))
    parser.add_argument("session", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_file"))
    parser.add_argument("--json", action="store_true", help=help_text("cli.help.score.json"))
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help=help_text("cli.help.score.lang"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    session = load_session(args.session)
    report = score(session.scenario, session.events, language=args.lang)
    if args.json:
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(score_lines(report)) + "\n")
    return 0


def score_lines(report: ScoreReport, top: int = TOP) -> list[str]:
    """A plain-text table of the dimensions, then the most important findings."""
    lang = report.language
    lines = [f"{report.scenario_title} — {label('total', lang)}: {_fmt(report.total)}"
             + (f" ({report.grade.label})" if report.grade else "")]
    width = max(len(d.label) for d in report.dimensions)
    lines.append("")
    lines.append(f"  {label('dimension', lang):<{width}}  {label('score', lang):>5}  {label('weight', lang):>5}")
    for d in report.dimensions:
        lines.append(f"  {d.label:<{width}}  {_fmt(d.score):>5}  {d.weight:>5.1f}   {d.summary}")
    findings = report.top_findings(top)
    if findings:
        lines.append("")
        lines.append(label("top_findings", lang) + ":")
        for f in findings:
            lines.append(f"  [{f.rule}] {f.what}")
            lines.append(f"        → {f.action} ({f.source})")
    strengths = report.strengths(3)
    if strengths:
        lines.append("")
        lines.append(label("strengths", lang) + ":")
        for f in strengths:
            lines.append(f"  [{f.rule}] {f.what}")
    return lines


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"

"""`drill score SESSION.db [--json]`: the team's score per dimension and the findings that matter most."""

from __future__ import annotations

import argparse
import json
import sys

from scoring.models import ScoreReport
from scoring.report.catalogue import label
from scoring.report.moments import team_did
from scoring.scorer import scored
from scoring.session import load_session
from drill.commands._parser import help_text
from drill.history.cache import record_score
from drill.i18n import LANGUAGE_CODES, catalogue, t

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
    report, ctx = scored(session.scenario, session.events, language=args.lang)
    record_score(session.path, session.events, report)
    if args.json:
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        did = team_did(session.scenario, session.events, report, ctx=ctx)
        sys.stdout.write("\n".join(score_lines(report, did)) + "\n")
    return 0


def score_lines(report: ScoreReport, did: dict[str, list[str]], top: int = TOP) -> list[str]:
    """A plain-text table of the dimensions, then the most important findings and the strengths.

    Read by a team, not by the rubric's authors: each finding is headed by what the rule asks
    (no rule code), and each strength is told as what the team did and when (`did`, from
    `scoring.report.moments`, by rule), as the report and the app's debrief tell them.
    """
    lang = report.language
    lines = [f"{report.scenario_title} — {label('total', lang)}: {_fmt(report.total)}"
             + (f" ({report.grade.label})" if report.grade else "")]
    width = max(len(d.label) for d in report.dimensions)
    lines.append("")
    lines.append(f"  {label('dimension', lang):<{width}}  {label('score', lang):>5}  {label('weight', lang):>5}")
    for d in report.dimensions:
        lines.append(f"  {d.label:<{width}}  {_fmt(d.score):>5}  {catalogue(lang).number(round(d.weight, 1)):>5}   {d.summary}")
    findings = report.top_findings(top)
    if findings:
        lines.append("")
        lines.append(label("top_findings", lang) + ":")
        for f in findings:
            lines.append(f"  {f.title}")
            lines.append(f"      {f.what}")
            if f.action:
                lines.append(f"      → {f.action}")
    strengths = report.strengths(3)
    if strengths:
        lines.append("")
        lines.append(label("strengths", lang) + ":")
        for f in strengths:
            for moment in did.get(f.rule) or [f.what]:
                lines.append(f"  + {moment}")
            lines.append(f"      {f.title}")
    return lines


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"

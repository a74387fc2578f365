"""`drill tone`: score municipal replies for tone and personal data, one JSON line per reply.

Reads stdin so it fits in a pipe: plain text (one reply per line) or JSON Lines with a
`reply` field and optional `context` (the citizen comment) and `language`. Output is JSON
Lines, so trainers can filter with jq and the score report can reuse it as is.

`drill tone --eval FILE.jsonl` instead checks the analyser against labelled replies (format in
tests/tone/labelled/README.md) and prints AUC, precision and recall per flag and the worst
misses, so a trainer can see how far to trust it on replies from their own municipality.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from drill.commands._parser import help_text
from drill.errors import EXIT_FINDINGS, EXIT_OK, DrillError
from drill.i18n import number as group, plural, t
from scoring.tone import MAX_REPLY_CHARS, SUPPORTED_LANGUAGES, analyse_reply
from scoring.tone.evaluation import LabelledFileError, evaluate, read_labelled, render_text
from scoring.tone.privacy import normalise_phone

LANGUAGE_CHOICES = (*SUPPORTED_LANGUAGES, "auto")
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class ReplyInput:
    line: int
    reply: str
    context: str | None
    language: str | None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "tone",
        help=help_text("cli.help.tone"),
        description=t("cli.help.tone.description"),
    )
    p.add_argument("--lang", choices=LANGUAGE_CHOICES, default="auto",
                   help=help_text("cli.help.tone.lang"))
    p.add_argument("--explain-lang", choices=SUPPORTED_LANGUAGES, default=None,
                   help=help_text("cli.help.tone.explain_lang"))
    p.add_argument("--official-number", action="append", default=[], metavar=t("cli.metavar.phone"),
                   help=help_text("cli.help.tone.official_number"))
    p.add_argument("--official-domain", action="append", default=[], metavar=t("cli.metavar.domain"),
                   help=help_text("cli.help.tone.official_domain"))
    p.add_argument("--fail-under", type=int, default=None, metavar=t("cli.metavar.score"),
                   help=help_text("cli.help.tone.fail_under"))
    p.add_argument("--eval", dest="eval_file", type=Path, default=None, metavar=t("cli.metavar.jsonl"),
                   help=help_text("cli.help.tone.eval"))
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=help_text("cli.help.tone.format"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.eval_file is not None:
        return run_eval(args.eval_file, args.format)
    for number in args.official_number:
        if normalise_phone(number) is None:
            raise DrillError(t("cli.tone.not_phone", number=number))
    failed = False
    out = sys.stdout
    for item in read_replies(sys.stdin):
        language = item.language or args.lang
        result = analyse_reply(
            item.reply,
            language=language,
            context=item.context,
            official_numbers=args.official_number,
            official_domains=args.official_domain,
            explain_in=args.explain_lang,
        )
        record = {
            "line": item.line,
            "reply": item.reply,
            "context": item.context,
            "language": result.language,
            "score": result.score,
            "findings": [f.model_dump(mode="json") for f in result.findings],
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if args.fail_under is not None and result.score < args.fail_under:
            failed = True
    out.flush()
    return EXIT_FINDINGS if failed else EXIT_OK


def run_eval(path: Path, output_format: str) -> int:
    """Score every labelled reply and print the evaluation; bad input is a DrillError (exit 2)."""
    try:
        items = read_labelled(path)
    except LabelledFileError as error:
        shown = error.problems[:MAX_PROBLEMS]
        if len(error.problems) > MAX_PROBLEMS:
            shown.append(plural("cli.tone.more_problems", len(error.problems) - MAX_PROBLEMS, path=path))
        raise DrillError("\ndrill: ".join(shown)) from None
    report = evaluate(items, source=str(path))
    if output_format == "json":
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(report))
    sys.stdout.flush()
    return EXIT_OK


def read_replies(stream: TextIO) -> Iterator[ReplyInput]:
    """Parse stdin line by line; a line starting with "{" must be a JSON object."""
    for number, raw in enumerate(stream, start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("{"):
            yield ReplyInput(number, _within_limit(number, line), None, None)
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise DrillError(t("cli.tone.not_json", line=number, column=error.colno)) from None
        except RecursionError:
            # A reply is a flat object; thousands of nested brackets are never one.
            raise DrillError(t("cli.tone.too_deep", line=number)) from None
        yield _from_json(number, data)


def _from_json(number: int, data: object) -> ReplyInput:
    where = f"stdin:{number}"
    if not isinstance(data, dict):
        raise DrillError(t("cli.tone.not_object", where=where))
    reply = data.get("reply")
    if not isinstance(reply, str) or not reply.strip():
        raise DrillError(t("cli.tone.no_reply", where=where))
    _within_limit(number, reply)
    context = data.get("context")
    if context is not None and not isinstance(context, str):
        raise DrillError(t("cli.tone.context_text", where=where))
    if context is not None and len(context) > MAX_REPLY_CHARS:
        raise DrillError(t("cli.tone.context_long", where=where, length=group(len(context)), limit=group(MAX_REPLY_CHARS)))
    language = data.get("language")
    if language is not None and language not in LANGUAGE_CHOICES:
        raise DrillError(t("cli.tone.language", where=where, choices=", ".join(LANGUAGE_CHOICES), language=language))
    return ReplyInput(number, reply, context, language)


def _within_limit(number: int, reply: str) -> str:
    """No real reply is anywhere near the limit; refusing is clearer than a silent cut."""
    if len(reply) > MAX_REPLY_CHARS:
        raise DrillError(t("cli.tone.reply_long", line=number, length=group(len(reply)), limit=group(MAX_REPLY_CHARS)))
    return reply

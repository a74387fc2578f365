"""`drill tone`: score municipal replies for tone and personal data, one JSON line per reply.

Reads stdin so it fits in a pipe: plain text (one reply per line) or JSON Lines with a
`reply` field and optional `context` (the citizen comment) and `language`. Output is JSON
Lines, so trainers can filter with jq and the score report can reuse it as is.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from drill.errors import EXIT_FINDINGS, EXIT_OK, DrillError
from scoring.tone import SUPPORTED_LANGUAGES, analyse_reply
from scoring.tone.privacy import normalise_phone

LANGUAGE_CHOICES = (*SUPPORTED_LANGUAGES, "auto")


@dataclass(frozen=True)
class ReplyInput:
    line: int
    reply: str
    context: str | None
    language: str | None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "tone",
        help="score municipal replies (stdin) for tone and personal data",
        description=(
            "Read replies from stdin, one per line (plain text), or JSON Lines with a 'reply' "
            "field and optional 'context' and 'language'. Writes one JSON object per reply."
        ),
    )
    p.add_argument("--lang", choices=LANGUAGE_CHOICES, default="auto",
                   help="language of the replies (default: auto, guessed per reply)")
    p.add_argument("--explain-lang", choices=SUPPORTED_LANGUAGES, default=None,
                   help="language of the explanations (default: the reply's language)")
    p.add_argument("--official-number", action="append", default=[], metavar="NUMBER",
                   help="a phone number of the municipality that replies may publish (repeatable)")
    p.add_argument("--official-domain", action="append", default=[], metavar="DOMAIN",
                   help="an e-mail domain of the municipality (repeatable; *.kommune.no is always allowed)")
    p.add_argument("--fail-under", type=int, default=None, metavar="SCORE",
                   help="exit 1 if any reply scores below SCORE")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for number in args.official_number:
        if normalise_phone(number) is None:
            raise DrillError(f"--official-number {number!r} is not a phone number")
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


def read_replies(stream: TextIO) -> Iterator[ReplyInput]:
    """Parse stdin line by line; a line starting with "{" must be a JSON object."""
    for number, raw in enumerate(stream, start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("{"):
            yield ReplyInput(number, line, None, None)
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise DrillError(f"stdin:{number}: not valid JSON ({error.msg} at column {error.colno})") from None
        yield _from_json(number, data)


def _from_json(number: int, data: object) -> ReplyInput:
    where = f"stdin:{number}"
    if not isinstance(data, dict):
        raise DrillError(f"{where}: expected a JSON object with a 'reply' field")
    reply = data.get("reply")
    if not isinstance(reply, str) or not reply.strip():
        raise DrillError(f"{where}: the 'reply' field is missing or not a non-empty string")
    context = data.get("context")
    if context is not None and not isinstance(context, str):
        raise DrillError(f"{where}: 'context' must be a string")
    language = data.get("language")
    if language is not None and language not in LANGUAGE_CHOICES:
        raise DrillError(f"{where}: 'language' must be one of {', '.join(LANGUAGE_CHOICES)}, not {language!r}")
    return ReplyInput(number, reply, context, language)

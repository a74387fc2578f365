"""Explainable tone and privacy analysis of a municipality's social-media replies.

Rules are data (YAML in `scoring/tone/rules/`), tied to the rubric ids of ks-rubric.md with
honest source tags; `analyse_reply` returns a 0-100 score and the findings behind it:

    result = analyse_reply(reply, language="nb", context=citizen_comment,
                           official_numbers=["22 33 44 55"], official_domains=["fjordvik.kommune.no"])
    result.score            # 0-100, higher is better; neutral replies sit at the baseline
    result.findings         # [ToneFinding(rule="T2.sarcasm", rubric="T2", span=(0, 38), ...)]

Rule files: `common.yaml` (language-independent rules and the personal-data detectors),
`nb.yaml` and `en.yaml` (phrases, lemmas and word lists), `settings.yaml` (baseline, severity
caps and allow-lists).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.tone.analyse import MAX_REPLY_CHARS, SUPPORTED_LANGUAGES, analyse_reply
    from scoring.tone.language import detect_language
    from scoring.tone.models import ToneFinding, ToneResult

# Where each public name lives. Imported on first use (PEP 562): a score whose replies were all
# analysed before (the cache, `scoring.cache`) reads only the models and the word lists, never
# the analyser, its model weights or numpy.
_HOMES = {"MAX_REPLY_CHARS": "analyse", "SUPPORTED_LANGUAGES": "analyse", "analyse_reply": "analyse",
          "detect_language": "language", "ToneFinding": "models", "ToneResult": "models"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value

__all__ = ["MAX_REPLY_CHARS", "SUPPORTED_LANGUAGES", "ToneFinding", "ToneResult", "analyse_reply", "detect_language"]

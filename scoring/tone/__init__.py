"""Explainable tone and privacy analysis of a municipality's social-media replies.

Rules are data (YAML in `scoring/tone/rules/`), tied to the rubric ids of ks-rubric.md with
honest source tags; `analyse_reply` returns a 0-100 score and the findings behind it.
"""

from scoring.tone.analyse import SUPPORTED_LANGUAGES, analyse_reply
from scoring.tone.language import detect_language
from scoring.tone.models import ToneFinding, ToneResult

__all__ = ["SUPPORTED_LANGUAGES", "ToneFinding", "ToneResult", "analyse_reply", "detect_language"]

"""How a reply lands with the citizen who gets it: the judgement behind the crowd's reactions.

The engine asks a `drill.engine.reactions.ReplyJudge` whether a reply was good or poor and
draws the reactions from that; this is the judge the live drill wires in. It uses the same
analyses as the score, so a reply the report calls curt is one the crowd answers back to:

- **unanswered**: the comment asked something and the reply does not address it
  (`scoring.answers.addresses`, on the reply or the official post it points to), the one
  verdict that draws a "that is not what I asked";
- **poor**: it addresses the comment but agrees with a false claim, the tone analyser finds a
  major fault (dismissive, blaming, false reassurance, a privacy breach, ...) or scores it below
  its neutral baseline, or it is unsigned (KS: a person answers, not "the municipality");
- **good**: everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from drill.engine.reactions import Verdict
from scoring.answers import addresses, analysis_language
from scoring.tone import analyse_reply

NEUTRAL = 60
"""The tone analyser's baseline: a reply that neither helps nor hurts scores this."""
_SIGNED = ("T1.signature", "T1.signature_name_only")


class CitizenJudge:
    """A `drill.engine.reactions.ReplyJudge` for one scenario; a pure function of the texts, cached.

    It reads replies as the score does: with the scenario's own phone numbers and e-mail domain,
    so a reply that gives the care service's listed number is no privacy slip to the crowd
    either."""

    def __init__(self, language: str, official_numbers: tuple[str, ...] = (),
                 official_domains: tuple[str, ...] = ()) -> None:
        self.language = language
        self.official = (official_numbers, official_domains)

    def __call__(self, reply: str, comment: str, *, claim: bool, post: str | None = None,
                 asked: bool = True) -> Verdict:
        return _judge(reply, comment, claim, post, self.language, *self.official, asked=asked)


@lru_cache(maxsize=16384)
def _judge(reply: str, comment: str, claim: bool, post: str | None, language: str,
           official_numbers: tuple[str, ...] = (), official_domains: tuple[str, ...] = (), *,
           asked: bool = True) -> Verdict:
    if asked and not any(addresses(text, comment, language, claim=claim).addresses
                         for text in (reply, post) if text):
        return "unanswered"
    tone = analyse_reply(reply, language=analysis_language(language), context=comment,
                         official_numbers=official_numbers, official_domains=official_domains)
    if tone.score < NEUTRAL or any(f.weight < 0 and f.severity in ("major", "critical") for f in tone.findings):
        return "poor"
    if not any(f.rule in _SIGNED for f in tone.findings):
        return "poor"
    return "good"


def judge_for(language: str, official_numbers: Sequence[str] = (), official_domains: Sequence[str] = ()) -> CitizenJudge:
    """The judge for a drill in `language` with the municipality's own numbers and e-mail
    domain (`Scenario.official_numbers`, `official_domains`), ready to use. Its word lists and
    the tone rules take seconds to load the first time; they are loaded here, when the drill is
    set up, so the team's first reply does not stall a running drill (or a host whose seats wait
    for its heartbeat)."""
    reply, comment = _WARM_UP["en" if language == "en" else "nb"]
    _judge(reply, comment, True, None, language)  # content words, so the lemma dictionaries load too
    return CitizenJudge(language, tuple(official_numbers), tuple(official_domains))


_WARM_UP = {
    "nb": ("Det stemmer ikke: skolen holder åpent i dag. Hilsen Kari, kommunikasjonsavdelingen",
           "Hørte at skolene stenger i morgen?"),
    "en": ("That is not true: the school stays open today. Kind regards, Kari, Communications",
           "Heard the schools are closing tomorrow?"),
}

"""The public entry point: `analyse_reply` scores one municipal reply and explains why.

The score starts from a neutral baseline (settings.yaml) and each rule that fires adds or
subtracts its weight once, however often it matched, so a long reply is not punished for
repeating a good phrase nor rewarded for repeating it. Rules may also cap the score: a reply
that publishes a fødselsnummer is bad however friendly it is otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from drill.i18n import catalogue
from scoring.tone import learned, privacy
from scoring.tone.detectors import DETECTOR_FUNCTIONS, DetectorInput
from scoring.tone.language import detect_language
from scoring.tone.literals import Starts, leading_literals
from scoring.tone.loader import READ_WITH, RuleSet, load_ruleset, load_settings
from scoring.tone.matching import (
    Hit,
    MatchState,
    PatternIndex,
    accept,
    condition_holds,
    pattern_spans,
    sentence_index_of,
    without_overlaps,
)
from scoring.tone.models import Language, ToneFinding, ToneResult
from scoring.tone.ruleset import Pattern, Rule
from scoring.tone.text import AnalysedText, plain_typography

SUPPORTED_LANGUAGES = tuple(READ_WITH)
# The longest reply analysed in full (about ten pages of text); a longer one is analysed up to
# here and says so in a finding. `drill tone` refuses longer input outright.
MAX_REPLY_CHARS = 20_000


def analyse_reply(
    text: str,
    *,
    language: str = "nb",
    context: str | None = None,
    official_numbers: Iterable[str] = (),
    official_domains: Iterable[str] = (),
    explain_in: str | None = None,
    weights: Mapping[str, int] | None = None,
    learned_model: bool = True,
) -> ToneResult:
    """Score a reply (0-100, higher is better) and list the findings behind the score.

    `language` is "nb", "nn", "en" or "auto" (guess from stopwords). `context` is the citizen comment
    being answered: it enables the "complaint answered without empathy" and "repeats the
    citizen's personal data" findings. `official_numbers`/`official_domains` are the
    municipality's own contact points, which a reply may publish. Explanations are written in
    `explain_in` (default: the reply's language). `weights` overrides rule weights by rule id,
    so a scenario can adjust the general-practice (GP) defaults; 0 keeps a rule as a note only.
    `learned_model=False` gives the rules' verdict alone (what the rule examples specify).
    """
    lang = detect_language(text) if language == "auto" else language
    if lang not in SUPPORTED_LANGUAGES:
        choices = ", ".join(SUPPORTED_LANGUAGES)
        raise ValueError(f"unsupported language {language!r}; use one of {choices} or auto")
    explain = explain_in or lang
    if explain not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported explanation language {explain_in!r}")
    overrides = _checked_weights(weights, lang) if weights else {}
    allow = _allowances(tuple(official_numbers), tuple(official_domains))
    text, truncated = bounded(text)
    context = plain_typography(bounded(context)[0]) if context else context
    passed = rule_pass(text, lang, context, allow)
    findings = [_finding(hit, text, explain, overrides) for hit in passed.hits]
    score, findings = combined(passed.text, lang, findings, context, explain,
                               learned.load_model() if learned_model else None, written=text)
    passed.text.release()
    if truncated:
        findings.append(_truncation_finding(text, explain))
    # `lang` is one of SUPPORTED_LANGUAGES (checked above), the languages `Language` names.
    return ToneResult(score=score, language=cast(Language, lang), findings=findings)


@dataclass(frozen=True)
class RulePass:
    """What the rules alone found in one reply: the learned model reads it as features."""

    text: AnalysedText
    hits: list[Hit]


def rule_facts(findings: Iterable[ToneFinding]) -> list[tuple[str, str | None, int, tuple[int, int]]]:
    """(rule, flag, weight, span) of each rule finding: what the learned model reads of them."""
    return [(f.rule, f.flag, f.weight, f.span) for f in findings]


def combined(text: AnalysedText, lang: str, findings: list[ToneFinding], context: str | None, explain: str,
             model: learned.Model | None, written: str | None = None) -> tuple[int, list[ToneFinding]]:
    """The final score and findings: the rules' verdict, the model's on top, caps last. `written` is the reply
    as its writer typed it, which the model's findings quote (the analysed text reads plain typography)."""
    ruleset = load_ruleset(lang)
    fired = {f.rule: f.weight for f in findings}
    rule_score = _capped(ruleset, _score(ruleset, fired), findings)
    facts = rule_facts(findings)
    reading = None
    if model is not None:
        reading = learned.read(text, lang, facts, rule_score, context, model)
        overruled = learned.overruled(model, reading, facts)
        if overruled:
            # The rules' score without the overruled findings: their weight and their cap go.
            findings = [learned.overruled_finding(f, reading, explain) if f.rule in overruled else f
                        for f in findings]
            fired = {f.rule: f.weight for f in findings}
            rule_score = _capped(ruleset, _score(ruleset, fired), findings)
            facts = rule_facts(findings)
    verdict = learned.judge(reading, facts, rule_score, model)
    quoted = written if written is not None else text.text
    findings = sorted([*findings, *verdict.findings(quoted, explain)], key=lambda f: (f.span[0], f.rule))
    return _capped(ruleset, verdict.score, findings), findings


def rules_only(text: str, lang: str, context: str | None) -> tuple[AnalysedText, list[ToneFinding]]:
    """The rules' findings without the learned model: what the model is trained on."""
    passed = rule_pass(text, lang, context)
    return passed.text, [_finding(hit, text, lang, {}) for hit in passed.hits]


def rule_pass(text: str, lang: str, context: str | None, allow: privacy.Allowances | None = None) -> RulePass:
    """Run every rule of the language over the reply, in dependency order. The reply is read with plain
    typography (text.plain_typography); the comment, which the rules and the model read from other places
    too, is made plain by the callers (analyse_reply, train)."""
    text = plain_typography(text)
    ruleset = load_ruleset(lang)
    allow = allow if allow is not None else _allowances((), ())
    analysed = _analysed_text(text, lang)
    state = MatchState(
        text=analysed,
        negators=_negators(lang),
        context=context,
        context_is_complaint=bool(context) and _is_complaint(context or ""),
    )
    data = DetectorInput(analysed, ruleset.lexicon, ruleset.settings, allow, context)
    index = _pattern_index(lang)
    live = index.live(analysed)
    for rule in index.rules_to_run(live):
        patterns = [p for p in rule.patterns if id(p) in live]
        if rule.reply_gates and not all(_gate_holds(gate, analysed) for gate in rule.reply_gates):
            continue  # a cheap gate ("the reply mentions injuries at all") saves the scans
        for start, end, *detail in without_overlaps(_candidates(rule, patterns, data, state)):
            if accept(rule, state, start, end):
                state.add(Hit(rule, start, end, sentence_index_of(analysed, start), detail[0] if detail else None))
    return RulePass(analysed, sorted(state.hits, key=lambda h: (h.start, h.rule.id)))


def _gate_holds(gate: re.Pattern[str], text: AnalysedText) -> bool:
    """`gate.search(text)`, tried only where the reply reads a string every match of the gate
    starts with (literals.leading_literals): a gate is an alternation of word stems that the
    regex engine would otherwise try at every character of the reply."""
    starts = _gate_starts(gate.pattern, gate.flags)
    if starts is None or not text.aligned:
        return gate.search(text.text) is not None
    return any(gate.match(text.text, start) for start in text.starts_of(starts))


@lru_cache(maxsize=None)
def _gate_starts(pattern: str, flags: int) -> Starts | None:
    found = leading_literals(pattern, flags)
    return Starts(found) if found is not None else None


@lru_cache(maxsize=None)
def _pattern_index(language: str) -> PatternIndex:
    return PatternIndex(load_ruleset(language).rules)


def _candidates(rule: Rule, patterns: list[Pattern], data: DetectorInput, state: MatchState) -> list[tuple[Any, ...]]:
    """Spans proposed by the rule's detector or by those of its patterns that may match (each
    pattern's own conditions applied)."""
    if rule.detector is not None:
        return DETECTOR_FUNCTIONS[rule.detector](rule, data)
    return [
        (start, end)
        for pattern in patterns
        for start, end in pattern_spans(pattern, data.text, vetted=True)
        if all(condition_holds(c, state, start, end) for c in pattern.requires)
    ]


def _checked_weights(weights: Mapping[str, int], language: str) -> dict[str, int]:
    unknown = sorted(set(weights) - _rule_ids(language))
    if unknown:
        raise ValueError(f"unknown tone rule ids in weights: {', '.join(unknown)}")
    return {rule_id: int(weight) for rule_id, weight in weights.items()}


def _finding(hit: Hit, text: str, explain: str, overrides: Mapping[str, int]) -> ToneFinding:
    rule = hit.rule
    whole_reply = rule.detector in {"absent", "lix_below", "lix_above"}
    return ToneFinding(
        rule=rule.id,
        rubric=rule.rubric,
        span=(hit.start, hit.end),
        matched="" if whole_reply else text[hit.start : hit.end],
        explanation=getattr(rule.explanation, explain) + (f" {hit.detail[explain]}" if hit.detail else ""),
        severity=rule.severity,
        weight=overrides.get(rule.id, rule.weight),
        source=rule.source,
        flag=rule.flag,
    )


def _score(ruleset: RuleSet, fired: Mapping[str, int]) -> int:
    """The rules' own verdict: the baseline plus each fired rule's weight once."""
    return max(0, min(100, ruleset.settings.baseline + sum(fired.values())))


def _capped(ruleset: RuleSet, score: float, findings: list[ToneFinding]) -> int:
    """A major finding caps the score at 40, a critical one at 20, a rule's own cap at its
    value: a signature and a thank-you never lift a breach of confidentiality."""
    caps = ruleset.settings.severity_caps
    rule_caps = _rule_caps(ruleset.language)
    for finding in findings:
        if finding.weight < 0 and finding.severity in caps:
            score = min(score, caps[finding.severity])
        if finding.rule in rule_caps:
            score = min(score, rule_caps[finding.rule])
    return max(0, min(100, round(score)))


@lru_cache(maxsize=None)
def _rule_ids(language: str) -> frozenset[str]:
    return frozenset(rule.id for rule in load_ruleset(language).rules)


@lru_cache(maxsize=None)
def _rule_caps(language: str) -> dict[str, int]:
    """Each capping rule's cap, per language: `_capped` runs twice for every reply, and the
    rule set never changes in a process."""
    return {rule.id: rule.cap for rule in load_ruleset(language).rules if rule.cap is not None}


@lru_cache(maxsize=None)
def _negators(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_ruleset(language).lexicon.negators)


def bounded(text: str) -> tuple[str, bool]:
    """The reply cut to MAX_REPLY_CHARS, and whether it was cut: the scorer must never hang
    on an absurd reply, and no real reply comes near the limit."""
    if len(text) <= MAX_REPLY_CHARS:
        return text, False
    return text[:MAX_REPLY_CHARS], True


def _truncation_finding(text: str, explain: str) -> ToneFinding:
    return ToneFinding(
        rule="T5.too_long", rubric="T5", span=(0, len(text)), matched="",
        explanation=catalogue(explain)("tone_model.truncated", limit=MAX_REPLY_CHARS),
        severity="minor", weight=0, source="GP", flag="form",
    )


@lru_cache(maxsize=4096)
def _is_complaint(context: str) -> bool:
    """Kept per comment: a comment is often answered more than once."""
    return any(pattern.search(context) for pattern in _complaint_res())


@lru_cache(maxsize=1)
def _complaint_res() -> tuple[re.Pattern[str], ...]:
    """Each language's complaint words once (nynorsk reads the bokmål lexicon)."""
    found = {READ_WITH[lang]: load_ruleset(lang).lexicon.complaint_re for lang in SUPPORTED_LANGUAGES}
    return tuple(found.values())


@lru_cache(maxsize=4096)
def _analysed_text(text: str, language: str) -> AnalysedText:
    """One tokenised text (and its pattern matches) per reply text: during scoring the same
    reply is analysed against many different citizen comments, and only the conditions that
    look at the comment differ between those analyses."""
    return AnalysedText(text, language, _given_names(language))


def _given_names(language: str) -> frozenset[str]:
    return frozenset(n.lower() for n in load_ruleset(language).lexicon.given_names)


@lru_cache(maxsize=256)
def _allowances(numbers: tuple[str, ...], domains: tuple[str, ...]) -> privacy.Allowances:
    return privacy.Allowances.build(numbers, domains, load_settings())

"""Checking the analyser against labelled replies (`drill tone --eval FILE.jsonl`).

A trainer who labels replies from their own municipality (format in
tests/tone/labelled/README.md) gets the figures that say whether the analyser can be trusted
there: how well its score separates good from bad replies (AUC), precision and recall for each
flag, how many good replies it wrongly flags for privacy, and the replies it gets most wrong.

A flag counts as predicted when any finding of a rule carrying that flag fires (the `flag` of
each negative rule in the rule files), so the mapping from rules to flags lives in one place.
Nynorsk replies are analysed with the bokmål rules, which handle the common nynorsk forms, and
are reported under their own language.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drill.i18n import number, t
from scoring.tone.analyse import MAX_REPLY_CHARS, analyse_reply
from scoring.tone.models import ToneResult
from scoring.tone.ruleset import LABELLED_FLAGS

LANGUAGES = ("nb", "nn", "en")
LABELS = ("good", "bad")
ANALYSER_LANGUAGE = {"nb": "nb", "nn": "nn", "en": "en"}
REQUIRED_FIELDS = ("id", "language", "reply", "label", "flags")
WORST = 8


class LabelledFileError(ValueError):
    """A labelled file is unreadable or a record is malformed; `problems` holds
    `FILE:LINE: field: message` lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class LabelledReply:
    id: str
    language: str
    reply: str
    label: str
    flags: frozenset[str]
    context: str | None = None
    department: str | None = None
    note: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Scored:
    item: LabelledReply
    score: int
    predicted: frozenset[str]
    rules: tuple[str, ...]


@dataclass
class FlagFigures:
    flag: str
    support: int = 0  # replies labelled with the flag
    predicted: int = 0  # replies the analyser flags
    true_positives: int = 0

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.support if self.support else None


@dataclass(frozen=True)
class PrivacyFigures:
    """The issue's two privacy figures over a group of replies: breaches found, good replies flagged."""

    found: int
    total: int  # replies labelled privacy
    flagged: int
    good: int

    @property
    def recall(self) -> float | None:
        return self.found / self.total if self.total else None

    @property
    def flagged_rate(self) -> float | None:
        return self.flagged / self.good if self.good else None

    def as_json(self) -> dict[str, object]:
        return {"found": self.found, "total": self.total, "recall": self.recall, "good_flagged": self.flagged,
                "good_total": self.good, "good_flagged_rate": self.flagged_rate}

    @classmethod
    def of(cls, scored: Sequence[Scored]) -> PrivacyFigures:
        breaches = [s for s in scored if "privacy" in s.item.flags]
        good = [s for s in scored if s.item.label == "good"]
        return cls(found=sum("privacy" in s.predicted for s in breaches), total=len(breaches),
                   flagged=sum("privacy" in s.predicted for s in good), good=len(good))


@dataclass
class Evaluation:
    """Everything `--eval` prints, computed once."""

    source: str
    scored: list[Scored]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    auc: dict[str, float | None] = field(default_factory=dict)
    flags: dict[str, FlagFigures] = field(default_factory=dict)
    privacy: PrivacyFigures = PrivacyFigures(found=0, total=0, flagged=0, good=0)
    # The same figures per language: the targets hold in each language, not only on the mix.
    privacy_by_language: dict[str, PrivacyFigures] = field(default_factory=dict)

    def worst_bad(self, n: int = WORST) -> list[Scored]:
        """Bad replies the analyser liked most."""
        bad = [s for s in self.scored if s.item.label == "bad"]
        return sorted(bad, key=lambda s: (-s.score, s.item.id))[:n]

    def worst_good(self, n: int = WORST) -> list[Scored]:
        """Good replies the analyser liked least."""
        good = [s for s in self.scored if s.item.label == "good"]
        return sorted(good, key=lambda s: (s.score, s.item.id))[:n]

    def privacy_missed(self) -> list[Scored]:
        return [s for s in self.scored if "privacy" in s.item.flags and "privacy" not in s.predicted]

    def privacy_false_alarms(self) -> list[Scored]:
        return [s for s in self.scored if s.item.label == "good" and "privacy" in s.predicted]

    def as_json(self) -> dict[str, object]:
        def brief(s: Scored) -> dict[str, object]:
            return {"id": s.item.id, "line": s.item.line, "language": s.item.language, "score": s.score,
                    "label": s.item.label, "flags": sorted(s.item.flags), "predicted": sorted(s.predicted),
                    "rules": list(s.rules), "reply": s.item.reply}

        return {
            "file": self.source,
            "replies": len(self.scored),
            "counts": self.counts,
            "auc": self.auc,
            "flags": {
                name: {"support": f.support, "predicted": f.predicted, "true_positives": f.true_positives,
                       "precision": f.precision, "recall": f.recall}
                for name, f in self.flags.items()
            },
            "privacy": {
                **self.privacy.as_json(),
                "by_language": {lang: p.as_json() for lang, p in self.privacy_by_language.items()},
            },
            "worst": {
                "bad_scored_highest": [brief(s) for s in self.worst_bad()],
                "good_scored_lowest": [brief(s) for s in self.worst_good()],
                "privacy_missed": [brief(s) for s in self.privacy_missed()],
                "privacy_false_alarms": [brief(s) for s in self.privacy_false_alarms()],
            },
        }


def read_labelled(path: Path) -> list[LabelledReply]:
    """Parse a labelled JSON Lines file, collecting every problem before failing."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LabelledFileError([t("tone_eval.file.no_file", path=path)]) from None
    except IsADirectoryError:
        raise LabelledFileError([t("cli.is_folder", path=path)]) from None
    except OSError as error:
        raise LabelledFileError([t("tone_eval.file.unreadable", path=path, problem=error.strerror or error)]) from None
    except UnicodeDecodeError:
        raise LabelledFileError([t("tone_eval.file.not_utf8", path=path)]) from None
    problems: list[str] = []
    items: list[LabelledReply] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            problems.append(t("tone_eval.file.not_json", where=where, column=error.colno))
            continue
        except RecursionError:
            problems.append(t("tone_eval.file.too_deep", where=where))
            continue
        item, errors = _record(data, number, where)
        problems += errors
        if item is None:
            continue
        if item.id in seen:
            problems.append(t("tone_eval.file.id_used", where=where, id=item.id, line=seen[item.id]))
            continue
        seen[item.id] = number
        items.append(item)
    if not items and not problems:
        problems.append(t("tone_eval.file.empty", path=path))
    if problems:
        raise LabelledFileError(problems)
    return items


def _record(data: object, line: int, where: str) -> tuple[LabelledReply | None, list[str]]:
    """The record on one line, or what is wrong with it: each problem names the line and the
    field, in the reader's language (the field names are the file's own keys)."""
    if not isinstance(data, dict):
        return None, [t("tone_eval.file.not_object", where=where)]
    errors = [t("tone_eval.file.missing", where=where, field=name) for name in REQUIRED_FIELDS if name not in data]
    if errors:
        return None, errors
    ident, language, reply, label, flags = (data[name] for name in REQUIRED_FIELDS)
    if not isinstance(ident, str) or not ident.strip():
        errors.append(t("tone_eval.file.needs_text", where=where, field="id"))
    if language not in LANGUAGES:
        errors.append(t("tone_eval.file.one_of", where=where, field="language", choices=", ".join(LANGUAGES),
                        value=repr(language)))
    if not isinstance(reply, str) or not reply.strip():
        errors.append(t("tone_eval.file.needs_text", where=where, field="reply"))
    elif len(reply) > MAX_REPLY_CHARS:
        errors.append(t("tone_eval.file.too_long", where=where, length=number(len(reply)),
                        limit=number(MAX_REPLY_CHARS)))
    if label not in LABELS:
        errors.append(t("tone_eval.file.one_of", where=where, field="label", choices=", ".join(LABELS),
                        value=repr(label)))
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        errors.append(t("tone_eval.file.flag_list", where=where))
    else:
        unknown = sorted(set(flags) - set(LABELLED_FLAGS))
        if unknown:
            errors.append(t("tone_eval.file.unknown_flag", where=where, flag=repr(unknown[0]),
                            choices=", ".join(LABELLED_FLAGS)))
    for name in ("context", "department", "note"):
        if data.get(name) is not None and not isinstance(data[name], str):
            errors.append(t("tone_eval.file.text_or_null", where=where, field=name))
    if errors:
        return None, errors
    return LabelledReply(
        id=ident, language=language, reply=reply, label=label, flags=frozenset(flags),
        context=data.get("context"), department=data.get("department"), note=data.get("note"), line=line,
    ), []


def predicted_flags(result: ToneResult) -> frozenset[str]:
    """The labelled flags the analyser's findings stand for."""
    return frozenset(f.flag for f in result.findings if f.flag in LABELLED_FLAGS and f.weight < 0)


def score_items(items: Iterable[LabelledReply]) -> list[Scored]:
    scored = []
    for item in items:
        result = analyse_reply(item.reply, language=ANALYSER_LANGUAGE[item.language], context=item.context)
        rules = tuple(sorted({f.rule for f in result.findings}))
        scored.append(Scored(item, result.score, predicted_flags(result), rules))
    return scored


def auc(scored: Sequence[Scored]) -> float | None:
    """Probability that a random good reply scores above a random bad one (ties count half):
    the Mann-Whitney statistic, computed from ranks."""
    good = [s.score for s in scored if s.item.label == "good"]
    bad = [s.score for s in scored if s.item.label == "bad"]
    if not good or not bad:
        return None
    values = sorted(good + bad)
    ranks: dict[int, float] = {}
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        ranks[values[i]] = (i + j + 1) / 2  # mean of 1-based ranks i+1 .. j
        i = j
    rank_sum = sum(ranks[v] for v in good)
    return (rank_sum - len(good) * (len(good) + 1) / 2) / (len(good) * len(bad))


def evaluate(items: Sequence[LabelledReply], source: str = "") -> Evaluation:
    return summarise(score_items(items), source)


def summarise(scored: list[Scored], source: str = "") -> Evaluation:
    """The figures of a scored set (also used by training for its cross-validated report)."""
    report = Evaluation(source=source, scored=scored)
    languages = [lang for lang in LANGUAGES if any(s.item.language == lang for s in scored)]
    for lang in languages:
        mine = [s for s in scored if s.item.language == lang]
        counts = Counter(s.item.label for s in mine)
        report.counts[lang] = {label: counts.get(label, 0) for label in LABELS}
        report.auc[lang] = auc(mine)
        report.privacy_by_language[lang] = PrivacyFigures.of(mine)
    report.auc["all"] = auc(scored)
    for flag in LABELLED_FLAGS:
        figures = FlagFigures(flag)
        for s in scored:
            labelled, predicted = flag in s.item.flags, flag in s.predicted
            figures.support += labelled
            figures.predicted += predicted
            figures.true_positives += labelled and predicted
        report.flags[flag] = figures
    report.privacy = PrivacyFigures.of(scored)
    return report


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{number(round(100 * value, 1))} %"


def _short(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _flag_name(flag: str) -> str:
    return t(f"tone_eval.flag.{flag}")


def render_text(report: Evaluation) -> str:
    """The report a trainer reads, in the command's language: counts, AUC, flag figures and the
    worst misses by their id and line in the trainer's own file (the rules behind each score are
    in `--format json`, for whoever maintains the rules)."""
    out = [t("tone_eval.title", source=report.source, count=len(report.scored)), ""]
    out.append(f"{t('tone_eval.col.replies'):<11}{t('tone_eval.col.good'):>6}{t('tone_eval.col.bad'):>8}   "
               f"{t('tone_eval.col.auc')}")

    def auc(value: float | None) -> str:
        return "-" if value is None else number(round(value, 3))

    for lang, counts in report.counts.items():
        out.append(f"  {t('tone_eval.lang.' + lang):<9}{counts['good']:>6}{counts['bad']:>8}   "
                   f"{auc(report.auc.get(lang))}")
    out.append(f"  {t('tone_eval.all'):<9}{sum(c['good'] for c in report.counts.values()):>6}"
               f"{sum(c['bad'] for c in report.counts.values()):>8}   {auc(report.auc.get('all'))}")
    out += ["", f"{t('tone_eval.col.flag'):<24}{t('tone_eval.col.labelled'):>9}{t('tone_eval.col.flagged'):>9}"
                f"{t('tone_eval.col.precision'):>12}{t('tone_eval.col.recall'):>10}"]
    for name, f in report.flags.items():
        out.append(f"  {_flag_name(name):<22}{f.support:>9}{f.predicted:>9}{_pct(f.precision):>12}"
                   f"{_pct(f.recall):>10}")
    privacy = report.privacy
    out += ["", t("tone_eval.privacy", found=privacy.found, total=privacy.total, recall=_pct(privacy.recall),
                  flagged=privacy.flagged, good=privacy.good, rate=_pct(privacy.flagged_rate))]
    if len(report.privacy_by_language) > 1:
        for lang, p in report.privacy_by_language.items():
            out.append(t("tone_eval.privacy_language", language=t("tone_eval.lang." + lang), found=p.found,
                         total=p.total, recall=_pct(p.recall), flagged=p.flagged, good=p.good,
                         rate=_pct(p.flagged_rate)))

    def listing(title: str, rows: list[Scored]) -> None:
        if not rows:
            return
        out.extend(["", title])
        for s in rows:
            flags = ", ".join(_flag_name(f) for f in sorted(s.item.flags)) or t("tone_eval.none")
            out.append(t("tone_eval.row", id=s.item.id, line=s.item.line, score=s.score, flags=flags))
            out.append(f"      {_short(s.item.reply)}")

    listing(t("tone_eval.worst_bad"), report.worst_bad())
    listing(t("tone_eval.worst_good"), report.worst_good())
    listing(t("tone_eval.privacy_missed"), report.privacy_missed())
    listing(t("tone_eval.privacy_false"), report.privacy_false_alarms())
    return "\n".join(out) + "\n"

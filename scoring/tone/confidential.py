"""The confidentiality detector: a sensitive matter said about a person who can be identified.

Taushetsplikt is broken by two things together, and a reviewer should be able to see both: a
*matter* covered by confidentiality (a care service, a diagnosis or injury, a benefit, child
welfare, a school decision, addiction, a criminal suspicion, a personnel matter, a decision in
someone's case) and a *reference* that points at one person (a name, "your neighbour", "the
84-year-old in the yellow house", "the boy in Solsikken kindergarten", "the employee in the
video"). Either alone is harmless: "hjemmetjenesten besøker alle brukere i området" names no
one, and "Kari, takk for at du sa fra" reveals nothing.

So the detector looks for the two parts in the same clause, within a window of words, and
reports the span from one to the other with both parts named. A clause that declines to
discuss the matter ("vi kan ikke kommentere personalsaker") or speaks in general or
hypothetical terms ("hvis barnet ditt trenger ...", "alle som har vedtak om ...") is skipped.
The word lists are data (`rules/confidential-<language>.yaml`); this module only combines them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from scoring.tone import privacy
from scoring.tone.ruleset import Confidentiality
from scoring.tone.text import AnalysedText, Sentence

Detail = dict[str, str]
# A capitalised word continuing a list of capitalised words ("Kleppanes, Hagevik og Nordstranda").
# Words that open a reply before a name ("Ja, Ola ...", "Hi, Anna ...") without starting a list.
ANSWER_WORDS = frozenset({"ja", "nei", "jo", "hei", "hallo", "takk", "yes", "no", "hi", "hello", "thanks"})
LIST_BEFORE_RE = re.compile(r"([A-ZÆØÅ][\wæøå-]+)(?:,|\s+og|\s+eller|\s+and|\s+or)\s+$")


@dataclass(frozen=True)
class Part:
    """One half of a finding: a matter or a person reference, with its kind."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class ConfidentialHit:
    start: int
    end: int
    matter: Part
    person: Part
    detail: Detail


class ConfidentialityMatcher:
    """The compiled word lists of one language, shared by every reply."""

    def __init__(self, data: Confidentiality) -> None:
        self.data = data

    @cached_property
    def matter_res(self) -> dict[str, re.Pattern[str]]:
        return {kind: _terms_re(m.terms) for kind, m in self.data.matters.items()}

    @cached_property
    def matter_not_res(self) -> dict[str, re.Pattern[str] | None]:
        return {kind: _any_re(m.unless) if m.unless else None for kind, m in self.data.matters.items()}

    @cached_property
    def person_res(self) -> dict[str, re.Pattern[str]]:
        return {kind: _any_re(p.patterns) for kind, p in self.data.persons.items()}

    @cached_property
    def refusal_re(self) -> re.Pattern[str]:
        return _any_re(self.data.refusals)

    @cached_property
    def general_re(self) -> re.Pattern[str]:
        return _any_re(self.data.general)

    @cached_property
    def clause_break_re(self) -> re.Pattern[str]:
        return _any_re(self.data.clause_breaks)

    @cached_property
    def gate_re(self) -> re.Pattern[str]:
        """Any matter term at all: most replies have none, and then nothing else is searched."""
        return re.compile("|".join(f"(?:{r.pattern})" for r in self.matter_res.values()), re.IGNORECASE)

    @cached_property
    def not_names(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.data.not_names)

    @cached_property
    def first_names(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.data.first_names)

    @cached_property
    def name_after_re(self) -> re.Pattern[str]:
        """A capitalised word followed by one of these nouns is an institution or place."""
        return re.compile(r"^[\s-]*(?:" + "|".join(self.data.institution_nouns) + r")", re.IGNORECASE)

    @cached_property
    def place_before_re(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(self.data.place_prepositions) + r")\s+$", re.IGNORECASE)

    def find(self, text: AnalysedText) -> list[ConfidentialHit]:
        if not self.gate_re.search(text.text):
            return []
        hits: list[ConfidentialHit] = []
        for sentence in text.sentences:
            for start, end in self._clauses(text, sentence):
                hit = self._in_clause(text, start, end)
                if hit is not None:
                    hits.append(hit)
        return hits

    def _clauses(self, text: AnalysedText, sentence: Sentence) -> list[tuple[int, int]]:
        spans, start = [], sentence.start
        body = text.text[sentence.start : sentence.end]
        for match in self.clause_break_re.finditer(body):
            spans.append((start, sentence.start + match.start()))
            start = sentence.start + match.start()
        spans.append((start, sentence.end))
        return [(s, e) for s, e in spans if text.text[s:e].strip()]

    def _in_clause(self, text: AnalysedText, start: int, end: int) -> ConfidentialHit | None:
        clause = text.text[start:end]
        if clause.rstrip().endswith("?") or self.refusal_re.search(clause) or self.general_re.search(clause):
            return None
        matters = self._matters(clause, start)
        if not matters:
            return None
        persons = self._persons(text, clause, start)
        if not persons:
            return None
        best: tuple[int, Part, Part] | None = None
        for matter in matters:
            allowed = self.data.matters[matter.kind].persons
            for person in persons:
                if allowed and person.kind not in allowed:
                    continue
                if person.start < matter.end and matter.start < person.end:
                    continue  # one word is not both parts ("pasienten")
                gap = _word_gap(text, matter, person)
                limit = self.data.persons[person.kind].window
                if gap > (self.data.window if limit is None else limit):
                    continue
                if best is None or gap < best[0]:
                    best = (gap, matter, person)
        if best is None:
            return None
        _, matter, person = best
        return ConfidentialHit(
            min(matter.start, person.start),
            max(matter.end, person.end),
            matter,
            person,
            self._detail(text.text, matter, person),
        )

    def _matters(self, clause: str, offset: int) -> list[Part]:
        found = []
        for kind, pattern in self.matter_res.items():
            blocked = self.matter_not_res[kind]
            if blocked is not None and blocked.search(clause):
                continue
            found += [Part(offset + m.start(), offset + m.end(), kind) for m in pattern.finditer(clause)]
        return found

    def _persons(self, text: AnalysedText, clause: str, offset: int) -> list[Part]:
        found: list[Part] = []
        for kind, pattern in self.person_res.items():
            for m in pattern.finditer(clause):
                span = (m.start("name"), m.end("name")) if "name" in pattern.groupindex and m.group("name") else None
                if kind == "name" and span is not None:
                    if not self._is_name(text, offset + span[0], offset + span[1]):
                        continue
                found.append(Part(offset + m.start(), offset + m.end(), kind))
        if "address" in self.data.persons:
            found += [Part(offset + s, offset + e, "address") for s, e in privacy.street_addresses(clause)]
        return found

    def _is_name(self, text: AnalysedText, start: int, end: int) -> bool:
        """A capitalised word or two that stands for a person, not a place, institution or a
        word capitalised only because it opens the sentence."""
        words = text.text[start:end].split()
        if any(w.lower() in self.not_names for w in words):
            return False
        before_word = re.search(r"(\S+)\s+$", text.text[max(0, start - 30) : start])
        after_word = re.match(r"\s+(\S+)", text.text[end : end + 30])
        if len(words) >= 2 and any(w and w[0].isupper() for w in
                                   (before_word and before_word.group(1), after_word and after_word.group(1))):
            return False  # "Food Safety Authority": a run of three capitalised words is an organisation
        if len(words) == 1 and words[0].lower() not in self.first_names and any(
            words[0].lower().endswith(suffix) for suffix in self.data.place_suffixes
        ):
            return False  # "Fjordvik", "Sørlia"
        if self.name_after_re.match(text.text[end : end + 30]):
            return False  # "Solsikken barnehage", "Lia sykehjem"
        sentence = text.sentence_at(start)
        before = text.text[sentence.start : start]
        listed = LIST_BEFORE_RE.search(before)
        if listed and listed.group(1).lower() in ANSWER_WORDS and listed.group(0).rstrip().endswith(","):
            listed = None  # "Ja, Ola får plass": an answer word, not a list of places
        if self.place_before_re.search(before) or listed:
            return False  # "på Lia", "i Granveien", "Hagevik og Nordstranda": a place
        opening = not before.strip() or bool(re.search(r"[:\-–—•*(«\"]\s*$", before))
        if opening:  # "Vedrørende Deres ...": only a known first name may open a sentence as a name
            return words[0].lower() in self.first_names or words[0].lower().rstrip("s") in self.first_names
        return True

    def _detail(self, text: str, matter: Part, person: Part) -> Detail:
        data = self.data
        m_name, p_name = data.matters[matter.kind].name, data.persons[person.kind].name
        m_text, p_text = text[matter.start : matter.end], text[person.start : person.end]
        return {
            "nb": f"Sensitivt forhold: «{m_text}» ({m_name.nb}); kan identifisere en person: «{p_text}» ({p_name.nb}).",
            "en": f"Sensitive matter: «{m_text}» ({m_name.en}); identifies a person: «{p_text}» ({p_name.en}).",
        }


def _word_gap(text: AnalysedText, a: Part, b: Part) -> int:
    """Words strictly between the two parts."""
    left, right = (a, b) if a.start < b.start else (b, a)
    return sum(1 for t in text.tokens if left.end <= t.start and t.end <= right.start)


def _terms_re(terms: list[str]) -> re.Pattern[str]:
    """Word-list entries as one regex: `word` is the word itself, `stem*` any word starting
    with the stem, `*part*` any word containing it, and a phrase matches its words with any
    spacing."""
    parts = []
    for term in terms:
        prefix, infix = term.endswith("*"), term.startswith("*")
        words = [re.escape(w) for w in term.strip("*").split()]
        body = r"\s+".join(words)
        lead = r"[\wæøåÆØÅ-]*" if infix else ""
        parts.append(lead + body + (r"[\wæøåÆØÅ-]*" if prefix else "") + r"(?![\wæøåÆØÅ])")
    return re.compile(r"(?<![\wæøåÆØÅ])(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _any_re(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)

"""Reports a team reads without a glossary: every word from the catalogue in nb, nn and en,
items named by time and quote (never an id or a code), counts with correct plurals, strengths
told as the moments the team earned them, and citizen text shown but never obeyed."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from drill.app.debrief_data import build_debrief
from drill.events import ItemPosted, OfficialPostPublished, ReplyPosted, TriggerFired
from drill.i18n import LANGUAGES
from drill.scenario.models import DeletionReason, ItemKind
from scoring.report.build import build_report
from scoring.report.html import render_html
from scoring.report.markdown import render_markdown
from scoring.report.model import AfterActionReport

ROOT = Path(__file__).resolve().parents[2]
SCORING = ROOT / "scoring"
CODES = [r.value for r in DeletionReason if "_" in r.value] + [k.value for k in ItemKind if "_" in k.value]


class _Visible(HTMLParser):
    """The text a reader sees (no tags, no <title>/<desc> inside charts, no CSS)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title", "desc"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title", "desc"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.fixture(scope="module")
def gas_reports(gas_runs) -> dict[tuple[str, str], AfterActionReport]:
    return {(team, lang): build_report(run.scenario, run.events, file_name=f"{team}.db", language=lang)
            for team, run in gas_runs.items() for lang in ("nb", "nn", "en")}


def _ids(events) -> set[str]:
    """Every id a drill gives its items, replies, posts and triggers."""
    found: set[str] = set()
    for event in events:
        p = event.payload
        if isinstance(p, ItemPosted):
            found |= {p.item_id, p.source_id}
        elif isinstance(p, ReplyPosted):
            found.add(p.reply_id)
        elif isinstance(p, OfficialPostPublished):
            found.add(p.post_id)
        elif isinstance(p, TriggerFired):
            found.add(p.trigger_id)
    # Ids that read as codes (school-question, sporsmal-0003, r0001); a one-word id such as
    # "censorship" is also an ordinary English word a sentence may use.
    return {i for i in found if i and re.search(r"[-_\d]", i)}


def test_every_key_scoring_uses_exists_in_all_three_languages() -> None:
    literal = re.compile(r"""\b(say|say_n|label)\(\s*(?:ctx\.)?lang(?:uage)?\s*,\s*"([a-z0-9_.]+)"|"""
                         r"""\blabel\(\s*"([a-z0-9_]+)"\s*,""")
    used: set[tuple[str, bool]] = set()
    for path in SCORING.rglob("*.py"):
        for match in literal.finditer(path.read_text(encoding="utf-8")):
            function, key, bare = match.group(1), match.group(2), match.group(3)
            if bare:
                used.add((f"report.{bare}", False))
            elif function == "label":
                used.add((f"report.{key}", False))
            else:
                used.add((key, function == "say_n"))
    # keys built from data: every kind, reason, action and severity the report can name
    used |= {(f"report.kind_{k}", False) for k in ("item", "message", "reply", "post", "hidden", "deleted",
                                                   "restored", "archived", "trigger", "handover", "liked", "note")}
    used |= {(f"report.reason_{r.value}", False) for r in DeletionReason} | {("report.reason_none", False)}
    used |= {(f"report.action_{a}", False) for a in ("hidden", "deleted")}
    used |= {(f"report.severity_{s}", False) for s in ("info", "minor", "major", "critical")}
    used |= {(f"report.who_{w}", False) for w in ("system", "trainer")}
    used |= {(f"findings.moderation.{w}", False) for w in ("deleted", "hidden", "restored")}
    used |= {(f"findings.speed.{k}", False) for k in ("s1_partial_day", "s1_partial_incident")}
    assert len(used) > 150
    for language in ("nb", "nn", "en"):
        strings = LANGUAGES[language]
        missing = [key for key, counted in used
                   if ({f"{key}.one", f"{key}.other"} - strings.keys() if counted else key not in strings)]
        assert missing == [], (language, missing)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_reports_name_items_by_time_and_quote_never_by_id_or_code(gas_runs, gas_reports, lang) -> None:
    for team, run in gas_runs.items():
        report = gas_reports[(team, lang)]
        ids = _ids(run.events)
        for rendered in (visible(render_html(report)), render_markdown(report)):
            shown = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", rendered)}
            assert shown == set(), (team, shown)
            assert [c for c in CODES if c in rendered] == []
        assert "Frø" not in visible(render_html(report)) and "Seed" not in visible(render_html(report))
    html = visible(render_html(gas_reports[("poor", lang)]))
    at = {"nb": "kl. ", "nn": "kl. ", "en": "at "}[lang]
    assert re.search(rf"{at}1\d:\d\d: [«“]", html), "items are named by clock time and a quote"


def test_one_of_one_is_singular(scenario, session) -> None:
    events = (session().item("q1", 0, "Når åpner svømmehallen igjen?", kind="question", needs_reply=True)
              .reply("q1", 3, "Den åpner mandag kl. 07. Hilsen Kari, kommunikasjon").end(60))
    for lang, expected, wrong in (("nb", "1 av 1 henvendelse ", "1 av 1 henvendelser"),
                                  ("nn", "1 av 1 førespurnad ", "1 av 1 førespurnader"),
                                  ("en", "1 of 1 inquiry ", "1 of 1 inquiries")):
        report = build_report(scenario(), events, file_name="x.db", language=lang)
        text = visible(render_html(report)) + render_markdown(report)
        assert expected in text and wrong not in text, lang
    md = render_markdown(build_report(scenario(), events, file_name="x.db", language="nb"))
    assert re.search(r"\(\d+ hendelser, ", md) and "1 dialoger" not in md


def test_strengths_tell_what_the_team_did_and_when(gas_reports) -> None:
    for lang, pattern in (("nb", r"^Kl\. \d\d:\d\d (svarte|rettet|fjernet|skjulte|merket|kom|publiserte|skrev|"
                                 r"takket|overleverte) "),
                          ("nn", r"^Kl\. \d\d:\d\d (svara|retta|fjerna|skjulte|merkte|kom|publiserte|skreiv|takka|"
                                 r"overleverte) "),
                          ("en", r"^At \d\d:\d\d ")):
        report = gas_reports[("good", lang)]
        assert report.strengths and report.did
        assert set(report.did) <= {f.rule for f in report.strengths}
        moments = [m for sentences in report.did.values() for m in sentences]
        assert all(re.match(pattern, m) for m in moments), (lang, moments)
        assert len(moments) == len(set(moments)), "a moment is told under one strength only"
        html = render_html(report)
        assert all(m.replace("«", "").replace("»", "")[:30] in html.replace("«", "").replace("»", "")
                   for m in moments[:3])
    # The moment names the item and the clock time the team acted, from the drill itself.
    nb = gas_reports[("good", "nb")].did
    assert any("«" in m and "etter" in m for sentences in nb.values() for m in sentences)


def test_nynorsk_report_has_no_bokmal_labels(gas_reports) -> None:
    html = render_html(gas_reports[("good", "nn")])
    assert '<html lang="nn">' in html and "Samandrag" in html and "Styrkar" in html
    nb, nn = LANGUAGES["nb"], LANGUAGES["nn"]
    bokmal_only = [nb[k] for k in nb if k.startswith(("report.", "findings.")) and nb[k] != nn[k]
                   and len(nb[k]) > 12 and "{" not in nb[k]]
    assert [text for text in bokmal_only if text in html] == []


def test_markdown_shows_html_and_links_from_citizens_as_text(scenario, session) -> None:
    hostile = "Se her <script>alert(1)</script> [klikk her](https://x.example) \x1b[2J **nå**"
    events = (session().item("q1", 0, hostile, kind="question", needs_reply=True).end(60))
    md = render_markdown(build_report(scenario(), events, file_name="x.db"))
    assert "<script>" not in md and "\\<script\\>" in md
    assert "[klikk her](" not in md and "\\[klikk her\\]" in md
    assert "\x1b" not in md and "\\*\\*nå\\*\\*" in md


def test_debrief_strengths_tell_the_moments(gas_runs) -> None:
    run = gas_runs["good"]
    debrief = build_debrief(run.scenario, run.events, "nb")
    assert debrief.score is not None
    top = {f.rule for f in debrief.score.strengths(3)}
    assert top & set(debrief.did), "the debrief's strengths come with what the team did"
    assert all(m.startswith("Kl. ") for rule in top & set(debrief.did) for m in debrief.did[rule])


def test_debrief_screen_lists_what_the_team_did(gas_runs) -> None:
    """The terminal debrief (headless, through Textual's pilot) shows the moments under Styrker."""
    import asyncio

    from textual.app import App

    from drill.app.screens.debrief import DebriefScreen
    from drill.i18n import use_language

    run = gas_runs["good"]
    use_language("nb")
    debrief = build_debrief(run.scenario, run.events, "nb")
    screen = DebriefScreen(debrief, title=run.scenario.title, end_reason="time_up", session=None)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    async def shown_text() -> str:
        async with Host().run_test(size=(140, 60)) as pilot:
            await pilot.pause()
            return screen.text

    text = asyncio.run(shown_text())
    shown = [m for rule in (f.rule for f in debrief.score.strengths(3)) for m in debrief.did.get(rule, [])]
    assert shown and all(m[:40] in text.replace("\n", " ") or m[:20] in text for m in shown)
    assert "Styrker" in text and "Regel " not in text
    assert not re.search(r"\b[A-Z]\d\b", text), "rules are named by what they ask, never by a code"
    assert not re.search(r"«(r|p)\d{3,4}»", text), "what spread is quoted, never a reply's or post's id"
    codes = {i for i in _ids(run.events)}
    assert [c for c in codes if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)] == []


def test_a_handover_is_told_as_the_moment_behind_one_person_on_duty(scenario, session) -> None:
    from scoring import score
    from scoring.context import ScoringContext
    from scoring.report.moments import moments_for

    sign = "Hilsen Kari, kommunikasjon"
    events = (session().item("q1", 0, "Når går bussen igjen?", needs_reply=True)
              .reply("q1", 3, f"Bussen går igjen fra kl. 12. {sign}")
              .handover(20, "Ola, kommunikasjon")
              .item("q2", 25, "Er skolen åpen i morgen?", needs_reply=True)
              .reply("q2", 27, "Ja, skolen er åpen som vanlig. Hilsen Ola, kommunikasjon").end(60))
    c2 = next(f for f in score(scenario(), events).findings if f.rule == "C2")
    giver = next(e.payload.from_member for e in events if e.type == "duty_handed_over")
    did = moments_for(ScoringContext(scenario(), events, "nn"), [c2])
    assert did == {"C2": [f"Kl. 10:20 overleverte {giver} vakta til Ola, kommunikasjon."]}

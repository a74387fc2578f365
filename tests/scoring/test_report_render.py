"""After-action reports: HTML that parses and carries its charts, Markdown and JSON, the
committed JSON Schema, comparisons, and the reach chart only when reach was recorded."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from drill.state import DrillState
from scoring.report.build import build_report
from scoring.report.html import render_html
from scoring.report.json import report_schema_text
from scoring.report.markdown import render_markdown
from scoring.report.model import AfterActionReport

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "report-schema.json"
SVG_NS = "{http://www.w3.org/2000/svg}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.void = {"meta", "br", "img", "input", "link", "hr", "circle", "path", "line", "rect", "polyline"}
        self.unclosed: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.void:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag in self.void:
            return
        if not self.stack or self.stack[-1] != tag:
            self.unclosed.append(tag)
        else:
            self.stack.pop()


@pytest.fixture(scope="module")
def reports(gas_runs):
    good, poor = gas_runs["good"], gas_runs["poor"]
    return {
        "good": build_report(good.scenario, good.events, file_name="good.db",
                             other=("poor.db", poor.scenario, poor.events)),
        "poor": build_report(poor.scenario, poor.events, file_name="poor.db"),
        "poor_en": build_report(poor.scenario, poor.events, file_name="poor.db", language="en"),
    }


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(block) for block in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]


def test_html_is_well_formed_self_contained_and_has_charts(reports):
    html = render_html(reports["poor"])
    parser = _Collector()
    parser.feed(html)
    assert parser.unclosed == [] and parser.stack == []
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert not re.search(r"""(src|href)=["']https?://""", html)
    charts = _svgs(html)
    titles = [svg.find(f"{SVG_NS}title").text for svg in charts]
    assert titles[:3] == ["Poeng per område (0–100)", "Tid til første svar mot målet",
                          "Kommentarer og svar per 5 minutter"]
    # the reach chart comes only with a spread model's reach data
    assert titles[3:] == ["Ryktenes rekkevidde og rettelsen"] * len(reports["poor"].reach)
    assert all(svg.get("role") == "img" and svg.find(f"{SVG_NS}desc").text for svg in charts)
    assert "@media print" in html and '<html lang="nb">' in html


def test_html_quotes_every_wrongful_and_missed_removal(reports, gas_runs):
    report = reports["poor"]
    html = render_html(report)
    wrongful = {r.item.id for r in report.removals_to_review if r.outcome == "wrongful"}
    missed = {r.item.id for r in report.removals_to_review if r.outcome == "missed"}
    # The ground truth, straight from the log: removed though not justified; justified but left standing.
    state = DrillState.from_events(gas_runs["poor"].events)
    removed = {i.item_id for i in state.items.values() if i.visibility != "visible"}
    justified = {i.item_id for i in state.items.values() if i.is_comment and i.labels.deletion_justified}
    assert wrongful == removed - justified and len(wrongful) == 8
    assert missed == justified - removed and len(missed) > 10
    for row in report.removals_to_review:
        assert f"<q>{row.item.quote}</q>" in html.replace("&quot;", '"').replace("&#x27;", "'")


def test_findings_carry_honest_sources_and_no_rule_codes(reports):
    html = render_html(reports["poor"])
    for rule, source in (("M2", "KS s. 15"), ("K5", "Kommunale kriseplaner"), ("K3", "GP"), ("P3", "KOMMUNE: Hå")):
        assert any(f.rule == rule for f in reports["poor"].score.findings)
        assert f"Kilde: {source}" in html
        assert f"Regel {rule}" not in html and f">{rule}<" not in html
    assert "KS s. 28" not in html  # nothing may be attributed to the pages missing from the transcript


def test_timeline_uses_clock_times_and_flags_wrongful_deletions(reports):
    timeline = reports["poor"].timeline
    first = timeline[0]
    assert first.at == "10:55" and first.item_id == "first-alarm" and first.kind == "item"
    deletion = next(e for e in timeline if e.kind == "deleted" and e.item_id == "silence-complaint")
    assert deletion.at == "11:17" and deletion.flag == "wrongful"
    # A trigger is shown by the comment it posted, never by its id.
    trigger = next(e for e in timeline if e.kind == "trigger")
    assert trigger.text.startswith("«") and "censorship" not in trigger.text and trigger.who_label == "Scenariet"
    assert any(e.kind == "post" and e.at == "11:33" for e in timeline)


def test_volume_series_adds_up(reports, gas_runs):
    report = reports["poor"]
    comments = sum(1 for e in gas_runs["poor"].events
                   if e.type == "item_posted" and e.payload.channel == "comment")
    assert sum(b.comments for b in report.volume) == comments
    assert [b.at for b in report.volume[:3]] == ["10:55", "11:00", "11:05"]


def test_english_report(reports):
    report = reports["poor_en"]
    html = render_html(report)
    md = render_markdown(report)
    assert '<html lang="en">' in html and "Areas for improvement" in html and "Corrective actions" in html
    assert md.startswith("# After-action report: Gasslukt på Torget")
    assert "(Source: KS p.15)" in md


def test_markdown_has_the_sections(reports):
    md = render_markdown(reports["good"])
    for heading in ("## Sammendrag", "## Sammenligning med en annen økt", "## Styrker", "## Forbedringsområder",
                    "## Tiltak", "## Sletting og skjuling som bør gjennomgås", "## Alle funn per område",
                    "## Tidslinje"):
        assert heading in md
    assert "| Svartid | 100 | " in md or "| Svartid | 99 | " in md


def test_comparison_shows_progress(reports):
    comparison = reports["good"].comparison
    assert comparison is not None and comparison.other_file == "poor.db"
    assert all(row.change is not None and row.change > 0 for row in comparison.rows)
    resolved = {r.rule for r in comparison.resolved}
    assert {"M2", "K5", "A1", "P3"} <= resolved  # what the good team no longer does wrong
    assert comparison.new == [] or all(r.rule not in resolved for r in comparison.new)
    html = render_html(reports["good"])
    assert "Sammenligning med en annen økt" in html and 'class="chg-up"' in html
    assert "Rettet siden den andre økten" in html


def test_json_round_trips(reports):
    text = reports["poor"].model_dump_json()
    again = AfterActionReport.model_validate_json(text)
    assert again == reports["poor"]
    data = json.loads(text)
    assert data["format"] == "drill-after-action-report" and data["format_version"] == 1


def test_committed_schema_matches_the_model():
    assert SCHEMA.read_text(encoding="utf-8") == report_schema_text(), (
        "docs/report-schema.json is out of date: regenerate it with "
        "python -c 'from scoring.report.json import report_schema_text; print(report_schema_text(), end=\"\")' "
        "> docs/report-schema.json"
    )


def test_reach_chart_only_when_reach_was_recorded(scenario, session, reports):
    assert reports["poor"].reach == [] or all(r.points or r.without_correction for r in reports["poor"].reach)
    sign = "Hilsen Kari, kommunikasjon"
    events = (session()
              .item("bomb", 2, "Det er en bombe!", kind="rumour", spreads=True)
              .reach("bomb", 5, 800).reach("bomb", 9, 2100)
              .reply("bomb", 9, f"Det stemmer ikke; politiet bekrefter gasslekkasje. {sign}", corrects=["bomb"])
              .reach("bomb", 30, 2600).reach("r0001", 30, 3500)
              .counterfactual("bomb", 60, actual=2600, without=6700, corrected_minute=9, earlier_by_min=5,
                              with_earlier=1400, without_curve=[(2, 0), (9, 2100), (30, 5900), (60, 6700)],
                              earlier_curve=[(2, 0), (4, 700), (30, 1400), (60, 1400)])
              .end(60))
    report = build_report(scenario(), events, file_name="x.db")
    (series,) = report.reach
    assert [p.reached for p in series.points] == [800, 2100, 2600]
    assert series.correction_id == "r0001" and [p.reached for p in series.correction_points] == [3500]
    assert [p.reached for p in series.without_points] == [0, 2100, 5900, 6700]
    assert [p.reached for p in series.earlier_points] == [0, 700, 1400, 1400]
    html = render_html(report)
    charts = _svgs(html)
    titles = [svg.find(f"{SVG_NS}title").text for svg in charts]
    assert "Ryktenes rekkevidde og rettelsen" in titles
    reach_svg = charts[titles.index("Ryktenes rekkevidde og rettelsen")]
    # Three time series on one axis (what happened, without, earlier) and the gap shaded between
    # "without" and what happened; no flat counterfactual level lines.
    lines = reach_svg.findall(f"{SVG_NS}polyline")
    assert len(lines) == 3 and all(len(line.get("points").split()) >= 4 for line in lines)
    assert len(reach_svg.findall(f"{SVG_NS}polygon")) == 1
    assert "uten rettelse" in html and "rettelse 5 min tidligere" in html
    assert "Rettelsen kl. 10:09 holdt ryktet «Det er en bombe!» unna omtrent 4\u00a0100 personer." in html
    no_reach = [e for e in events if e.type not in ("reach_updated", "counterfactual_reach")]
    without = build_report(scenario(), no_reach, file_name="x.db")
    assert without.reach == []
    assert "Ryktenes rekkevidde" not in render_html(without)


def test_observer_notes_appear_in_the_timeline(scenario, session):
    from drill.events import ObserverNote

    builder = session().item("q1", 0, "Hva skjer?")
    builder._add(120.0, "trainer", ObserverNote(text="Teamet diskuterte lenge hvem som skulle svare.", item_id="q1"))
    report = build_report(scenario(), builder.end(30), file_name="x.db")
    note = next(e for e in report.timeline if e.kind == "note")
    assert note.at == "10:02" and note.who == "trainer" and note.who_label == "Øvingsleder" and note.item_id == "q1"
    assert "Observatørnotat" in render_html(report)


def test_write_html_report_for_the_debrief(gas_runs, tmp_path):
    from scoring.report import write_html_report

    written = write_html_report(gas_runs["good"].path, tmp_path / "out" / "good.html")
    assert written == tmp_path / "out" / "good.html"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_rumour_never_corrected_is_measured_against_a_correction_at_the_target(scenario, session):
    events = (session()
              .item("bomb", 2, "Det er en bombe!", kind="rumour", spreads=True)
              .reach("bomb", 30, 6700)
              .counterfactual("bomb", 60, actual=6700, without=6700, corrected_minute=None, earlier_by_min=20,
                              with_earlier=2200)
              .end(60))
    html = render_html(build_report(scenario(), events, file_name="x.db"))
    assert "ble aldri rettet og nådde 6\u00a0700 personer." in html
    assert "En rettelse 20 min etter at ryktet dukket opp, ville ha holdt omtrent 4\u00a0500 av dem unna." in html
    assert "tidligere ville ha spart" not in html

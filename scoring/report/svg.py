"""Inline SVG charts drawn by hand: no JavaScript, no network, printable.

Colours come from the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies) and every series also differs in shape or dash, so the charts still read in
greyscale print. Each chart has a <title> and <desc> for screen readers.
"""

from __future__ import annotations

from drill.terminal_text import html_text

from scoring.models import DimensionScore, ResponseTime
from scoring.report.catalogue import label
from scoring.report.model import ReachPoint, ReachSeries, VolumeBucket

BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
GREEN = "#009E73"
SKY = "#56B4E9"
GREY = "#6b6b6b"
INK = "#1a1a1a"
GRID = "#d9d9d9"
FONT = ("font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif, "
        "'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji'\"")


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
            f'role="img" {FONT} font-size="12">'
            f"<title>{html_text(title)}</title><desc>{html_text(desc)}</desc>" + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12, fill: str = INK,
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" '
            f'font-weight="{weight}">{html_text(text)}</text>')


def nice_ticks(peak: float, count: int = 4) -> tuple[float, list[float]]:
    """A round axis maximum at or above `peak` and evenly spaced round ticks up to it."""
    peak = max(peak, 1.0)
    raw = peak / count
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1.0
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    top = step * count
    while top - step >= peak:
        top -= step
    ticks = []
    value = 0.0
    while value <= top + 1e-9:
        ticks.append(value)
        value += step
    return top, ticks


def _tick_label(value: float, lang: str = "nb") -> str:
    if value >= 1000:
        text = f"{value:,.0f}"
        return text if lang == "en" else text.replace(",", "\u2009")
    return f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")


def _score_colour(score: float) -> str:
    if score >= 70:
        return BLUE
    if score >= 40:
        return ORANGE
    return VERMILION


def scores_chart(dimensions: list[DimensionScore], lang: str) -> str:
    """Horizontal bars, one per dimension, with the value printed at the end of each bar."""
    left, right, row, top = 200, 60, 30, 10
    width = 720
    height = top + row * len(dimensions) + 30
    plot = width - left - right
    body = []
    for tick in range(0, 101, 25):
        x = left + plot * tick / 100
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 24}" stroke="{GRID}"/>')
        body.append(_text(x, height - 8, str(tick), "middle", 11, GREY))
    for i, d in enumerate(dimensions):
        y = top + i * row
        body.append(_text(left - 10, y + 19, d.label, "end"))
        if d.score is None:
            body.append(_text(left + 6, y + 19, label("not_scored", lang), fill=GREY))
            continue
        w = max(1.0, plot * d.score / 100)
        body.append(f'<rect x="{left}" y="{y + 5}" width="{w:.1f}" height="{row - 10}" rx="2" '
                    f'fill="{_score_colour(d.score)}"/>')
        body.append(_text(left + w + 6, y + 19, f"{d.score:.0f}", weight="bold"))
    desc = "; ".join(f"{d.label}: {'–' if d.score is None else f'{d.score:.0f}'}" for d in dimensions)
    return _svg(width, height, label("chart_scores", lang), desc, body)


def response_chart(rows: list[ResponseTime], end_s: float, clock: list[tuple[float, str]], lang: str) -> str | None:
    """Each inquiry as a mark: x = when it came, y = minutes to the first response.

    Circles are within the target, triangles late, crosses never answered (drawn at the top).
    The dashed line is the target.
    """
    if not rows:
        return None
    target_min = rows[0].target / 60
    answered = [r.responded_after / 60 for r in rows if r.responded_after is not None]
    y_max, y_ticks = nice_ticks(max([target_min * 1.5, *answered]) * 1.05)
    left, right, top, bottom = 50, 20, 46, 40
    width, height = 720, 316
    pw, ph = width - left - right, height - top - bottom
    span = max(end_s, 1.0)

    def px(t: float) -> float:
        return left + pw * t / span

    def py(minutes: float) -> float:
        return top + ph * (1 - min(minutes, y_max) / y_max)

    body = [f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="{GRID}"/>']
    for value in y_ticks:
        body.append(f'<line x1="{left}" y1="{py(value):.1f}" x2="{left + pw}" y2="{py(value):.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 6, py(value) + 4, _tick_label(value, lang), "end", 11, GREY))
    for t, text in clock:
        body.append(_text(px(t), height - bottom + 16, text, "middle", 11, GREY))
    body.append(_text(4, 12, label("minutes", lang), size=11, fill=GREY))
    strip = top - 14  # never-answered inquiries sit in a strip above the plot, not on its scale
    if any(r.responded_after is None for r in rows):
        body.append(_text(left - 6, strip + 4, label("legend_never_short", lang), "end", 11, VERMILION))
    body.append(f'<line x1="{left}" y1="{py(target_min):.1f}" x2="{left + pw}" y2="{py(target_min):.1f}" '
                f'stroke="{INK}" stroke-dasharray="6 4" stroke-width="1.5"/>')
    for r in rows:
        x = px(r.t)
        if r.responded_after is None:
            y = strip
            body.append(f'<path d="M{x - 4:.1f},{y - 4:.1f}L{x + 4:.1f},{y + 4:.1f}M{x - 4:.1f},{y + 4:.1f}'
                        f'L{x + 4:.1f},{y - 4:.1f}" stroke="{VERMILION}" stroke-width="2"/>')
        elif r.within_target:
            body.append(f'<circle cx="{x:.1f}" cy="{py(r.responded_after / 60):.1f}" r="3.5" fill="{BLUE}" '
                        f'fill-opacity="0.8"/>')
        else:
            late_y = py(r.responded_after / 60)
            body.append(f'<path d="M{x:.1f},{late_y - 5:.1f}L{x + 5:.1f},{late_y + 4:.1f}L{x - 5:.1f},{late_y + 4:.1f}Z" '
                        f'fill="{ORANGE}"/>')
    body.append(_legend(width - 470, height - 8, [
        ("circle", BLUE, label("legend_within", lang)), ("triangle", ORANGE, label("legend_late", lang)),
        ("cross", VERMILION, label("legend_never", lang)), ("dash", INK, label("legend_target", lang))]))
    within = sum(1 for r in rows if r.within_target)
    never = sum(1 for r in rows if r.responded_after is None)
    desc = (f"{within}/{len(rows)} {label('legend_within', lang)}; {never} {label('legend_never', lang)}; "
            f"{label('legend_target', lang)} {target_min:.0f} min")
    return _svg(width, height + 14, label("chart_response", lang), desc, body)


def _legend(x: float, y: float, entries: list[tuple[str, str, str]], right_edge: float = 710) -> str:
    """Legend entries left to right, wrapping onto a new row 18 px lower at `right_edge`."""
    parts = []
    x0 = x
    for shape, colour, text in entries:
        if x > x0 and x + 24 + 7.2 * len(text) > right_edge:
            x, y = x0, y + 18
        if shape == "circle":
            parts.append(f'<circle cx="{x + 5:.1f}" cy="{y + 8:.1f}" r="4" fill="{colour}"/>')
        elif shape == "triangle":
            parts.append(f'<path d="M{x + 5:.1f},{y + 3:.1f}L{x + 10:.1f},{y + 12:.1f}L{x:.1f},{y + 12:.1f}Z" '
                         f'fill="{colour}"/>')
        elif shape == "cross":
            parts.append(f'<path d="M{x + 1:.1f},{y + 4:.1f}L{x + 9:.1f},{y + 12:.1f}M{x + 1:.1f},{y + 12:.1f}'
                         f'L{x + 9:.1f},{y + 4:.1f}" stroke="{colour}" stroke-width="2"/>')
        elif shape == "dash":
            parts.append(f'<line x1="{x:.1f}" y1="{y + 8:.1f}" x2="{x + 14:.1f}" y2="{y + 8:.1f}" stroke="{colour}" '
                         f'stroke-dasharray="4 3" stroke-width="1.5"/>')
        elif shape == "dot":
            parts.append(f'<line x1="{x:.1f}" y1="{y + 8:.1f}" x2="{x + 14:.1f}" y2="{y + 8:.1f}" stroke="{colour}" '
                         f'stroke-dasharray="2 3" stroke-width="2"/>')
        elif shape == "longdash":
            parts.append(f'<line x1="{x:.1f}" y1="{y + 8:.1f}" x2="{x + 14:.1f}" y2="{y + 8:.1f}" stroke="{colour}" '
                         f'stroke-dasharray="6 1" stroke-width="2.5"/>')
        elif shape == "bar":
            parts.append(f'<line x1="{x + 5:.1f}" y1="{y + 1:.1f}" x2="{x + 5:.1f}" y2="{y + 15:.1f}" stroke="{colour}" '
                         f'stroke-width="1.5"/>')
        elif shape == "line":
            parts.append(f'<line x1="{x:.1f}" y1="{y + 8:.1f}" x2="{x + 14:.1f}" y2="{y + 8:.1f}" stroke="{colour}" '
                         f'stroke-width="2.5"/>')
        else:
            parts.append(f'<rect x="{x:.1f}" y="{y + 3:.1f}" width="10" height="10" fill="{colour}"/>')
        parts.append(_text(x + 18, y + 12, text, size=11))
        x += 34 + 7.2 * len(text)
    return "".join(parts)


def volume_chart(buckets: list[VolumeBucket], lang: str) -> str | None:
    """Comments per 5 minutes as bars, the team's public replies as a line over them."""
    if not buckets or not any(b.comments or b.replies for b in buckets):
        return None
    left, right, top, bottom = 50, 20, 30, 46
    width, height = 720, 280
    pw, ph = width - left - right, height - top - bottom
    peak = max(max(b.comments, b.replies) for b in buckets) or 1
    y_max, y_ticks = nice_ticks(peak)
    step = pw / len(buckets)

    def py(v: float) -> float:
        return top + ph * (1 - v / y_max)

    body = [f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="{GRID}"/>']
    for value in y_ticks:
        body.append(f'<line x1="{left}" y1="{py(value):.1f}" x2="{left + pw}" y2="{py(value):.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 6, py(value) + 4, _tick_label(value, lang), "end", 11, GREY))
    label_every = max(1, len(buckets) // 8)
    for i, b in enumerate(buckets):
        x = left + i * step
        body.append(f'<rect x="{x + step * 0.12:.1f}" y="{py(b.comments):.1f}" width="{step * 0.76:.1f}" '
                    f'height="{top + ph - py(b.comments):.1f}" fill="{SKY}"/>')
        if i % label_every == 0:
            body.append(_text(x + step / 2, height - bottom + 16, b.at, "middle", 11, GREY))
    points = " ".join(f"{left + (i + 0.5) * step:.1f},{py(b.replies):.1f}" for i, b in enumerate(buckets))
    body.append(f'<polyline points="{points}" fill="none" stroke="{VERMILION}" stroke-width="2.5"/>')
    for i, b in enumerate(buckets):
        body.append(f'<circle cx="{left + (i + 0.5) * step:.1f}" cy="{py(b.replies):.1f}" r="2.5" fill="{VERMILION}"/>')
    body.append(_legend(left, height - 18, [("rect", SKY, label("legend_comments", lang)),
                                            ("line", VERMILION, label("legend_replies", lang))]))
    total_c = sum(b.comments for b in buckets)
    total_r = sum(b.replies for b in buckets)
    desc = f"{total_c} {label('legend_comments', lang)}, {total_r} {label('legend_replies', lang)}"
    return _svg(width, height, label("chart_volume", lang), desc, body)


def reach_chart(series: list[ReachSeries], end_s: float, clock: list[tuple[float, str]], lang: str) -> str | None:
    """Per rumour, three runs of the same spread model on one time axis: what happened (solid),
    without the correction (dashed) and with it earlier (dotted). The area between "without" and
    what happened is shaded: that gap is the people the correction kept from the rumour.

    Vertical marks show when the correction came and when the earlier one would have. The
    correction's own reach is a different quantity (people who saw the correction), so it is
    not drawn on this axis. Sessions recorded before the runs kept their curves show the
    counterfactual totals as marks at the end of the axis instead.
    """
    if not series:
        return None
    charts = []
    for s in series:
        charts.append(_reach_one(s, end_s, clock, lang))
    return "".join(charts)


def _polyline(points: list[tuple[float, float]], colour: str, width: float, dash: str = "") -> str:
    dashing = f' stroke-dasharray="{dash}"' if dash else ""
    return ('<polyline points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) +
            f'" fill="none" stroke="{colour}" stroke-width="{width}" stroke-linejoin="round"{dashing}/>')


def _reach_one(s: ReachSeries, end_s: float, clock: list[tuple[float, str]], lang: str) -> str:
    counterfactual = [v for v in (s.without_correction, s.with_earlier_correction) if v]
    levels = [s.reached] + [p.reached for p in s.points + s.without_points + s.earlier_points] + counterfactual
    top_value, y_ticks = nice_ticks(max(levels + [1]) * 1.08)
    left, right, top, bottom = 64, 78, 52, 72
    width, height = 720, 318
    pw, ph = width - left - right, height - top - bottom
    span = max(end_s, 1.0)

    def px(t: float) -> float:
        return left + pw * min(max(t, 0.0), span) / span

    def py(v: float) -> float:
        return top + ph * (1 - v / top_value)

    def curve(points: list[ReachPoint]) -> list[tuple[float, float]]:
        start = [(px(s.t), py(0))] if not points or points[0].t > s.t else []
        return start + [(px(p.t), py(p.reached)) for p in points]

    title = f"«{s.quote}»" if lang != "en" else f"“{s.quote}”"
    body = [_text(left, 18, title, size=12, weight="bold"),
            f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="{GRID}"/>']
    for value in y_ticks:
        body.append(f'<line x1="{left}" y1="{py(value):.1f}" x2="{left + pw}" y2="{py(value):.1f}" '
                    f'stroke="{GRID}"/>')
        body.append(_text(left - 6, py(value) + 4, _tick_label(value, lang), "end", 11, GREY))
    for t, text in clock:
        body.append(_text(px(t), top + ph + 16, text, "middle", 11, GREY))
    # Reach is logged when it changes; after the last change it stays level to the end.
    actual = curve(s.points) + [(px(span), py(s.points[-1].reached))] if s.points else \
        [(px(s.t), py(0)), (px(span), py(s.reached))]
    never = s.corrected_at is None
    # Never corrected: what happened *was* the run without a correction, drawn once.
    without = curve(s.without_points) if s.without_points and not never else []
    earlier = curve(s.earlier_points) if s.earlier_points else []
    # The gap the eye should see: what the correction saved (from "without" forwards, then what
    # happened backwards) or, never corrected, what a correction would have saved.
    upper, lower, shade = (without, actual, VERMILION) if without else (actual, earlier, ORANGE)
    if upper and lower:
        gap = upper + list(reversed(lower))
        body.append('<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in gap) +
                    f'" fill="{shade}" fill-opacity="0.12" stroke="none"/>')
    if without:
        body.append(_polyline(without, VERMILION, 2, "7 4"))
    if earlier:
        body.append(_polyline(earlier, ORANGE, 2.5, "2 3"))
    body.append(_polyline(actual, BLUE, 2.5))
    if s.corrected_at is not None:
        x = px(s.corrected_at)
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="{INK}" stroke-width="1.5"/>')
        body.append(_text(x + 4, top + 12, label("legend_correction", lang), size=11))
    if s.earlier_by and earlier:
        x = px(s.t + s.earlier_by if never else max(s.t, (s.corrected_at or 0.0) - s.earlier_by))
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="{ORANGE}" '
                    f'stroke-width="1.5" stroke-dasharray="2 3"/>')
    # End values at the right edge, so the numbers behind the gap can be read off.
    ends = [(s.reached, BLUE)]
    if s.without_correction and not never:
        ends.append((s.without_correction, VERMILION))
        if not without:
            body.append(f'<circle cx="{left + pw:.1f}" cy="{py(s.without_correction):.1f}" r="4" fill="{VERMILION}"/>')
    if s.with_earlier_correction:
        ends.append((s.with_earlier_correction, ORANGE))
        if not earlier:
            body.append(f'<circle cx="{left + pw:.1f}" cy="{py(s.with_earlier_correction):.1f}" r="4" '
                        f'fill="{ORANGE}"/>')
    placed: list[float] = []
    for value, colour in sorted(ends, key=lambda e: -e[0]):
        y = py(value) + 4
        while any(abs(y - other) < 13 for other in placed):
            y += 13
        placed.append(y)
        body.append(_text(left + pw + 6, y, _tick_label(value, lang) if value >= 1000 else str(value), size=11,
                          fill=colour, weight="bold"))
    body.append(_text(left, top - 8, label("people_reached", lang), size=11, fill=GREY))
    entries = [("line", BLUE, label("legend_actual_never" if never else "legend_actual", lang))]
    if s.without_correction and not never:
        entries.append(("dash", VERMILION, label("legend_without", lang)))
    if s.with_earlier_correction:
        minutes = f"{(s.earlier_by or 0) / 60:.0f}"
        key = "legend_hypothetical" if never else "legend_earlier"
        entries.append(("dot", ORANGE, label(key, lang, minutes=minutes)))
    if s.corrected_at is not None:
        entries.append(("bar", INK, label("legend_correction", lang)))
    body.append(_legend(left, height - 44, entries))
    desc = s.sentence or s.quote
    return _svg(width, height, label("chart_reach", lang), desc, body)

"""The history's charts as inline SVG, drawn with the report's own SVG helpers and palette.

A trend is a line over the drills in date order (0–100); the spread of an exercise is a strip
per dimension with one dot per team, the range as a line and the median as a tick. Every
chart has a <title> and a <desc> that says in words what it shows.
"""

from __future__ import annotations

from scoring.report import svg

Point = tuple[str, float | None]


def trend_chart(points: list[Point], title: str, desc: str, *, width: int = 720, height: int = 220,
                small: bool = False) -> str:
    """One line over the drills, oldest left; a drill that did not score the dimension leaves a gap."""
    left, right, top, bottom = (34, 12, 24, 26) if small else (44, 20, 16, 40)
    pw, ph = width - left - right, height - top - bottom
    step = pw / max(len(points) - 1, 1)

    def px(i: int) -> float:
        return left + (i * step if len(points) > 1 else pw / 2)

    def py(v: float) -> float:
        return top + ph * (1 - v / 100)

    size = 10 if small else 11
    body = []
    if small:
        body.append(svg._text(left, 14, title, size=12, weight="bold"))
    for tick in ((0, 50, 100) if small else (0, 25, 50, 75, 100)):
        body.append(f'<line x1="{left}" y1="{py(tick):.1f}" x2="{left + pw}" y2="{py(tick):.1f}" stroke="{svg.GRID}"/>')
        body.append(svg._text(left - 6, py(tick) + 4, str(tick), "end", size, svg.GREY))
    label_every = max(1, len(points) // (4 if small else 8))
    for i, (label, _) in enumerate(points):
        if i % label_every == 0 or i == len(points) - 1:
            body.append(svg._text(px(i), height - bottom + 16, label, "middle", size, svg.GREY))
    runs: list[list[tuple[float, float]]] = [[]]
    for i, (_, value) in enumerate(points):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((px(i), py(value)))
    stroke = 2 if small else 2.5
    for run in runs:
        if len(run) > 1:
            body.append('<polyline points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in run) +
                        f'" fill="none" stroke="{svg.BLUE}" stroke-width="{stroke}"/>')
    for i, (_, value) in enumerate(points):
        if value is not None:
            body.append(f'<circle cx="{px(i):.1f}" cy="{py(value):.1f}" r="{3 if small else 4}" fill="{svg.BLUE}"/>')
    last = next(((i, v) for i, (_, v) in reversed(list(enumerate(points))) if v is not None), None)
    if last is not None and not small:
        body.append(svg._text(px(last[0]) - 6, py(last[1]) - 8, f"{last[1]:.0f}", "end", 12, svg.INK, "bold"))
    return svg._svg(width, height, title, desc, body)


def strip_chart(rows: list[tuple[str, list[float], float | None]], title: str, desc: str,
                team_word: str, median_word: str) -> str:
    """Per dimension: every team's score as a dot, the range as a line, the median as a tick."""
    left, right, row, top = 180, 30, 30, 10
    width = 720
    height = top + row * len(rows) + 46
    pw = width - left - right

    def px(v: float) -> float:
        return left + pw * v / 100

    body = []
    for tick in range(0, 101, 25):
        body.append(f'<line x1="{px(tick):.1f}" y1="{top}" x2="{px(tick):.1f}" y2="{top + row * len(rows)}" '
                    f'stroke="{svg.GRID}"/>')
        body.append(svg._text(px(tick), top + row * len(rows) + 16, str(tick), "middle", 11, svg.GREY))
    for i, (label, values, median) in enumerate(rows):
        y = top + i * row + row / 2
        body.append(svg._text(left - 10, y + 4, label, "end"))
        if not values:
            continue
        body.append(f'<line x1="{px(values[0]):.1f}" y1="{y:.1f}" x2="{px(values[-1]):.1f}" y2="{y:.1f}" '
                    f'stroke="{svg.GREY}" stroke-width="1.5"/>')
        for value in values:
            body.append(f'<circle cx="{px(value):.1f}" cy="{y:.1f}" r="5" fill="{svg.BLUE}" fill-opacity="0.55"/>')
        if median is not None:
            body.append(f'<line x1="{px(median):.1f}" y1="{y - 10:.1f}" x2="{px(median):.1f}" y2="{y + 10:.1f}" '
                        f'stroke="{svg.VERMILION}" stroke-width="3"/>')
    body.append(svg._legend(left, height - 22, [("circle", svg.BLUE, team_word), ("line", svg.VERMILION, median_word)]))
    return svg._svg(width, height, title, desc, body)

"""A stream's rate curve: comments per minute at an instant, and how many to expect in a window.

The engine draws arrivals from the same curve that validation, lint and the preview use to
predict volumes, so the numbers a trainer checks are the numbers the drill produces.
"""

from __future__ import annotations

from drill.scenario.models import Stream


def rate_per_minute(stream: Stream, t: float) -> float:
    """The stream's curve at simulated time t (comments per minute)."""
    if not stream.from_ <= t <= stream.to:
        return 0.0
    rate = stream.rate
    if rate.per_minute is not None:
        return rate.per_minute
    peak = rate.peak_per_minute or 0.0
    peak_at = rate.peak_at if rate.peak_at is not None else stream.from_
    base = rate.base_per_minute
    if t <= peak_at:
        span = peak_at - stream.from_
        return peak if span <= 0 else base + (peak - base) * (t - stream.from_) / span
    span = stream.to - peak_at
    return peak if span <= 0 else peak + (base - peak) * (t - peak_at) / span


def expected_between(stream: Stream, start: float, end: float) -> float:
    """Expected comments from the rate curve between two simulated times (without driven_by).

    The curve is piecewise linear, so the trapezoid rule over its corners is exact.
    """
    lo, hi = max(start, stream.from_), min(end, stream.to)
    if hi <= lo:
        return 0.0
    corners = {lo, hi}
    if stream.rate.peak_at is not None and lo < stream.rate.peak_at < hi:
        corners.add(float(stream.rate.peak_at))
    points = sorted(corners)
    return sum(
        (rate_per_minute(stream, a) + rate_per_minute(stream, b)) / 2 * (b - a) / 60.0
        for a, b in zip(points, points[1:], strict=False)
    )


def expected_items(stream: Stream) -> float:
    """Expected number of comments over the whole stream (without driven_by)."""
    return expected_between(stream, stream.from_, stream.to)

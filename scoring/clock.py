"""Simulated seconds to the scenario's wall clock, and office time between two instants.

KS's response targets are about working days (KS p.12), so outside an active incident the
scorer measures waiting time in office seconds only (Monday–Friday within the municipality's
office hours); during an incident every minute counts. Reports show clock times (11:04) in
the scenario's own time zone, because that is what the team saw on the drill clock.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from drill.scenario.durations import story_time


class ScenarioClock:
    def __init__(self, starts: datetime, office_hours: str) -> None:
        # A plain datetime: YAML loaders may hand over a subclass whose arithmetic is slow.
        self.starts = datetime(starts.year, starts.month, starts.day, starts.hour, starts.minute, starts.second,
                               starts.microsecond, tzinfo=starts.tzinfo)
        self._start_of_day = self.starts.hour * 3600 + self.starts.minute * 60 + self.starts.second \
            + self.starts.microsecond / 1e6
        open_text, close_text = office_hours.split("-")
        self.opens = time.fromisoformat(open_text)
        self.closes = time.fromisoformat(close_text)

    def at(self, t: float) -> datetime:
        return story_time(self.starts, t)

    def label(self, t: float) -> str:
        """`11:04`: the clock time at simulated second `t` (wall-clock arithmetic, as datetime does)."""
        minutes = int((self._start_of_day + t) // 60) % 1440
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    def in_office_hours(self, t: float) -> bool:
        moment = self.at(t)
        return moment.weekday() < 5 and self.opens <= moment.time() < self.closes

    def office_seconds(self, t0: float, t1: float) -> float:
        """Seconds of office time between two simulated instants (0 if t1 <= t0)."""
        if t1 <= t0:
            return 0.0
        start, end = self.at(t0), self.at(t1)
        total = 0.0
        day = start.date()
        while day <= end.date():
            if day.weekday() < 5:
                day_open = datetime.combine(day, self.opens, tzinfo=start.tzinfo)
                day_close = datetime.combine(day, self.closes, tzinfo=start.tzinfo)
                lo, hi = max(start, day_open), min(end, day_close)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += timedelta(days=1)
        return total

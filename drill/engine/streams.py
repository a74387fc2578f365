"""Generated comment streams: when the next comment comes, and what it says.

Arrival times follow a non-homogeneous Poisson process (Lewis-Shedler thinning against the
curve's maximum), drawn from the stream's own seeded generator. The sequence of arrivals is
therefore a pure function of the seed, whatever steps the clock advances in. Comments that
an item's reach adds (`driven_by`) are drawn per spread tick from a second generator, from
the people newly reached by that tick, so they too are independent of how the clock is driven.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from drill.engine.seeds import derive_seed
from drill.scenario.models import ItemKind, Labels, Scenario, Stream, Template, template_text
from drill.scenario.rates import rate_per_minute
from drill.voices import VoiceWriter, builtin_templates


@dataclass
class GeneratedComment:
    item_id: str
    t: float
    kind: ItemKind
    text: str
    author: str
    labels: Labels
    template: str
    """`stream/kind/index` of the template it was written from (`drill.grouping` groups by it)."""


@dataclass
class StreamGenerator:
    stream: Stream
    scenario: Scenario
    seed: int
    count: int = 0
    _next_base: float | None = None
    _rng_time: random.Random = field(init=False)
    _rng_text: random.Random = field(init=False)
    _rng_driven: random.Random = field(init=False)
    _voice: VoiceWriter = field(init=False)
    _max_rate: float = field(init=False)

    def __post_init__(self) -> None:
        self._rng_time = random.Random(derive_seed(self.seed, "stream-time", self.stream.id))
        self._rng_text = random.Random(derive_seed(self.seed, "stream-text", self.stream.id))
        self._rng_driven = random.Random(derive_seed(self.seed, "stream-driven", self.stream.id))
        self._voice = VoiceWriter(
            derive_seed(self.seed, "stream-voice", self.stream.id) % (2**31),
            self.scenario.language,
            self.scenario.municipality.name,
            self.scenario.municipality.places,
        )
        rate = self.stream.rate
        self._max_rate = max(rate.per_minute or 0.0, rate.peak_per_minute or 0.0, rate.base_per_minute)
        self._kinds = list(self.stream.mix)
        self._weights = [self.stream.mix[k] for k in self._kinds]
        self._shared: dict[tuple[ItemKind, int], tuple[Labels, str]] = {}
        """Labels and template name per template: one copy shared by every comment written from
        it (a storm writes 100,000 comments from a few dozen; nothing changes labels once made)."""
        self._next_base = self._draw_next_base(float(self.stream.from_))

    def next_time(self) -> float | None:
        """When the next curve-driven comment arrives (None: the stream has ended)."""
        return self._next_base

    def _draw_next_base(self, after: float) -> float | None:
        if self._max_rate <= 0:
            return None
        t = after
        per_second = self._max_rate / 60.0
        while True:
            t += self._rng_time.expovariate(per_second)
            if t > self.stream.to:
                return None
            if self._rng_time.random() * self._max_rate <= rate_per_minute(self.stream, t):
                return t

    def pop_base(self) -> GeneratedComment:
        """The comment due at next_time(); advances to the one after it."""
        assert self._next_base is not None
        t = self._next_base
        self._next_base = self._draw_next_base(t)
        return self._make(t)

    def driven_times(self, start: float, end: float, newly_reached: int) -> list[float]:
        """Comment times in [start, end) from the people the driver newly reached in that window.

        People react when they see the item, so the volume follows new exposure: a rumour that
        is still climbing fills the feed, one that a correction has stopped falls quiet.
        """
        if not self.stream.driven_by or self.stream.per_thousand_reached <= 0 or newly_reached <= 0:
            return []
        lo, hi = max(start, self.stream.from_), min(end, self.stream.to)
        if hi <= lo:
            return []
        expected = self.stream.per_thousand_reached * newly_reached / 1000.0
        count = _poisson(self._rng_driven, expected)
        return sorted(lo + self._rng_driven.random() * (hi - lo) for _ in range(count))

    def make_at(self, t: float) -> GeneratedComment:
        return self._make(t)

    def _make(self, t: float) -> GeneratedComment:
        self.count += 1
        rng = self._rng_text
        kind = rng.choices(self._kinds, weights=self._weights)[0]
        templates = self.stream.templates.get(kind) or builtin_templates(self.scenario.language).get(kind) or (
            "…",
        )
        index = rng.randrange(len(templates))
        entry = templates[index]
        text, author = self._voice.comment(template_text(entry), rng)
        shared = self._shared.get((kind, index))
        if shared is None:
            labels = entry.labels_for(kind) if isinstance(entry, Template) else Labels(kind=kind)
            shared = self._shared[(kind, index)] = (labels, f"{self.stream.id}/{kind.value}/{index}")
        return GeneratedComment(
            item_id=f"{self.stream.id}-{self.count:04d}",
            t=t,
            kind=kind,
            text=text,
            author=author,
            labels=shared[0],
            template=shared[1],
        )


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method for small means, a rounded normal for large ones (fast enough, stable)."""
    if mean <= 0:
        return 0
    if mean > 50:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1

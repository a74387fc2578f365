"""Incremental counts agree with a full scan, whatever the order of updates and queries."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from drill.engine.spread.nodetimes import NodeTimes


def _scan(times: NodeTimes, limit: float) -> int:
    _, values = times.finite()
    return int(np.count_nonzero(values <= limit))


@settings(max_examples=150, deadline=None)
@given(
    n=st.sampled_from([50, 200_000]),  # dense from the start, and sparse turning dense
    steps=st.lists(
        st.tuples(
            st.lists(st.tuples(st.integers(0, 49), st.floats(0.0, 100.0)), max_size=20),
            st.floats(0.0, 100.0),
        ),
        max_size=12,
    ),
    monotone=st.booleans(),
)
def test_incremental_count_equals_a_scan(n: int, steps: list, monotone: bool) -> None:
    times = NodeTimes(n)
    limit = 0.0
    for updates, query in steps:
        if updates:
            nodes = np.array([u for u, _ in updates], dtype=np.int64)
            values = np.array([v for _, v in updates])
            times.lower_many(nodes, values)
        # The kernel asks with growing limits; other orders must still give the right answer.
        limit = max(limit, query) if monotone else query
        assert times.count_at_most(limit) == _scan(times, limit)
    assert times.count_at_most(float("inf")) == times.finite()[0].size


@settings(max_examples=150, deadline=None)
@given(
    n=st.sampled_from([50, 200_000]),
    steps=st.lists(
        st.tuples(
            st.lists(st.tuples(st.integers(0, 49), st.floats(0.0, 50.0)), max_size=20),
            st.floats(0.0, 50.0),
            st.floats(0.0, 1.0),
        ),
        max_size=12,
    ),
)
def test_counts_with_a_final_horizon_equal_a_scan(n: int, steps: list) -> None:
    """As the kernel uses it: settled to a horizon ahead of the count, times change only above it."""
    times = NodeTimes(n)
    final = limit = 0.0
    for updates, ahead, share in steps:
        if updates:
            nodes = np.array([u for u, _ in updates], dtype=np.int64)
            values = final + 1e-3 + np.array([v for _, v in updates])
            times.lower_many(nodes, values)
        final += ahead
        limit = max(limit, limit + share * (final - limit))
        assert times.count_at_most(limit, final) == _scan(times, limit)
    assert times.count_at_most(float("inf")) == times.finite()[0].size

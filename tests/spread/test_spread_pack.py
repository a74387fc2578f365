"""Packing arcs into CSR in the keys' own memory gives the simple graph the edges describe."""

from __future__ import annotations

from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from drill.engine.spread import csr
from drill.engine.spread.generators import barabasi_albert


def _reference(pairs: list[tuple[int, int]], n: int) -> list[list[int]]:
    rows: list[set[int]] = [set() for _ in range(n)]
    for u, v in pairs:
        if u != v:
            rows[u].add(v)
            rows[v].add(u)
    return [sorted(r) for r in rows]


@settings(max_examples=80, deadline=None)
@given(
    n=st.integers(1, 40),
    data=st.data(),
    chunk=st.sampled_from([1, 2, 3, 7, 1 << 22]),
)
def test_packing_drops_loops_and_repeats_across_chunks(n: int, data: st.DataObject, chunk: int) -> None:
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=120))
    src = np.array([u for u, _ in pairs], dtype=np.int64)
    dst = np.array([v for _, v in pairs], dtype=np.int64)
    with mock.patch.object(csr, "_PACK_CHUNK", chunk):  # chunk borders fall between repeats
        graph = csr.edges_to_csr(src, dst, n)
    assert [graph.neighbours(i).tolist() for i in range(n)] == _reference(pairs, n)
    assert graph.indptr[-1] == graph.indices.size


def test_the_in_buffer_preferential_graph_is_the_plain_one() -> None:
    """Barabási–Albert writes its edges into the key buffer; the graph is the one its edges make."""
    from drill.engine.spread.generators import _preferential_endpoints

    graph = barabasi_albert(5_000, 3, 11)
    endpoints = _preferential_endpoints(5_000, 3, np.random.default_rng(11))
    plain = csr.edges_to_csr(endpoints[0::2], endpoints[1::2], 5_000)
    assert np.array_equal(graph.indptr, plain.indptr)
    assert np.array_equal(graph.indices, plain.indices)

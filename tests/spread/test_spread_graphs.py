"""Audience graphs: well-formed CSR, deterministic, and the same model as networkx's."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drill.engine.spread import (
    AUDIENCE_MODELS,
    build_audience,
    communities,
    degree_summary,
    from_networkx,
    influential_nodes,
    to_networkx,
)
from drill.engine.spread.csr import edges_to_csr
from drill.engine.spread.generators import barabasi_albert, powerlaw_cluster, watts_strogatz


def assert_simple_undirected(graph) -> None:
    n = graph.num_nodes
    indptr, indices = graph.indptr, graph.indices
    assert indptr[0] == 0 and indptr[-1] == indices.size
    assert np.all(np.diff(indptr) >= 0)
    assert indices.dtype == np.int32
    heads = np.repeat(np.arange(n), np.diff(indptr))
    assert np.all(heads != indices), "self-loop"
    keys = heads.astype(np.int64) * n + indices
    assert np.all(np.diff(keys) > 0), "rows must be sorted without duplicates"
    reverse = np.sort(indices.astype(np.int64) * n + heads)
    assert np.array_equal(reverse, keys), "every arc needs its reverse"


@pytest.mark.parametrize("model", AUDIENCE_MODELS)
def test_every_model_builds_a_simple_graph_of_the_requested_size(model: str) -> None:
    audience = build_audience(model, 3000, 10, 11)
    assert audience.num_nodes == 3000
    assert_simple_undirected(audience.graph)
    assert abs(audience.graph.degrees().mean() - 10) < 0.6
    assert audience.followers.size == 750
    assert np.all(np.diff(audience.followers) > 0)


@pytest.mark.parametrize("model", AUDIENCE_MODELS)
def test_same_seed_same_graph_other_seed_other_graph(model: str) -> None:
    a = build_audience(model, 2000, 8, 5)
    b = build_audience(model, 2000, 8, 5)
    c = build_audience(model, 2000, 8, 6)
    assert np.array_equal(a.graph.indptr, b.graph.indptr)
    assert np.array_equal(a.graph.indices, b.graph.indices)
    assert np.array_equal(a.followers, b.followers)
    assert not np.array_equal(a.graph.indices[: c.graph.indices.size], c.graph.indices[: a.graph.indices.size])


def test_preferential_attachment_matches_networkx_degree_distribution() -> None:
    """Second moment and tail of the degrees are where a wrong attachment rule shows."""
    ours, theirs, tail_ours, tail_theirs = [], [], [], []
    for seed in range(6):
        d = barabasi_albert(12_000, 5, seed).degrees().astype(float)
        h = np.array([k for _, k in nx.barabasi_albert_graph(12_000, 5, seed=seed).degree()], float)
        ours.append((d**2).mean())
        theirs.append((h**2).mean())
        tail_ours.append((d >= 40).mean())
        tail_theirs.append((h >= 40).mean())
    assert abs(np.mean(ours) / np.mean(theirs) - 1) < 0.06
    assert abs(np.mean(tail_ours) / np.mean(tail_theirs) - 1) < 0.08
    # A uniform-attachment graph with the same edge count has a far lighter tail.
    uniform = nx.gnm_random_graph(12_000, 60_000, seed=1)
    assert np.mean([(k >= 40) for _, k in uniform.degree()]) < 0.1 * np.mean(tail_ours)


def test_powerlaw_cluster_closes_triangles_like_networkx() -> None:
    ours = [nx.average_clustering(to_networkx(powerlaw_cluster(2500, 5, 0.5, s))) for s in range(3)]
    theirs = [nx.average_clustering(nx.powerlaw_cluster_graph(2500, 5, 0.5, seed=s)) for s in range(3)]
    plain = [nx.average_clustering(to_networkx(barabasi_albert(2500, 5, s))) for s in range(3)]
    assert abs(np.mean(ours) / np.mean(theirs) - 1) < 0.2
    assert np.mean(ours) > 3 * np.mean(plain)


def test_small_world_matches_networkx_clustering_and_path_length() -> None:
    ours = to_networkx(watts_strogatz(3000, 10, 0.1, 3))
    theirs = nx.watts_strogatz_graph(3000, 10, 0.1, seed=3)
    assert abs(nx.average_clustering(ours) - nx.average_clustering(theirs)) < 0.02
    sample = list(range(0, 3000, 300))
    def mean_distance(g):
        return np.mean([np.mean(list(nx.single_source_shortest_path_length(g, s).values())) for s in sample])
    assert abs(mean_distance(ours) / mean_distance(theirs) - 1) < 0.05


def test_districts_are_dense_inside_and_sparse_between() -> None:
    audience = build_audience("districts", 20_000, 12, 2, districts=6, mixing=0.1)
    graph = audience.graph
    groups = graph.communities
    assert groups is not None and set(np.unique(groups)) == set(range(6))
    heads = np.repeat(np.arange(graph.num_nodes), graph.degrees())
    crossing = (groups[heads] != groups[graph.indices]).mean()
    assert 0.08 < crossing < 0.12
    assert np.array_equal(communities(graph, 0), groups)


def test_louvain_finds_the_planted_districts() -> None:
    graph = build_audience("districts", 3000, 12, 9, districts=4, mixing=0.02).graph
    found = communities(edges_to_csr(*_edges(graph), graph.num_nodes), seed=1)
    # Each planted district is (almost) one detected community.
    for g in range(4):
        labels = found[graph.communities == g]
        assert np.bincount(labels).max() / labels.size > 0.9


def _edges(graph):
    heads = np.repeat(np.arange(graph.num_nodes), graph.degrees())
    return heads, graph.indices


def test_influential_nodes_are_the_highest_degrees() -> None:
    graph = barabasi_albert(5000, 3, 1)
    top = influential_nodes(graph, 10)
    degrees = graph.degrees()
    assert np.all(np.diff(degrees[top]) <= 0)
    assert degrees[top[-1]] >= np.sort(degrees)[-10]
    assert degree_summary(graph).maximum == degrees[top[0]]


def test_networkx_round_trip_keeps_every_edge() -> None:
    g = nx.karate_club_graph()
    csr, labels = from_networkx(g)
    back = to_networkx(csr)
    assert back.number_of_edges() == g.number_of_edges() == csr.num_edges
    assert {frozenset((labels[u], labels[v])) for u, v in back.edges()} == {frozenset(e) for e in g.edges()}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"model": "scale_free", "nodes": 1000, "mean_degree": 6, "seed": 1},
        {"model": "barabasi_albert", "nodes": 5, "mean_degree": 2, "seed": 1},
        {"model": "barabasi_albert", "nodes": 1000, "mean_degree": 1, "seed": 1},
        {"model": "watts_strogatz", "nodes": 1000, "mean_degree": 6, "seed": 1, "rewire_probability": 2.0},
        {"model": "districts", "nodes": 1000, "mean_degree": 6, "seed": 1, "followers": 0},
    ],
)
def test_bad_specs_are_refused_with_a_reason(kwargs) -> None:
    with pytest.raises(ValueError):
        build_audience(**kwargs)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=40).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=120),
        )
    )
)
def test_packing_any_edge_list_gives_the_same_simple_graph_as_networkx(case) -> None:
    n, edges = case
    pairs = np.array(edges, dtype=np.int64).reshape(-1, 2)
    graph = edges_to_csr(pairs[:, 0], pairs[:, 1], n)
    expected = nx.Graph()
    expected.add_nodes_from(range(n))
    expected.add_edges_from((u, v) for u, v in edges if u != v)
    assert_simple_undirected(graph)
    assert graph.num_edges == expected.number_of_edges()
    for node in range(n):
        assert graph.neighbours(node).tolist() == sorted(expected.neighbors(node))

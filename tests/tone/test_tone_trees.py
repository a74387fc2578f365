"""The privacy trees: scored by the leaves a reply's features rule out, as a walk down each tree would."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.tone.learned import PRIVACY, load_model
from scoring.tone.trees import MAX_LEAVES, Forest, Tree, from_lightgbm

FEATURES = [f"w:{word}" for word in ("barn", "mor", "vedtak", "skole", "syk", "han", "hun", "sak")]


def scored(forest: Forest, names: Iterable[str]) -> float:
    """The forest's probability for a reply holding the features `names`."""
    ids = {forest.feature_ids[name] for name in names if name in forest.feature_ids}
    return forest.probability_of(np.array(sorted(ids), dtype=np.int64))


def walked(tree: Tree, present: set[str]) -> float:
    """A tree's leaf value, by walking down it: what the forest must agree with."""
    node = 0
    if not tree["splits"]:
        return float(tree["leaves"][0])
    while node >= 0:
        feature, left, right = tree["splits"][node]
        node = right if feature in present else left
    return float(tree["leaves"][~node])


@st.composite
def trees(draw: Any) -> Tree:
    splits: list[list[Any]] = []
    leaves: list[float] = []

    def grow(depth: int) -> int:
        if depth == 0 or len(leaves) >= MAX_LEAVES - 8 or draw(st.booleans()):
            leaves.append(draw(st.floats(-2, 2, allow_nan=False)))
            return ~(len(leaves) - 1)
        at = len(splits)
        splits.append([draw(st.sampled_from(FEATURES)), 0, 0])
        splits[at][1] = grow(depth - 1)
        splits[at][2] = grow(depth - 1)
        return at

    grow(draw(st.integers(0, 5)))
    return {"splits": splits, "leaves": leaves}


@settings(max_examples=200, deadline=None)
@given(st.lists(trees(), min_size=1, max_size=6), st.sets(st.sampled_from(FEATURES + ["w:annet"])))
def test_the_forest_lands_where_walking_each_tree_lands(forest: list[Tree], present: set[str]) -> None:
    expected = 1 / (1 + math.exp(-sum(walked(tree, present) for tree in forest)))
    assert scored(Forest.from_trees(forest), present) == pytest.approx(expected, abs=1e-12)


def test_a_tree_with_more_leaves_than_a_word_holds_is_refused() -> None:
    # A chain of splits, each with a leaf on its left: one leaf more than a 64-bit word holds.
    deep: Tree = {"splits": [[FEATURES[i % len(FEATURES)], ~i, i + 1] for i in range(MAX_LEAVES)],
                  "leaves": [0.0] * (MAX_LEAVES + 1)}
    deep["splits"][-1][2] = ~MAX_LEAVES
    with pytest.raises(ValueError, match="leaves"):
        Forest.from_trees([deep])


def test_lightgbm_trees_read_as_lightgbm_scores_them() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(7)
    x = (rng.random((600, len(FEATURES))) < 0.3).astype(np.float32)
    y = ((x[:, 0] * x[:, 1] + x[:, 2] * (1 - x[:, 3]) + rng.random(600) * 0.3) > 0.6).astype(np.float64)
    booster = lightgbm.train({"objective": "binary", "num_leaves": 7, "min_data_in_leaf": 5, "verbose": -1,
                              "num_threads": 1, "deterministic": True}, lightgbm.Dataset(x, label=y),
                             num_boost_round=30)
    forest = Forest.from_trees(from_lightgbm(booster.dump_model(), FEATURES, 9))
    expected = booster.predict(x)
    got = [scored(forest, (name for name, held in zip(FEATURES, row) if held)) for row in x]
    assert np.allclose(got, expected, atol=1e-6)


def test_the_committed_model_averages_its_two_privacy_readers() -> None:
    from scoring.tone.features import Features

    model = load_model()
    assert model is not None and model.privacy_trees is not None
    names = [name for name in model.names if name.startswith("w:")][:40]
    features = Features({name: (0, 0) for name in names})
    rows = [model.index[name] for name in names]
    column = model.targets.index(PRIVACY)
    regression = 1 / (1 + math.exp(-(model.intercepts[column] + model.weights[rows, column].sum())))
    trees = scored(model.privacy_trees, names)
    assert model.probabilities(features)[0][PRIVACY] == pytest.approx((regression + trees) / 2)


def test_trees_that_split_on_a_feature_the_weights_do_not_list_are_refused() -> None:
    forest = Forest.from_trees([{"splits": [["w:barn", ~0, ~1]], "leaves": [0.0, 1.0]}])
    assert forest.ids_by_row({"w:mor": 0, "w:barn": 1}).tolist() == [-1, 0]
    with pytest.raises(ValueError, match="w:barn"):
        forest.ids_by_row({"w:mor": 0})

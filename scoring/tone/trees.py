"""The privacy model's second reader: boosted decision trees over the same readable features.

The logistic regression weighs each feature on its own, so the only combinations it knows are
those its features already name (a pair of words, a matter beside a person). Trees learn their
own: each split asks whether a reply holds a feature, and a path of splits is a combination. At the same number of
good replies flagged, the average of the two readers found more breaches than the regression alone
on writers neither had been trained on, and more than either alone on the held-back part
(docs/tone.md, "A second reader for privacy").

The trees are data in the model file, one tree per line, each split naming its feature:
`{"splits": [[feature, left, right], ...], "leaves": [value, ...]}`, where a child `>= 0` is a
split and `~child` a leaf. Every feature is present (1) or absent (0), and a split sends a reply
that holds its feature right. So a reply's leaf in a tree is fixed by which of its split
features the reply holds, and the trees are scored QuickScorer-style: every split on a feature
the reply holds rules out the leaves of its left subtree, and the reply lands on the leftmost
leaf left standing. The cost is the reply's own splits (a few dozen), not the trees' depth:
about 40 µs a reply for 400 trees.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

# At most this many leaves a tree: each tree's standing leaves are one 64-bit word.
MAX_LEAVES = 64
Tree = dict[str, Any]  # {"splits": [[feature, left, right], ...], "leaves": [float, ...]}


@dataclass(frozen=True)
class Forest:
    """Trees ready to score: per feature, the splits on it (tree and the leaves they rule out)."""

    feature_ids: dict[str, int]
    starts: np.ndarray  # (features + 1,) where each feature's splits begin in the arrays below
    split_trees: np.ndarray  # (splits,) the tree of each split, sorted by feature
    split_masks: np.ndarray  # (splits,) uint64: the tree's leaves that stay standing
    leaf_offsets: np.ndarray  # (trees,) where each tree's leaves begin in `leaf_values`
    leaf_values: np.ndarray  # (leaves,)

    @classmethod
    def from_trees(cls, trees: Sequence[Tree]) -> Forest:
        feature_ids: dict[str, int] = {}
        rows: list[tuple[int, int, int]] = []  # (feature, tree, mask)
        offsets: list[int] = []
        values: list[float] = []
        for number, tree in enumerate(trees):
            leaves = [float(v) for v in tree["leaves"]]
            if not 1 <= len(leaves) <= MAX_LEAVES:
                raise ValueError(f"tree {number} has {len(leaves)} leaves; at most {MAX_LEAVES} are read")
            offsets.append(len(values))
            values += leaves
            splits = tree["splits"]
            for feature, left, _right in splits:
                first, last = _leaf_range(splits, left)
                ruled_out = ((1 << (last + 1)) - 1) ^ ((1 << first) - 1)
                rows.append((feature_ids.setdefault(str(feature), len(feature_ids)), number,
                             ((1 << MAX_LEAVES) - 1) ^ ruled_out))
        rows.sort()
        features = np.array([r[0] for r in rows], dtype=np.int64)
        return cls(
            feature_ids=feature_ids,
            starts=np.searchsorted(features, np.arange(len(feature_ids) + 1)).astype(np.int64),
            split_trees=np.array([r[1] for r in rows], dtype=np.int64),
            split_masks=np.array([r[2] for r in rows], dtype=np.uint64),
            leaf_offsets=np.array(offsets, dtype=np.int64),
            leaf_values=np.array(values, dtype=np.float64),
        )

    def ids_by_row(self, index: Mapping[str, int]) -> np.ndarray:
        """For each row of another index of the same features (the regression's), the forest's id
        of that feature, or -1: so a reply's rows, already looked up, need no second look-up."""
        out = np.full(len(index), -1, dtype=np.int64)
        for name, feature in self.feature_ids.items():
            if name not in index:
                raise ValueError(f"the privacy trees split on {name!r}, which the model's weights do not list")
            out[index[name]] = feature
        return out

    def probability_of(self, ids: np.ndarray) -> float:
        """P(breach) for a reply holding the features with these forest ids (distinct)."""
        standing = np.full(len(self.leaf_offsets), np.uint64((1 << MAX_LEAVES) - 1), dtype=np.uint64)
        if len(ids):
            first, counts = self.starts[ids], self.starts[ids + 1] - self.starts[ids]
            # Every split on each held feature: its run of the arrays, the runs laid end to end.
            ends = np.cumsum(counts)
            splits = np.arange(ends[-1]) + np.repeat(first - (ends - counts), counts)
            np.bitwise_and.at(standing, self.split_trees[splits], self.split_masks[splits])
        lowest = standing & (~standing + np.uint64(1))  # the leftmost leaf standing, as one bit
        leaf = np.log2(lowest.astype(np.float64)).astype(np.int64)  # exact: a power of two
        score = float(self.leaf_values[self.leaf_offsets + leaf].sum())
        return 1.0 / (1.0 + math.exp(-score))


def _leaf_range(splits: Sequence[Sequence[Any]], child: int) -> tuple[int, int]:
    """The first and last leaf (in left-to-right order) under `child`."""
    first = last = child
    while first >= 0:
        first = int(splits[first][1])
    while last >= 0:
        last = int(splits[last][2])
    return ~first, ~last


def from_lightgbm(dump: dict[str, Any], names: Sequence[str], decimals: int) -> list[Tree]:
    """A LightGBM model dump (`Booster.dump_model()`) as trees this module reads, leaves numbered
    left to right. Only splits on a present/absent feature are read: any other kind is refused."""
    out = []
    for info in dump["tree_info"]:
        splits: list[list[Any]] = []
        leaves: list[float] = []

        def walk(node: dict[str, Any]) -> int:
            if "leaf_value" in node or "split_index" not in node:
                leaves.append(round(float(node.get("leaf_value", 0.0)), decimals))
                return ~(len(leaves) - 1)
            threshold = float(node["threshold"])
            if node["decision_type"] != "<=" or not 0.0 <= threshold < 1.0 or node.get("missing_type") == "Zero":
                raise ValueError(f"split {node} is not a present/absent test")
            at = len(splits)
            splits.append([names[int(node["split_feature"])], 0, 0])
            splits[at][1] = walk(node["left_child"])  # absent: 0 <= threshold
            splits[at][2] = walk(node["right_child"])
            return at

        walk(info["tree_structure"])
        out.append({"splits": splits, "leaves": leaves})
    return out

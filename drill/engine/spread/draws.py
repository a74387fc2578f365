"""Common random numbers for cascades.

Every random decision in a cascade is a pure function of (drill seed, item id,
stream, counter), where the counter names an arc of the CSR graph or a node.
Nothing depends on the order in which items start, on how often the engine
advances the clock, or on which other items exist. That is what lets a
counterfactual replay ("no correction", "correction ten minutes earlier") see
exactly the same coin flips and delays as the drill itself, so a difference in
reach is the effect of the team's action and not sampling noise.

The generator is a counter-based hash (the SplitMix64 finaliser) evaluated on
numpy uint64 arrays, so draws are produced lazily for just the arcs a cascade
touches instead of materialising one random number per arc per item.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_S30 = np.uint64(30)
_S27 = np.uint64(27)
_S31 = np.uint64(31)
_S11 = np.uint64(11)
_TO_UNIT = 1.0 / float(1 << 53)

# Stream labels: each kind of decision gets its own key so draws never alias.
STREAM_SHARE = "share"
STREAM_DELAY = "delay"
STREAM_DELAY_SHAPE = "delay-shape"
STREAM_RECOVERY = "recovery"
STREAM_DAMPEN = "dampen"
STREAM_SEEDS = "seeds"


def _stream_key(seed: int, item_id: str, stream: str) -> np.uint64:
    """Derive a 64-bit key from stable bytes (Python's str hash is salted per process)."""
    digest = hashlib.blake2b(
        f"{int(seed)}\x1f{item_id}\x1f{stream}".encode("utf-8"), digest_size=8
    ).digest()
    return np.uint64(int.from_bytes(digest, "little"))


def hash_bits(key: np.uint64, counters: np.ndarray) -> np.ndarray:
    """53 random bits per counter (as uint64), a pure function of (key, counter).

    Operations are in place on one buffer: this runs over every arc a
    cascade touches, so allocation matters as much as arithmetic.
    """
    # Array arithmetic on uint64 wraps modulo 2**64 silently, as the mixer needs.
    z = counters.astype(np.uint64)
    z *= _GOLDEN
    z += key
    z ^= z >> _S30
    z *= _MIX1
    z ^= z >> _S27
    z *= _MIX2
    z ^= z >> _S31
    z >>= _S11
    return z


def hash_uniform(key: np.uint64, counters: np.ndarray) -> np.ndarray:
    """Uniform floats in (0, 1), one per counter, as a pure function of (key, counter).

    The open interval keeps log() and the inverse normal CDF finite.
    """
    u = hash_bits(key, counters).astype(np.float64)
    u += 0.5
    u *= _TO_UNIT
    return u


def bits_threshold(probability: float) -> np.uint64:
    """The integer t with (bits < t) exactly when hash_uniform(...) < probability.

    Comparing the raw bits skips a float conversion on every arc.
    """
    # ((b + 0.5) / 2**53 < p)  <=>  b < p * 2**53 - 0.5  <=>  b <= ceil(p * 2**53 - 0.5) - 1
    return np.uint64(max(0, math.ceil(probability * float(1 << 53) - 0.5)))


@dataclass(frozen=True, slots=True)
class ItemDraws:
    """The keyed random streams of one item; cheap to create, holds no arrays."""

    share: np.uint64
    delay: np.uint64
    delay_shape: np.uint64
    recovery: np.uint64
    dampen: np.uint64
    seeds: np.uint64

    @classmethod
    def for_item(cls, seed: int, item_id: str) -> "ItemDraws":
        return cls(
            share=_stream_key(seed, item_id, STREAM_SHARE),
            delay=_stream_key(seed, item_id, STREAM_DELAY),
            delay_shape=_stream_key(seed, item_id, STREAM_DELAY_SHAPE),
            recovery=_stream_key(seed, item_id, STREAM_RECOVERY),
            dampen=_stream_key(seed, item_id, STREAM_DAMPEN),
            seeds=_stream_key(seed, item_id, STREAM_SEEDS),
        )

    def share_uniform(self, arcs: np.ndarray) -> np.ndarray:
        return hash_uniform(self.share, arcs)

    def share_bits(self, arcs: np.ndarray) -> np.ndarray:
        """The same draws as ``share_uniform``, as integers to compare with ``bits_threshold``."""
        return hash_bits(self.share, arcs)

    def dampen_uniform(self, arcs: np.ndarray) -> np.ndarray:
        return hash_uniform(self.dampen, arcs)

    def delay_uniform(self, arcs: np.ndarray) -> np.ndarray:
        """The uniforms behind ``exponential``: -mean * log(u) is the delay."""
        return hash_uniform(self.delay, arcs)

    def exponential(self, arcs: np.ndarray, mean: float) -> np.ndarray:
        return -mean * np.log(hash_uniform(self.delay, arcs))

    def lognormal(self, arcs: np.ndarray, mean: float, sigma: float) -> np.ndarray:
        """Lognormal delays parameterised by their mean, so changing sigma keeps the pace."""
        # scipy is imported here, not at the top: only lognormal delays need it, and importing
        # it costs a drill's start about 0.2 s whatever the delays are.
        from scipy.special import ndtri

        mu = np.log(mean) - 0.5 * sigma * sigma
        return np.exp(mu + sigma * ndtri(hash_uniform(self.delay_shape, arcs)))

    def recovery_exponential(self, nodes: np.ndarray, rate: float) -> np.ndarray:
        return -np.log(hash_uniform(self.recovery, nodes)) / rate

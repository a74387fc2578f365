"""The learned model as the analyser loads it fast: its weights as one binary array.

`model/tone-model.json` is the model as it is reviewed, one feature per line with its ten
weights, so a retrain's diff reads like a word list. Parsing it costs about 0.6 s at every start
(a million and a half numbers in text), in every `drill score`, `drill tone` and app start, for
an array that numpy reads from its own format in milliseconds. So `prepared/` holds the same
model twice over: `model-weights.npy` (the weights, in the reviewed file's feature order) and
`model-index.json` (the feature names and every other field), under the SHA-256 of the reviewed
file's text. Loading checks that hash, so an edited or retrained model file is never silently
replaced by an old array, only slower to load until `python -m scoring.tone.compiled` (or the
training, which writes both) brings the prepared pair up to date; a test fails meanwhile.

Both files are data, never code: the array is read with pickling refused.
"""

from __future__ import annotations

import io
import json
from importlib import resources
from typing import Any

import numpy as np

from scoring.tone.compiled import PREPARED_DIR, RULE_PACKAGE, digest

MODEL_DIR = "model"
MODEL_FILE = "tone-model.json"
WEIGHTS_FILE = "model-weights.npy"
INDEX_FILE = "model-index.json"


def weight_rows(data: dict[str, Any]) -> tuple[list[str], np.ndarray]:
    """The feature names of a model file's data, sorted, and its weights, a row per name."""
    rows: dict[str, list[float]] = data["weights"]
    names = sorted(rows)
    return names, np.array([rows[n] for n in names], dtype=np.float64).reshape(len(names), len(data["targets"]))


def committed_text() -> str | None:
    """The reviewed model file's text, or None when no model is committed (the rules stand alone)."""
    path = resources.files(RULE_PACKAGE).joinpath(MODEL_DIR, MODEL_FILE)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def build(model_text: str) -> dict[str, bytes]:
    """The prepared pair for a model file's text, as the bytes to write under each name."""
    data: dict[str, Any] = json.loads(model_text)
    names, weights = weight_rows(data)
    del data["weights"]
    buffer = io.BytesIO()
    np.save(buffer, weights, allow_pickle=False)
    index = {"sha256": digest(model_text), "head": data, "names": names}
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"
    return {INDEX_FILE: text.encode("utf-8"), WEIGHTS_FILE: buffer.getvalue()}


def load(model_text: str) -> tuple[dict[str, Any], list[str], np.ndarray] | None:
    """(the model's other fields, its feature names, its weights) if the prepared pair is that of
    exactly this model text; None when it is missing or stale."""
    folder = resources.files(RULE_PACKAGE).joinpath(PREPARED_DIR)
    index_path, weights_path = folder.joinpath(INDEX_FILE), folder.joinpath(WEIGHTS_FILE)
    if not index_path.is_file() or not weights_path.is_file():
        return None
    index: dict[str, Any] = json.loads(index_path.read_text(encoding="utf-8"))
    if index.get("sha256") != digest(model_text):
        return None
    with weights_path.open("rb") as stream:
        weights = np.load(stream, allow_pickle=False)
    names: list[str] = index["names"]
    if weights.shape != (len(names), len(index["head"]["targets"])):
        return None
    return index["head"], names, weights


def in_date() -> bool:
    """Whether the committed model loads from its prepared pair (benchmarks say so): True when
    there is no model at all, since then there is nothing to load slowly."""
    text = committed_text()
    return text is None or load(text) is not None

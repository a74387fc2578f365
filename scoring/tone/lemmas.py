"""simplemma's lemmas without decoding a whole dictionary at start-up.

simplemma ships each language's dictionary as one front-coded stream (every key stored as the
part it does not share with the key before it) and decodes the whole stream into a dict on
first use: 640,000 Norwegian entries, about a second of CPU in every `drill score` and `drill
tone`, although a drill's replies use a few thousand words. The stream can be entered at any
record whose predecessor is known, so `prepared/lemmas-<lang>.json` lists, for every 64th
record, where it starts and the key and value before it. A lookup then finds its block by
bisection and decodes that block alone (once; it is kept). The dictionary is the same, read
through simplemma's own record decoder, and simplemma's own lemmatiser runs over it, so every
lemma is what `simplemma.lemmatize` gives. An index made for another simplemma version or
another dictionary file is not used: then simplemma decodes its dictionary as before.

`python -m scoring.tone.compiled` writes the index files (a test fails while they are stale).
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import DictionaryFactory
from simplemma.strategies.dictionaries import dictionary_factory as shipped
from simplemma.strategies.dictionaries import frontcode

BLOCK = 64
LANGUAGES = ("nb", "en")
INDEX_PACKAGE = "scoring.tone"
INDEX_DIR = "prepared"


def index_name(language: str) -> str:
    return f"lemmas-{language}.json"


def _bytes(text: str) -> bytes:
    return text.encode("latin-1")


def _text(data: bytes) -> str:
    return data.decode("latin-1")  # any bytes, one character each: JSON-safe and reversible


def _dictionary_digest(language: str) -> str:
    return hashlib.sha256((shipped.DATA_FOLDER / f"{language}.plzma").read_bytes()).hexdigest()


class _Blocks(Mapping[str, str]):
    """One language's dictionary, decoded a block of records at a time as lookups need them."""

    def __init__(self, data: bytes, seeds: list[tuple[int, bytes, bytes]]) -> None:
        self._data = data
        self._reverse, self._count, _ = frontcode._read_header(data)
        self._seeds = seeds
        self._firsts = [next(frontcode._iter_records(data, *seed))[1] for seed in seeds]
        self._decoded: dict[int, dict[bytes, bytes]] = {}

    def _block(self, index: int) -> dict[bytes, bytes]:
        found = self._decoded.get(index)
        if found is None:
            found = {}
            for _, key, value in frontcode._iter_records(self._data, *self._seeds[index]):
                if len(found) == BLOCK:
                    break
                found[key] = value
            self._decoded[index] = found
        return found

    def get(self, key: str, default: Any = None) -> Any:  # simplemma looks words up with .get
        target = key.encode()
        if self._reverse:
            target = target[::-1]
        index = bisect_right(self._firsts, target) - 1
        if index < 0:
            return default
        value = self._block(index).get(target)
        if value is None:
            return default
        return (value[::-1] if self._reverse else value).decode()

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return str(value)

    def __iter__(self) -> Iterator[str]:
        for index in range(len(self._seeds)):
            for key in self._block(index):
                yield (key[::-1] if self._reverse else key).decode()

    def __len__(self) -> int:
        return self._count


class _IndexedFactory(DictionaryFactory):
    """simplemma's dictionaries through the shipped block index where it fits, else its own."""

    @lru_cache(maxsize=None)  # one factory for the life of the process
    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        seeds = _seeds(lang)
        if seeds is None:
            return shipped.DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        return _Blocks(shipped._read_decompressed(lang), seeds)


def _seeds(language: str) -> list[tuple[int, bytes, bytes]] | None:
    path = resources.files(INDEX_PACKAGE).joinpath(INDEX_DIR, index_name(language))
    if language not in LANGUAGES or not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    if (index["simplemma"] != simplemma.__version__ or index["block"] != BLOCK
            or index["sha256"] != _dictionary_digest(language)):
        return None
    return [(offset, _bytes(key), _bytes(value)) for offset, key, value in index["seeds"]]


def in_date() -> bool:
    """Whether every language's dictionary is read through the shipped index (benchmarks say so)."""
    return all(_seeds(language) is not None for language in LANGUAGES)


_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_IndexedFactory()))


def lemmatize(word: str, language: str) -> str:
    """What `simplemma.lemmatize(word, lang=language)` returns."""
    return _LEMMATIZER.lemmatize(word, language)


def build(language: str) -> dict[str, Any]:
    """The block index of one language's dictionary: where every BLOCK-th record starts."""
    data = shipped._read_decompressed(language)
    _, _, start = frontcode._read_header(data)
    seeds = []
    previous = (b"", b"")
    for number, (offset, key, value) in enumerate(frontcode._iter_records(data, start)):
        if number % BLOCK == 0:
            seeds.append((offset, _text(previous[0]), _text(previous[1])))
        previous = (key, value)
    return {"simplemma": simplemma.__version__, "sha256": _dictionary_digest(language), "block": BLOCK,
            "seeds": seeds}


def render(index: dict[str, Any]) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"

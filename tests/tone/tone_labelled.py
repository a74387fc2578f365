"""Loading the labelled reply files shared by the tone tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).parent
BANDS: dict[str, tuple[int, int]] = {"good": (70, 100), "mediocre": (41, 69), "bad": (0, 40)}


@dataclass(frozen=True)
class Example:
    id: str
    language: str
    label: str
    reply: str
    context: str | None = None
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    band: tuple[int, int] = (0, 100)
    official_numbers: tuple[str, ...] = field(default_factory=tuple)


def load_examples() -> list[Example]:
    examples: list[Example] = []
    for language in ("nb", "en"):
        raw = YAML(typ="safe", pure=True).load((HERE / f"replies_{language}.yaml").read_text(encoding="utf-8"))
        for item in raw:
            examples.append(
                Example(
                    id=item["id"],
                    language=language,
                    label=item["label"],
                    reply=item["reply"],
                    context=item.get("context"),
                    must=tuple(item.get("must", ())),
                    must_not=tuple(item.get("must_not", ())),
                    band=tuple(item.get("score", BANDS[item["label"]])),
                    official_numbers=tuple(item.get("official_numbers", ())),
                )
            )
    return examples

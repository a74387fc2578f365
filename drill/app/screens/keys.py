"""Key bindings declared on the screen classes, their footer labels read from the catalogue.

Textual wants bindings on the class (`BINDINGS`), but the language is chosen at run time
(the `--lang` option or the scenario's). So a binding's description holds a catalogue key
(`key.reply`; a group's too), and `active_bindings` — what the footer and the key panel read — hands out
the same binding with the text in the language now in use.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

from drill.i18n import LANGUAGES, active_language, t


@lru_cache(maxsize=512)
def _translated(binding: Binding, language: str) -> Binding:
    """`language` is part of the cache key: the same binding reads differently in nb and en."""
    texts = LANGUAGES[language]
    if binding.description in texts:
        binding = replace(binding, description=t(binding.description))
    group = binding.group
    if group is not None and group.description in texts:
        binding = replace(binding, group=Binding.Group(t(group.description), compact=group.compact))
    return binding


class CatalogueBindings(Screen[object]):
    """A screen whose footer speaks the catalogue's language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        language = active_language()
        return {
            key: active._replace(binding=_translated(active.binding, language))
            for key, active in super().active_bindings.items()
        }

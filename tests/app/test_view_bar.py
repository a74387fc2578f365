"""The view bar at the sizes a team plays at: every view's key and name stay readable when the
counts grow, since the key is how a view is chosen and the counts say the least."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from drill.app.triage import VIEWS
from drill.i18n import t
from tests.app.screens import console

LARGE = dict(zip(VIEWS, (172, 318, 116, 104, 401, 999), strict=True))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("language", ["nb", "nn", "en"])
async def test_every_view_key_and_name_fit_with_three_digit_counts(console_app, size, language) -> None:  # noqa: ANN001
    app = console_app(language=language)
    async with app.run_test(size=size) as pilot:
        app.advance(60)
        await pilot.pause()
        bar = console(app).view_bar
        for selected in VIEWS:
            bar.show(LARGE, selected, "newest", "", 10)
            await pilot.pause()
            views = bar.text.split("  " + t("console.sort_newest"))[0]  # the order follows, and may be cut
            assert cell_len(views) <= bar.content_size.width, views
            for key, name in enumerate(VIEWS, start=1):
                assert f"{key} {t(f'console.view_{name}_short')}" in views or f"{key} {t(f'console.view_{name}')}" in views, views
            assert "…" not in views


async def _bar_with_large_counts(console_app, size: tuple[int, int]) -> str:  # noqa: ANN001
    """The view bar's text at `size`, the first view selected, with counts in the hundreds."""
    app = console_app()
    async with app.run_test(size=size) as pilot:
        app.advance(60)
        await pilot.pause()
        bar = console(app).view_bar
        bar.show(LARGE, "needs", "newest", "", 10)
        await pilot.pause()
        return str(bar.text)


async def test_counts_are_shown_where_there_is_room(console_app) -> None:  # noqa: ANN001
    text = await _bar_with_large_counts(console_app, (200, 40))
    assert "[1 Må svares 172]  2 Spørsmål 318" in text and "6 Alt 999" in text


async def test_a_count_never_stands_next_to_the_following_key(console_app) -> None:  # noqa: ANN001
    """ "1 Svar 12 2 Spm." reads as two numbers; with the counts there is room between views."""
    text = await _bar_with_large_counts(console_app, (100, 30))
    assert "[1 Svar 172]  2 Spm." in text
    assert "4 Mod. 104  5 Våre" in text

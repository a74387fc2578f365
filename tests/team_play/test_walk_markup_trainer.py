"""The trainer's list of injects to fire shows each inject's text as written, never as markup.

An inject whose text held "[/]" ended the trainer's console with a MarkupError when the list
opened, and a "[@click=app.quit]" made its words a button that quit it.
"""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

from textual.app import App

from drill.live import LiveDrill
from drill.scenario import load_scenario
from drill.team_play.tui.trainer_dialogs import FireInjectDialog

GAS = Path(__file__).resolve().parents[2] / "scenarios" / "gasslukt-torget.yaml"
HOSTILE = "[b]x[/b] [/] [@click=app.quit]z[/] [red]"


def test_the_injects_to_fire_are_listed_as_written(tmp_path: Path) -> None:
    text = GAS.read_text(encoding="utf-8").replace('text: "Hørte fra en i politiet', f'text: "{HOSTILE} Hørte', 1)
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    loaded = load_scenario(tmp_path / "s.yaml")
    live = LiveDrill.create(loaded, tmp_path / "s.db", seed=1)
    state = live.state

    async def run() -> tuple[str, set[object]]:
        app: App[None] = App()
        async with app.run_test(size=(120, 40)) as pilot:
            app.push_screen(FireInjectDialog(loaded.scenario, state, "nb"))
            await pilot.pause()
            svg = app.export_screenshot()
            shown = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
            clicks = {app.screen.get_style_at(x, y).meta.get("@click") for x in range(120) for y in range(40)}
            return shown, clicks - {None}

    try:
        shown, clicks = asyncio.run(run())
    finally:
        live.close()
    assert f"+0:06:00 bomb-rumour {HOSTILE} Hø" in " ".join(shown.split())
    assert clicks == set(), "a click on an inject's words must never run an action"

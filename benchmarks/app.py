"""Terminal app under a comment storm: keypress-to-screen latency, view switches and memory.

A synthetic scenario posts 5 comments per simulated second (a tenth of them a rumour, half
of them questions from a few templates, so grouping has work to do) on a page whose audience
is a 1,000,000-node network with a rumour spreading through it. The drill is first advanced
until the page holds 100,000 items; that prefill, which includes building the audience
(Barabási–Albert, about 3 s and 250 MB; the clustered model peaks at 690 MB), is outside
every timed region. Then the app runs headless (Textual's `run_test`) with its real 10 Hz
clock at 60x, so 300 comments a wall second keep pouring in while a team member types a
reply at a steady pace, moves up and down the feed, and switches triage views (1-6) and
their order (s). For every keystroke we measure the time from sending the key to the first
screen update that shows its effect (the app's `_display` call that follows it). For a feed key
each frame notes, as it goes out, which row the feed drew its cursor on and which row the thread
pane drew (noted as they draw their lines), so the cursor's figure is the first frame that draws
the cursor moved and the pane's the first that draws the pane on that row. (Reading them when
`Pilot.press` returns would time the pilot: it returns only once the process has been idle for a
while, which under a storm can take seconds.) The engine runs on its own thread as in `drill
play` (`drill.app.engine_thread`): `tick_*` is what the app's thread spends per tick or wake-up
(applying the engine's events, redrawing), and `engine_slice_*` what the engine spends per slice
of simulated time on its thread. Memory is the process's peak RSS (ru_maxrss), plus the Python
heap peak from tracemalloc when `--tracemalloc` is given (it slows everything down, so it is off
by default).

Run: ``python -m benchmarks app`` (or ``python -m benchmarks.app``); ``--json PATH`` on
``python -m benchmarks`` writes the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import drill.app  # noqa: F401 - before Textual, as `drill play` imports them: the app sets Textual's frame rate

TARGETS = {"keypress_p95_ms": 50.0, "feed_key_p95_ms": 50.0, "feed_key_pane_p95_ms": 50.0, "view_switch_p95_ms": 100.0,
           "peak_rss_mb": 400.0}
"""A feed key is answered when the thread pane shows the row the cursor moved to: the cursor's
frame and the pane's are both held to the keypress target (the pane's is never the faster)."""

SCENARIO = """
id: bench-storm
title: Kommentarstorm
language: nb
kind: crisis
municipality: {{name: Benk kommune, followers: 50000, official_link: https://benk.kommune.no/krise,
               places: [Torget, Sentrum, Havna]}}
starts: 2026-11-03T10:00:00+01:00
duration: 10h
team: ["Kari, kommunikasjonsavdelingen", "Jonas, servicetorget"]
audience: {{model: barabasi_albert, nodes: {nodes}, mean_degree: 10}}
injects:
  - {{id: first, at: 0s, text: "Hva skjer i sentrum?", labels: {{kind: question}}}}
  - id: rumour
    at: 30s
    text: "Hørte at det er giftig gass i hele sentrum, og at de lyver for oss!"
    labels: {{kind: rumour}}
    spread: {{share_probability: 0.05, seeds: 3, influential: true}}
streams:
  - id: storm
    from: 1s
    to: 10h
    rate: {{per_minute: {per_minute}}}
    mix: {{question: 0.5, complaint: 0.2, rumour: 0.1, chatter: 0.1, praise: 0.05, attack: 0.05}}
"""


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def _measure(args: argparse.Namespace, session: Path) -> dict:
    from textual.widgets import TextArea

    from drill.app.app import DrillApp
    from drill.app.engine_thread import ThreadedConnection
    from drill.app.screens.dialogs import ReplyDialog
    from drill.engine.actions import SetClock
    from drill.live import LiveDrill
    from drill.scenario import parse_scenario

    loaded = parse_scenario(SCENARIO.format(per_minute=args.rate * 60, nodes=args.nodes), "bench-storm.yaml")
    started = time.perf_counter()
    live = LiveDrill.create(loaded, session, seed=1, overwrite=True)
    live.let_go_of_events()  # as drill play does (ThreadedConnection): the session file keeps them
    # A minute of drill time at a time, as a running drill commits its events (one call for all
    # 100,000 would hold them all at once before committing, which no drill does).
    prefill_to, minute = args.items / args.rate, 0.0
    while minute < prefill_to:
        minute = min(prefill_to, minute + 60.0)
        live.advance_to(minute)
    prefill_s = time.perf_counter() - started
    print(f"  prefill: {len(live.state.items):,} items in {prefill_s:.1f} s (outside the timed regions)", flush=True)
    prefilled = len(live.state.items)
    started = time.perf_counter()
    connection = ThreadedConnection(live)  # what `drill play` runs: the engine on its own thread
    print(f"  console's copy of the drill: {time.perf_counter() - started:.1f} s", flush=True)
    connection.apply(SetClock(speed=args.speed))

    app = DrillApp(connection=connection, ticking=True)
    displays: list[float] = []
    frames: list[tuple[float, str | None, str | None]] = []
    """Once the feed is watched: each frame's time, the row the feed's cursor was drawn on and the
    row the thread pane was drawn for (by that frame or the last one that redrew them)."""
    watching: list[bool] = []  # [True] while the feed keys are timed
    drawn: dict[str, str | None] = {}
    """What the feed and the pane last drew, noted as they draw their lines for a frame. Their
    `selected` and `item_id` change as soon as a key is handled, before the widget's redraw reaches
    the screen, so a frame composed in between would count as showing what it does not draw yet."""
    original_display = app._display

    def display(screen, renderable) -> None:  # noqa: ANN001 - Textual's private hook, wrapped to timestamp frames
        original_display(screen, renderable)
        displays.append(time.perf_counter())
        if watching:
            frames.append((displays[-1], drawn["feed"], drawn["pane"]))

    def note_drawing(widget, name: str, row) -> None:  # noqa: ANN001 - any Line API widget
        """Note `row()` whenever `widget` draws a line (the compositor draws the lines of a frame)."""
        original = widget.render_line

        def render_line(y: int):  # noqa: ANN202
            drawn[name] = row()
            return original(y)

        widget.render_line = render_line

    app._display = display  # type: ignore[method-assign]
    tick_costs: list[float] = []
    original_advance = app.advance

    def timed_advance(wall_seconds: float) -> None:
        begun = time.perf_counter()
        original_advance(wall_seconds)
        tick_costs.append(time.perf_counter() - begun)

    app.advance = timed_advance  # type: ignore[method-assign]
    slice_costs: list[float] = []
    original_slice = live.advance_to

    def timed_slice(t: float) -> list:
        begun = time.perf_counter()
        try:
            return original_slice(t)
        finally:
            slice_costs.append(time.perf_counter() - begun)

    live.advance_to = timed_slice  # type: ignore[method-assign]

    latencies: list[float] = []
    moves: list[float] = []
    panes: list[float] = []
    switches: list[float] = []
    async with app.run_test(size=(args.width, args.height)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog), dialog
        area = dialog.query_one("#reply-text", TextArea)
        typed = "Vi jobber med saken og oppdaterer her. "
        for index in range(args.keys):
            char = typed[index % len(typed)]
            expected = len(area.text) + 1
            frames_before = len(displays)
            sent = time.perf_counter()
            await pilot.press("space" if char == " " else char)
            # Wait for the first frame drawn after the text changed.
            while True:
                if len(area.text) >= expected and len(displays) > frames_before and displays[-1] >= sent:
                    shown = next(t for t in displays[frames_before:] if t >= sent)
                    break
                await asyncio.sleep(0.0005)
            latencies.append(shown - sent)
            await asyncio.sleep(max(0.0, args.pace - (time.perf_counter() - sent)))
        # Then move through the feed while it keeps growing under the cursor.
        await pilot.press("escape")
        await pilot.pause()
        feed = app.screen.feed
        thread = app.screen.thread
        drawn.update(feed=feed.selected, pane=thread.item_id)  # on screen since the pause
        note_drawing(feed, "feed", lambda: feed.selected)
        note_drawing(thread, "pane", lambda: thread.item_id)
        watching.append(True)
        for index in range(args.keys):
            before = feed.selected
            frames_before = len(frames)
            sent = time.perf_counter()
            await pilot.press("down" if index % 4 != 3 else "up")
            # The first frame with the cursor moved, and the first with the thread pane on the
            # row it moved to (the whole answer to the key; it may be the same frame).
            cursor = pane = None
            while pane is None and time.perf_counter() - sent < 5.0:
                await asyncio.sleep(0.0005)
                moved = [f for f in frames[frames_before:] if f[0] >= sent and f[1] != before]
                cursor = moved[0][0] if moved else None
                pane = next((when for when, selected, shown in moved if shown == selected), None)
            if cursor is None:
                raise RuntimeError("the feed key was not drawn within 5 s")
            moves.append(cursor - sent)
            panes.append((pane if pane is not None else time.perf_counter()) - sent)  # a pane never shown counts 5 s
            await asyncio.sleep(max(0.0, args.pace - (time.perf_counter() - sent)))
        watching.clear()
        # Then switch views and orders, as a team triaging the flood does.
        model = app.screen.model
        for index in range(args.keys):
            # Views 1-6 in turn with an order change every seventh key: each key changes something.
            key = "s" if index % 7 == 6 else str(1 + index % 6)
            before = (model.view, model.sort)
            frames_before = len(displays)
            sent = time.perf_counter()
            await pilot.press(key)
            while True:
                if (model.view, model.sort) != before and len(displays) > frames_before and displays[-1] >= sent:
                    shown = next(t for t in displays[frames_before:] if t >= sent)
                    break
                await asyncio.sleep(0.0005)
            switches.append(shown - sent)
            await asyncio.sleep(max(0.0, args.pace - (time.perf_counter() - sent)))
        counts = model.counts()
        groups = len(connection.state.groups(2))
        rumour_reach = connection.state.items["rumour"].reach
        items_at_end = len(connection.state.items)
        simulated = connection.now
    connection.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "items_prefilled": prefilled,
        "items_at_end": items_at_end,
        "prefill_seconds": round(prefill_s, 2),
        "simulated_seconds_at_end": round(simulated, 1),
        "comments_per_simulated_second": args.rate,
        "speed": args.speed,
        "keys": len(latencies),
        "keypress_p50_ms": round(statistics.median(latencies) * 1000, 1),
        "keypress_p95_ms": round(_percentile(latencies, 0.95) * 1000, 1),
        "keypress_max_ms": round(max(latencies) * 1000, 1),
        "feed_key_p50_ms": round(statistics.median(moves) * 1000, 1),
        "feed_key_p95_ms": round(_percentile(moves, 0.95) * 1000, 1),
        "feed_key_max_ms": round(max(moves) * 1000, 1),
        "feed_key_pane_p50_ms": round(statistics.median(panes) * 1000, 1),
        "feed_key_pane_p95_ms": round(_percentile(panes, 0.95) * 1000, 1),
        "feed_key_pane_max_ms": round(max(panes) * 1000, 1),
        "view_switches": len(switches),
        "view_switch_p50_ms": round(statistics.median(switches) * 1000, 1),
        "view_switch_p95_ms": round(_percentile(switches, 0.95) * 1000, 1),
        "view_switch_max_ms": round(max(switches) * 1000, 1),
        "waiting_at_end": counts["needs"],
        "groups_of_two_or_more": groups,
        "audience_nodes": args.nodes,
        "rumour_reach": rumour_reach,
        "tick_p50_ms": round(statistics.median(tick_costs) * 1000, 1) if tick_costs else None,
        "tick_p95_ms": round(_percentile(tick_costs, 0.95) * 1000, 1) if tick_costs else None,
        "ticks": len(tick_costs),
        "engine_slice_p50_ms": round(statistics.median(slice_costs) * 1000, 1) if slice_costs else None,
        "engine_slice_p95_ms": round(_percentile(slice_costs, 0.95) * 1000, 1) if slice_costs else None,
        "engine_slices": len(slice_costs),
        "peak_rss_mb": round(rss_mb, 1),
    }


def run(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="python -m benchmarks app", description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000, help="items in the feed before typing starts")
    parser.add_argument("--rate", type=int, default=5, help="comments per simulated second")
    parser.add_argument("--speed", type=float, default=60.0, help="clock speed while measuring")
    parser.add_argument("--nodes", type=int, default=1_000_000, help="people in the audience network")
    parser.add_argument("--keys", type=int, default=100, help="keystrokes to measure")
    parser.add_argument("--pace", type=float, default=0.08, help="seconds between keystrokes (a fast typist)")
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--height", type=int, default=36)
    parser.add_argument("--tracemalloc", action="store_true", help="also measure the Python heap peak (slower)")
    args, _ = parser.parse_known_args(argv)

    print(f"app benchmark on {platform.python_implementation()} {platform.python_version()}: "
          f"{args.items:,} items, {args.rate}/s simulated at {args.speed:g}x, {args.nodes:,}-node audience, "
          f"{args.keys} keystrokes of each kind")
    if args.tracemalloc:
        tracemalloc.start()
    with tempfile.TemporaryDirectory() as folder:
        figures = asyncio.run(_measure(args, Path(folder) / "bench.db"))
    if args.tracemalloc:
        figures["python_heap_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
    print(f"  {'figure':<30} {'target':>10} {'measured':>12}  met")
    for key, value in figures.items():
        target = TARGETS.get(key)
        if target is None:
            print(f"  {key:<30} {'':>10} {value!s:>12}")
        else:
            print(f"  {key:<30} {'≤ %g' % target:>10} {value!s:>12}  {'yes' if value <= target else 'NO'}")
    figures["targets"] = [
        {"name": key, "target": f"≤ {target:g}", "measured": figures[key], "met": figures[key] <= target}
        for key, target in TARGETS.items()
    ]
    return figures


if __name__ == "__main__":
    run(sys.argv[1:])

"""The HTML report in a real browser engine, when one is installed (skipped otherwise).

Headless Chromium renders the report to a PNG; the page must render (not blank) and be
long enough to hold every section and chart.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from scoring.report.build import build_report
from scoring.report.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed")
def test_chromium_renders_the_report(gas_runs, tmp_path):
    run = gas_runs["poor"]
    page = tmp_path / "report.html"
    page.write_text(render_html(build_report(run.scenario, run.events, file_name="poor.db")), encoding="utf-8")
    shot = tmp_path / "report.png"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2000",
               page.as_uri()]
    try:
        subprocess.run(command, capture_output=True, timeout=90, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not finish in time")
    if not shot.exists():
        pytest.skip("chromium could not take a screenshot here")
    image_module = pytest.importorskip("PIL.Image")
    with image_module.open(shot) as image:
        assert image.size == (1280, 2000)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50  # text, bars and badges, not a blank page

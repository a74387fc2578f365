"""Benchmarks, one module per subsystem, run by name: ``python -m benchmarks spread``.

A benchmark module defines ``run(argv: list[str]) -> dict``: it prints its
own human-readable report and returns the figures as JSON-ready data. The
runner discovers sibling modules, so adding ``benchmarks/app.py`` makes
``python -m benchmarks app`` work without touching the runner.
"""

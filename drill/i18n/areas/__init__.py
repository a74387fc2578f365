"""Catalogue areas: one module per part of drill (history, reports, console views, ...).

Each module holds `TEXTS = {"nb": {...}, "nn": {...}, "en": {...}}` with keys under its own
prefix. Splitting the catalogue by area lets a feature bring its words with it without
everyone editing one long file; `drill.i18n` merges the areas and refuses a key defined twice.
"""

"""Simulation engine: virtual clock, streams, triggers, spread model; pure and deterministic."""

"""Widgets of the drill console, each named by the role it plays on screen."""

"""A high-contrast theme: drills are often run on a projector in a bright meeting room."""

from __future__ import annotations

from textual.theme import Theme

PROJECTOR_THEME = Theme(
    name="drill-projector",
    primary="#1E5AA8",
    secondary="#0B3C7D",
    accent="#FFD000",
    foreground="#FFFFFF",
    background="#000000",
    surface="#0A0A0A",
    panel="#1A1A1A",
    success="#3DDC84",
    warning="#FFB000",
    error="#FF5C5C",
    dark=True,
    variables={
        "foreground-muted": "#C8C8C8",
        "footer-key-foreground": "#FFD000",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFD000",
        "input-selection-background": "#1E5AA8",
    },
)

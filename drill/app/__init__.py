"""The drill terminal app (Textual): picker, briefing, console, debrief and replay."""

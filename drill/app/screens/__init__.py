"""Screens of the drill app: picker, briefing, console, debrief, and the dialogs over them."""

"""The drill terminal app (Textual): picker, briefing, console, debrief and replay.

Textual draws a frame at most once per 1/`TEXTUAL_FPS` seconds, and after a frame that came
between two of those moments it waits for the next but one: at its default of 60 a key pressed
just after the storm's tick had redrawn the console waited up to 33 ms before its own frame
could start. At 240 that wait is at most 8 ms. Textual draws only when something changed, so
a quiet console costs no more. Textual reads the setting once, when it is first imported, and
every way into the app imports this package before Textual; a value set outside is kept.
"""

import os

FRAMES_PER_SECOND = 240
os.environ.setdefault("TEXTUAL_FPS", str(FRAMES_PER_SECOND))

"""The team-play screens: the app's console with who-is-doing-what, the trainer's tools, joining."""

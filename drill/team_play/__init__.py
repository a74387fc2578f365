"""Team play: several seats, a trainer's console and browser seats on one drill.

One process, the host, owns the drill's clock and its generators and is the only writer
of events. Everyone else (seats, the trainer's console, browser seats) reads the shared
session file and asks the host to act on their behalf through a `requests` table; who is
at the table and what they are typing lives in a `presence` table; the host proves it is
alive through a heartbeat row. Everything goes through the session's SQLite file, so no
server has to be installed and any number of processes on the machine can take part.
"""

"""The plain-text console: a seat or the trainer's console as lines in, lines out.

Works in any terminal, over ssh, in a tmux pane and in scripts (`--plain`). It prints every
new event as one line, says who joins, leaves and is writing what, and turns typed commands
into actions sent through the connection. Replying is two steps (`reply ITEM`, then the
text), so the others see "writing a reply to ITEM" while the text is being typed.
"""

from __future__ import annotations

import queue
import shlex
import sys
import threading
from collections.abc import Callable
from functools import partial
from typing import Protocol, TextIO, TypeVar

from drill.engine import actions as act
from drill.engine.engine import ActionRejected
from drill.events import Event
from drill.i18n import LANGUAGE_CODES, catalogue
from drill.roster import team_line
from drill.scenario.models import Channel, DeletionReason, InjectContent
from drill.team_play.database import wall_now
from drill.team_play.lines import clock, event_line, short
from drill.team_play.host import ASSIGN, START_DRILL
from drill.team_play.overview import build_overview
from drill.team_play.presence import ACTIVITY_IDLE, ACTIVITY_REPLY, ROLE_TRAINER
from drill.team_play.seat import SeatConnection
from drill.team_play.texts import role_label, say, say_count, seat_label

REFRESH_EVERY = 0.2


def reason_words(language: str) -> str:
    """The hide/delete reasons as a seat types them, in its language: one word each."""
    words = catalogue(language)
    return ", ".join(words(f"walk.reason_word.{reason.value}") for reason in DeletionReason)


def channel_words(language: str) -> str:
    """The channels of an inject written on the fly, as the trainer types them: one word each."""
    words = catalogue(language)
    return ", ".join(words(f"walk.channel_word.{channel.value}") for channel in Channel)


def typed_reason(word: str) -> DeletionReason | None:
    """The reason a typed word names: its one word in any language, its whole label, or its code."""
    return _typed(word, list(DeletionReason), "walk.reason_word", "reason")


def typed_channel(word: str) -> Channel | None:
    """The channel a typed word names, the same way as `typed_reason`."""
    return _typed(word, list(Channel), "walk.channel_word", "channel")


Choice = TypeVar("Choice", DeletionReason, Channel)


def _typed(word: str, choices: list[Choice], word_key: str, label_key: str) -> Choice | None:
    wanted = " ".join(word.split()).casefold()
    for choice in choices:
        names = {choice.value}
        for language in LANGUAGE_CODES:
            words = catalogue(language)
            names |= {words(f"{word_key}.{choice.value}"), words(f"{label_key}.{choice.value}")}
        if wanted in {name.casefold() for name in names}:
            return choice
    return None


class _Handler(Protocol):
    """A command: the words typed after it and the whole line; `name` is the command word itself."""

    def __call__(self, words: list[str], text: str, *, name: str = "") -> bool | None: ...


class PlainConsole:
    def __init__(self, connection: SeatConnection, out: TextIO = sys.stdout) -> None:
        self.connection = connection
        self.out = out
        self.trainer = connection.role == ROLE_TRAINER
        self.language = connection.state.language or connection.scenario.language.value
        self._replying_to: str | None = None
        self._seen: dict[str, tuple[str, str | None]] = {}
        self._host_alive: bool | None = None
        self._in_lobby: bool | None = None
        self._forged_after = 0
        connection.add_listener(self._print_events)

    # --- output ---------------------------------------------------------------------------

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def welcome(self) -> None:
        key = "welcome.trainer" if self.trainer else "welcome.seat"
        self.say(say(key, self.language, seat=self.connection.seat, title=self.connection.scenario.title))
        self._print_events(list(self.connection.events))
        self.refresh()

    def refresh(self) -> None:
        """Pick up new events, seats coming and going, and the host's heartbeat."""
        self.connection.tick()
        alive = self.connection.host_alive
        lobby = self.connection.in_lobby
        if alive != self._host_alive or lobby != self._in_lobby:
            self._host_alive, self._in_lobby = alive, lobby
            self.say(self.status_line())
        self._print_presence()
        if self.trainer:
            for request in self.connection.forged(self._forged_after):
                self._forged_after = request.id
                self.say(say("host.forged", self.language, id=request.id, seat=request.seat[:60],
                             role=request.role[:20], why=request.message))

    def status_line(self) -> str:
        c = self.connection
        if not c.host_alive:
            status = say("status.host_gone", self.language)
        elif c.in_lobby:
            status = say("status.lobby", self.language)
        elif c.ended:
            status = say("status.ended", self.language)
        elif c.state.paused:
            status = say("status.paused", self.language)
        else:
            status = say("status.running", self.language, speed=c.speed)
        waiting = c.state.waiting_count
        return say("status.line", self.language, clock=clock(c.now), status=status,
                   duty=c.state.on_duty or "-", waiting=waiting)

    def _print_events(self, events: list[Event]) -> None:
        for event in events:
            line = event_line(event, self.language, trainer=self.trainer)
            if line:
                self.say(line)

    def _print_presence(self) -> None:
        current = {p.seat: (p.activity, p.item_id) for p in self.connection.seats()}
        for seat, doing in current.items():
            if seat == self.connection.seat:
                continue
            if seat not in self._seen:
                role = next(p.role for p in self.connection.seats() if p.seat == seat)
                self.say(say("seat.joined", self.language, seat=seat_label(seat, self.language),
                             role=role_label(role, self.language)))
            elif doing != self._seen[seat]:
                self.say(self._doing(seat, *doing))
        for seat in self._seen.keys() - current.keys():
            self.say(say("seat.left", self.language, seat=seat_label(seat, self.language)))
        self._seen = current

    def _doing(self, seat: str, activity: str, item_id: str | None) -> str:
        if not activity:
            return say("typing.none", self.language, seat=seat)
        return f"{seat}: " + say(f"doing.{activity}", self.language, item=item_id or "-")

    # --- input ----------------------------------------------------------------------------

    def handle(self, line: str) -> bool:
        """Do what the line says; False when the user wants to leave."""
        if self._replying_to is not None:
            item, self._replying_to = self._replying_to, None
            self.connection.set_activity(ACTIVITY_IDLE)
            if not line.strip():
                self.say(say("reply.cancelled", self.language))
                return True
            self._send(act.Reply(item=item, text=line.strip()))
            return True
        try:
            words = shlex.split(line)
        except ValueError:
            words = line.split()
        if not words:
            return True
        command, rest = words[0].lower(), words[1:]
        text = line.strip()[len(words[0]):].strip()
        handler = self._commands().get(command)
        if handler is None:
            self.say(say("unknown_command", self.language, word=command))
            return True
        try:
            return handler(rest, text) is not False
        except _Usage as usage:
            self.say(say("usage", self.language, usage=str(usage)))
            return True

    def _commands(self) -> dict[str, Callable[[list[str], str], bool | None]]:
        commands: dict[str, _Handler] = {
            "help": self._help, "?": self._help, "quit": self._quit, "exit": self._quit,
            "reply": self._reply, "r": self._reply, "post": self._post, "o": self._post,
            "hide": self._moderate, "delete": self._moderate, "unhide": self._simple, "restore": self._simple,
            "like": self._simple, "archive": self._archive, "handover": self._handover,
            "waiting": self._waiting, "show": self._show, "who": self._who, "status": self._status,
        }
        if self.trainer:
            commands.update({
                "lobby": self._lobby, "map": self._map, "start": self._start,
                "pause": self._clock, "resume": self._clock, "speed": self._clock, "injects": self._injects,
                "fire": self._fire, "inject": self._inject, "note": self._note, "overview": self._overview,
                "end": self._end,
            })
        # Handlers shared by several commands learn which word was typed.
        return {name: partial(handler, name=name) for name, handler in commands.items()}

    def _send(self, action: act.Action) -> None:
        try:
            self.connection.apply(action)
        except ActionRejected as error:
            self.say(say("refused", self.language, message=error))
            return
        self.say(say("ok", self.language))

    # --- commands ---------------------------------------------------------------------------

    def _quit(self, words: list[str], text: str, *, name: str = "") -> bool:
        return False

    def _lobby(self, words: list[str], text: str, *, name: str = "") -> None:
        c = self.connection
        present = {p.seat for p in c.seats()}
        seats = [(grant, seat, member) for grant, seat, member in c.grants() if seat in present]
        self.say(say("tui.lobby.present", self.language, seats=team_line(seat for _, seat, _ in seats)))
        for member in c.state.team:
            holder = next((seat for _, seat, held in seats if held == member), say("tui.lobby.absent", self.language))
            self.say(f"  {member:<40} {holder}")

    def _map(self, words: list[str], text: str, *, name: str = "") -> None:
        member, _, seat = text.partition("=")
        grant = next((g for g, s, _ in self.connection.grants() if s == seat.strip().strip('"')), None)
        if not member.strip() or grant is None:
            raise _Usage("map MEMBER = SEAT")
        self._send_control({"type": ASSIGN, "mapping": {member.strip().strip('"'): grant}})

    def _start(self, words: list[str], text: str, *, name: str = "") -> None:
        self._send_control({"type": START_DRILL, "mapping": {}})

    def _send_control(self, control: dict) -> None:
        try:
            self.connection.settle(self.connection.wait_for(self.connection.submit(control)))
        except ActionRejected as error:
            self.say(say("refused", self.language, message=error))
            return
        self.say(say("ok", self.language))

    def _end(self, words: list[str], text: str, *, name: str = "") -> None:
        self._send(act.EndDrill())

    def _help(self, words: list[str], text: str, *, name: str = "") -> None:
        self.say(say("help.seat", self.language, reasons=reason_words(self.language)))
        if self.trainer:
            self.say(say("help.trainer", self.language, channels=channel_words(self.language)))
            self.say(say("plain.lobby", self.language))

    def _reply(self, words: list[str], text: str, *, name: str = "") -> None:
        if not words:
            raise _Usage("reply ITEM [TEXT]")
        item = words[0]
        answer = text[len(item):].strip().strip('"')
        if answer:
            self._send(act.Reply(item=item, text=answer))
            return
        for presence in self.connection.busy_with(item):
            self.say(say("busy", self.language, seats=presence.seat,
                         what=say(f"doing.{presence.activity}", self.language, item=presence.item_id or "-")))
        duty = self.connection.state.on_duty
        if not self.trainer and duty != self.connection.actor:
            self.say(say("seat.not_on_duty", self.language, duty=duty) if duty
                     else say("seat.nobody_on_duty", self.language))
        self.connection.set_activity(ACTIVITY_REPLY, item)
        self._replying_to = item
        self.say(say("reply.prompt", self.language, item=item))

    def _post(self, words: list[str], text: str, *, name: str = "") -> None:
        if not text:
            raise _Usage("post TEXT")
        self._send(act.OfficialPost(text=text))

    def _moderate(self, words: list[str], text: str, *, name: str = "") -> None:
        reason = typed_reason(words[1]) if len(words) >= 2 else None
        if reason is None:
            raise _Usage(catalogue(self.language)("walk.plain.moderate_usage", command=name,
                                                  reasons=reason_words(self.language)))
        model = act.Hide if name == "hide" else act.Delete
        self._send(model(item=words[0], reason=reason, note=" ".join(words[2:])))

    def _simple(self, words: list[str], text: str, *, name: str = "") -> None:
        if len(words) != 1:
            raise _Usage(f"{name} ITEM")
        model = {"unhide": act.Unhide, "restore": act.Restore, "like": act.Like}[name]
        self._send(model(item=words[0]))

    def _archive(self, words: list[str], text: str, *, name: str = "") -> None:
        if not words:
            raise _Usage("archive ITEM [NOTE]")
        self._send(act.Archive(item=words[0], note=" ".join(words[1:])))

    def _handover(self, words: list[str], text: str, *, name: str = "") -> None:
        if not text:
            raise _Usage("handover NAME")
        self._send(act.Handover(to=text.strip('"')))

    def _waiting(self, words: list[str], text: str, *, name: str = "") -> None:
        now = self.connection.now
        for item in self.connection.state.waiting():
            busy = team_line((p.seat for p in self.connection.busy_with(item.item_id)), nobody="")
            self.say(f"  {item.item_id:<22} {clock(now - item.t):>10}  {short(item.text, 70)}"
                     + (f"  [{busy}]" if busy else ""))

    def _show(self, words: list[str], text: str, *, name: str = "") -> None:
        state = self.connection.state
        if len(words) != 1 or words[0] not in state.items:
            raise _Usage("show ITEM")
        root = state.items[words[0]].thread_id
        for item_id in [root, *state.threads.get(root, [])]:
            item = state.items[item_id]
            self.say(f"  {item.item_id} ({item.visibility}) {item.author}: {item.text}")
            for reply in item.replies:
                self.say(f"    ↳ {reply.author}: {reply.text}")

    def _who(self, words: list[str], text: str, *, name: str = "") -> None:
        for presence in self.connection.seats():
            duty = " *" if presence.seat == self.connection.state.on_duty else ""
            self.say(f"  {self._doing(presence.seat, presence.activity, presence.item_id)}{duty}")

    def _status(self, words: list[str], text: str, *, name: str = "") -> None:
        self.say(self.status_line())

    def _clock(self, words: list[str], text: str, *, name: str = "") -> None:
        speed = self.connection.speed
        if name == "speed":
            try:
                speed = float(words[0])
            except (IndexError, ValueError):
                raise _Usage("speed N") from None
            self._send(act.SetClock(speed=speed, paused=self.connection.state.paused))
            return
        self._send(act.SetClock(speed=speed, paused=name == "pause"))

    def _injects(self, words: list[str], text: str, *, name: str = "") -> None:
        state = self.connection.state
        for inject in self.connection.scenario.injects:
            posted = "x" if inject.id in state.items else " "
            at = clock(float(inject.at)) if inject.at is not None else catalogue(self.language)("walk.plain.on_trigger")
            self.say(f"  [{posted}] {inject.id:<24} {at:>10}  {short(inject.text, 70)}")

    def _fire(self, words: list[str], text: str, *, name: str = "") -> None:
        if len(words) != 1:
            raise _Usage("fire INJECT")
        self._send(act.FireInject(inject=words[0]))

    def _inject(self, words: list[str], text: str, *, name: str = "") -> None:
        channel = Channel.comment
        named = typed_channel(words[0]) if words else None
        if named is not None:
            channel = named
            text = text[len(words[0]):].strip()
        if not text:
            raise _Usage(catalogue(self.language)("walk.plain.inject_usage", channels=channel_words(self.language)))
        self._send(act.PostInject(content=InjectContent.model_validate({"type": channel.value, "text": text.strip('"')})))

    def _note(self, words: list[str], text: str, *, name: str = "") -> None:
        if not words:
            raise _Usage("note [ITEM] TEXT")
        item = words[0] if words[0] in self.connection.state.items and len(words) > 1 else None
        body = text[len(words[0]):].strip() if item else text
        self._send(act.Note(text=body, item=item))

    def _overview(self, words: list[str], text: str, *, name: str = "") -> None:
        c = self.connection
        view = build_overview(c.state, list(c.events), c.seats(), c.host, wall_now(), c.now)
        self.say(self.status_line())
        oldest = clock(view.oldest_waiting) if view.oldest_waiting is not None else "-"
        self.say("  " + say("tui.waiting", self.language, n=view.waiting, oldest=oldest)
                 + "; " + say("tui.notes", self.language, n=view.notes))
        for seat in view.seats:
            doing = self._doing(seat.seat, seat.activity, seat.item_id)
            self.say(f"  {'*' if seat.on_duty else ' '} {doing:<60} "
                     + say_count("tui.actions", seat.actions, self.language))
        for rumour in view.rumours:
            corrected = clock(rumour.corrected_at) if rumour.corrected_at is not None else "-"
            self.say("  " + say("tui.rumour", self.language, item=rumour.item_id, reach=rumour.reached,
                                shares=rumour.shares, corrected=corrected) + f" ({rumour.visibility})")

    # --- the loop ---------------------------------------------------------------------------

    def run(self, lines: TextIO = sys.stdin) -> int:
        """Read commands from `lines` while new events keep arriving; returns at quit or end of input."""
        inbox: queue.Queue[str | None] = queue.Queue()

        def read() -> None:
            for line in lines:
                inbox.put(line.rstrip("\n"))
            inbox.put(None)

        threading.Thread(target=read, daemon=True, name="plain-console-input").start()
        self.welcome()
        while True:
            try:
                line = inbox.get(timeout=REFRESH_EVERY)
            except queue.Empty:
                self.refresh()
                continue
            if line is None or not self.handle(line):
                break
            self.refresh()
        self.say(say("bye", self.language))
        return 0


class _Usage(Exception):
    """A command typed with the wrong arguments; carries the right form."""

"""Who may act as whom: the host grants each seat a key and keeps the record itself.

The session file is shared by every process that takes part, so anything written in it can
be written by anyone who can open it: a `role` column proves nothing. Instead:

- The host holds a master key in a file only its user can read (`SESSION.db.host-key`).
  Everything else is derived from it, so a resumed host knows every key it ever issued.
- The trainer's key is derived from the master key and written to `SESSION.db.trainer-key`
  (also readable by the host's user only); `drill control` reads it from there, or from
  `DRILL_TRAINER_KEY`, or asks for it.
- A seat asks to join with a Diffie-Hellman public value (RFC 3526 group 14); the host answers
  with its own and the seat's key sealed under the shared secret, so a process that only
  reads the file learns nothing it can sign with.
- Every request carries the grant's id, a counter and an HMAC over both and the action. The
  host recomputes the key from its master key, checks the HMAC and that the counter moved
  on, and takes the role and the name to log from its own record of grants, never from the row.
- "trainer" is never granted to a seat, and a roster name once granted stays with the seat
  that holds it until the trainer hands it to someone else.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from drill.errors import DrillError
from drill.events import TRAINER
from drill.i18n import message
from drill.store import os_problem

TRAINER_GRANT = 0
"""The grant id the trainer's console signs with."""

DH_PRIME = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
    "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
    "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
    "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
    "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
    "DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AACAA68FFFFFFFFFFFFFFFF",
    16,
)
"""The 2048-bit MODP group of RFC 3526 (group 14); the generator is 2."""
DH_GENERATOR = 2

RESERVED_NAMES = frozenset({TRAINER.casefold(), "trener", "treneren", "host", "verten"})
MAX_NAME = 80


class GrantRefused(DrillError):
    """The host would not seat this name (reserved, held by another seat, or no host).

    `reason` is the refusal as the session file carries it to the seat (`texts.because`),
    so the seat reads it in its own language rather than the host's.
    """

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason if reason is not None else message

    @classmethod
    def saying(cls, key: str, language: str, **values: object) -> "GrantRefused":
        from drill.team_play.texts import because, say

        return cls(say(key, language, **values), reason=because(f"team.{key}", **values))


def name_key(name: str) -> str:
    """Names compare without case and extra spaces: "Trainer " is "trainer"."""
    return " ".join(name.split()).casefold()


def is_reserved(name: str) -> bool:
    return name_key(name) in RESERVED_NAMES


# --- key files ------------------------------------------------------------------------------------


def host_key_path(session: Path | str) -> Path:
    return Path(f"{session}.host-key")


def trainer_key_path(session: Path | str) -> Path:
    return Path(f"{session}.trainer-key")


def _write_private(path: Path, text: str) -> None:
    """Write a file only this user can read (created 0600; an old one is replaced)."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(text + "\n")


def create_host_key(session: Path | str) -> bytes:
    """A fresh master key for a new drill, and the trainer's key beside it."""
    master = secrets.token_bytes(32)
    try:
        _write_private(host_key_path(session), master.hex())
        _write_private(trainer_key_path(session), trainer_key(master).hex())
    except OSError as error:
        raise DrillError(message("walk.key.cannot_write", path=host_key_path(session), problem=os_problem(error))) from None
    return master


def read_host_key(session: Path | str) -> bytes:
    path = host_key_path(session)
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        raise DrillError(message("walk.key.missing", path=path)) from None
    except OSError as error:
        raise DrillError(message("walk.key.cannot_read", path=path, problem=os_problem(error))) from None
    except ValueError:
        raise DrillError(message("walk.key.damaged", path=path)) from None


def read_trainer_key(session: Path | str, given: str | None = None) -> bytes | None:
    """The trainer's key from `given` (the environment or a prompt) or the key file; None if neither."""
    text = given
    if not text:
        try:
            text = trainer_key_path(session).read_text(encoding="ascii")
        except OSError:
            return None
    try:
        key = bytes.fromhex("".join(text.split()))
    except ValueError:
        raise DrillError(message("walk.key.trainer_invalid")) from None
    if len(key) != 32:
        raise DrillError(message("walk.key.trainer_invalid"))
    return key


def trainer_key(master: bytes) -> bytes:
    return hmac.new(master, b"drill trainer", hashlib.sha256).digest()


def seat_key(master: bytes, grant_id: int) -> bytes:
    return hmac.new(master, f"drill seat {grant_id}".encode(), hashlib.sha256).digest()


def sign(key: bytes, grant_id: int, counter: int, action_json: str) -> str:
    message = f"{grant_id}\n{counter}\n{action_json}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def record_tag(master: bytes, grant: Grant) -> str:
    """Seals a grant row so a resumed host can tell its own rows from edited ones."""
    message = json.dumps([grant.id, grant.seat, grant.member, grant.role, grant.active]).encode()
    return hmac.new(master, b"grant " + message, hashlib.sha256).hexdigest()


# --- the handshake ------------------------------------------------------------------------------


@dataclass
class KeyPair:
    private: int
    public: int

    @classmethod
    def new(cls) -> KeyPair:
        private = secrets.randbelow(DH_PRIME - 3) + 2
        return cls(private, pow(DH_GENERATOR, private, DH_PRIME))

    def shared(self, other_public: int) -> bytes:
        if not 1 < other_public < DH_PRIME - 1:
            raise ValueError("not a public value of the group")
        secret = pow(other_public, self.private, DH_PRIME)
        return hashlib.sha256(secret.to_bytes(256, "big")).digest()


def seal(key: bytes, shared: bytes) -> str:
    pad = hmac.new(shared, b"drill seal", hashlib.sha256).digest()
    return bytes(a ^ b for a, b in zip(key, pad, strict=True)).hex()


def unseal(sealed: str, shared: bytes) -> bytes:
    return bytes.fromhex(seal(bytes.fromhex(sealed), shared))


def check_value(key: bytes, join_id: int) -> str:
    """Lets the seat see that the key it unsealed is the one the host issued."""
    return hmac.new(key, f"drill check {join_id}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Grant:
    id: int
    seat: str
    """The name the seat joined with (its presence row)."""
    member: str
    """The name its actions carry in the log: a roster name once the trainer mapped it."""
    role: str
    active: bool = True


@dataclass(frozen=True)
class Credentials:
    """What a seat holds: its grant id and key, and the name the host logs it under."""

    grant_id: int
    key: bytes
    member: str

    def to_json(self) -> str:
        return json.dumps({"grant": self.grant_id, "key": self.key.hex(), "member": self.member})

    @classmethod
    def from_json(cls, text: str) -> Credentials:
        data = json.loads(text)
        return cls(int(data["grant"]), bytes.fromhex(data["key"]), str(data["member"]))


def saved_credentials_path(session: Path | str, name: str) -> Path:
    """Where a terminal seat keeps its key, so the same command rejoins after a crash.

    In the user's own state folder (not beside the session file, which others can read).
    """
    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "drill" / "seats"
    digest = hashlib.sha256(f"{Path(session).resolve()}\0{name_key(name)}".encode()).hexdigest()[:32]
    return base / f"{digest}.json"


def save_credentials(session: Path | str, name: str, credentials: Credentials) -> None:
    path = saved_credentials_path(session, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _write_private(path, credentials.to_json())
    except OSError:
        pass  # rejoining after a crash then needs the trainer; nothing else depends on it


def load_credentials(session: Path | str, name: str) -> Credentials | None:
    try:
        return Credentials.from_json(saved_credentials_path(session, name).read_text(encoding="ascii"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def forget_credentials(session: Path | str, name: str) -> None:
    try:
        saved_credentials_path(session, name).unlink(missing_ok=True)
    except OSError:
        pass

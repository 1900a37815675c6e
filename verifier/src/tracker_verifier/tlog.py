"""RFC 9162 Merkle trees, C2SP signed notes and checkpoints, and C2SP tlog-tiles: written apart from the
tracker's own code on purpose, so that a mistake there is not repeated here."""

import base64
import hashlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

TILE_HEIGHT = 8
WIDTH = 256


class Failure(Exception):
    """Something does not check; the message says what, in words."""


# --- Merkle tree (RFC 9162 §2.1) -------------------------------------------------------------------


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def largest_power_below(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def subtree_root(hashes):
    """Root of a complete subtree from its 2**k bottom nodes."""
    while len(hashes) > 1:
        hashes = [node_hash(hashes[i], hashes[i + 1]) for i in range(0, len(hashes), 2)]
    return hashes[0]


class Tree:
    """The tree of `size` leaves behind a checkpoint, read from tiles: any MTH(D[lo:hi]) of the RFC's proofs
    is computed from the complete subtrees it is made of."""

    def __init__(self, source, size):
        self.source, self.size, self.tiles = source, size, {}

    def tile(self, level, index):
        width = min(WIDTH, (self.size >> (level * TILE_HEIGHT)) - index * WIDTH)
        key = (level, index, width)
        if key not in self.tiles:
            data = self.source.read(tile_path(level, index, width))
            if len(data) != 32 * width:
                raise Failure(f"tile {tile_path(level, index, width)} has {len(data)} bytes, not {32 * width}.")
            self.tiles[key] = [data[i : i + 32] for i in range(0, len(data), 32)]
        return self.tiles[key]

    def node(self, level, index):
        """The complete subtree at (level, index): 2**level leaves from index * 2**level."""
        tile_level, rest = divmod(level, TILE_HEIGHT)
        first = index << rest
        hashes = self.tile(tile_level, first // WIDTH)
        return subtree_root(hashes[first % WIDTH : first % WIDTH + (1 << rest)])

    def mth(self, lo, hi):
        if hi - lo == 1 or (hi - lo) & (hi - lo - 1) == 0:
            level = (hi - lo).bit_length() - 1
            return self.node(level, lo >> level)
        k = largest_power_below(hi - lo)
        return node_hash(self.mth(lo, lo + k), self.mth(lo + k, hi))

    def inclusion_proof(self, index, lo=0, hi=None):
        hi = self.size if hi is None else hi
        if hi - lo <= 1:
            return []
        k = largest_power_below(hi - lo)
        if index < lo + k:
            return self.inclusion_proof(index, lo, lo + k) + [self.mth(lo + k, hi)]
        return self.inclusion_proof(index, lo + k, hi) + [self.mth(lo, lo + k)]

    def consistency_proof(self, m, lo=0, hi=None, whole=True):
        hi = self.size if hi is None else hi
        if m == hi - lo:
            return [] if whole else [self.mth(lo, hi)]
        k = largest_power_below(hi - lo)
        if m <= k:
            return self.consistency_proof(m, lo, lo + k, whole) + [self.mth(lo + k, hi)]
        return self.consistency_proof(m - k, lo + k, hi, False) + [self.mth(lo, lo + k)]


def verify_inclusion(index, size, leaf, proof, root):
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = node_hash(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn // 2, sn // 2
        else:
            r = node_hash(r, p)
        fn, sn = fn // 2, sn // 2
    return sn == 0 and r == root


def verify_consistency(m, n, first, second, proof):
    """RFC 9162 §2.1.4.2 (0 < m < n)."""
    if not proof:
        return False
    if m & (m - 1) == 0:
        proof = [first, *proof]
    fn, sn = m - 1, n - 1
    while fn % 2 == 1:
        fn, sn = fn // 2, sn // 2
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn // 2, sn // 2
        else:
            sr = node_hash(sr, c)
        fn, sn = fn // 2, sn // 2
    return sn == 0 and fr == first and sr == second


# --- Tiles and where they come from ----------------------------------------------------------------


def tile_index(n):
    parts = []
    while True:
        parts.append(n % 1000)
        n //= 1000
        if not n:
            break
    parts.reverse()
    return "/".join([f"x{p:03d}" for p in parts[:-1]] + [f"{parts[-1]:03d}"])


def tile_path(level, index, width=WIDTH):
    return f"tile/{level}/{tile_index(index)}" + (f".p/{width}" if width < WIDTH else "")


class Source:
    """The log's files: a folder (a mirror's export) or an address (the site's /log/ or a mirror's)."""

    def __init__(self, where):
        self.where = where
        if where.startswith(("http://", "https://")):
            base = where.rstrip("/")
            self.base = base if base.endswith("/log") else base + "/log"
            self.folder = None
        else:
            self.base, self.folder = None, Path(where)
            if not self.folder.is_dir():
                raise Failure(f"{where} is neither a folder nor an http(s) address.")

    def read(self, name):
        if self.folder is not None:
            try:
                return (self.folder / name).read_bytes()
            except FileNotFoundError:
                raise Failure(f"the log has no {name} (in {self.where}).") from None
        try:
            with urllib.request.urlopen(f"{self.base}/{name}", timeout=60) as response:  # noqa: S310 (http(s) only)
                return response.read()
        except urllib.error.HTTPError as error:
            raise Failure(f"{self.base}/{name} answered {error.code}.") from None
        except urllib.error.URLError as error:
            raise Failure(f"could not reach {self.base}/{name}: {error.reason}.") from None


# --- Signed notes and checkpoints (C2SP signed-note, tlog-checkpoint) ---------------------------------


@dataclass(frozen=True)
class Key:
    name: str
    public: bytes

    @property
    def key_id(self):
        return hashlib.sha256(self.name.encode() + b"\n\x01" + self.public).digest()[:4]


def read_key(text, name=None):
    """A note verifier key (<name>+<hex id>+<base64(0x01 || key)>), or a PEM public key (named `name`)."""
    text = text.strip()
    if "BEGIN PUBLIC KEY" in text:
        if not name:
            raise Failure("a PEM key needs the log's name (its origin) to compute its key id.")
        raw = load_pem_public_key(text.encode()).public_bytes_raw()
        return Key(name, raw)
    try:
        key_name, key_id, encoded = text.split("+", 2)
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise Failure("the key is neither a note verifier key nor a PEM public key.") from None
    if len(raw) != 33 or raw[0] != 1:
        raise Failure("the key is not an Ed25519 note verifier key.")
    key = Key(key_name, raw[1:])
    if key.key_id.hex() != key_id:
        raise Failure("the key's id does not match the key: it was mistyped or altered.")
    return key


ED25519 = 0x01  # a signed note's Ed25519 signature type
COSIGNATURE = 0x04  # a C2SP tlog-cosignature/v1 (Ed25519) witness cosignature


@dataclass(frozen=True)
class WitnessKey:
    """A witness's cosignature verifier key: <name>+<hex id>+<base64(0x04 || Ed25519 public key)>."""

    name: str
    public: bytes

    @property
    def key_id(self):
        return hashlib.sha256(self.name.encode() + b"\n" + bytes([COSIGNATURE]) + self.public).digest()[:4]

    @property
    def verifier_key(self):
        return f"{self.name}+{self.key_id.hex()}+{base64.b64encode(bytes([COSIGNATURE]) + self.public).decode()}"


def read_witness_key(text):
    try:
        name, key_id, encoded = text.strip().split("+", 2)
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise Failure(f"{text!r} is not a witness's verifier key (<name>+<key id>+<base64 key>).") from None
    if len(raw) != 33 or raw[0] != COSIGNATURE:
        raise Failure(f"the key of the witness {name} is not a cosignature/v1 (Ed25519) key.")
    key = WitnessKey(name, raw[1:])
    if key.key_id.hex() != key_id:
        raise Failure(f"the id of the witness key {name} does not match its key: it was mistyped or altered.")
    return key


def cosigned_message(body, timestamp):
    """What a witness signs (C2SP tlog-cosignature): a header line, the time, then the checkpoint's body."""
    return f"cosignature/v1\ntime {timestamp}\n".encode() + body.encode()


def signature_lines(note):
    """[(name, raw bytes)] of a signed note's signature lines; Failure if a line is not one."""
    _, separator, signatures = note.rpartition("\n\n")
    found = []
    for line in signatures.rstrip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            raise Failure("the checkpoint has a line that is not a signature.")
        name, _, encoded = line[2:].rpartition(" ")
        try:
            found.append((name, base64.b64decode(encoded, validate=True)))
        except ValueError:
            raise Failure("a signature of the checkpoint is not base64.") from None
    return found


def cosignature_time(checkpoint, key):
    """The time (Unix seconds) at which the witness `key` cosigned this checkpoint, or None when it did not
    (no line of its key, or one that does not verify: a forged or altered cosignature counts for nothing)."""
    for name, raw in signature_lines(checkpoint.note):
        if name != key.name or raw[:4] != key.key_id or len(raw) != 4 + 8 + 64:
            continue
        timestamp = int.from_bytes(raw[4:12], "big")
        try:
            message = cosigned_message(checkpoint.body, timestamp)
            Ed25519PublicKey.from_public_bytes(key.public).verify(raw[12:], message)
        except InvalidSignature:
            continue
        return timestamp
    return None


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    note: str

    @property
    def body(self):
        return self.note.rpartition("\n\n")[0] + "\n"


def open_checkpoint(note, key):
    """The checkpoint in `note` if `key` signed it, else Failure."""
    body, separator, signatures = note.rpartition("\n\n")
    if not separator or not note.endswith("\n"):
        raise Failure("the checkpoint is not a signed note.")
    body += "\n"
    lines = body.split("\n")
    try:
        origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2], validate=True)
    except (IndexError, ValueError):
        raise Failure("the checkpoint's body is not origin, tree size and root hash.") from None
    if len(root) != 32 or size < 0:
        raise Failure("the checkpoint's root hash is not 32 bytes.")
    signed = False
    for name, raw in signature_lines(note):
        if name != key.name or raw[:4] != key.key_id:
            continue  # another key's (a witness's, an older key's)
        try:
            Ed25519PublicKey.from_public_bytes(key.public).verify(raw[4:], body.encode())
        except InvalidSignature:
            raise Failure(
                f"the checkpoint's signature by {key.name} does not verify: it was not signed with this key, "
                "or it was altered."
            ) from None
        signed = True
    if not signed:
        raise Failure(f"the checkpoint carries no signature by the key {key.name} ({key.key_id.hex()}).")
    return Checkpoint(origin, size, root, note)


# --- What the verifier remembers ---------------------------------------------------------------------


def load_state(path):
    if path is None or not Path(path).exists():
        return {}
    return json.loads(Path(path).read_text())


def save_state(path, state):
    Path(path).write_text(json.dumps(state, indent=1, sort_keys=True))

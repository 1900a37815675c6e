"""The transparency log as readers and mirrors fetch it: signed checkpoints, proofs and C2SP tiles.

The site-wide log is an RFC 9162 Merkle tree (tracker/merkle.py, stored by
tracker/models/transparency_log.py). This module publishes it the way certificate transparency's
successors do (docs/reference.md, "The transparency log"):

- A **checkpoint** (C2SP signed-note checkpoint) states the tree's size and root:
  "<origin>\\n<size>\\n<base64 root>\\n", then a blank line and a signature line
  "— <key name> <base64(key id || Ed25519 signature of the body)>". The key is the site's digest key
  (tracker/history/signing.py); its name is the origin and its id the first 4 bytes of
  SHA-256(name || 0x0A || 0x01 || public key). A new checkpoint is signed whenever the log has grown, by
  the task that signs the hourly digests, and on demand (`manage.py sign_checkpoint`). Old keys stay
  listed (`TRANSPARENCY_LOG_PAST_KEYS`, /log/keys) so checkpoints they signed stay checkable. Each new
  checkpoint is offered to the log's witnesses (tracker/history/witnesses.py), whose cosignature lines
  /log/checkpoint appends to it, and timestamped by the log's timestamp authorities
  (tracker/history/timestamps.py), whose tokens /log/timestamps/<size> serves.
- **Proofs**: inclusion of leaf i in a tree of n, consistency of a tree of m with one of n.
- **Tiles** (C2SP tlog-tiles, height 8): tile L/N holds the hashes of nodes N*256 .. N*256+255 at tree level
  8L; a partial tile (.p/W) its first W. The entry bundle N holds leaves N*256 .. as
  "<2-byte big-endian length><the revision's 32-byte hash>" each. `export_log_tiles` writes them all as
  files, so a mirror serves the log with plain HTTP.
- **Entries' content**: each leaf's revision as hashed (`entries`), so its hash can be recomputed from
  outside; a taken-down record's revisions are tombstones there (their hash stays, their content is
  withheld with the takedown's public notice).
"""

import base64
import functools
import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils import timezone

from tracker import merkle
from tracker.history import signing, timestamps, witnesses
from tracker.models import Checkpoint, LogNode, PublicRevision
from tracker.models.withheld import TakenDown, withhold

logger = logging.getLogger(__name__)

TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT
SIGNATURE_PREFIX = "\u2014 "  # an em dash and a space


def origin():
    """The log's name in its checkpoints: TRANSPARENCY_LOG_ORIGIN, else SITE_URL's host and path + /log."""
    if settings.TRANSPARENCY_LOG_ORIGIN:
        return settings.TRANSPARENCY_LOG_ORIGIN
    address = urlsplit(settings.SITE_URL or "http://localhost")
    return f"{address.netloc}{address.path.rstrip('/')}/log"


# --- Keys ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogKey:
    name: str
    public: bytes  # the 32 raw bytes of the Ed25519 public key

    @property
    def key_id(self):
        return hashlib.sha256(self.name.encode() + b"\n\x01" + self.public).digest()[:4]

    @property
    def verifier_key(self):
        """The key as a C2SP note verifier: <name>+<hex key id>+<base64(0x01 || public key)>."""
        encoded = base64.b64encode(b"\x01" + self.public).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"

    @property
    def public_key_pem(self):
        key = Ed25519PublicKey.from_public_bytes(self.public)
        return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def parse_verifier_key(text):
    name, key_id, encoded = text.strip().split("+", 2)
    raw = base64.b64decode(encoded, validate=True)
    if len(raw) != 33 or raw[0] != 1:
        raise ValueError(f"not an Ed25519 note verifier key: {text}")
    key = LogKey(name, raw[1:])
    if key.key_id.hex() != key_id:
        raise ValueError(f"the key id of {text} does not match its key")
    return key


def current_key():
    raw = signing.private_key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return LogKey(origin(), raw)


def key_history():
    """Every key the log's checkpoints were signed with, newest first: [{name, key id, verifier key,
    public key, from, until}], from and until being the first and last checkpoint each signed (None: none
    yet; until None for the current key)."""
    keys = [current_key()] + [parse_verifier_key(text) for text in settings.TRANSPARENCY_LOG_PAST_KEYS]
    spans = {
        row["key_id"]: row
        for row in Checkpoint.objects.order_by().values("key_id").annotate(first=Min("made_at"), last=Max("made_at"))
    }
    history = []
    for position, key in enumerate(keys):
        span = spans.get(key.key_id.hex(), {})
        history.append(
            {
                "name": key.name,
                "key_id": key.key_id.hex(),
                "verifier_key": key.verifier_key,
                "public_key_pem": key.public_key_pem,
                "from": span.get("first"),
                "until": None if position == 0 else span.get("last"),
                "current": position == 0,
            }
        )
    return history


# --- Checkpoints ---------------------------------------------------------------------------------


def checkpoint_body(size, root, log_origin=None):
    return f"{log_origin or origin()}\n{size}\n{base64.b64encode(root).decode()}\n"


def signed_note(body):
    key = current_key()
    signature = base64.b64encode(key.key_id + signing.sign(body.encode())).decode()
    return f"{body}\n{SIGNATURE_PREFIX}{key.name} {signature}\n"


def make_checkpoint():
    """Sign a checkpoint of the log as it is now, unless the latest one already has its size. Returns the
    checkpoint of the current size (new or not), or None while the log is empty."""
    size = LogNode.objects.size()
    if size == 0:
        return None
    existing = Checkpoint.objects.filter(size=size).first()
    if existing:
        return existing
    root = LogNode.objects.root(size)
    body = checkpoint_body(size, root)
    try:
        with transaction.atomic():
            made = Checkpoint.objects.create(
                size=size,
                root=root.hex(),
                origin=origin(),
                note=signed_note(body),
                key_id=current_key().key_id.hex(),
                made_at=timezone.now(),
            )
        _show_outside_after_commit()
        return made
    except IntegrityError:  # signed at the same moment by another process
        return Checkpoint.objects.get(size=size)


def _show_outside_after_commit():
    """Once the new checkpoint is committed, a worker offers it to the witnesses (tracker/history/witnesses.py)
    and asks the timestamp authorities for their tokens (tracker/history/timestamps.py), those configured."""
    asked = (
        (settings.TRANSPARENCY_LOG_WITNESSES, witnesses.offer_to_witnesses),
        (settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES, timestamps.timestamp_checkpoint),
    )
    for configured, task in asked:
        if configured:
            transaction.on_commit(functools.partial(_queue, task))


def _queue(task):
    # Without retries, as every task the site queues: with the broker down, signing must not wait seconds
    # for it; beat asks again within five minutes.
    try:
        task.apply_async(retry=False)
    except Exception:  # noqa: BLE001 (no broker now, or the in-process run failed: beat asks again)
        logger.warning("Could not queue %s for the new checkpoint; beat will.", task.name, exc_info=True)


def latest_checkpoint():
    return Checkpoint.objects.order_by("-size").first()


# --- Proofs --------------------------------------------------------------------------------------


def inclusion(index, size):
    """What /log/proof/inclusion answers: the proof that leaf `index` is in the tree of `size` leaves."""
    leaf = PublicRevision.objects.filter(sequence=index + 1).values_list("hash", flat=True).first()
    return {
        "leaf_index": index,
        "tree_size": size,
        "leaf": leaf,
        "leaf_hash": merkle.leaf_hash(bytes.fromhex(leaf)).hex(),
        "root": LogNode.objects.root(size).hex(),
        "hashes": [h.hex() for h in LogNode.objects.inclusion_proof(index, size)],
    }


def consistency(old, new):
    return {
        "old_size": old,
        "new_size": new,
        "old_root": LogNode.objects.root(old).hex(),
        "new_root": LogNode.objects.root(new).hex(),
        "hashes": [h.hex() for h in LogNode.objects.consistency_proof(old, new)],
    }


def revision_proof(revision, checkpoint=None):
    """The leaf index of a revision and, when the latest checkpoint covers it, its inclusion proof
    against that checkpoint; what its page, its API representation and its citation show."""
    checkpoint = checkpoint if checkpoint is not None else latest_checkpoint()
    index = revision.sequence - 1
    if checkpoint is None or checkpoint.size <= index:
        return {"leaf_index": index, "checkpoint_size": None, "hashes": None}
    proof = LogNode.objects.inclusion_proof(index, checkpoint.size)
    return {"leaf_index": index, "checkpoint_size": checkpoint.size, "hashes": [h.hex() for h in proof]}


# --- Tiles ---------------------------------------------------------------------------------------

TILE_INDEX = r"(?:x\d{3}/)*\d{3}"


def encode_index(n):
    """A tile's index as C2SP path elements: 5 -> 005, 1234067 -> x001/x234/067."""
    groups = []
    while True:
        groups.insert(0, n % 1000)
        n //= 1000
        if n == 0:
            break
    return "/".join([f"x{g:03d}" for g in groups[:-1]] + [f"{groups[-1]:03d}"])


def decode_index(text):
    if not re.fullmatch(TILE_INDEX, text):
        raise ValueError(text)
    return int("".join(part.lstrip("x") for part in text.split("/")))


def tile_path(level, index, width=TILE_WIDTH):
    """tile/<L>/<N>[.p/<W>] (level "entries" for an entry bundle)."""
    partial = f".p/{width}" if width < TILE_WIDTH else ""
    return f"tile/{level}/{encode_index(index)}{partial}"


def tile(level, index, width=TILE_WIDTH):
    """The bytes of hash tile L/N of `width` hashes, or None when the log does not have them yet."""
    hashes = LogNode.objects.level(level * TILE_HEIGHT, index * TILE_WIDTH, width)
    return b"".join(hashes) if len(hashes) == width else None


def entry_bundle(index, width=TILE_WIDTH):
    first = index * TILE_WIDTH + 1
    hashes = list(
        PublicRevision.objects.filter(sequence__gte=first, sequence__lt=first + width)
        .order_by("sequence")
        .values_list("hash", flat=True)
    )
    if len(hashes) != width:
        return None
    return b"".join(len(raw).to_bytes(2, "big") + raw for raw in map(bytes.fromhex, hashes))


# --- Entries' content ------------------------------------------------------------------------------


def entries(first, count):
    """What /log/entries and /log/content serve of leaves first .. first + count - 1: each revision's hashed
    fields, from which anyone recomputes its hash (the leaf's data) as `PublicRevision.compute_hash` does
    (canonical JSON of record_type, object_id, number, published_at, edit_summary, publisher, content and
    previous_hash); fewer when the log is shorter.

    Takedowns are tombstones: a revision of a taken-down record keeps its leaf (and its hash here), but
    its content, record and dates are withheld, {"leaf_index", "hash", "withheld": <its public notice>,
    "taken_down_on", "reason": <the category of its reason, a TakedownReason value, or "">}; a revision that
    names a taken-down record shows the reference withheld as its pages do, and says so
    ("references_withheld": true): its hash no longer follows from what is shown."""
    revisions = list(
        PublicRevision.objects.filter(sequence__gt=first, sequence__lte=first + count)
        .select_related("content_type")
        .order_by("sequence")
    )
    taken_down = TakenDown()
    found = []
    for revision in revisions:
        entry = {"leaf_index": revision.sequence - 1, "hash": revision.hash}
        model = revision.content_type.model_class()
        notice = None
        if model is not None and hasattr(model.objects, "taken_down"):
            notice = taken_down.notice(model, revision.object_id)
        if notice:
            found.append(entry | notice)
            continue
        shown = withhold(revision.content, taken_down)
        entry |= {
            "record_type": revision.content.get("type"),
            "object_id": revision.object_id,
            "number": revision.number,
            "published_at": revision.published_at.astimezone(UTC).isoformat(),
            "edit_summary": revision.edit_summary,
            "publisher": revision.publisher,
            "previous_hash": revision.previous_hash,
            "content": shown,
        }
        if shown is not revision.content:
            entry["references_withheld"] = True
        found.append(entry)
    return found


def tiles_of(size):
    """Every (path, level, index, width) a tree of `size` leaves is served as: its hash tiles, level by
    level, then its entry bundles ("entries" level)."""
    found = []
    level = 0
    while (nodes := size >> (level * TILE_HEIGHT)) > 0:
        found += _tiles_of_level(level, nodes)
        level += 1
    found += _tiles_of_level("entries", size)
    return found


def _tiles_of_level(level, nodes):
    full, rest = divmod(nodes, TILE_WIDTH)
    tiles = [(tile_path(level, i), level, i, TILE_WIDTH) for i in range(full)]
    if rest:
        tiles.append((tile_path(level, full, rest), level, full, rest))
    return tiles

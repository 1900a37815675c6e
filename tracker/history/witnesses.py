"""Witnesses of the transparency log (C2SP tlog-witness): the site offers each new checkpoint to the witnesses
it is configured with, and publishes the cosignatures they return.

A witness (a university, a press body: anyone can run `tracker-witness` of the verifier package) cosigns a
checkpoint only if it extends, by a consistency proof, the last one it cosigned for this log. A reader who
requires the cosignatures of witnesses they trust (`tracker-verify check --witness-key ... --quorum N`)
therefore cannot be shown a history those witnesses did not see: no split view without them.

- `TRANSPARENCY_LOG_WITNESSES` (a setting, from the env variable of that name) lists the witnesses, each as
  "<name> <address> <cosignature verifier key>" (the key as `<name>+<key id>+<base64(0x04 || key)>`, which
  the witness prints and answers at its address).
- After each new checkpoint (`transparency.make_checkpoint`, once its transaction commits) and every five
  minutes on beat, the Celery task `offer_to_witnesses` offers the latest checkpoint to every witness that
  has not cosigned it: `POST <address>/add-checkpoint` with `old <size>`, the consistency proof from the
  size that witness last cosigned (`WitnessState.size`), a blank line and the signed checkpoint. A 409
  answer names the size the witness has: the state takes it and the offer is made again from it, once.
- A returned line is verified (C2SP tlog-cosignature: key id || 8-byte time || Ed25519 signature over
  "cosignature/v1\\ntime <t>\\n" and the checkpoint's body) before it is stored as a `WitnessCosignature`,
  never changed afterwards; /log/checkpoint appends the lines to the checkpoint's note.
- A witness that refuses (a checkpoint it finds inconsistent: 409 again or 422), errs, or does not answer
  within `TRANSPARENCY_LOG_WITNESS_TIMEOUT` seconds is recorded in its state (error, failures in a row)
  and offered the latest checkpoint again at the next beat. Nothing waits for witnesses: publishing and
  checkpoints never depend on them.
"""

import base64
import datetime
import hashlib
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass

from celery import shared_task
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.models import Checkpoint, LogNode, WitnessCosignature, WitnessState

logger = logging.getLogger(__name__)

COSIGNATURE_TYPE = 0x04
SIGNATURE_PREFIX = "\u2014 "


class WitnessError(Exception):
    """An answer of a witness that is not a valid cosignature of the checkpoint offered."""


@dataclass(frozen=True)
class WitnessKey:
    name: str
    public: bytes

    @property
    def key_id(self):
        return hashlib.sha256(self.name.encode() + b"\n" + bytes([COSIGNATURE_TYPE]) + self.public).digest()[:4]


@dataclass(frozen=True)
class Witness:
    name: str
    url: str
    key: WitnessKey


def parse_witness_key(text):
    name, key_id, encoded = text.strip().split("+", 2)
    raw = base64.b64decode(encoded, validate=True)
    if len(raw) != 33 or raw[0] != COSIGNATURE_TYPE:
        raise ValueError(f"not a cosignature/v1 (Ed25519) witness key: {text}")
    key = WitnessKey(name, raw[1:])
    if key.key_id.hex() != key_id:
        raise ValueError(f"the key id of {text} does not match its key")
    return key


def configured():
    """The witnesses of TRANSPARENCY_LOG_WITNESSES, each "<name> <address> <verifier key>"."""
    witnesses = []
    for entry in settings.TRANSPARENCY_LOG_WITNESSES:
        name, url, key = entry.split()
        witnesses.append(Witness(name, url.rstrip("/"), parse_witness_key(key)))
    return witnesses


def cosigned_message(body, timestamp):
    return f"cosignature/v1\ntime {timestamp}\n".encode() + body.encode()


def checkpoint_body(checkpoint):
    return checkpoint.note.rpartition("\n\n")[0] + "\n"


def verify_cosignature(checkpoint, key, line):
    """The time (aware datetime) of `line` if it is `key`'s valid cosignature of `checkpoint`, else None."""
    if not line.startswith(SIGNATURE_PREFIX):
        return None
    name, _, encoded = line[len(SIGNATURE_PREFIX) :].rpartition(" ")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        return None
    if name != key.name or len(raw) != 76 or raw[:4] != key.key_id:
        return None
    timestamp = int.from_bytes(raw[4:12], "big")
    try:
        message = cosigned_message(checkpoint_body(checkpoint), timestamp)
        Ed25519PublicKey.from_public_bytes(key.public).verify(raw[12:], message)
    except InvalidSignature:
        return None
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC)


def cosigned_note(checkpoint):
    """The checkpoint's signed note with its witnesses' cosignature lines appended (a note may carry several
    signatures; readers ignore those of keys they do not know)."""
    lines = [c.line for c in checkpoint.cosignatures.order_by("witness")]
    return checkpoint.note + "".join(line + "\n" for line in lines)


def request_body(checkpoint, old):
    proof = LogNode.objects.consistency_proof(old, checkpoint.size) if 0 < old < checkpoint.size else []
    lines = [f"old {old}"] + [base64.b64encode(h).decode() for h in proof]
    return ("\n".join(lines) + "\n\n" + checkpoint.note).encode()


def _post(witness, body):
    """(status, text) of the witness's answer; URLError or TimeoutError when it does not answer."""
    request = urllib.request.Request(  # noqa: S310 (configured addresses: http(s))
        f"{witness.url}/add-checkpoint", data=body, method="POST", headers={"Content-Type": "text/plain"}
    )
    try:
        timeout = settings.TRANSPARENCY_LOG_WITNESS_TIMEOUT
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


def offer(checkpoint, witness):
    """Offer `checkpoint` to `witness`; store and return its cosignature, or None (the reason in its state)."""
    state, _ = WitnessState.objects.get_or_create(witness=witness.name)
    state.offered_size, state.offered_at = checkpoint.size, timezone.now()
    try:
        cosignature = _offer(checkpoint, witness, state)
    except (WitnessError, urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        state.error, state.failures = str(reason)[:1000], state.failures + 1
        logger.warning("Witness %s did not cosign checkpoint %s: %s", witness.name, checkpoint.size, reason)
        cosignature = None
    else:
        state.error, state.failures = "", 0
    state.save()
    return cosignature


def _offer(checkpoint, witness, state):
    for _attempt in range(2):
        old = min(state.size, checkpoint.size)
        status, text = _post(witness, request_body(checkpoint, old))
        if status == 409:
            known = text.strip()
            if not known.isdigit() or int(known) == old:
                raise WitnessError(f"409 Conflict: the witness refused the checkpoint of {checkpoint.size} ({known})")
            if int(known) > checkpoint.size:
                state.size = int(known)
                raise WitnessError(f"409 Conflict: the witness has cosigned {known} entries, more than the log has")
            state.size = int(known)
            continue
        if status != 200:
            raise WitnessError(f"{status}: {text.strip()[:500]}")
        return _store(checkpoint, witness, state, text)
    raise WitnessError(f"409 Conflict again: the witness now says it has {state.size} entries")


def _store(checkpoint, witness, state, text):
    for line in text.splitlines():
        cosigned_at = verify_cosignature(checkpoint, witness.key, line)
        if cosigned_at is None:
            continue
        try:
            with transaction.atomic():
                cosignature = WitnessCosignature.objects.create(
                    checkpoint=checkpoint,
                    witness=witness.name,
                    key_id=witness.key.key_id.hex(),
                    line=line,
                    cosigned_at=cosigned_at,
                    received_at=timezone.now(),
                )
        except IntegrityError:  # stored already, by an offer made at the same time
            cosignature = WitnessCosignature.objects.get(checkpoint=checkpoint, witness=witness.name)
        state.size = max(state.size, checkpoint.size)
        return cosignature
    raise WitnessError(f"the answer holds no valid cosignature by {witness.key.name}: {text.strip()[:300]}")


@shared_task(ignore_result=True)
def offer_to_witnesses():
    """Offer the latest checkpoint to every configured witness that has not cosigned it. Returns
    {witness name: "cosigned" | "refused: <why>"}."""
    checkpoint = Checkpoint.objects.order_by("-size").first()
    if checkpoint is None:
        return {}
    done = set(checkpoint.cosignatures.values_list("witness", flat=True))
    results = {}
    for witness in configured():
        if witness.name in done:
            continue
        cosignature = offer(checkpoint, witness)
        state = WitnessState.objects.get(witness=witness.name)
        results[witness.name] = "cosigned" if cosignature else f"refused: {state.error}"
    return results

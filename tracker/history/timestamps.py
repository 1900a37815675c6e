"""Time from outside: RFC 3161 timestamp tokens of the transparency log's checkpoints.

A checkpoint is dated by the site's own clock, which the site controls. A timestamp authority (a TSA: a
body independent of the site, with its own certificate) signs, in a token, that a given SHA-256 digest
existed at a given time. Asking one for the digest of each new checkpoint's signed body (its origin, size
and root lines) dates the checkpoint, and everything the tree holds, by a clock the site does not hold.

- `TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES` (a setting, from the env variable of that name) lists them, each
  "<name> <address> <certificate file>", the file holding the authority's certificate chain (PEM) up to
  its root.
- After each new checkpoint (`transparency.make_checkpoint`, once its transaction commits) and every five
  minutes on beat, the Celery task `timestamp_checkpoint` asks every authority that has not timestamped the
  latest checkpoint: `POST <address>` with a TimeStampReq (RFC 3161 §3.4: `application/timestamp-query`;
  SHA-256 message imprint of the body, a random nonce, the signer's certificate requested).
- The answer is verified (rfc3161-client) before it is kept: status granted, the CMS signature by a
  certificate with the critical timeStamping extended key usage that chains to the configured
  certificates, the imprint equal to the body's digest and the nonce equal to ours. It is stored as a
  `CheckpointTimestamp` (the whole TimeStampResp, never changed), served at /log/timestamps/<size>.
- An authority that does not answer within `TRANSPARENCY_LOG_TIMESTAMP_TIMEOUT` seconds, errs or answers
  a token that does not verify is recorded in its `TimestampAuthorityState` and logged, and asked again at
  the next beat. Nothing waits for authorities: checkpoints never depend on them.
"""

import base64
import hashlib
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from celery import shared_task
from cryptography import x509
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone
from rfc3161_client import (
    HashAlgorithm,
    TimestampRequestBuilder,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

from tracker.models import Checkpoint, CheckpointTimestamp, TimestampAuthorityState

logger = logging.getLogger(__name__)

QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
LONGEST_REPLY = 1 << 20  # a token is a few kilobytes; more is not one


class TimestampError(Exception):
    """An answer of an authority that is not a valid timestamp token of the checkpoint asked for."""


@dataclass(frozen=True)
class Authority:
    name: str
    url: str
    certificate_file: str

    def certificates(self):
        """The authority's certificates from its file: (roots, others). Roots are the self-signed ones."""
        try:
            found = x509.load_pem_x509_certificates(Path(self.certificate_file).read_bytes())
        except (OSError, ValueError) as error:
            raise TimestampError(f"cannot read the certificate file {self.certificate_file}: {error}") from None
        roots = [c for c in found if c.issuer == c.subject]
        if not roots:
            raise TimestampError(f"{self.certificate_file} holds no root (self-signed) certificate")
        return roots, [c for c in found if c.issuer != c.subject]


def configured():
    """The authorities of TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES, each "<name> <address> <certificate file>"."""
    authorities = []
    for entry in settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES:
        parts = entry.split()
        if len(parts) != 3 or not parts[1].startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                "TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES: each authority is '<name> <http(s) address> <certificate "
                f"file>', not {entry!r}."
            )
        authorities.append(Authority(*parts))
    return authorities


def signed_body(checkpoint):
    """The checkpoint's body, the three lines its signature covers: what a token's imprint is the SHA-256 of."""
    return (checkpoint.note.rpartition("\n\n")[0] + "\n").encode()


def verify_token(response, body, roots, intermediates, nonce=None):
    """The time a TimeStampResp (DER) attests for `body`, if it verifies; TimestampError saying why if not."""
    try:
        decoded = decode_timestamp_response(response)
    except ValueError as error:
        raise TimestampError(f"the answer is not a timestamp response: {error}") from None
    if decoded.status != 0:  # granted
        raise TimestampError(f"the authority refused: status {decoded.status} {' '.join(decoded.status_string)}")
    if decoded.tst_info.message_imprint.message != hashlib.sha256(body).digest():
        raise TimestampError("the token is a timestamp of something else, not this checkpoint")
    builder = VerifierBuilder()
    for certificate in roots:
        builder = builder.add_root_certificate(certificate)
    for certificate in intermediates:
        builder = builder.add_intermediate_certificate(certificate)
    if nonce is not None:
        builder = builder.nonce(nonce)
    try:
        builder.build().verify_message(decoded, body)
    except (VerificationError, ValueError) as error:
        raise TimestampError(f"the token does not verify: {error}") from None
    return decoded.tst_info.gen_time


def _post(authority, query):
    request = urllib.request.Request(  # noqa: S310 (configured addresses: http(s))
        authority.url, data=query, method="POST", headers={"Content-Type": QUERY_TYPE, "Accept": REPLY_TYPE}
    )
    timeout = settings.TRANSPARENCY_LOG_TIMESTAMP_TIMEOUT
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return response.read(LONGEST_REPLY)


def request_timestamp(checkpoint, authority):
    """Ask `authority` for a token of `checkpoint`; store and return it, or None (the reason in its state)."""
    state, _ = TimestampAuthorityState.objects.get_or_create(authority=authority.name)
    state.asked_size, state.asked_at = checkpoint.size, timezone.now()
    try:
        stored = _request(checkpoint, authority)
    except (TimestampError, urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        state.error, state.failures = str(reason)[:1000], state.failures + 1
        logger.warning(
            "Timestamp authority %s gave no token of checkpoint %s: %s", authority.name, checkpoint.size, reason
        )
        stored = None
    else:
        state.error, state.failures = "", 0
    state.save()
    return stored


def _request(checkpoint, authority):
    roots, intermediates = authority.certificates()
    body = signed_body(checkpoint)
    query = TimestampRequestBuilder().data(body).hash_algorithm(HashAlgorithm.SHA256).build()
    answer = _post(authority, query.as_bytes())
    attested_at = verify_token(answer, body, roots, intermediates, nonce=query.nonce)
    try:
        with transaction.atomic():
            return CheckpointTimestamp.objects.create(
                checkpoint=checkpoint,
                authority=authority.name,
                token=answer,
                attested_at=attested_at,
                received_at=timezone.now(),
            )
    except IntegrityError:  # stored already, by a request made at the same time
        return CheckpointTimestamp.objects.get(checkpoint=checkpoint, authority=authority.name)


@shared_task(ignore_result=True)
def timestamp_checkpoint():
    """Ask every configured authority that has not timestamped the latest checkpoint for a token. Returns
    {authority name: "timestamped" | "failed: <why>"}."""
    checkpoint = Checkpoint.objects.order_by("-size").first()
    if checkpoint is None:
        return {}
    done = set(checkpoint.timestamps.values_list("authority", flat=True))
    results = {}
    for authority in configured():
        if authority.name in done:
            continue
        token = request_timestamp(checkpoint, authority)
        state = TimestampAuthorityState.objects.get(authority=authority.name)
        results[authority.name] = "timestamped" if token else f"failed: {state.error}"
    return results


def of_checkpoint(checkpoint):
    """What /log/timestamps/<size> serves (and export_log_tiles writes): the checkpoint's size, its signed body
    (the digest of which each token's imprint is) and each token with its authority's name and the time it
    attests, the token in base64 (the whole TimeStampResp, DER, as `openssl ts -verify -in` reads it)."""
    return {
        "size": checkpoint.size,
        "body": signed_body(checkpoint).decode(),
        "timestamps": published(checkpoint),
    }


def published(checkpoint):
    """Each verified token of the checkpoint, its authority's name and the time it attests, by authority."""
    return [
        {
            "authority": stamp.authority,
            "attested_at": stamp.attested_at,
            "received_at": stamp.received_at,
            "token": base64.b64encode(bytes(stamp.token)).decode(),
        }
        for stamp in checkpoint.timestamps.order_by("authority")
    ]

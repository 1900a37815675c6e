"""RFC 3161 timestamp tokens of a checkpoint (timestamps/<size>, from the site or a mirror): each is a timestamp
authority's signed word that the checkpoint's body (its origin, size and root lines) existed at a time of the
authority's clock, not the site's. Checked with rfc3161-client against the certificates of the authorities the
reader trusts (`--tsa-cert`), never against anything the site sends."""

import base64
import hashlib
import json
from pathlib import Path

from cryptography import x509
from rfc3161_client import VerificationError, VerifierBuilder, decode_timestamp_response

from tracker_verifier.tlog import Failure


def read_chain(path):
    """(name, roots, others) of a PEM file of an authority's certificate chain; its roots are the self-signed."""
    try:
        found = x509.load_pem_x509_certificates(Path(path).read_bytes())
    except (OSError, ValueError) as error:
        raise Failure(f"cannot read the timestamp authority's certificates in {path}: {error}") from None
    roots = [c for c in found if c.issuer == c.subject]
    if not roots:
        raise Failure(f"{path} holds no root (self-signed) certificate to check timestamp tokens against.")
    return path, roots, [c for c in found if c.issuer != c.subject]


def _verifies(decoded, body, roots, others):
    builder = VerifierBuilder()
    for certificate in roots:
        builder = builder.add_root_certificate(certificate)
    for certificate in others:
        builder = builder.add_intermediate_certificate(certificate)
    try:
        return builder.build().verify_message(decoded, body)
    except (VerificationError, ValueError):
        return False


def check_timestamps(source, checkpoint, chain_files):
    """Each token served for the checkpoint, checked against the chains given: one whose imprint is not the
    digest of this checkpoint's body is a failure (a timestamp of something else, served as this one's), as is
    finding no token that verifies with any chain given."""
    chains = [read_chain(path) for path in chain_files]
    name = f"timestamps/{checkpoint.size}"
    try:
        served = json.loads(source.read(name))["timestamps"]
    except (ValueError, KeyError, TypeError):
        raise Failure(f"{name} is not the checkpoint's timestamps (JSON with its tokens).") from None
    body = checkpoint.body.encode()
    verified = 0
    for stamp in served:
        authority = stamp.get("authority", "?")
        try:
            decoded = decode_timestamp_response(base64.b64decode(stamp["token"], validate=True))
        except (KeyError, ValueError):
            raise Failure(f"the timestamp token of {authority} is not an RFC 3161 timestamp response.") from None
        if decoded.tst_info.message_imprint.message != hashlib.sha256(body).digest():
            raise Failure(
                f"the timestamp token of {authority} is not of this checkpoint: its imprint is the digest of "
                "something else (another checkpoint's token, served as this one's)."
            )
        when = decoded.tst_info.gen_time.strftime("%Y-%m-%d %H:%M:%S UTC")
        chain = next((path for path, roots, others in chains if _verifies(decoded, body, roots, others)), None)
        if chain is None:
            yield f"Timestamp by {authority} at {when}: it does not verify with the certificates given, not counted."
            continue
        verified += 1
        yield (
            f"Timestamped by {authority} at {when}: the token is of this checkpoint and its signature chains to "
            f"{chain}."
        )
    if not verified:
        raise Failure(
            f"no timestamp token of the checkpoint of {checkpoint.size} entries verifies with the timestamp "
            f"authorities' certificates given ({len(served)} served)."
        )

"""The key that signs the tracker's digests (Ed25519, from the `cryptography` package).

Anyone can check a signed digest with the public key, which the methodology page and
/history/digests/public-key.pem publish, and standard tools (see the methodology page):

    openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in listing.txt -sigfile listing.sig

The private key comes from the DIGEST_SIGNING_KEY setting (a PEM-encoded Ed25519 private key, or its
32-byte seed in base64). Production refuses to start without it. Elsewhere (the demo, development,
tests) a key is made on first use and kept in a file beside the database (DIGEST_SIGNING_KEY_FILE), so a
demo's digests stay verifiable across restarts.
"""

import base64
import hashlib
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@cache
def private_key():
    configured = settings.DIGEST_SIGNING_KEY.strip()
    if configured:
        return _read(configured)
    path = Path(settings.DIGEST_SIGNING_KEY_FILE)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        path.touch(mode=0o600)
        path.write_bytes(pem)
    return _read(path.read_text())


def _read(text):
    try:
        if "BEGIN" in text:
            key = serialization.load_pem_private_key(text.encode(), password=None)
        else:
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(text, validate=True))
    except ValueError as error:
        raise ImproperlyConfigured(f"DIGEST_SIGNING_KEY is not an Ed25519 private key: {error}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("DIGEST_SIGNING_KEY must be an Ed25519 private key.")
    return key


def sign(data):
    """The Ed25519 signature of `data` (64 bytes)."""
    return private_key().sign(data)


def public_key_pem():
    return (
        private_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def key_fingerprint():
    """SHA-256 of the public key's raw bytes, in hex: names the key a digest was signed with."""
    raw = private_key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()

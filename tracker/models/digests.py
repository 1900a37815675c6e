"""Signed digests: the whole public history up to one moment, pinned by one SHA-256 and signed.

A digest is made at the end of every hour in which something was published (and on demand, e.g. when
the demo is loaded). Its listing names every record's latest public revision at that moment, so its
hash pins every chain; it is signed with the site's Ed25519 key (tracker/history/signing.py) and kept
forever, so a reader who archived one can later hold the site to it without trusting the site.
"""

from datetime import UTC

from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models.public_revisions import ImmutableRevisionError
from tracker.models.written_once import WrittenOnce


class SignedDigest(WrittenOnce):
    ends_at = models.DateTimeField(_("covers everything published before"), unique=True)
    records = models.PositiveIntegerField(_("records"))
    sha256 = models.CharField(_("SHA-256 of the listing"), max_length=64)
    signature = models.CharField(_("Ed25519 signature of the listing, base64"), max_length=88)
    key_fingerprint = models.CharField(_("SHA-256 of the signing public key"), max_length=64)
    made_at = models.DateTimeField(_("made at"))

    immutable_error = ImmutableRevisionError
    what = "A signed digest"

    class Meta:
        ordering = ["-ends_at"]
        verbose_name = _("signed digest")

    def __str__(self):
        return f"Digest up to {self.ends_at.isoformat()}: {self.sha256}"

    @property
    def stamp(self):
        """The digest's name in its address: its moment in UTC, e.g. 20261127T110000Z."""
        return self.ends_at.astimezone(UTC).strftime(STAMP_FORMAT)


STAMP_FORMAT = "%Y%m%dT%H%M%SZ"

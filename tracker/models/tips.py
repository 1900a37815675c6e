"""What citizens send: a commitment the tracker is missing, or evidence about one it has.

A tip is never published: an editor reads it, checks it and, if it holds up, records the commitment
or the status change in the ordinary way (with its own source and review). The contact address is
for the moderators' questions only and never appears on a public page."""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _

# What a citizen may attach as evidence, told by the file's first bytes (never by its name or the type
# the browser claims): media type -> extension the file is stored under.
EVIDENCE_TYPES = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}


def evidence_type_of(head):
    """The media type (one of EVIDENCE_TYPES) that a file starting with the bytes `head` is, or None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


class PrivateStorage(FileSystemStorage):
    """Files with no public address at all: asking for one's URL fails."""

    def url(self, name):
        raise ValueError("Evidence files have no public address; moderators open them in the admin.")


def evidence_storage():
    """Where evidence files are kept: a private directory (TIP_EVIDENCE_ROOT) outside MEDIA_ROOT, with no
    public address. Only the moderators' admin view reads them (tracker/admin/tips.py)."""
    return PrivateStorage(location=settings.TIP_EVIDENCE_ROOT)


def evidence_file_name(tip, filename):
    """A random name with the extension of the type its content showed: nothing the sender chose."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"tips/{uuid.uuid4().hex}.{extension}"


class TipKind(models.TextChoices):
    NEW_COMMITMENT = "new_commitment", _("A commitment the tracker is missing")
    EVIDENCE = "evidence", _("Evidence about a commitment on the tracker")


class TipStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Tip(models.Model):
    kind = models.CharField(_("what it is"), max_length=20, choices=TipKind.choices)
    commitment = models.ForeignKey(
        "tracker.Commitment",
        verbose_name=_("commitment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tips",
    )
    description = models.TextField(_("what the citizen told us"), max_length=5000)
    url = models.URLField(_("link"), max_length=500, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    evidence = models.FileField(
        _("evidence file"),
        storage=evidence_storage,
        upload_to=evidence_file_name,
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("A PDF or an image the citizen sent. Kept privately; only moderators may open it."),
    )
    evidence_type = models.CharField(_("evidence file type"), max_length=40, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=TipStatus.choices, default=TipStatus.NEW)
    review_note = models.TextField(
        _("review note"), blank=True, help_text=_("For the team: what was checked and what was done with it.")
    )
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("citizen tip")
        verbose_name_plural = _("citizen tips")
        permissions = [("see_tip_contact", "Can see the contact e-mail of a citizen tip")]

    def __str__(self):
        about = self.commitment.title if self.commitment_id else self.get_kind_display()
        return f"{about}: {self.description[:60]}"

    def summary(self):
        return self.description if len(self.description) <= 80 else self.description[:79] + "…"

    summary.short_description = _("what the citizen told us")

"""What citizens send: a commitment the tracker is missing, or evidence about one it has.

A tip is never published: an editor reads it, checks it and, if it holds up, records the commitment
or the status change in the ordinary way (with its own source and review). The contact address is
for the moderators' questions only and never appears on a public page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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

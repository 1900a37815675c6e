"""Who edits: the civil-society organisations that keep the tracker's records, and their editors.

Every record names the organisation that maintains it (`TrackerRecord.maintained_by`); an editor
edits only the records of their own organisation, moderators review and publish everything, and
administrators manage the organisations (tracker/publishing/permissions.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class EditingOrganisation(ClusterableModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    website = models.URLField(_("website"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("editing organisation")
        verbose_name_plural = _("editing organisations")
        permissions = [("assign_records", "Can choose which editing organisation maintains a record")]

    def __str__(self):
        return self.name


class Membership(Orderable):
    """An editor's place in one editing organisation (an editor belongs to at most one)."""

    organisation = ParentalKey(EditingOrganisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        on_delete=models.CASCADE,
        related_name="editing_membership",
        help_text=_("An editor belongs to one organisation at a time."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("member")

    def __str__(self):
        return f"{self.user} ({self.organisation})"

"""Decisions: notifications, cabinet and council decisions, budget allocations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable
from wagtail.search import index

from tracker.models.base import ID_FILTER, RecordPart, TrackerRecord
from tracker.models.rules import reference_problems
from tracker.models.sources import SOURCE_FIELDS, RecordSource
from tracker.models.vocabulary import DecisionKind


class Decision(TrackerRecord):
    public_url_name = "decision"
    title = models.CharField(_("title"), max_length=255)
    title_ur = models.CharField(_("title in Urdu"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=DecisionKind.choices)
    reference_number = models.CharField(_("reference number"), max_length=120, blank=True)
    decided_on = models.DateField(_("decided on"))
    deciding_office = models.ForeignKey(
        "tracker.Office", verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="decisions"
    )
    summary = models.TextField(_("summary"))
    summary_ur = models.TextField(_("summary in Urdu"), blank=True)
    amount_pkr = models.DecimalField(
        _("amount (PKR)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("For budget allocations."),
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_ur"),
        index.SearchField("summary"),
        index.SearchField("summary_ur"),
        index.SearchField("reference_number"),
        index.AutocompleteField("title"),
        ID_FILTER,
    ]
    public_fields = (
        "title",
        "title_ur",
        "kind",
        "reference_number",
        "decided_on",
        "deciding_office",
        "summary",
        "summary_ur",
        "amount_pkr",
    )
    translated_fields = ("title", "summary")
    public_parts = {
        "linked_commitments": ("commitment",),
        "sources": SOURCE_FIELDS,
    }

    class Meta:
        ordering = ["-decided_on", "title"]
        verbose_name = _("decision")

    @property
    def display_name(self):
        return self.title

    def publication_problems(self):
        # The related models are found from the fields: tracker.models' modules do not import one another.
        office = self._meta.get_field("deciding_office").related_model
        commitment = DecisionCommitment._meta.get_field("commitment").related_model
        linked = [(commitment, link.commitment_id) for link in self.linked_commitments.all()]
        return reference_problems([(office, self.deciding_office_id), *linked])


class DecisionCommitment(RecordPart, Orderable):
    decision = ParentalKey(Decision, on_delete=models.CASCADE, related_name="linked_commitments")
    commitment = models.ForeignKey(
        "tracker.Commitment", verbose_name=_("commitment"), on_delete=models.PROTECT, related_name="decision_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("linked commitment")

    def __str__(self):
        return str(self.commitment)


class DecisionSource(RecordSource):
    decision = ParentalKey(Decision, on_delete=models.CASCADE, related_name="sources")

"""Commitments (promises) and their parts: owners, status changes, movements and sources."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable
from wagtail.search import index

from tracker.models.base import ID_FILTER, RecordPart, RecordQuerySet, SourceFields, TrackerRecord, published
from tracker.models.evidence import delivery_evidence_problems
from tracker.models.rules import (
    deadline_problem,
    future_date_problem,
    latest_status_change,
    reference_problems,
    status_mismatch_message,
)
from tracker.models.sources import SOURCE_FIELDS, RecordSource
from tracker.models.vocabulary import CommitmentStatus, OwnershipRole, Sector

PUBLISHED = published()


class CommitmentQuerySet(RecordQuerySet):
    def owned_or_made_by(self, office_ids):
        """Commitments that any of these offices owns or made."""
        return self.filter(models.Q(owners__office_id__in=office_ids) | models.Q(made_by_office_id__in=office_ids))

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(deadline__lt=today).exclude(status__in=CommitmentStatus.terminal())


class Commitment(TrackerRecord):
    public_url_name = "commitment"
    title = models.CharField(_("title"), max_length=255, help_text=_("The promise in a few words."))
    title_ur = models.CharField(_("title in Urdu"), max_length=255, blank=True)
    # The id a spreadsheet gives this commitment (imports match rows on it, so importing the same file
    # twice changes nothing). Empty for commitments entered in the admin.
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        help_text=_("The commitment's id in your spreadsheet. Imports use it to find the commitment again."),
    )
    text = models.TextField(_("what was promised"))
    text_ur = models.TextField(_("what was promised, in Urdu"), blank=True)
    made_by_office = models.ForeignKey(
        "tracker.Office",
        verbose_name=_("made by (office)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments_made",
        help_text=_("The office whose holder made the promise; the person is found from its tenures."),
    )
    made_on = models.DateField(_("made on"))
    source_quote = models.TextField(_("quote of the promise"), blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    jurisdiction = models.ForeignKey(
        "tracker.Jurisdiction", verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="commitments"
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=CommitmentStatus.choices, default=CommitmentStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[
            MinValueValidator(0, _("Progress is a percentage from 0 to 100.")),
            MaxValueValidator(100, _("Progress is a percentage from 0 to 100.")),
        ],
    )

    objects = CommitmentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_ur"),
        index.SearchField("text"),
        index.SearchField("text_ur"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("sector"),
        ID_FILTER,
    ]
    public_fields = (
        "title",
        "title_ur",
        "text",
        "text_ur",
        "made_by_office",
        "made_on",
        "source_quote",
        "sector",
        "jurisdiction",
        "deadline",
        "status",
        "progress",
    )
    public_parts = {
        "owners": ("office", "role"),
        "status_changes": (
            "from_status",
            "to_status",
            "effective_date",
            "recorded_on",
            "note",
            "note_ur",
            *SOURCE_FIELDS,
        ),
        "movements": ("office", "arrived_on", "note", "note_ur"),
        "sources": SOURCE_FIELDS,
    }
    translated_fields = ("title", "text")
    translated_parts = {"status_changes": ("note",), "movements": ("note",)}

    class Meta:
        ordering = ["-made_on", "title"]
        verbose_name = _("commitment")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~models.Q(external_id=""),
                name="commitment_external_id_unique",
                violation_error_message=_("Another commitment already has this external id."),
            )
        ]
        # What the public pages order and filter by, over the published rows only (the condition is
        # RecordQuerySet.published()'s, so the planner uses these for every public query): the list's
        # order, the status and overdue counts, the latest publishes.
        indexes = [
            models.Index(fields=["deadline", "title", "id"], condition=PUBLISHED, name="commitment_public_deadline"),
            models.Index(fields=["status", "deadline"], condition=PUBLISHED, name="commitment_public_status"),
            models.Index(fields=["-last_published_at", "id"], condition=PUBLISHED, name="commitment_public_latest"),
            models.Index(fields=["jurisdiction", "deadline"], condition=PUBLISHED, name="commitment_public_place"),
        ]

    @property
    def display_name(self):
        return self.title

    @property
    def is_overdue(self):
        return bool(
            self.deadline and self.deadline < timezone.localdate() and self.status not in CommitmentStatus.terminal()
        )

    def clean(self):
        super().clean()
        problem = deadline_problem(self.made_on, self.deadline)
        if problem:
            raise ValidationError({"deadline": problem})
        latest = latest_status_change(list(self.status_changes.all()))
        if latest is not None and latest.to_status != self.status:
            raise ValidationError(
                {"status": status_mismatch_message(self.get_status_display(), latest.get_to_status_display())}
            )

    def publication_problems(self):
        """What stops this record from being published (drafts may be incomplete)."""
        if not self.owners.all():
            return [_("A commitment needs at least one owner office before it can be published.")]
        problems = self.reference_problems()
        if problems:
            return problems
        # What the evidence must hold (tracker/models/evidence.py): the admin's form says it under its
        # field as the editor publishes; every other publish and every import is refused here.
        problems = [message for _field, message in delivery_evidence_problems(self)]
        if problems:
            return problems
        # The admin form catches this as it is typed; a draft saved by a script or an import and
        # approved in the moderation workflow is caught here.
        if self.pk is None:  # a new commitment has no published status to change
            return []
        published_status = type(self).objects.filter(pk=self.pk, live=True).values_list("status", flat=True).first()
        if published_status and published_status != self.status and not self.status_changes.all():
            return [_("To change the status, add a status change with its source and effective date.")]
        return []

    def reference_problems(self):
        """The offices and the place it names must all be public."""
        office = self._meta.get_field("made_by_office").related_model
        jurisdiction = self._meta.get_field("jurisdiction").related_model
        offices = [self.made_by_office_id]
        offices += [owner.office_id for owner in self.owners.all()]
        offices += [movement.office_id for movement in self.movements.all()]
        references = [(jurisdiction, self.jurisdiction_id), *((office, pk) for pk in offices)]
        return reference_problems(references, kept=self._published_references(office, jurisdiction))

    def _published_references(self, office, jurisdiction):
        """The offices and place the published version names (the live row and its parts, as saved)."""
        if self.pk is None:
            return []
        live = type(self).objects.filter(pk=self.pk, live=True).values("made_by_office_id", "jurisdiction_id").first()
        if live is None:
            return []
        offices = {live["made_by_office_id"]}
        offices |= set(CommitmentOwner.objects.filter(commitment_id=self.pk).values_list("office_id", flat=True))
        offices |= set(Movement.objects.filter(commitment_id=self.pk).values_list("office_id", flat=True))
        return [(jurisdiction, live["jurisdiction_id"]), *((office, pk) for pk in offices if pk)]


class CommitmentOwner(RecordPart, Orderable):
    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="owners")
    office = models.ForeignKey(
        "tracker.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="ownerships"
    )
    role = models.CharField(_("role"), max_length=20, choices=OwnershipRole.choices)

    class Meta(Orderable.Meta):
        verbose_name = _("owner")

    def __str__(self):
        return f"{self.office} ({self.get_role_display()})"


class StatusChange(RecordPart, Orderable, SourceFields):
    """A change of status, with the evidence for it. The effective date is when it happened; the
    recorded date is when the tracker learned of it."""

    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=30, choices=CommitmentStatus.choices)
    to_status = models.CharField(_("to"), max_length=30, choices=CommitmentStatus.choices)
    effective_date = models.DateField(_("effective date"))
    recorded_on = models.DateField(_("recorded on"), default=timezone.localdate)
    note = models.TextField(_("note"), blank=True)
    note_ur = models.TextField(_("note in Urdu"), blank=True)

    class Meta(Orderable.Meta):
        ordering = ["effective_date", "sort_order"]
        verbose_name = _("status change")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()} ({self.effective_date})"

    def clean(self):
        super().clean()
        errors = {}
        if self.from_status and self.from_status == self.to_status:
            errors["to_status"] = _("A status change must change the status.")
        problem = future_date_problem(self.effective_date, _("effective date"))
        if problem:
            errors["effective_date"] = problem
        if errors:
            raise ValidationError(errors)


class Movement(RecordPart, Orderable):
    """The commitment's next action sits with this office from this date (as in a file tracking system)."""

    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="movements")
    office = models.ForeignKey(
        "tracker.Office", verbose_name=_("now with"), on_delete=models.PROTECT, related_name="movements"
    )
    arrived_on = models.DateField(_("since"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    note_ur = models.CharField(_("note in Urdu"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        ordering = ["arrived_on", "sort_order"]
        verbose_name = _("movement")

    def __str__(self):
        return f"{self.office} ({self.arrived_on})"

    def clean(self):
        super().clean()
        problem = future_date_problem(self.arrived_on, _("date it arrived"))
        if problem:
            raise ValidationError({"arrived_on": problem})


class CommitmentSource(RecordSource):
    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="sources")

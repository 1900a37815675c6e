"""People, the offices they hold, and their tenures (Popolo: Person, Post, Membership)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable
from wagtail.search import index

from tracker.models.base import ID_FILTER, RecordPart, TrackerRecord, other_names_field
from tracker.models.rules import overlap_message, overlapping_tenures, reference_problems, tenure_dates_problem
from tracker.models.vocabulary import OfficeKind, TenureEnd, TenureStart


class Person(TrackerRecord):
    public_url_name = "person"
    name = models.CharField(_("name"), max_length=200)
    name_ur = models.CharField(_("name in Urdu"), max_length=200, blank=True)
    other_names = other_names_field()
    summary = models.TextField(_("summary"), blank=True)
    summary_ur = models.TextField(_("summary in Urdu"), blank=True)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ur"),
        index.AutocompleteField("name"),
        ID_FILTER,
    ]
    public_fields = ("name", "name_ur", "summary", "summary_ur")
    translated_fields = ("name", "summary")

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    @property
    def display_name(self):
        return self.name

    def shown_on(self):
        # Offices list their holders, and commitments name the people who hold their owner offices.
        offices = set(Tenure.objects.filter(person_id=self.pk).values_list("office_id", flat=True))
        return {Office: offices, **_commitments_of(offices)}


class Office(TrackerRecord):
    """A post that exists independently of whoever holds it."""

    public_url_name = "office"

    title = models.CharField(_("title"), max_length=255, help_text=_("For example: Deputy Commissioner Quetta"))
    title_ur = models.CharField(_("title in Urdu"), max_length=255, blank=True)
    other_names = other_names_field()
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=OfficeKind.choices,
        help_text=_(
            "Elected: answers to voters. Appointed: a civil servant. "
            "Administrator: an appointed official running a lapsed elected body."
        ),
    )
    organization = models.ForeignKey(
        "tracker.Organization", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="offices"
    )
    is_sole = models.BooleanField(
        _("held by one person at a time"),
        default=True,
        help_text=_("Untick for seats held by many at once, such as council members."),
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_ur"),
        index.AutocompleteField("title"),
        ID_FILTER,
    ]
    public_fields = ("title", "title_ur", "kind", "organization", "is_sole")
    translated_fields = ("title",)

    def shown_on(self):
        # People list the offices they held; decisions name their deciding office; commitments their
        # owner offices and the office that made them.
        from tracker.models.decisions import Decision

        return {
            Person: set(Tenure.objects.filter(office_id=self.pk).values_list("person_id", flat=True)),
            Decision: set(Decision.objects.filter(deciding_office_id=self.pk).values_list("pk", flat=True)),
            **_commitments_of({self.pk}),
        }

    public_parts = {"tenures": ("person", "start_date", "end_date", "how", "end_reason", "notification")}

    class Meta:
        ordering = ["title"]
        verbose_name = _("office")

    @property
    def display_name(self):
        return self.title

    def clean(self):
        super().clean()
        if self.is_sole:
            clashes = overlapping_tenures(list(self.tenures.all()))
            if clashes:
                raise ValidationError(overlap_message(*clashes[0]))

    def publication_problems(self):
        organization = self._meta.get_field("organization").related_model
        return reference_problems(
            [(organization, self.organization_id), *((Person, tenure.person_id) for tenure in self.tenures.all())]
        )


class Tenure(RecordPart, Orderable):
    """A person holding an office from one date to another (open-ended while they still hold it)."""

    office = ParentalKey(Office, on_delete=models.CASCADE, related_name="tenures")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="tenures")
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True, help_text=_("Blank while they hold it."))
    how = models.CharField(_("how they came to hold it"), max_length=30, choices=TenureStart.choices)
    end_reason = models.CharField(_("how it ended"), max_length=30, choices=TenureEnd.choices, blank=True)
    notification = models.CharField(
        _("notification"), max_length=255, blank=True, help_text=_("Reference or URL of the posting notification.")
    )

    class Meta(Orderable.Meta):
        ordering = ["start_date", "sort_order"]
        verbose_name = _("tenure")

    def __str__(self):
        return f"{self.person} — {self.office}"

    def clean(self):
        super().clean()
        problem = tenure_dates_problem(self.start_date, self.end_date)
        if problem:
            raise ValidationError({"end_date": problem})
        if self.end_reason and not self.end_date:
            raise ValidationError({"end_date": _("Give the date the tenure ended, or clear how it ended.")})

    def covers(self, day):
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


def _commitments_of(office_ids):
    from tracker.models.commitments import Commitment

    return {Commitment: set(Commitment.objects.owned_or_made_by(office_ids).values_list("pk", flat=True))}

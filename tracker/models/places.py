"""Where government happens: the jurisdiction tree and the organisations within it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from tracker.models.base import ID_FILTER, TrackerRecord, other_names_field
from tracker.models.rules import reference_problems, tier_problem
from tracker.models.vocabulary import JurisdictionTier, OrganizationKind


class Jurisdiction(TrackerRecord):
    public_url_name = "jurisdiction"
    name = models.CharField(_("name"), max_length=200)
    name_ur = models.CharField(_("name in Urdu"), max_length=200, blank=True)
    other_names = other_names_field()
    tier = models.CharField(_("tier"), max_length=20, choices=JurisdictionTier.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ur"),
        index.AutocompleteField("name"),
        ID_FILTER,
    ]
    public_fields = ("name", "name_ur", "tier", "parent")
    translated_fields = ("name",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("jurisdiction")

    @property
    def display_name(self):
        return self.name

    def clean(self):
        super().clean()
        problem = tier_problem(self.tier, self.parent)
        if problem:
            raise ValidationError({"parent": problem})
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A jurisdiction cannot be part of itself.")})
            ancestor = ancestor.parent

    def publication_problems(self):
        return reference_problems([(Jurisdiction, self.parent_id)])

    def shown_on(self):
        # A place's page lists the places, offices and commitments inside it, and their documents carry
        # the names on its path.
        from tracker.models.commitments import Commitment
        from tracker.models.people import Office
        from tracker.models.querysets import descendant_ids

        places = descendant_ids(self)
        return {
            Jurisdiction: places - {self.pk},
            Office: set(Office.objects.filter(organization__jurisdiction__in=places).values_list("pk", flat=True)),
            Commitment: set(Commitment.objects.filter(jurisdiction__in=places).values_list("pk", flat=True)),
        }

    def path(self):
        """Names from the top of the tree down to this one (at most six tiers deep)."""
        names, node = [], self
        while node is not None:
            names.append(node)
            node = node.parent
        return list(reversed(names))


class Organization(TrackerRecord):
    name = models.CharField(_("name"), max_length=255)
    name_ur = models.CharField(_("name in Urdu"), max_length=255, blank=True)
    classification = models.CharField(_("kind"), max_length=30, choices=OrganizationKind.choices)
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="organizations"
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ur"),
        index.AutocompleteField("name"),
        ID_FILTER,
    ]
    public_fields = ("name", "name_ur", "classification", "jurisdiction")
    translated_fields = ("name",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    @property
    def display_name(self):
        return self.name

    def publication_problems(self):
        return reference_problems([(Jurisdiction, self.jurisdiction_id)])

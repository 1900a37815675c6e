"""What the bulk downloads hold: one table per record type, each the API's objects of that type (the same
serializers, so the same fields and the same data dictionary), read from the published state in chunks so that
no table is ever held in memory whole."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Prefetch, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers as drf

from tracker.api import serializers
from tracker.api.links import API_SEGMENTS
from tracker.models import (
    Commitment,
    CommitmentOwner,
    CommitmentSource,
    Decision,
    DecisionCommitment,
    DecisionSource,
    Jurisdiction,
    Movement,
    Office,
    Organization,
    Person,
    PublicRevision,
    StatusChange,
    Tenure,
)
from tracker.public.ownership import tenures_by_office

CHUNK = 1000


class RevisionRowSerializer(drf.ModelSerializer):
    """A public revision of a published record, with the record it belongs to."""

    record_type = drf.SerializerMethodField(help_text="The kind of record (commitments, people...).")
    record_id = drf.CharField(source="object_id", help_text="The record's permanent id.")
    content = drf.JSONField(help_text="The record as published in this revision.")

    class Meta:
        model = PublicRevision
        fields = (
            "record_type",
            "record_id",
            "number",
            "published_at",
            "edit_summary",
            "publisher",
            "hash",
            "previous_hash",
            "content",
        )

    def get_record_type(self, revision) -> str:
        return self.context["segments"][revision.content_type_id]


@dataclass(frozen=True)
class Table:
    name: str
    serializer: type
    description: str  # for people, on /data/ (translated); the name is the file's

    def rows(self, context):
        """Each published object of the table, serialized, in id order."""
        for record in ROWS[self.name]().iterator(chunk_size=CHUNK):
            yield self.serializer(record, context=context).data


def _commitments():
    owners = Prefetch("owners", queryset=CommitmentOwner.objects.select_related("office").order_by("sort_order"))
    movements = Prefetch("movements", queryset=Movement.objects.select_related("office"))
    return (
        Commitment.objects.published()
        .select_related("jurisdiction", "made_by_office")
        .prefetch_related(
            owners,
            *serializers.archived_parts(StatusChange, CommitmentSource),
            movements,
            serializers.DECISION_LINKS,
        )
        .order_by("pk")
    )


def _decisions():
    links = Prefetch("linked_commitments", queryset=DecisionCommitment.objects.select_related("commitment"))
    return (
        Decision.objects.published()
        .select_related("deciding_office")
        .prefetch_related(links, *serializers.archived_parts(DecisionSource))
        .order_by("pk")
    )


def _people():
    tenures = Prefetch("tenures", queryset=Tenure.objects.select_related("office").order_by("start_date"))
    return Person.objects.published().prefetch_related(tenures).order_by("pk")


def _offices():
    tenures = Prefetch("tenures", queryset=Tenure.objects.select_related("person").order_by("start_date"))
    return (
        Office.objects.published().select_related("organization__jurisdiction").prefetch_related(tenures).order_by("pk")
    )


def _tenures():
    return (
        Tenure.objects.filter(office__in=Office.objects.published(), person__in=Person.objects.published())
        .select_related("office", "person")
        .order_by("pk")
    )


def _revisions():
    """Every public revision of every published record, record by record, oldest first."""
    of_published = Q(pk__in=[])
    for model in API_SEGMENTS:
        published = model.objects.published().annotate(key=Cast("pk", CharField())).values("key")
        of_published |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=published)
    return PublicRevision.objects.filter(of_published).as_public().order_by("content_type_id", "object_id", "number")


ROWS = {
    "commitments": _commitments,
    "decisions": _decisions,
    "people": _people,
    "offices": _offices,
    "organisations": lambda: Organization.objects.published().select_related("jurisdiction").order_by("pk"),
    "jurisdictions": lambda: Jurisdiction.objects.published().select_related("parent").order_by("pk"),
    "tenures": _tenures,
    "revisions": _revisions,
}

TABLES = (
    Table(
        "commitments",
        serializers.CommitmentDetailSerializer,
        _("Published commitments, with owners on the build day."),
    ),
    Table("decisions", serializers.DecisionSerializer, _("Published decisions.")),
    Table("people", serializers.PersonSerializer, _("Published people and the offices they held.")),
    Table(
        "offices", serializers.OfficeSerializer, _("Published offices, their holders on the build day and over time.")
    ),
    Table("organisations", serializers.OrganisationSerializer, _("Published organisations.")),
    Table("jurisdictions", serializers.JurisdictionSerializer, _("Published jurisdictions (the tree of places).")),
    Table("tenures", serializers.TenureSerializer, _("Who held which office, from when to when.")),
    Table("revisions", RevisionRowSerializer, _("Every public revision of every published record: the hash chains.")),
)


def context():
    """What the serializers need, fetched once for the whole build: the day, and the tenures of every office."""
    return {
        "request": None,
        "on": timezone.localdate(),
        "tenures": tenures_by_office(Office.objects.published().values_list("pk", flat=True)),
        "segments": {ContentType.objects.get_for_model(model).pk: segment for model, segment in API_SEGMENTS.items()},
    }

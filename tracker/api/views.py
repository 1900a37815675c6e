"""The API's read-only endpoints: one viewset per kind of record (list and detail by slug, with the record's
public revisions), tenures, and the signed digests. Every query starts from `.published()`; a taken-down
record answers 410 with its notice, a draft or unpublished record 404."""

from django import forms
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from tracker.api import cached, parameters, serializers
from tracker.api.errors import ErrorSerializer, Gone, GoneSerializer
from tracker.history.digest import signed_digest_named
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
    SignedDigest,
    StatusChange,
    Tenure,
)
from tracker.public.filters import CommitmentFilterForm
from tracker.public.ownership import tenures_by_office

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A parameter is not valid; the body says which and why."),
    404: OpenApiResponse(ErrorSerializer, description="Nothing public at this address (or a stale cursor)."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: wait the seconds of Retry-After."),
}
GONE = {410: OpenApiResponse(GoneSerializer, description="Taken down for legal reasons: the public notice.")}


def _form_parameters(form_class):
    """The commitment list's filters as OpenAPI parameters, read from the form the HTML list uses; the API
    checks every value against them (parameters.check) before the form reads it."""
    found = []
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.BooleanField):
            kind, enum = OpenApiTypes.BOOL, None
        elif isinstance(field, forms.DateField):
            kind, enum = OpenApiTypes.DATE, None
        elif isinstance(field, forms.IntegerField):
            kind, enum = {"type": "integer", "minimum": field.min_value or 0}, None
        elif isinstance(field, forms.ChoiceField):
            kind, enum = OpenApiTypes.STR, [value for value, _label in field.choices if value]
        else:
            kind, enum = OpenApiTypes.STR, None
        found.append(OpenApiParameter(name, kind, enum=enum, description=str(field.label)))
    return found


COMMITMENT_FILTERS = _form_parameters(CommitmentFilterForm)
OFFICE_KIND = OpenApiParameter("kind", OpenApiTypes.STR, enum=["elected", "appointed", "administrator"])


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """`?format=`, where given, names a format (json or csv), and `?on=` a date: an empty or unknown value
    answers 400 before anything is read (an empty page would otherwise never read `on`)."""

    checked = [parameters.FORMAT, parameters.ON]

    def initial(self, request, *args, **kwargs):
        parameters.check(request, self.checked)
        super().initial(request, *args, **kwargs)


class RecordViewSet(ReadOnlyViewSet):
    """List and detail of one kind of published record, and its public revisions."""

    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    model = None
    detail_serializer_class = None

    def get_queryset(self):
        records = self.model.objects.published()
        if self.action == "list":
            records = self.filter_list(records)
        return self.with_related(records)

    def filter_list(self, records):
        since = parameters.changed_since(self.request)
        if since is not None:
            records = records.filter(last_published_at__gte=since)
        wanted = parameters.ids(self.request)
        if wanted is not None:
            records = records.filter(pk__in=wanted)
        return records

    def with_related(self, records):
        return records

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["on"] = parameters.on_date(self.request) if self.request is not None else None
        return context

    def office_ids(self, records):
        """The offices whose holders the serializer resolves, for the tenures fetched once per page."""
        return []

    def get_serializer(self, *args, **kwargs):
        context = self.get_serializer_context()
        if args:
            records = args[0] if kwargs.get("many") else [args[0]]
            context["tenures"] = tenures_by_office(self.office_ids(records))
        kwargs["context"] = context
        return self.get_serializer_class()(*args, **kwargs)

    def list(self, request, *args, **kwargs):
        # The page is chosen without the related rows its representations need: most of them are cached
        # (tracker/api/cached.py), and only the records that are not are read again with those rows.
        page = self.paginate_queryset(self.filter_queryset(self.filter_list(self.model.objects.published())))
        return self.get_paginated_response(cached.representations(self, page))

    def get_object(self):
        return self.record()

    def record(self):
        """The live record at this address: published, or Gone (410) when taken down; else 404."""
        slug = self.kwargs["slug"]
        if "\x00" in slug:
            raise NotFound("No record at this address.")
        found = self.with_related(self.model.objects.published()).filter(slug=slug).first()
        if found is None:
            gone = self.model.objects.taken_down().filter(slug=slug).first()
            if gone is not None:
                raise Gone(gone)
            raise NotFound(f"No published {self.model._meta.verbose_name} has this slug.")
        return found

    def _revisions(self, record):
        return PublicRevision.objects.for_record(record).as_public().order_by("number")

    @extend_schema(
        summary="The record's public revisions",
        description="Every public revision of the record, oldest first: number, date, edit summary, publisher, "
        "hash, previous hash and the content as published. Each hash covers the one before it.",
        responses={200: serializers.RevisionSerializer(many=True), **ERRORS, **GONE},
        parameters=[parameters.FORMAT],
    )
    @action(detail=True, url_path="revisions", serializer_class=serializers.RevisionSerializer)
    def revisions(self, request, slug=None):
        record = self.record()
        page = self.paginate_queryset(self._revisions(record))
        context = {"request": request, "record": record}
        data = serializers.RevisionSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="One public revision",
        responses={200: serializers.RevisionSerializer, **ERRORS, **GONE},
        parameters=[OpenApiParameter("number", OpenApiTypes.INT, OpenApiParameter.PATH), parameters.FORMAT],
    )
    @action(
        detail=True,
        url_path=r"revisions/(?P<number>[0-9]{1,18})",
        url_name="revision",
        serializer_class=serializers.RevisionSerializer,
        pagination_class=None,
    )
    def revision(self, request, slug=None, number=None):
        record = self.record()
        found = self._revisions(record).filter(number=int(number)).first()
        if found is None:
            raise NotFound("The record has no public revision with this number.")
        context = {"request": request, "record": record, "with_proof": True}
        return Response(serializers.RevisionSerializer(found, context=context).data)


def _described(serializer, *, detail=None, list_filters=(), summary_list, summary_detail):
    return extend_schema_view(
        list=extend_schema(
            summary=summary_list,
            parameters=[*list_filters, parameters.CHANGED_SINCE, parameters.IDS, parameters.FORMAT],
            responses={200: serializer(many=True), **ERRORS},
        ),
        retrieve=extend_schema(
            summary=summary_detail,
            parameters=[parameters.FORMAT],
            responses={200: detail or serializer, **ERRORS, **GONE},
        ),
    )


PUBLIC_OWNERS = Prefetch("owners", queryset=CommitmentOwner.objects.select_related("office").order_by("sort_order"))


@_described(
    serializers.CommitmentSerializer,
    detail=serializers.CommitmentDetailSerializer,
    list_filters=[*COMMITMENT_FILTERS, parameters.ON],
    summary_list="Published commitments, with the filters of the commitment list",
    summary_detail="One commitment, with its status changes, movements, sources and decisions",
)
class CommitmentViewSet(RecordViewSet):
    model = Commitment
    serializer_class = serializers.CommitmentSerializer
    detail_serializer_class = serializers.CommitmentDetailSerializer

    def filter_list(self, records):
        parameters.check(self.request, COMMITMENT_FILTERS)
        form = CommitmentFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(
                {name: [error["message"] for error in errors] for name, errors in form.errors.get_json_data().items()}
            )
        return super().filter_list(form.filter(records))

    def with_related(self, records):
        records = records.select_related("jurisdiction", "made_by_office").prefetch_related(PUBLIC_OWNERS)
        if self.action == "retrieve":
            movements = Prefetch("movements", queryset=Movement.objects.select_related("office"))
            records = records.prefetch_related(
                *serializers.archived_parts(StatusChange, CommitmentSource), movements, serializers.DECISION_LINKS
            )
        return records

    def office_ids(self, records):
        return [owner.office_id for record in records for owner in record.owners.all()]

    @extend_schema(parameters=[parameters.ON, parameters.FORMAT])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


@_described(serializers.DecisionSerializer, summary_list="Published decisions", summary_detail="One decision")
class DecisionViewSet(RecordViewSet):
    model = Decision
    serializer_class = serializers.DecisionSerializer

    def with_related(self, records):
        links = Prefetch("linked_commitments", queryset=DecisionCommitment.objects.select_related("commitment"))
        return records.select_related("deciding_office").prefetch_related(
            links, *serializers.archived_parts(DecisionSource)
        )


@_described(
    serializers.PersonSerializer,
    summary_list="Published people",
    summary_detail="One person, with the offices they held",
)
class PersonViewSet(RecordViewSet):
    model = Person
    serializer_class = serializers.PersonSerializer

    def with_related(self, records):
        tenures = Prefetch("tenures", queryset=Tenure.objects.select_related("office").order_by("start_date"))
        return records.prefetch_related(tenures)


@_described(
    serializers.OfficeSerializer,
    list_filters=[parameters.ON, OFFICE_KIND],
    summary_list="Published offices, with who held each on a date",
    summary_detail="One office, its holders over time and on a date",
)
class OfficeViewSet(RecordViewSet):
    model = Office
    serializer_class = serializers.OfficeSerializer

    def filter_list(self, records):
        parameters.check(self.request, [OFFICE_KIND])
        kind = self.request.query_params.get("kind")
        if kind:
            records = records.filter(kind=kind)
        return super().filter_list(records)

    def with_related(self, records):
        tenures = Prefetch("tenures", queryset=Tenure.objects.select_related("person").order_by("start_date"))
        return records.select_related("organization__jurisdiction").prefetch_related(tenures)

    def office_ids(self, records):
        return [record.pk for record in records]

    @extend_schema(parameters=[parameters.ON, parameters.FORMAT])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


@_described(
    serializers.OrganisationSerializer, summary_list="Published organisations", summary_detail="One organisation"
)
class OrganisationViewSet(RecordViewSet):
    model = Organization
    serializer_class = serializers.OrganisationSerializer

    def with_related(self, records):
        return records.select_related("jurisdiction")


@_described(
    serializers.JurisdictionSerializer, summary_list="Published jurisdictions", summary_detail="One jurisdiction"
)
class JurisdictionViewSet(RecordViewSet):
    model = Jurisdiction
    serializer_class = serializers.JurisdictionSerializer

    def with_related(self, records):
        return records.select_related("parent")


@extend_schema_view(
    list=extend_schema(
        summary="Tenures: who held which office, from when to when",
        parameters=[
            OpenApiParameter("office", OpenApiTypes.STR, description="Only the tenures of this office (its slug)."),
            OpenApiParameter("person", OpenApiTypes.STR, description="Only the tenures of this person (their slug)."),
            OpenApiParameter("on", OpenApiTypes.DATE, description="Only the tenures covering this date."),
            parameters.FORMAT,
        ],
        responses={200: serializers.TenureSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(
        summary="One tenure", parameters=[parameters.FORMAT], responses={200: serializers.TenureSerializer, **ERRORS}
    ),
)
class TenureViewSet(ReadOnlyViewSet):
    serializer_class = serializers.TenureSerializer
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self):
        tenures = Tenure.objects.filter(
            office__in=Office.objects.published(), person__in=Person.objects.published()
        ).select_related("office", "person")
        if self.action != "list":
            return tenures
        params = self.request.query_params
        for name in ("office", "person"):
            if params.get(name):
                tenures = tenures.filter(**{f"{name}__slug": params[name].replace("\x00", "")})
        if "on" in params:
            day = parameters.on_date(self.request)
            tenures = tenures.filter(start_date__lte=day).exclude(end_date__lt=day)
        return tenures


@extend_schema_view(
    list=extend_schema(
        summary="Signed digests of the public history",
        parameters=[parameters.FORMAT],
        responses={200: serializers.DigestSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(
        summary="One signed digest",
        parameters=[parameters.FORMAT],
        responses={200: serializers.DigestSerializer, **ERRORS},
    ),
)
class DigestViewSet(ReadOnlyViewSet):
    checked = [parameters.FORMAT]
    serializer_class = serializers.DigestSerializer
    queryset = SignedDigest.objects.all()
    lookup_field = "stamp"
    lookup_value_regex = "[0-9]{8}T[0-9]{6}Z"

    def get_object(self):
        found = signed_digest_named(self.kwargs["stamp"])
        if found is None:
            raise NotFound("No signed digest has this name.")
        return found

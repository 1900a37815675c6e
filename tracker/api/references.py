"""How an API object names what it refers to, and what every record carries. A related record is named by
a small reference (`id`, `slug`, `name`, links), and only when the public may see it: a related record
unpublished or taken down since is null, as on the public pages. Every record carries its identifiers, its
links and its publication dates; its choices are given with their words (`<field>_label`). The serializers of
each kind are in tracker/api/serializers.py.
"""

import json

from django.urls import reverse
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api import links
from tracker.models import Office, Tenure
from tracker.models.evidence import method_of
from tracker.models.vocabulary import TenureStart
from tracker.public.ownership import holders_on, is_public


def _request(serializer):
    return serializer.context.get("request")


class RefSerializer(serializers.Serializer):
    """A related record, named (null when the public may not see it)."""

    id = serializers.IntegerField(help_text="Permanent id of the record.")
    slug = serializers.CharField(help_text="The last part of the record's addresses (may change; the id never does).")
    name = serializers.CharField(help_text="The record's name or title.")
    api_url = serializers.URLField(help_text="The record in this API.")
    html_url = serializers.URLField(allow_null=True, help_text="The record's public page (null for organisations).")

    def to_representation(self, instance):
        if not is_public(instance):
            return None
        request = _request(self)
        return {
            "id": instance.pk,
            "slug": instance.slug,
            "name": str(instance),
            "api_url": links.api_url(request, instance),
            "html_url": links.html_url(request, instance),
        }


class OfficeRefSerializer(RefSerializer):
    kind = serializers.ChoiceField(choices=Office._meta.get_field("kind").choices, help_text="Office kind.")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if data is not None:
            data["kind"] = instance.kind
        return data


class RecordSerializer(serializers.ModelSerializer):
    """What every published record carries: its identifiers, links and publication dates."""

    api_url = serializers.SerializerMethodField(help_text="This record in the API.")
    html_url = serializers.SerializerMethodField(help_text="Its public page (null for organisations).")
    history_url = serializers.SerializerMethodField(help_text="Its public history page (null for organisations).")
    revisions_url = serializers.SerializerMethodField(help_text="Its public revisions in the API.")

    RECORD_FIELDS = ("id", "slug")
    LINK_FIELDS = ("first_published_at", "last_published_at", "api_url", "html_url", "history_url", "revisions_url")

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, record):
        return links.api_url(_request(self), record)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_html_url(self, record):
        return links.html_url(_request(self), record)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_history_url(self, record):
        return links.history_url(_request(self), record)

    @extend_schema_field(OpenApiTypes.URI)
    def get_revisions_url(self, record):
        return links.revisions_url(_request(self), record)


def label_of(name):
    return serializers.CharField(source=f"get_{name}_display", read_only=True, help_text=f"The {name} in words.")


class ArchivedCopySerializer(serializers.Serializer):
    address = serializers.URLField(help_text="The archived copy's page on this site.")
    sha256 = serializers.CharField(help_text="SHA-256 of the page as fetched (hex).")
    fetched_at = serializers.DateTimeField(help_text="When the page was fetched.")


class SourceSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="Address of the source.")
    title = serializers.CharField(help_text="Title of the source.")
    publisher = serializers.CharField(help_text="Who published the source.")
    published_on = serializers.DateField(allow_null=True, help_text="When the source was published.")
    quote = serializers.CharField(help_text="The words in the source that support the record.")
    archive_url = serializers.CharField(help_text="A copy in a web archive.")
    kind = serializers.CharField(
        help_text="What the source is (a source kind value: notification, audit_report, news_report, …); empty: "
        "not graded (entered before sources had kinds)."
    )
    kind_label = serializers.SerializerMethodField(help_text="The kind in words (empty: not graded).")
    kind_rank = serializers.IntegerField(
        source="method.rank",
        allow_null=True,
        read_only=True,
        help_text="The kind's place in the methodology's ranking of sources, 1 the strongest (null: not graded).",
    )
    kind_proves_delivery = serializers.BooleanField(
        source="method.proves_delivery",
        allow_null=True,
        read_only=True,
        help_text="Whether a source of this kind can prove delivery (announcements, inaugurations, plans and "
        "press releases cannot; null: not graded).",
    )

    archived_copy = serializers.SerializerMethodField(
        help_text="The tracker's own archived copy of the source, kept when it was first cited: `address` (its "
        "page, with a banner), `sha256` (of the page as fetched, also in its WARC file) and `fetched_at`; null "
        "while there is none (not fetched yet, or the page could not be archived)."
    )

    def get_kind_label(self, source) -> str:
        method = method_of(source.kind)
        return str(method.label) if method else ""

    @extend_schema_field(ArchivedCopySerializer(allow_null=True))
    def get_archived_copy(self, source):
        found = getattr(source, "archived_json", None)
        if not found:
            return None
        if isinstance(found, str):  # a database that hands JSON back as text
            found = json.loads(found)
        fetched_at = parse_datetime(found["fetched_at"]) if isinstance(found["fetched_at"], str) else None
        return {
            "address": links.absolute(_request(self), reverse("tracker:archived_copy", args=[found["id"]])),
            "sha256": found["sha256"],
            "fetched_at": fetched_at.isoformat() if fetched_at else found["fetched_at"],
        }


class HolderSerializer(serializers.ModelSerializer):
    """A person holding an office on the date asked about."""

    person = RefSerializer(help_text="The person.")
    how_label = label_of("how")
    temporary = serializers.SerializerMethodField(help_text="True for an acting holder or an additional charge.")

    class Meta:
        model = Tenure
        fields = ("person", "start_date", "end_date", "how", "how_label", "temporary")

    def get_temporary(self, tenure) -> bool:
        return tenure.how in TenureStart.temporary()


def holders_of(serializer, office_id):
    """The holders of an office on the context's date, from the tenures fetched for the page. Serialized
    once per office and page: a list names the same offices again and again, and building serializers
    for each owner was most of a list page's time."""
    done = serializer.context.setdefault("holders_by_office", {})
    if office_id not in done:
        tenures = serializer.context.get("tenures", {}).get(office_id, [])
        holders = holders_on(tenures, serializer.context["on"])
        done[office_id] = HolderSerializer(holders, many=True, context=serializer.context).data
    return done[office_id]

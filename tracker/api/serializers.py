"""What each API object of each kind holds (what they share, and references to related records, are in
tracker/api/references.py). The same serializers write the API's JSON and CSV, the Popolo export's extra
fields and the bulk downloads, and their help texts are the data dictionary (tracker/api/columns.py), so a
field is described once.

Related records are named by a small reference (`id`, `slug`, `name`, links), and only when the public may
see them: a related record unpublished or taken down since is null, as on the public pages. Holders of an
office are resolved on one date (today, or the `on` of the request) from tenures fetched once per page
(`context["tenures"]`, tracker/public/ownership.py), so a page costs a fixed number of queries.
"""

from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api import links
from tracker.api.references import (
    HolderSerializer,
    OfficeRefSerializer,
    RecordSerializer,
    RefSerializer,
    SourceSerializer,
    _request,
    holders_of,
    label_of,
)
from tracker.archive.reading import with_archived_copy
from tracker.history import transparency
from tracker.models import (
    Commitment,
    CommitmentOwner,
    Decision,
    DecisionCommitment,
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
from tracker.models.vocabulary import TenureStart
from tracker.public.ownership import is_public


class OwnerSerializer(serializers.ModelSerializer):
    office = OfficeRefSerializer(help_text="The owning office.")
    role_label = label_of("role")
    holders = serializers.SerializerMethodField(help_text="Who held the office on `owners_on` (empty: vacant).")

    class Meta:
        model = CommitmentOwner
        fields = ("office", "role", "role_label", "holders")

    @extend_schema_field(HolderSerializer(many=True))
    def get_holders(self, owner):
        return holders_of(self, owner.office_id)


class CommitmentSerializer(RecordSerializer):
    status_label = label_of("status")
    sector_label = label_of("sector")
    overdue = serializers.BooleanField(source="is_overdue", read_only=True, help_text="Deadline passed, not final.")
    jurisdiction = RefSerializer(allow_null=True, help_text="Where the commitment applies.")
    made_by_office = OfficeRefSerializer(allow_null=True, help_text="The office whose holder made the promise.")
    owners_on = serializers.SerializerMethodField(help_text="The date the owners' holders are resolved on.")
    owners = serializers.SerializerMethodField(help_text="The owning offices and who held each on `owners_on`.")

    class Meta:
        model = Commitment
        fields = (
            *RecordSerializer.RECORD_FIELDS,
            "title",
            "title_ur",
            "text",
            "text_ur",
            "source_quote",
            "status",
            "status_label",
            "sector",
            "sector_label",
            "progress",
            "made_on",
            "deadline",
            "overdue",
            "jurisdiction",
            "made_by_office",
            "owners_on",
            "owners",
            *RecordSerializer.LINK_FIELDS,
        )

    def get_owners_on(self, commitment) -> str:
        return self.context["on"].isoformat()

    @extend_schema_field(OwnerSerializer(many=True))
    def get_owners(self, commitment):
        owners = [owner for owner in commitment.owners.all() if is_public(owner.office)]
        # One owner serializer for the page (its fields are bound once), not one per commitment.
        if "owner_serializer" not in self.context:
            self.context["owner_serializer"] = OwnerSerializer(context=self.context)
        return [self.context["owner_serializer"].to_representation(owner) for owner in owners]


class StatusChangeSerializer(serializers.ModelSerializer):
    source = serializers.SerializerMethodField(help_text="The evidence for the change.")

    class Meta:
        model = StatusChange
        fields = ("from_status", "to_status", "effective_date", "recorded_on", "note", "note_ur", "source")

    @extend_schema_field(SourceSerializer)
    def get_source(self, change):
        return SourceSerializer(change).data


class MovementSerializer(serializers.ModelSerializer):
    office = OfficeRefSerializer(allow_null=True, help_text="The office the next step went to.")

    class Meta:
        model = Movement
        fields = ("office", "arrived_on", "note", "note_ur")


# The data dictionary's words for a list of sources (one JSON column in the bulk downloads).
SOURCES_HELP = (
    "Its sources: url, title, publisher, published_on, quote, archive_url; kind (a source kind value, empty: not "
    "graded), kind_label, kind_rank (1 the strongest of 12, as the methodology ranks them) and "
    "kind_proves_delivery (false for announcements, inaugurations, plans and press releases)."
)


class CommitmentDetailSerializer(CommitmentSerializer):
    """A commitment with its status changes, movements, sources and linked decisions."""

    status_changes = StatusChangeSerializer(
        many=True,
        read_only=True,
        help_text="Its status changes, each with its evidence (`source`: url, title, publisher, published_on, "
        "quote, archive_url, and the source's kind, kind_label, kind_rank and kind_proves_delivery).",
    )
    movements = MovementSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True, help_text=SOURCES_HELP)
    decisions = serializers.SerializerMethodField(help_text="Published decisions about this commitment.")

    class Meta(CommitmentSerializer.Meta):
        fields = (*CommitmentSerializer.Meta.fields, "status_changes", "movements", "sources", "decisions")

    @extend_schema_field(RefSerializer(many=True))
    def get_decisions(self, commitment):
        # `decision_links` is prefetched with the decisions (DECISION_LINKS): no query per commitment.
        found = sorted(
            (link.decision for link in commitment.decision_links.all() if is_public(link.decision)),
            key=lambda decision: (decision.decided_on, decision.pk),
        )
        return RefSerializer(found, many=True, context=self.context).data


def archived_parts(*models):
    """Prefetches of the status changes and sources of records, each with its archived copy (one query each)."""
    names = {StatusChange: "status_changes"}
    return [Prefetch(names.get(model, "sources"), queryset=with_archived_copy(model.objects.all())) for model in models]


DECISION_LINKS = Prefetch("decision_links", queryset=DecisionCommitment.objects.select_related("decision"))


class DecisionSerializer(RecordSerializer):
    kind_label = label_of("kind")
    deciding_office = OfficeRefSerializer(allow_null=True, help_text="The office that decided.")
    amount_pkr = serializers.DecimalField(
        max_digits=16, decimal_places=0, allow_null=True, read_only=True, help_text="Amount in rupees (budgets)."
    )
    commitments = serializers.SerializerMethodField(help_text="The published commitments it concerns.")
    sources = SourceSerializer(many=True, read_only=True, help_text=SOURCES_HELP)

    class Meta:
        model = Decision
        fields = (
            *RecordSerializer.RECORD_FIELDS,
            "title",
            "title_ur",
            "kind",
            "kind_label",
            "reference_number",
            "decided_on",
            "deciding_office",
            "summary",
            "summary_ur",
            "amount_pkr",
            "commitments",
            "sources",
            *RecordSerializer.LINK_FIELDS,
        )

    @extend_schema_field(RefSerializer(many=True))
    def get_commitments(self, decision):
        found = [link.commitment for link in decision.linked_commitments.all()]
        return [ref for ref in RefSerializer(found, many=True, context=self.context).data if ref]


class PersonTenureSerializer(serializers.ModelSerializer):
    office = OfficeRefSerializer(help_text="The office held.")
    how_label = label_of("how")
    end_reason_label = label_of("end_reason")

    class Meta:
        model = Tenure
        fields = ("id", "office", "start_date", "end_date", "how", "how_label", "end_reason", "end_reason_label")


class PersonSerializer(RecordSerializer):
    tenures = serializers.SerializerMethodField(help_text="The offices this person held, and when.")

    class Meta:
        model = Person
        fields = (
            *RecordSerializer.RECORD_FIELDS,
            "name",
            "name_ur",
            "summary",
            "summary_ur",
            "tenures",
            *RecordSerializer.LINK_FIELDS,
        )

    @extend_schema_field(PersonTenureSerializer(many=True))
    def get_tenures(self, person):
        held = [tenure for tenure in person.tenures.all() if is_public(tenure.office)]
        return PersonTenureSerializer(held, many=True, context=self.context).data


class OfficeTenureSerializer(PersonTenureSerializer):
    person = RefSerializer(help_text="The holder.")

    class Meta(PersonTenureSerializer.Meta):
        fields = ("id", "person", "start_date", "end_date", "how", "how_label", "end_reason", "end_reason_label")


class OfficeSerializer(RecordSerializer):
    kind_label = label_of("kind")
    organization = RefSerializer(allow_null=True, help_text="The organisation the office is in.")
    jurisdiction = serializers.SerializerMethodField(help_text="The place of the office's organisation.")
    holders_on = serializers.SerializerMethodField(help_text="The date `holders` is resolved on.")
    holders = serializers.SerializerMethodField(help_text="Who held the office on `holders_on` (empty: vacant).")
    tenures = serializers.SerializerMethodField(help_text="Every holder of the office over time.")

    class Meta:
        model = Office
        fields = (
            *RecordSerializer.RECORD_FIELDS,
            "title",
            "title_ur",
            "kind",
            "kind_label",
            "is_sole",
            "organization",
            "jurisdiction",
            "holders_on",
            "holders",
            "tenures",
            *RecordSerializer.LINK_FIELDS,
        )

    @extend_schema_field(RefSerializer(allow_null=True))
    def get_jurisdiction(self, office):
        if not is_public(office.organization):
            return None
        return RefSerializer(office.organization.jurisdiction, context=self.context).data or None

    def get_holders_on(self, office) -> str:
        return self.context["on"].isoformat()

    @extend_schema_field(HolderSerializer(many=True))
    def get_holders(self, office):
        return holders_of(self, office.pk)

    @extend_schema_field(OfficeTenureSerializer(many=True))
    def get_tenures(self, office):
        held = [tenure for tenure in office.tenures.all() if is_public(tenure.person)]
        return OfficeTenureSerializer(held, many=True, context=self.context).data


def placed_record(name, model, classified_by, placed_in, place_help):
    """A record known by its name (English and Urdu), classified by one field and placed under another:
    organisations (classification, jurisdiction) and jurisdictions (tier, parent)."""
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": (
                *RecordSerializer.RECORD_FIELDS,
                "name",
                "name_ur",
                classified_by,
                f"{classified_by}_label",
                placed_in,
                *RecordSerializer.LINK_FIELDS,
            ),
        },
    )
    declared = {
        f"{classified_by}_label": label_of(classified_by),
        placed_in: RefSerializer(allow_null=True, help_text=place_help),
        "Meta": meta,
    }
    return type(name, (RecordSerializer,), declared)


OrganisationSerializer = placed_record(
    "OrganisationSerializer", Organization, "classification", "jurisdiction", "Where the organisation works."
)
JurisdictionSerializer = placed_record(
    "JurisdictionSerializer", Jurisdiction, "tier", "parent", "The jurisdiction this one is part of."
)


class TenureSerializer(serializers.ModelSerializer):
    """A person holding an office (Popolo: a membership), both public."""

    office = OfficeRefSerializer(help_text="The office held.")
    person = RefSerializer(help_text="The holder.")
    how_label = label_of("how")
    end_reason_label = label_of("end_reason")
    temporary = serializers.SerializerMethodField(help_text="True for an acting holder or an additional charge.")

    class Meta:
        model = Tenure
        fields = (
            "id",
            "office",
            "person",
            "start_date",
            "end_date",
            "how",
            "how_label",
            "end_reason",
            "end_reason_label",
            "temporary",
            "notification",
        )

    def get_temporary(self, tenure) -> bool:
        return tenure.how in TenureStart.temporary()


class RevisionSerializer(serializers.ModelSerializer):
    """One public revision, exactly as published: its place in the record's hash chain and its content."""

    content = serializers.JSONField(help_text="The record as published in this revision.")
    html_url = serializers.SerializerMethodField(help_text="This revision's permanent public page.")
    transparency_log = serializers.SerializerMethodField(
        help_text="Its entry in the site-wide transparency log (leaf_index, from 0) and, once a signed checkpoint "
        "covers it, the address of its inclusion proof against the latest one (checkpoint_size, proof_url); one "
        "revision's representation also carries the proof's hashes (hex, RFC 9162 order)."
    )

    class Meta:
        model = PublicRevision
        fields = (
            "number",
            "published_at",
            "edit_summary",
            "publisher",
            "hash",
            "previous_hash",
            "content",
            "html_url",
            "transparency_log",
        )

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "leaf_index": {"type": "integer"},
                "checkpoint_size": {"type": "integer", "nullable": True},
                "proof_url": {"type": "string", "format": "uri", "nullable": True},
                "hashes": {"type": "array", "items": {"type": "string"}},
            },
        }
    )
    def get_transparency_log(self, revision):
        if "checkpoint" not in self.context:
            self.context["checkpoint"] = transparency.latest_checkpoint()
        checkpoint, index = self.context["checkpoint"], revision.sequence - 1
        if checkpoint is None or checkpoint.size <= index:
            return {"leaf_index": index, "checkpoint_size": None, "proof_url": None}
        address = f"{reverse('log:inclusion_proof', args=[index])}?size={checkpoint.size}"
        proof_url = links.absolute(_request(self), address)
        found = {"leaf_index": index, "checkpoint_size": checkpoint.size, "proof_url": proof_url}
        if self.context.get("with_proof"):
            found["hashes"] = transparency.revision_proof(revision, checkpoint)["hashes"]
        return found

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_html_url(self, revision):
        record = self.context.get("record")
        kind_url = links.history_url(_request(self), record) if record is not None else None
        return f"{kind_url}{revision.number}/" if kind_url else None


class DigestSerializer(serializers.ModelSerializer):
    """A signed digest: the SHA-256 of the listing of every record's latest revision at a moment, signed."""

    stamp = serializers.CharField(read_only=True, help_text="The digest's name: its moment in UTC.")
    listing_url = serializers.SerializerMethodField(help_text="The listing the digest is the SHA-256 of.")
    signature_url = serializers.SerializerMethodField(help_text="The raw Ed25519 signature of the listing.")

    class Meta:
        model = SignedDigest
        fields = (
            "stamp",
            "ends_at",
            "records",
            "sha256",
            "signature",
            "key_fingerprint",
            "listing_url",
            "signature_url",
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_listing_url(self, found):
        return links.absolute(_request(self), reverse("tracker:signed_digest", args=[found.stamp]))

    @extend_schema_field(OpenApiTypes.URI)
    def get_signature_url(self, found):
        return links.absolute(_request(self), reverse("tracker:signed_digest_signature", args=[found.stamp]))

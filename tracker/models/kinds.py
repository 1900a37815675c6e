"""The kinds of record the tracker publishes, written out once.

Each kind names its model, the first part of its public address (`/commitments/…`, also the word its
history pages, citations and feeds use) and the word the search index and its `?kind=` filter use.
History, search, the admin hooks and the takedown command all read this list, so a new kind of record
is added here and nowhere else.

    kind = kind_of(record)          # RecordKind, or None for a model that is not a published record
    kind.segment                    # "commitments"; None for organisations, which have no public page
    kind.label                      # "Commitment"
    KINDS_WITH_PAGES["offices"]     # the RecordKind of offices
"""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tracker.models.commitments import Commitment
from tracker.models.decisions import Decision
from tracker.models.people import Office, Person
from tracker.models.places import Jurisdiction, Organization


@dataclass(frozen=True)
class RecordKind:
    model: type
    # The first part of the record's public address; None when the record has no public page.
    segment: str | None
    # The kind's word in the search index (stored in documents and index-queue rows, so it never changes).
    search_name: str | None = None
    # What search calls the kind, where readers know it by another word than its model's name.
    search_label: str | None = None
    # Whether readers may follow records of the kind by e-mail (tracker/following/).
    followable: bool = False
    # The first part of its address in the open-data API (/api/v1/<api_segment>/), where it differs from `segment`.
    api_name: str | None = None

    @property
    def api_segment(self):
        return self.api_name or self.segment

    @property
    def label(self):
        """'Commitment' (translated lazily, as the model's own name is)."""
        return capfirst(self.model._meta.verbose_name)

    @property
    def plural_label(self):
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def url_name(self):
        """The name of the record's public page in tracker/public/urls.py."""
        return self.model.public_url_name


RECORD_KINDS = (
    RecordKind(Commitment, "commitments", "commitment", followable=True),
    RecordKind(Decision, "decisions", "decision"),
    RecordKind(Person, "people", "person", followable=True),
    RecordKind(Office, "offices", "office", followable=True),
    # Search has always called jurisdictions "places": readers look for a district, not a tier.
    RecordKind(Jurisdiction, "jurisdictions", "place", search_label=_("Place"), followable=True),
    # Organisations have no public page: their revisions are kept, hash-chained and counted in the
    # daily digest, but have no history pages of their own, and search does not list them.
    RecordKind(Organization, None, api_name="organisations"),
)

KINDS_WITH_PAGES = {kind.segment: kind for kind in RECORD_KINDS if kind.segment}
FOLLOWABLE_KINDS = {kind.segment: kind for kind in RECORD_KINDS if kind.followable}
SEARCHABLE_KINDS = {kind.search_name: kind for kind in RECORD_KINDS if kind.search_name}
_BY_TYPE = {kind.model._meta.label_lower: kind for kind in RECORD_KINDS}


def kind_of(record_or_model):
    """The RecordKind of a record or a model; None for anything else."""
    model = record_or_model if isinstance(record_or_model, type) else type(record_or_model)
    return _BY_TYPE.get(model._meta.label_lower) if hasattr(model, "_meta") else None


def kind_of_type(record_type):
    """The RecordKind of 'tracker.commitment' (a stored snapshot's "type"); None if unknown."""
    return _BY_TYPE.get(record_type)


def record_models():
    """Every model whose records are published with a public history."""
    return [kind.model for kind in RECORD_KINDS]

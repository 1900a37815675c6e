"""Who held an office on a date, and so who owned a commitment then.

Tenures are fetched once per page for all the offices involved and resolved in memory for every
date the page asks about (now, the deadline, each status change), so a page's query count does not
grow with the number of dates, owners or holders.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import OfficeKind, OwnershipRole, TenureStart

# How an owner's role is said when its office's kind does not imply it.
ROLE_NOTES = {
    OwnershipRole.POLITICAL: _("answers politically for it"),
    OwnershipRole.ADMINISTRATIVE: _("carries it out"),
    OwnershipRole.SUPPORTING: _("supporting"),
}


def tenures_by_office(office_ids, page=False):
    """{office_id: [tenure, ...]} for published offices, each tenure of a published person, with the
    person loaded: a record taken down or unpublished is named on no other record's page. Whether both
    are published is asked of the rows joined, not of two subqueries: a commitment's page spent more
    building those than the database spent answering. For a `page`, the people's editing fields are
    left unread (`editing_fields`)."""
    from tracker.models import Tenure
    from tracker.models.base import editing_fields, published

    grouped = defaultdict(list)
    tenures = (
        Tenure.objects.filter(published("office"), published("person"), office_id__in=set(office_ids))
        .select_related("person")
        .order_by("start_date", "sort_order")
    )
    if page:
        tenures = tenures.defer(*editing_fields(Tenure, "person"))
    for tenure in tenures:
        grouped[tenure.office_id].append(tenure)
    return grouped


def holders_on(tenures, day):
    """The tenures covering `day`: the substantive holder first, then acting or additional charge."""
    covering = [t for t in tenures if t.covers(day)]
    return sorted(covering, key=lambda t: (t.how in TenureStart.temporary(), t.start_date))


@dataclass
class OwnerOnDate:
    owner: object  # CommitmentOwner
    holders: list = field(default_factory=list)

    @property
    def office(self):
        return self.owner.office

    @property
    def vacant(self):
        return not self.holders

    @property
    def role_note(self):
        """The owner's role, only where the office's kind does not already say it: pages name owners in
        one vocabulary (elected, appointed, administrator), not also "political" and "administrative"."""
        role, kind = self.owner.role, self.office.kind
        implied = {
            OwnershipRole.POLITICAL: {OfficeKind.ELECTED},
            OwnershipRole.ADMINISTRATIVE: set(OfficeKind) - {OfficeKind.ELECTED},
        }
        if kind in implied.get(role, ()):
            return ""
        return ROLE_NOTES[role]


def is_public(record):
    """Whether the public may see `record` (as `RecordQuerySet.published()` decides, for a row in hand)."""
    return record is not None and record.live and record.taken_down_at is None


def hide_hidden(record, *names):
    """Forget, on this copy of `record` only, each of the records it points to by `names` that the public
    may not see (unpublished or taken down since), so its page does not name them."""
    for name in names:
        if not is_public(getattr(record, name)):
            setattr(record, name, None)
    return record


def published_owners(commitment):
    """The owners of `commitment` whose offices the public may see, their offices loaded (whether an office
    is published asked of the office joined, as in `tenures_by_office`), for its page: the offices' editing
    fields left unread, and not their organisations, which the page does not name. Read from the database as a published
    page's are, not through the record's cluster of children (`commitment.owners`), which costs more."""
    from tracker.models import CommitmentOwner
    from tracker.models.base import editing_fields, published

    return list(
        CommitmentOwner.objects.filter(published("office"), commitment=commitment)
        .select_related("office")
        .defer(*editing_fields(CommitmentOwner, "office"))
    )


def owners_on(owners, tenures, day):
    """Each owner of a commitment with the holders of its office on `day` (empty = vacant)."""
    return [OwnerOnDate(owner, holders_on(tenures.get(owner.office_id, []), day)) for owner in owners]


def political_and_administrative(owners):
    political = [o for o in owners if o.role == OwnershipRole.POLITICAL]
    administrative = [o for o in owners if o.role == OwnershipRole.ADMINISTRATIVE]
    return political, administrative


def covering_filter(day: date, prefix=""):
    """A Q object selecting tenures that cover `day`."""
    return Q(**{f"{prefix}start_date__lte": day}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )

"""The people, offices and places in Popolo (the open standard for people, organisations, posts and
memberships), at /api/v1/popolo.json and in the bulk downloads, loadable by existing Popolo tools.

    persons        published people
    organizations  published organisations, each with the area it works in
    posts          published offices (a post exists whoever holds it), with their organisation and area
    memberships    tenures of a published person in a published office, with start and end
    areas          published jurisdictions, with their tier as `type` and their parent

Ids are "<type>/<permanent id>" (person/12), which never change; every object also carries the tracker's
identifiers (`accountability-tracker` and `accountability-tracker-slug` schemes) and links to its page.

Popolo has no field for what makes this tracker: so posts carry `office_kind` (elected, appointed,
administrator) and `held_by_one_person`; memberships carry `start_reason` and `end_reason` (the codes of
how a tenure began and ended, as EveryPolitician's data named these fields), and `acting` and
`additional_charge` (true for a temporary holder). docs/api.md documents them.
"""

from django.utils import timezone

from tracker.api import links
from tracker.models import Jurisdiction, Office, Organization, Person, Tenure
from tracker.models.vocabulary import TenureStart
from tracker.public.ownership import is_public

SCHEME = "accountability-tracker"


def pid(kind, pk):
    return f"{kind}/{pk}"


def _identity(request, record, kind, name):
    data = {
        "id": pid(kind, record.pk),
        name: str(record),
        "identifiers": [
            {"scheme": SCHEME, "identifier": str(record.pk)},
            {"scheme": f"{SCHEME}-slug", "identifier": record.slug},
        ],
        "links": [{"url": links.api_url(request, record), "note": "API"}],
    }
    page = links.html_url(request, record)
    if page:
        data["links"] += [
            {"url": page, "note": "Public page"},
            {"url": links.history_url(request, record), "note": "Public history"},
        ]
    return data


def _urdu(record, field):
    value = getattr(record, field)
    return [{"name": value, "note": "Urdu"}] if value else []


def person(request, record):
    data = _identity(request, record, "person", "name")
    data["other_names"] = _urdu(record, "name_ur")
    if record.summary:
        data["summary"] = record.summary
    return data


def organization(request, record):
    data = _identity(request, record, "organization", "name")
    data["classification"] = record.classification
    data["other_names"] = _urdu(record, "name_ur")
    if is_public(record.jurisdiction):
        data["area_id"] = pid("area", record.jurisdiction_id)
    return data


def area(request, record):
    data = _identity(request, record, "area", "name")
    data["type"] = record.tier
    data["other_names"] = _urdu(record, "name_ur")
    if is_public(record.parent):
        data["parent_id"] = pid("area", record.parent_id)
    return data


def post(request, record):
    data = _identity(request, record, "post", "label")
    data["office_kind"] = record.kind
    data["held_by_one_person"] = record.is_sole
    if record.title_ur:
        data["other_label"] = [record.title_ur]
    if is_public(record.organization):
        data["organization_id"] = pid("organization", record.organization_id)
        if is_public(record.organization.jurisdiction):
            data["area_id"] = pid("area", record.organization.jurisdiction_id)
    return data


def membership(tenure):
    office = tenure.office
    data = {
        "id": pid("membership", tenure.pk),
        "person_id": pid("person", tenure.person_id),
        "post_id": pid("post", tenure.office_id),
        "role": office.title,
        "start_date": tenure.start_date.isoformat(),
        "start_reason": tenure.how,
        "acting": tenure.how == TenureStart.ACTING,
        "additional_charge": tenure.how == TenureStart.ADDITIONAL_CHARGE,
    }
    if is_public(office.organization):
        data["organization_id"] = pid("organization", office.organization_id)
    if tenure.end_date:
        data["end_date"] = tenure.end_date.isoformat()
    if tenure.end_reason:
        data["end_reason"] = tenure.end_reason
    return data


def document(request=None):
    """The whole Popolo document of what the public may see now."""
    people = Person.objects.published().order_by("pk")
    organisations = Organization.objects.published().select_related("jurisdiction").order_by("pk")
    offices = Office.objects.published().select_related("organization__jurisdiction").order_by("pk")
    places = Jurisdiction.objects.published().select_related("parent").order_by("pk")
    tenures = (
        Tenure.objects.filter(office__in=Office.objects.published(), person__in=Person.objects.published())
        .select_related("office__organization")
        .order_by("pk")
    )
    return {
        "meta": {
            "generated_at": timezone.now().isoformat(),
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "extensions": "posts: office_kind, held_by_one_person; memberships: start_reason, end_reason, acting, "
            "additional_charge (docs/api.md)",
        },
        "persons": [person(request, record) for record in people],
        "organizations": [organization(request, record) for record in organisations],
        "posts": [post(request, record) for record in offices],
        "memberships": [membership(tenure) for tenure in tenures],
        "areas": [area(request, record) for record in places],
    }

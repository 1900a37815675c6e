"""Who may do what in the admin: editors work on their own organisation's records only, moderators
review and publish everything, administrators also manage the editing organisations.

The matrix drives the real admin views through the test client and checks what changed (or did
not) in the records, not only status codes."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import Resolver404, resolve, reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests import scenario
from tests.factories import JurisdictionFactory, OfficeFactory
from tests.tracker.admin.editing import SNIPPET, commitment_form, owners_formset
from tracker import publishing
from tracker.models import Commitment, EditingOrganisation, Membership, PublicRevision
from tracker.publishing.permissions import can_import

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/import/"
PUBLISHED_TITLE = "Solar lights on every Quetta street"
DRAFT_TITLE = "Solar lights on every Quetta street (draft: 40% installed)"


@pytest.fixture
def people(django_user_model):
    editors, moderators = Group.objects.get(name="Editors"), Group.objects.get(name="Moderators")
    org_a = EditingOrganisation.objects.create(name="Citizens' Budget Watch")
    org_b = EditingOrganisation.objects.create(name="Quetta Civic Forum")

    def user(name, group=None, organisation=None, **extra):
        person = django_user_model.objects.create_user(name, f"{name}@example.org", "pass", **extra)
        if group:
            person.groups.add(group)
        if organisation:
            Membership.objects.create(organisation=organisation, user=person)
        return person

    return {
        "anonymous": None,
        "editor of A": user("amina", editors, org_a),
        "editor of B": user("bilal", editors, org_b),
        "moderator": user("maryam", moderators),
        "administrator": django_user_model.objects.create_superuser("root", "root@example.org", "pass"),
        "org_a": org_a,
        "org_b": org_b,
    }


@pytest.fixture
def record(people):
    """A published commitment of organisation A with an unpublished draft on top."""
    commitment = scenario.published_commitment(
        title=PUBLISHED_TITLE, owner_office=OfficeFactory(title="Mayor of Quetta"), maintained_by=people["org_a"]
    )
    commitment.title = DRAFT_TITLE
    publishing.save_draft(commitment, summary="Lights going up")
    return Commitment.objects.get(pk=commitment.pk)


def edit_form(record, **changes):
    draft = record.get_latest_revision_as_object()
    data = {
        "title": draft.title,
        "title_ur": "",
        "text": draft.text,
        "sector": draft.sector,
        "jurisdiction": draft.jurisdiction_id,
        "made_by_office": "",
        "made_on": draft.made_on.isoformat(),
        "source_quote": "",
        "status": draft.status,
        "progress": str(draft.progress),
        "deadline": draft.deadline.isoformat() if draft.deadline else "",
        "owners": owners_formset(draft),
        "status_changes": inline_formset([]),
        "movements": inline_formset([]),
        "sources": inline_formset([]),
        "slug": draft.slug,
        "edit_summary": "Checked the figures",
    }
    data.update(changes)
    return nested_form_data(data)


def view_draft(client, record, who):
    html = client.get(reverse(f"{SNIPPET}:edit", args=[record.pk])).content.decode()
    preview_url = reverse(f"{SNIPPET}:preview_on_edit", args=[record.pk])
    client.post(preview_url, edit_form(record))
    preview = client.get(preview_url).content.decode()
    return DRAFT_TITLE in html and DRAFT_TITLE in preview


def edit(client, record, who):
    client.post(reverse(f"{SNIPPET}:edit", args=[record.pk]), edit_form(record, title=f"Edited by {who}"))
    record.refresh_from_db()
    return record.get_latest_revision_as_object().title == f"Edited by {who}"


def submit(client, record, who):
    client.post(reverse(f"{SNIPPET}:edit", args=[record.pk]), {**edit_form(record), "action-submit": "Submit"})
    record.refresh_from_db()
    return record.workflow_in_progress


def publish(client, record, who):
    form = edit_form(record, title=f"Published by {who}")
    client.post(reverse(f"{SNIPPET}:edit", args=[record.pk]), {**form, "action-publish": "Publish"})
    record.refresh_from_db()
    return record.title == f"Published by {who}" and PublicRevision.objects.for_record(record).count() == 2


def unpublish(client, record, who):
    client.post(reverse(f"{SNIPPET}:unpublish", args=[record.pk]), {"reason": "Duplicate of another record"})
    record.refresh_from_db()
    return not record.live


def import_spreadsheets(client, record, who, user):
    if not import_view_exists():
        # The admin import view (issue 6, part A) asks tracker.publishing.permissions.can_import.
        return can_import(user or AnonymousUser())
    return client.get(IMPORT_URL).status_code == 200


def import_view_exists():
    try:
        # Wagtail's admin 404 view and page catch-all answer every other path, unnamed or as wagtail_serve.
        return resolve(IMPORT_URL).url_name not in (None, "wagtail_serve")
    except Resolver404:
        return False


ACTIONS = {
    "view draft": view_draft,
    "edit": edit,
    "submit": submit,
    "publish": publish,
    "unpublish": unpublish,
    "import": import_spreadsheets,
}
WHO = ["anonymous", "editor of A", "editor of B", "moderator", "administrator"]
#             anonymous editor A  editor B  moderator administrator
MATRIX = {
    "view draft": (False, True, False, True, True),
    "edit": (False, True, False, True, True),
    "submit": (False, True, False, True, True),
    "publish": (False, False, False, True, True),
    "unpublish": (False, False, False, True, True),
    "import": (False, False, False, True, True),
}


@pytest.mark.parametrize(
    ("who", "action", "allowed"),
    [(who, action, MATRIX[action][i]) for action in MATRIX for i, who in enumerate(WHO)],
)
def test_permission_matrix(client, people, record, who, action, allowed):
    user = people[who]
    if user is not None:
        client.force_login(user)
    check = ACTIONS[action]
    done = check(client, record, who, user) if action == "import" else check(client, record, who)
    assert done is allowed, f"{who} {'should' if allowed else 'should not'} be able to {action}"
    if not allowed and action in ("edit", "submit", "publish"):
        record.refresh_from_db()
        assert record.title == PUBLISHED_TITLE, "nothing refused reaches the public"
        if not MATRIX["edit"][WHO.index(who)]:
            assert record.get_latest_revision_as_object().title == DRAFT_TITLE, "a refused edit leaves the draft"


def test_editors_list_only_their_organisations_records(client, people, record):
    scenario.published_commitment(title="Clean water for Sariab Road", maintained_by=people["org_b"], summary="Add")
    scenario.published_commitment(title="Bus rapid transit for Quetta", summary="Add")

    def listed(who):
        client.force_login(people[who])
        html = client.get(reverse(f"{SNIPPET}:list")).content.decode()
        return {t for t in (DRAFT_TITLE, PUBLISHED_TITLE, "Clean water", "Bus rapid transit") if t in html}

    assert "Clean water" not in listed("editor of A") and "Bus rapid transit" not in listed("editor of A")
    assert listed("editor of A") & {DRAFT_TITLE, PUBLISHED_TITLE}
    assert "Clean water" in listed("editor of B") and not listed("editor of B") & {DRAFT_TITLE, PUBLISHED_TITLE}
    assert {"Clean water", "Bus rapid transit"} <= listed("moderator")


def test_a_new_record_belongs_to_its_editors_organisation(client, people, offices):
    client.force_login(people["editor of B"])
    form = commitment_form(offices, jurisdiction=JurisdictionFactory().pk, title="Ambulances for Pishin")
    # An editor cannot hand the record to another organisation: the field is not on their form.
    form["maintained_by"] = people["org_a"].pk
    client.post(reverse(f"{SNIPPET}:add"), form)
    assert Commitment.objects.get(title="Ambulances for Pishin").maintained_by == people["org_b"]

    html = client.get(reverse(f"{SNIPPET}:add")).content.decode()
    assert "Maintained by" not in html
    client.force_login(people["moderator"])
    assert "Maintained by" in client.get(reverse(f"{SNIPPET}:add")).content.decode()


def test_an_editor_without_an_organisation_edits_nothing(client, people, record, django_user_model):
    loner = django_user_model.objects.create_user("loner", "loner@example.org", "pass")
    loner.groups.add(Group.objects.get(name="Editors"))
    client.force_login(loner)
    assert not edit(client, record, "loner")
    response = client.get(reverse(f"{SNIPPET}:add"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_editors_still_choose_records_of_other_organisations(client, people):
    JurisdictionFactory(name="Killa Saifullah", maintained_by=people["org_b"])
    client.force_login(people["editor of A"])
    html = client.get(reverse("wagtailsnippetchoosers_tracker_jurisdiction:choose")).content.decode()
    assert "Killa Saifullah" in html


def test_only_administrators_manage_editing_organisations(client, people):
    url = reverse("editing_organisations:index")
    for who in ("editor of A", "moderator"):
        client.force_login(people[who])
        assert "Quetta Civic Forum" not in client.get(url).content.decode()
    client.force_login(people["administrator"])
    html = client.get(url).content.decode()
    assert "Citizens&#x27; Budget Watch" in html and "Quetta Civic Forum" in html


def test_a_moderator_hands_a_record_to_another_organisation(client, people, record):
    client.force_login(people["moderator"])
    form = edit_form(record, maintained_by=people["org_b"].pk, edit_summary="Now kept by the Civic Forum")
    client.post(reverse(f"{SNIPPET}:edit", args=[record.pk]), {**form, "action-publish": "Publish"})
    record.refresh_from_db()
    assert record.maintained_by == people["org_b"]
    # The maintaining organisation is not public: the public revision has the same shape as before.
    first, second = PublicRevision.objects.for_record(record).order_by("number")
    assert set(second.content["fields"]) == set(first.content["fields"])
    assert "maintained_by" not in str(second.content)
    client.force_login(people["editor of B"])
    assert edit(client, record, "editor of B")

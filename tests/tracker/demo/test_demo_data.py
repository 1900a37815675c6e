"""`manage.py load_demo_data`: the curated demo (real places and offices, fictional holders and
promises), published with real public revisions and history; loading it again changes nothing
(`--scale N`: tests/tracker/demo/test_demo_scale.py)."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from cms.models import TrackerSettings
from tests.tracker.demo.readers import tracker_counts, verified
from tracker import publishing
from tracker.demo.people import FICTIONAL
from tracker.models import (
    Commitment,
    Decision,
    Jurisdiction,
    Office,
    Person,
    PublicRevision,
    StatusChange,
    Tenure,
)
from tracker.models.rules import latest_status_change
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, OwnershipRole, TenureEnd, TenureStart

pytestmark = pytest.mark.django_db
FILE_TRACKING = "file-tracking-system-for-the-balochistan-secretariat"


# --- The curated demo -----------------------------------------------------------------------------


def test_the_demo_shows_a_signed_digest_of_its_history(demo, client):
    from tracker.models import SignedDigest

    digest = SignedDigest.objects.latest("ends_at")
    assert (
        f"Signed digests of the public history: {SignedDigest.objects.count()} made, the latest {digest.sha256}" in demo
    )
    assert digest.records == PublicRevision.objects.values("content_type", "object_id").distinct().count()
    assert digest.sha256 in client.get("/history/digests/").content.decode()


def test_the_demo_prints_counts_and_every_account_with_what_it_may_do(demo):
    assert "commitments: " in demo
    assert "The site: http://127.0.0.1:8000/  The admin: http://127.0.0.1:8000/admin/" in demo
    assert "(password tracker-demo for each, unless you changed it)" in demo
    assert "  admin      administrator: everything" in demo
    assert "  moderator  moderator: reviews what editors submit, publishes" in demo
    assert "  editor     editor for Sample Civic Watch (fictional): drafts and submits its records" in demo
    assert "hostname" not in demo


def test_the_demo_prints_the_port_it_is_served_on(demo):
    out = StringIO()
    call_command("load_demo_data", "--port", "8123", stdout=out)
    assert "The admin: http://127.0.0.1:8123/admin/" in out.getvalue()
    assert ":8000" not in out.getvalue()
    with pytest.raises(CommandError, match="--port must be a port number"):
        call_command("load_demo_data", "--port", "0")


def test_the_demo_site_is_where_its_mail_links(demo, settings):
    """The Wagtail site (which page links in e-mails start with) is at the demo's address: SITE_URL's, or
    the port `--port` names, and then the command says how to make the mail link there too."""
    from wagtail.models import Site

    settings.SITE_URL = "http://127.0.0.1:8401"
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    assert "The site: http://127.0.0.1:8401/  The admin: http://127.0.0.1:8401/admin/" in out.getvalue()
    assert "SITE_URL" not in out.getvalue()
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8401"

    out = StringIO()
    call_command("load_demo_data", "--port", "8123", stdout=out)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8123"
    assert "SITE_URL=http://127.0.0.1:8123" in out.getvalue()  # e-mails link to SITE_URL: how to serve it there


def test_real_places_in_a_tree_with_urdu_names(demo):
    pakistan = Jurisdiction.objects.get(slug="pakistan")
    assert (pakistan.tier, pakistan.parent) == ("federal", None)
    provinces = set(pakistan.children.values_list("name", flat=True))
    assert {"Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Islamabad Capital Territory"} <= provinces
    balochistan = Jurisdiction.objects.get(slug="balochistan")
    assert balochistan.name_ur == "بلوچستان"
    assert balochistan.children.filter(tier="division").count() == 8
    assert set(Jurisdiction.objects.get(slug="quetta-division").children.values_list("name", flat=True)) == {
        "Quetta District",
        "Pishin District",
        "Killa Abdullah District",
        "Chaman District",
    }
    assert Jurisdiction.objects.get(slug="punjab").children.filter(tier="division").count() == 9
    assert Jurisdiction.objects.get(slug="quetta-district").name_ur == "کوئٹہ"
    assert Jurisdiction.objects.get(slug="lahore-district").name_ur == "لاہور"
    sariab = Jurisdiction.objects.get(slug="union-council-sariab")
    assert [j.name for j in sariab.path()] == [
        "Pakistan",
        "Balochistan",
        "Quetta Division",
        "Quetta District",
        "Quetta City",
        "Union Council Sariab",
    ]
    for place in Jurisdiction.objects.select_related("parent"):
        place.full_clean()  # tiers nest properly


def test_real_offices_of_every_kind(demo):
    kinds = dict(
        Office.objects.filter(
            slug__in=[
                "chief-minister-balochistan",
                "chief-secretary-balochistan",
                "deputy-commissioner-quetta",
                "mayor-of-quetta",
                "administrator-metropolitan-corporation-quetta",
                "lord-mayor-of-lahore",
                "administrator-metropolitan-corporation-lahore",
                "chairman-pitb",
                "secretary-school-education-balochistan",
            ]
        ).values_list("slug", "kind")
    )
    assert kinds["chief-minister-balochistan"] == OfficeKind.ELECTED
    assert kinds["mayor-of-quetta"] == kinds["lord-mayor-of-lahore"] == OfficeKind.ELECTED
    assert kinds["chief-secretary-balochistan"] == kinds["deputy-commissioner-quetta"] == OfficeKind.APPOINTED
    assert kinds["administrator-metropolitan-corporation-quetta"] == OfficeKind.ADMINISTRATOR
    assert len(kinds) == 9


def test_holders_are_fictional_and_tenures_show_real_patterns(demo):
    assert not Person.objects.exclude(summary=FICTIONAL).exists()
    many_holders = Office.objects.annotate(holders=Count("tenures__person", distinct=True)).filter(holders__gte=3)
    assert many_holders.count() >= 10
    assert Tenure.objects.filter(how=TenureStart.ACTING, office__slug="secretary-health-balochistan").exists()
    charge = Tenure.objects.get(how=TenureStart.ADDITIONAL_CHARGE, office__slug="deputy-commissioner-chaman")
    substantive = Tenure.objects.filter(office=charge.office, start_date__lte=charge.start_date).exclude(pk=charge.pk)
    assert substantive.filter(end_date__gte=charge.end_date).exists()  # overlaps a substantive holder
    assert (
        Tenure.objects.get(
            office__slug="deputy-commissioner-killa-abdullah",
            start_date__lte=charge.start_date,
            end_date__gte=charge.end_date,
        ).person
        == charge.person
    )
    # Quetta's council lapsed in January 2019, administrators ran it until the council elected in May 2022.
    lapsed, elected = Tenure.objects.filter(office__slug="mayor-of-quetta").order_by("start_date")
    assert (lapsed.end_date, lapsed.end_reason) == (datetime.date(2019, 1, 27), TenureEnd.COUNCIL_LAPSED)
    assert (elected.start_date, elected.how, elected.end_date) == (datetime.date(2022, 6, 30), "elected", None)
    quetta = list(Tenure.objects.filter(office__slug="administrator-metropolitan-corporation-quetta"))
    assert {t.how for t in quetta} == {TenureStart.APPOINTED_ADMINISTRATOR}
    assert quetta[0].start_date == datetime.date(2019, 1, 28)
    assert (quetta[-1].end_date, quetta[-1].end_reason) == (datetime.date(2022, 6, 29), TenureEnd.CHARGE_ENDED)
    vacancy = list(Tenure.objects.filter(office__slug="secretary-science-it-balochistan"))
    gaps = [
        (a.end_date, b.start_date)
        for a, b in zip(vacancy, vacancy[1:], strict=False)
        if (b.start_date - a.end_date).days > 1
    ]
    assert gaps == [(datetime.date(2021, 2, 28), datetime.date(2021, 5, 15))]
    assert Tenure.objects.filter(end_date__isnull=True).count() >= 50
    for office in Office.objects.prefetch_related("tenures"):
        office.full_clean()  # no two full-charge holders at once
        for tenure in office.tenures.all():
            tenure.full_clean(exclude=["office"])


def test_at_least_sixty_published_commitments_with_both_kinds_of_owner(demo):
    commitments = Commitment.objects.all()
    assert commitments.count() >= 60
    assert not commitments.filter(live=False).exists()
    assert not commitments.exclude(owners__role=OwnershipRole.POLITICAL).exists()
    assert not commitments.exclude(owners__role=OwnershipRole.ADMINISTRATIVE).exists()
    political = commitments.filter(owners__role=OwnershipRole.POLITICAL).values_list("owners__office__kind", flat=True)
    # Elected offices, and administrators running a council that had lapsed (their own promises).
    assert set(political) == {OfficeKind.ELECTED, OfficeKind.ADMINISTRATOR}
    sectors = set(commitments.values_list("sector", flat=True))
    assert {"education", "health", "water_sanitation", "e_governance", "local_government"} <= sectors
    statuses = set(commitments.values_list("status", flat=True))
    assert statuses == set(CommitmentStatus.values)
    assert 0 < commitments.overdue().count() < commitments.count()
    assert commitments.filter(deadline__gt=datetime.date.today()).exists()
    assert commitments.filter(owners__role=OwnershipRole.SUPPORTING).exists()
    assert commitments.annotate(n=Count("movements")).filter(n__gte=2).count() >= 10


def test_every_curated_record_and_part_passes_the_editors_rules(demo):
    for commitment in Commitment.objects.prefetch_related("owners", "status_changes", "movements", "sources"):
        commitment.full_clean()
        assert commitment.publication_problems() == []
        for relation in ("owners", "status_changes", "movements", "sources"):
            for part in getattr(commitment, relation).all():
                part.full_clean(exclude=["commitment"])
        changes = list(commitment.status_changes.all())
        previous = CommitmentStatus.NOT_STARTED
        for change in changes:  # each change starts where the last one ended, with its source
            assert (change.from_status, bool(change.url), bool(change.title)) == (previous, True, True)
            previous = change.to_status
        assert commitment.status == (latest_status_change(changes).to_status if changes else "not_started")


def test_the_file_tracking_promise_of_the_design_notes(demo):
    promise = Commitment.objects.get(slug=FILE_TRACKING)
    assert promise.made_by_office.slug == "chief-minister-balochistan"
    assert promise.made_on.year == 2019
    assert promise.status == CommitmentStatus.STALLED
    assert promise.is_overdue
    owners = {(o.office.slug, o.role) for o in promise.owners.all()}
    assert ("chief-minister-balochistan", "political") in owners
    assert ("chief-secretary-balochistan", "administrative") in owners
    assert [m.office.slug for m in promise.movements.all()][:3] == [
        "secretary-science-it-balochistan",
        "acs-development-balochistan",
        "secretary-finance-balochistan",
    ]
    revisions = list(PublicRevision.objects.for_record(promise))
    assert [r.content["fields"]["status"]["value"] for r in revisions] == ["not_started", "in_progress", "stalled"]
    assert [r.previous_hash for r in revisions] == ["", revisions[0].hash, revisions[1].hash]
    assert all(verified(r) for r in revisions)
    assert promise.decision_links.filter(decision__kind="budget_allocation", decision__amount_pkr__gt=0).exists()


def demo_owner_table():
    """The accountability page's main table for the demo, derived from the models in plain Python (not
    through tracker/public/delivery.py): {group: {outcome: count}} of published, not withdrawn commitments
    with a published owner office of the group's role and kind, and {group: withdrawn count}."""
    from tracker.models import CommitmentOwner

    groups = {
        "political-elected": ("political", "elected"),
        "political-administrator": ("political", "administrator"),
        "administrative-appointed": ("administrative", "appointed"),
        "administrative-administrator": ("administrative", "administrator"),
    }
    outcomes = {
        "delivered": {"delivered"},
        "partially_delivered": {"partially_delivered"},
        "broken": {"broken"},
        "stalled": {"stalled"},
        "open": {"not_started", "in_progress"},
    }
    visible_offices = {o.pk: o.kind for o in Office.objects.all() if o.live and o.taken_down_at is None}
    status = {c.pk: c.status for c in Commitment.objects.all() if c.live and c.taken_down_at is None}
    owners = {}
    for owner in CommitmentOwner.objects.all():
        if owner.commitment_id in status and owner.office_id in visible_offices:
            owners.setdefault(owner.commitment_id, set()).add((owner.role, visible_offices[owner.office_id]))
    table, withdrawn = {}, {}
    for key, pair in groups.items():
        members = [pk for pk, pairs in owners.items() if pair in pairs]
        counted = [pk for pk in members if status[pk] != "withdrawn"]
        table[key] = {"counted": len(counted)}
        for name, statuses in outcomes.items():
            table[key][name] = sum(1 for pk in counted if status[pk] in statuses)
        withdrawn[key] = len(members) - len(counted)
    return table, withdrawn


def test_the_accountability_page_shows_the_demo_counts_derived_independently(demo, client):
    import csv as csv_module
    import html
    import io
    import re

    table, withdrawn = demo_owner_table()
    assert table["political-elected"]["counted"] > 0 and table["administrative-appointed"]["counted"] > 0
    # Promises administrators made while councils had lapsed: elected against administrator political owners.
    assert table["political-administrator"]["counted"] >= 6
    rows = list(csv_module.reader(io.StringIO(client.get("/accountability/csv/?table=owners").content.decode())))
    shown = {(r[0], r[1]): (int(r[2]), r[3]) for r in rows[1:]}
    for key, counts in table.items():
        for name, count in counts.items():
            if name != "counted":
                assert shown[key, name] == (count, str(counts["counted"])), (key, name)
        assert shown[key, "withdrawn"][0] == withdrawn[key]
    page = html.unescape(client.get("/accountability/").content.decode())
    section = page.split('id="owners-h"', 1)[1].split("</section>", 1)[0]
    for key, counts in table.items():
        assert re.search(rf'owner_role=[a-z]+&office_kind=[a-z]+&counted=1">{counts["counted"]}</a>', section)
        if counts["counted"]:
            assert f"{counts['delivered']} of {counts['counted']}" in section
        # The closing note prints this table: pytest -s shows it.
        print(key, counts, "withdrawn", withdrawn[key])


def test_every_record_has_a_verified_public_revision_one(demo):
    for model in (Commitment, Decision, Office, Person, Jurisdiction):
        for record in model.objects.all():
            first = PublicRevision.objects.for_record(record).get(number=1)
            assert first.previous_hash == ""
            assert verified(first), record
    several = [c for c in Commitment.objects.all() if PublicRevision.objects.for_record(c).count() > 1]
    assert len(several) >= 5


def test_decisions_link_commitments(demo):
    decisions = Decision.objects.all()
    assert decisions.count() >= 5
    assert {"notification", "cabinet_decision", "budget_allocation"} <= set(decisions.values_list("kind", flat=True))
    assert not decisions.filter(linked_commitments__isnull=True).exists()
    assert decisions.filter(kind="budget_allocation", amount_pkr__gt=0).count() >= 2


def test_history_names_the_user_and_the_reason(demo):
    admin = get_user_model().objects.get(username="admin")
    for model in (Commitment, StatusChange, Tenure, Office):
        rows = model.history.all()
        assert rows.exists()
        assert not rows.exclude(history_user=admin).exists()
        assert not rows.filter(Q(history_change_reason="") | Q(history_change_reason__isnull=True)).exists()


def test_sample_data_notice_and_demo_accounts(demo):
    assert TrackerSettings.load().sample_data
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert users.get(username="editor").groups.filter(name="Editors").exists()
    assert users.get(username="moderator").groups.filter(name="Moderators").exists()
    assert all(users.get(username=name).check_password("tracker-demo") for name in ("admin", "editor", "moderator"))


def test_the_demo_editor_can_edit_the_demo_records(demo, client):
    editor = get_user_model().objects.get(username="editor")
    organisation = editor.editing_membership.organisation
    assert "fictional" in organisation.name
    for model in (Commitment, Decision, Office, Person, Jurisdiction):
        assert not model.objects.exclude(maintained_by=organisation).exists(), model
    promise = Commitment.objects.get(slug=FILE_TRACKING)
    client.force_login(editor)
    page = client.get(f"/admin/snippets/tracker/commitment/edit/{promise.pk}/")
    assert page.status_code == 200 and promise.title in page.content.decode()


def test_loading_again_duplicates_nothing_and_keeps_editors_changes(demo):
    promise = Commitment.objects.get(slug=FILE_TRACKING)
    promise.title = "File tracking system (title changed by an editor)"
    publishing.publish(promise, summary="Editor's change")
    before = tracker_counts()
    call_command("load_demo_data", stdout=StringIO())
    after = tracker_counts()
    # The editor's publish is new history since the demo's digest: the load signs one digest of it, and one
    # checkpoint of the transparency log that now holds it...
    assert after.pop("tracker.SignedDigest") == before.pop("tracker.SignedDigest") + 1
    assert after.pop("tracker.Checkpoint") == before.pop("tracker.Checkpoint") + 1
    assert after == before
    assert Commitment.objects.get(slug=FILE_TRACKING).title == "File tracking system (title changed by an editor)"
    # ...and a load with nothing new adds nothing at all.
    again = tracker_counts()
    call_command("load_demo_data", stdout=StringIO())
    assert tracker_counts() == again

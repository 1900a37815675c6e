"""An import publishes exactly what the admin would publish: its dry run asks each row's commitment the
check every publish runs (`check_publishable`), so a row is refused when the admin would refuse to
publish the same commitment, in the admin's own words, and applying the file (`--apply`, the admin's
confirm) publishes nothing of that row."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests import factories
from tests.tracker.admin.editing import EDIT, edit_form
from tests.tracker.spreadsheets.sheets import STATUS_HEADERS, as_csv, good_row, spreadsheet, status_row
from tracker.models import Commitment, CommitmentOwner, PublicRevision, StatusChange
from tracker.publishing.imports import ImportRefused, apply_plan
from tracker.publishing.publish import publish, save_draft
from tracker.spreadsheets.outcomes import ROW
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db

# A rule the admin might be given (the issue asked for it): nobody answers for such a promise and nothing
# shows it was made.
UNANSWERED = "A commitment needs an elected owner, the office that made it, or a source before it can be published."


def refusal(record):
    """The words in which a publish refuses `record`, as the admin shows them."""
    with pytest.raises(ValidationError) as refused:
        publish(record, summary="Checking the rules")
    return refused.value.messages


def plan_of(rows, headers=None):
    if headers:
        return make_plan(read_table("updates.csv", as_csv(rows, headers)))
    return make_plan(read_table("districts.csv", as_csv(rows)))


def import_file(tmp_path, name, data, **options):
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_commitments", str(path), user="moderator", verbosity=0, stdout=StringIO(), **options)


def unanswered_row(places):
    """A promise with an appointed owner only: no elected owner, no office that made it, no source."""
    row = good_row(1, places)
    row.update(
        political_owners="",
        made_by_office="",
        source_url="",
        source_title="",
        source_publisher="",
        source_published_on="",
    )
    return row


@pytest.fixture
def stricter_admin(monkeypatch):
    """The admin's publish with one more rule, added where the rules live (`publication_problems`)."""
    looser = Commitment.publication_problems

    def publication_problems(self):
        problems = looser(self)
        elected = any(owner.role == "political" for owner in self.owners.all())
        if not problems and not elected and self.made_by_office_id is None and not self.sources.all():
            problems = [UNANSWERED]
        return problems

    monkeypatch.setattr(Commitment, "publication_problems", publication_problems)


def test_a_row_with_no_elected_owner_maker_or_source_gets_the_admins_verdict(places, moderator):
    # The admin publishes such a commitment today, and so does the import.
    row = unanswered_row(places)
    plan = plan_of([row])
    assert plan.counts["created"] == 1
    record = plan.writes[0].record
    assert publish(record, summary="The admin publishes it") is not None


def test_a_rule_the_admin_applies_refuses_the_row_in_the_admins_words(places, moderator, client, stricter_admin):
    row = unanswered_row(places)
    plan = plan_of([row, good_row(2, places)])

    [rejected] = plan.rejected
    assert rejected.number == 2
    assert [(problem.column, problem.message) for problem in rejected.problems] == [(ROW, UNANSWERED)]
    assert [write.record.external_id for write in plan.writes] == ["PK-00002"]

    # The same commitment, saved as a draft and published in the admin, is refused in the same words.
    draft = Commitment(external_id="PK-00001", title=row["title"], text=row["text"], sector=row["sector"])
    draft.jurisdiction, draft.made_on = places["jurisdiction"], row["made_on"]
    draft.owners = [CommitmentOwner(office=places["appointed"], role="administrative")]
    assert refusal(draft) == [UNANSWERED]
    save_draft(draft, summary="Draft")
    client.force_login(moderator)
    form = edit_form(SimpleNamespace(cm=places["elected"]), draft, made_by_office="", title=row["title"])
    page = client.post(reverse(EDIT, args=[draft.pk]), {**form, "action-publish": "Publish"}, follow=True)
    assert f"Not published: {UNANSWERED}" in [str(message) for message in page.context["messages"]]
    assert not Commitment.objects.get(pk=draft.pk).live


def test_apply_publishes_nothing_of_a_row_the_admin_would_refuse(places, moderator, tmp_path, stricter_admin):
    data = as_csv([unanswered_row(places), good_row(2, places)])
    with pytest.raises(CommandError, match="1 row of the file was rejected, so nothing was imported"):
        import_file(tmp_path, "districts.csv", data, apply=True)
    assert Commitment.objects.count() == 0

    import_file(tmp_path, "districts.csv", data, apply=True, apply_valid_rows=True)
    assert list(Commitment.objects.values_list("external_id", flat=True)) == ["PK-00002"]
    with pytest.raises(ImportRefused, match="1 row of the file was rejected"):
        apply_plan(plan_of([unanswered_row(places)]), user=moderator, summary="Again")
    assert not Commitment.objects.filter(external_id="PK-00001").exists()


@pytest.fixture
def published(places, moderator):
    rows, _ = spreadsheet(2, places)
    apply_plan(plan_of(rows), user=moderator, summary="First import")
    return {record.external_id: record for record in Commitment.objects.all()}


def test_a_status_update_is_refused_when_the_admin_would_refuse_its_commitment(published, moderator, tmp_path):
    # PK-00002 is also owned by an office that is no longer published: the admin refuses to publish it
    # until that owner is published again or replaced.
    record = published["PK-00002"]
    hidden = factories.OfficeFactory(title="Assistant Commissioner Sariab")
    record.owners.add(CommitmentOwner(office=hidden, role="supporting"))
    publish(record, summary="Sariab helps")
    hidden.live = False
    hidden.save()
    expected = refusal(Commitment.objects.get(pk=record.pk))
    assert expected == [
        "The office “Assistant Commissioner Sariab” is not published yet: publish it first, or choose a published "
        "office."
    ]

    rows = [status_row("PK-00001"), status_row("PK-00002")]
    plan = plan_of(rows, STATUS_HEADERS)

    [rejected] = plan.rejected
    assert rejected.number == 3
    assert [problem.message for problem in rejected.problems] == expected
    assert [write.record.external_id for write in plan.writes] == ["PK-00001"]

    data = as_csv(rows, STATUS_HEADERS)
    with pytest.raises(CommandError, match="1 row of the file was rejected, so nothing was imported"):
        import_file(tmp_path, "updates.csv", data, apply=True)
    assert StatusChange.objects.count() == 0
    import_file(tmp_path, "updates.csv", data, apply=True, apply_valid_rows=True, summary="March")
    assert list(StatusChange.objects.values_list("commitment__external_id", flat=True)) == ["PK-00001"]
    assert not PublicRevision.objects.for_record(record).filter(edit_summary="March").exists()


def test_a_row_is_refused_when_a_part_of_its_commitment_would_be(published, places, moderator):
    # A status change recorded before every change needed its evidence: the admin refuses to publish the
    # commitment again until it is given, and so must a row that changes the commitment.
    apply_plan(plan_of([status_row("PK-00001")], STATUS_HEADERS), user=moderator, summary="Work starts")
    StatusChange.objects.update(url="", title="")
    expected = refusal(Commitment.objects.get(external_id="PK-00001"))
    assert expected and all(message.startswith("Status change 1: ") for message in expected)

    row = {**good_row(1, places), "title": "Ten filtration plants", "status": "in_progress", "progress": "30"}
    plan = plan_of([row])

    [rejected] = plan.rejected
    assert [problem.message for problem in rejected.problems] == expected
    assert plan.writes == []

"""Applying an import: one public revision per created or changed commitment with the import's
summary; history rows name the user and the reason; re-importing the same file changes nothing."""

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import connection

from tests.tracker.spreadsheets.sheets import as_csv, as_xlsx, spreadsheet
from tracker.models import Commitment, CommitmentOwner, PublicRevision
from tracker.publishing.imports import ImportRefused, apply_plan
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db
SUMMARY = "Import of the district commitments sheet, March 2025"


def every_table():
    """Row counts of every table this database has (a search backend's tables exist on one vendor only)."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables and not model._meta.proxy
    }


def plan_of(rows, name="sheet.csv"):
    data = as_xlsx(rows) if name.endswith(".xlsx") else as_csv(rows)
    return make_plan(read_table(name, data))


def test_a_file_with_rejected_rows_applies_nothing_unless_asked(places, moderator):
    rows, _ = spreadsheet(500, places, bad_every=25)
    before = every_table()
    with pytest.raises(ImportRefused, match="20 rows of the file were rejected, so nothing was imported"):
        apply_plan(plan_of(rows), user=moderator, summary=SUMMARY)
    assert every_table() == before


def test_the_good_rows_apply_on_confirmation_and_reimporting_changes_nothing(places, moderator):
    rows, expected = spreadsheet(500, places, bad_every=25)

    applied = apply_plan(plan_of(rows), user=moderator, summary=SUMMARY, apply_valid_rows=True)

    assert (applied.created, applied.changed) == (480, 0)
    assert Commitment.objects.count() == 480
    assert not Commitment.objects.filter(external_id="PK-00025").exists()  # row 26 was rejected
    revisions = PublicRevision.objects.filter(content_type__model="commitment")
    assert revisions.count() == 480
    assert set(revisions.values_list("number", "edit_summary")) == {(1, SUMMARY)}
    plant = Commitment.objects.get(external_id="PK-00007")
    assert plant.live and plant.title == "Water filtration plant number 7"
    assert plant.get_absolute_url() == "/commitments/water-filtration-plant-number-7/"
    revision = PublicRevision.objects.for_record(plant).get()
    assert revision.content["fields"]["jurisdiction"]["name"] == "Quetta"
    assert [o["office"]["name"] for o in revision.content["parts"]["owners"]] == [
        "Mayor of Quetta",
        "Deputy Commissioner Quetta",
    ]
    assert revision.content["parts"]["sources"][0]["url"] == "https://news.example.org/plant-7"
    history = plant.history.get()
    assert (history.history_user, history.history_change_reason) == (moderator, SUMMARY)
    owner_history = CommitmentOwner.history.filter(commitment_id=plant.pk)
    assert {(h.history_user_id, h.history_change_reason) for h in owner_history} == {(moderator.pk, SUMMARY)}

    # The same file again, as CSV and as XLSX: every row is unchanged or still rejected.
    before = every_table()
    for name in ("sheet.csv", "sheet.xlsx"):
        plan = plan_of(rows, name)
        assert plan.counts == {"created": 0, "changed": 0, "unchanged": 480, "rejected": 20}
        applied = apply_plan(plan, user=moderator, summary="Again", apply_valid_rows=True)
        assert (applied.created, applied.changed) == (0, 0)
    assert every_table() == before


def test_a_changed_row_makes_one_new_revision_naming_what_changed(places, moderator, admin_user):
    rows, _ = spreadsheet(3, places)
    apply_plan(plan_of(rows), user=moderator, summary=SUMMARY)
    rows[1].update(deadline="2025-12-31", supporting_owners=places["elected"].slug, administrative_owners="")
    rows[1]["political_owners"] = ""
    rows[1]["administrative_owners"] = places["appointed"].slug

    plan = plan_of(rows)

    assert plan.counts == {"created": 0, "changed": 1, "unchanged": 2, "rejected": 0}
    [changed] = [row for row in plan.rows if row.outcome == "changed"]
    assert (changed.number, changed.changes) == (3, ["deadline", "owners"])
    apply_plan(plan, user=admin_user, summary="Deadline extended by the council")
    record = Commitment.objects.get(external_id="PK-00002")
    latest = PublicRevision.objects.for_record(record).order_by("-number").first()
    assert (latest.number, latest.edit_summary) == (2, "Deadline extended by the council")
    assert latest.content["fields"]["deadline"] == "2025-12-31"
    assert sorted((o["office"]["name"], o["role"]["value"]) for o in latest.content["parts"]["owners"]) == [
        ("Deputy Commissioner Quetta", "administrative"),
        ("Mayor of Quetta", "supporting"),
    ]
    assert record.history.latest().history_change_reason == "Deadline extended by the council"
    assert PublicRevision.objects.count() == 4


def test_a_commitment_with_a_draft_in_the_admin_is_not_overwritten(places, moderator):
    rows, _ = spreadsheet(1, places)
    apply_plan(plan_of(rows), user=moderator, summary=SUMMARY)
    record = Commitment.objects.get()
    record.title = "A draft title"
    record.save_revision(user=moderator)
    rows[0]["title"] = "A new title from the sheet"

    [row] = plan_of(rows).rows

    assert row.outcome == "rejected"
    assert row.problems[0].message == (
        "This commitment has unpublished changes in the admin: publish or discard that draft first."
    )


def test_importing_needs_the_permission_to_publish(places, editor):
    rows, _ = spreadsheet(2, places)
    with pytest.raises(PermissionDenied):
        apply_plan(plan_of(rows), user=editor, summary=SUMMARY)
    assert Commitment.objects.count() == 0


def test_importing_needs_an_edit_summary(places, moderator):
    rows, _ = spreadsheet(2, places)
    with pytest.raises(ImportRefused, match="needs an edit summary"):
        apply_plan(plan_of(rows), user=moderator, summary="  ")

"""Every way of tampering with the stored public history that someone with database access could try is
caught by `verify_history`, and on PostgreSQL a plain UPDATE or DELETE is refused outright.

The world: a commitment published three times, then another commitment published once, so that the first
one's latest revision is not the latest of the whole site.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from tests.scenario import published_commitment
from tests.tracker.history.tampering import behind_the_models_back
from tracker.models import PublicRevision

pytestmark = pytest.mark.django_db


def verify():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_history", stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, err.getvalue()
    return 0, err.getvalue()


@pytest.fixture
def history(file_tracking_history):
    later = published_commitment(title="Solar pumps for Pishin")
    revisions = list(PublicRevision.objects.for_record(file_tracking_history.commitment).order_by("number"))
    return revisions, PublicRevision.objects.for_record(later).get()


def rows(*revisions):
    return PublicRevision.objects.filter(pk__in=[r.pk for r in revisions])


def alter_content(revisions, other):
    second = revisions[1]
    second.content["fields"]["status"] = {"value": "delivered", "label": "Delivered"}
    rows(second).update(content=second.content)


def alter_summary(revisions, other):
    rows(revisions[1]).update(edit_summary="Nothing happened")


def alter_date(revisions, other):
    rows(revisions[1]).update(published_at=revisions[1].published_at - datetime.timedelta(days=30))


def alter_publisher(revisions, other):
    rows(revisions[1]).update(publisher="Somebody else")


def delete_middle(revisions, other):
    rows(revisions[1])._raw_delete(connection.alias)


def reorder(revisions, other):
    # Revisions 2 and 3 swap numbers (through a free number, for the unique constraint).
    rows(revisions[1]).update(number=99)
    rows(revisions[2]).update(number=2)
    rows(revisions[1]).update(number=3)


def move_to_another_record(revisions, other):
    rows(revisions[2]).update(object_id=other.object_id, number=2)


def delete_latest_of_record(revisions, other):
    rows(revisions[2])._raw_delete(connection.alias)


def delete_whole_chain(revisions, other):
    rows(*revisions)._raw_delete(connection.alias)


def rehash_chain(revisions, other):
    """Rewrite revision 2 and recompute the record's chain from there, so that it links up again."""
    second, third = revisions[1], revisions[2]
    second.edit_summary = "Nothing happened"
    second.hash = second.compute_hash()
    third.previous_hash = second.hash
    third.hash = third.compute_hash()
    rows(second).update(edit_summary=second.edit_summary, hash=second.hash)
    rows(third).update(previous_hash=third.previous_hash, hash=third.hash)


def delete_latest_of_site_and_its_record(revisions, other):
    rows(other)._raw_delete(connection.alias)


# (tampering, words verify_history's report must contain)
TAMPERING = [
    pytest.param(alter_content, "revision 2: was altered in the database", id="content"),
    pytest.param(alter_summary, "revision 2: was altered in the database", id="summary"),
    pytest.param(alter_date, "revision 2: was altered in the database", id="date"),
    pytest.param(alter_publisher, "revision 2: was altered in the database", id="publisher"),
    pytest.param(delete_middle, "revision 3: revision 2 before it is missing", id="middle-deleted"),
    pytest.param(reorder, "does not follow", id="reordered"),
    pytest.param(move_to_another_record, "Solar pumps for Pishin", id="moved-to-another-record"),
    pytest.param(delete_latest_of_record, "the site-wide log jumps", id="latest-deleted"),
    pytest.param(delete_whole_chain, "is published but has no public revision", id="whole-chain-deleted"),
    pytest.param(rehash_chain, "its place in the site-wide log was altered", id="re-hashed-chain"),
    pytest.param(
        delete_latest_of_site_and_its_record,
        "is published but has no public revision",
        id="latest-of-the-site-deleted",
    ),
]


def test_an_untouched_history_verifies(history):
    assert verify() == (0, "")


@pytest.mark.parametrize(("tamper", "reported"), TAMPERING)
def test_tampering_is_caught(history, tamper, reported):
    with behind_the_models_back():
        tamper(*history)
    code, report = verify()
    assert code == 1
    assert reported in report, report
    assert "the published history was altered" in report


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger guards PostgreSQL databases")
@pytest.mark.parametrize("statement", ["UPDATE {table} SET edit_summary = 'x'", "DELETE FROM {table}"])
def test_postgresql_refuses_a_direct_update_or_delete(history, statement):
    refused = pytest.raises(DatabaseError, match="can never be changed or deleted")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement.format(table=PublicRevision._meta.db_table))
    assert verify() == (0, "")


def test_a_direct_update_that_gets_through_is_caught(history):
    """Where no trigger guards the table (SQLite), a plain UPDATE is still caught by verify_history."""
    with behind_the_models_back():
        PublicRevision.objects.update(edit_summary="x")
    code, report = verify()
    assert code == 1 and "was altered in the database" in report


def test_the_editors_audit_link_may_still_be_cleared(history):
    """Deleting an editor's Wagtail revision sets the public revision's link to it to NULL: the one change
    the trigger lets through, since it is not part of what was published."""
    revisions, _ = history
    revisions[0].wagtail_revision.delete()
    assert PublicRevision.objects.get(pk=revisions[0].pk).wagtail_revision is None
    assert verify() == (0, "")


def rehash_everything_after_the_digest(revisions, other):
    """Rewrite the site's latest revision and recompute its record hash and its site-wide hash, so that
    the chain and the log link up again: only a signed digest still remembers what was published."""
    other.edit_summary = "Nothing happened"
    other.hash = other.compute_hash()
    other.site_hash = other.compute_site_hash()
    rows(other).update(edit_summary=other.edit_summary, hash=other.hash, site_hash=other.site_hash)


def test_a_rewrite_of_today_with_every_hash_recomputed_is_caught_by_the_hourly_digest(history):
    """The hourly digest covering a revision published today pins it, though the day has not ended."""
    from tracker.history.digest import sign_what_is_new

    revisions, other = history
    signed = sign_what_is_new()
    assert signed is not None and verify() == (0, "")
    with behind_the_models_back():
        rehash_everything_after_the_digest(revisions, other)
    code, report = verify()
    assert code == 1
    assert f"the history before {signed.ends_at.isoformat()} is not what its signed digest pins" in report


def test_a_signed_digest_whose_signature_was_replaced_is_caught(history):
    from tracker.history.digest import sign_what_is_new
    from tracker.models import SignedDigest

    signed = sign_what_is_new()
    with behind_the_models_back():
        SignedDigest.objects.filter(pk=signed.pk).update(signature="A" * 88)
    code, report = verify()
    assert code == 1 and "does not carry the site key's signature of its listing" in report

"""Kinds of source came after revisions were published: the migration grades nothing, so a live row's
sources stay empty ("not graded") and the history's live-record check still finds every published record's
latest revision holding what its row holds; a source graded without a publish is caught."""

import datetime

import pytest

from tests import scenario
from tracker.history.verification import verify_live_records
from tracker.models import Commitment, CommitmentSource, PublicRevision, StatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_before_kinds(monkeypatch):
    """Publishes as the tracker did before sources had kinds: the public parts without `kind`."""
    without = {
        relation: tuple(name for name in names if name != "kind") for relation, names in Commitment.public_parts.items()
    }
    monkeypatch.setattr(Commitment, "public_parts", without)
    return monkeypatch


def test_old_revisions_without_kinds_verify_while_their_sources_are_not_graded(published_before_kinds):
    record = scenario.published_commitment(
        title="Water for Sariab",
        sources=[{"title": "CM promises water", "kind": ""}],
    )
    scenario.record_status_change(record, "in_progress", on=datetime.date(2023, 1, 5), summary="Work begins", kind="")
    published_before_kinds.undo()  # the migration: the field is there, and nothing is graded
    stored = PublicRevision.objects.for_record(record).latest("number").content
    assert "kind" not in stored["parts"]["sources"][0]
    assert not StatusChange.objects.exclude(kind="").exists()
    assert verify_live_records() == []

    # A kind written into the row without a publish is not what the public saw: the check says so.
    CommitmentSource.objects.filter(commitment=record).update(kind="news_report")
    [problem] = verify_live_records()
    assert "its latest public revision is not what its live row holds" in str(problem)

"""The demo's evidence is graded: every source and every status change's evidence has a kind, and every
delivered or partially delivered commitment rests on a kind that can prove delivery."""

import pytest

from tracker.models import Commitment, CommitmentSource, DecisionSource, StatusChange
from tracker.models.evidence import delivery_evidence_problems, method_of
from tracker.models.vocabulary import CommitmentStatus

pytestmark = pytest.mark.django_db


def test_every_demo_source_has_a_kind(demo):
    for model in (CommitmentSource, DecisionSource, StatusChange):
        rows = model.objects.all()
        assert rows.exists(), model.__name__
        assert not rows.filter(kind="").exists(), model.__name__
        assert all(method_of(kind) for kind in rows.values_list("kind", flat=True).distinct())


def test_every_delivered_demo_commitment_rests_on_evidence_that_counts(demo):
    delivered = Commitment.objects.published().filter(
        status__in=[CommitmentStatus.DELIVERED, CommitmentStatus.PARTIALLY_DELIVERED]
    )
    assert delivered.count() >= 5
    for commitment in delivered.prefetch_related("status_changes", "sources"):
        assert delivery_evidence_problems(commitment) == [], commitment


def test_the_demo_commitment_page_shows_kinds(demo, client):
    commitment = Commitment.objects.published().filter(status=CommitmentStatus.DELIVERED).first()
    html = client.get(commitment.get_absolute_url()).content.decode()
    assert "Kind: News report (rank 7 of 12)" in html
    assert "Kind: not graded" not in html

"""The site-wide log's Merkle tree as stored (tracker/models/transparency_log.py): every publish appends
its revisions' hashes as leaves in sequence order, the migration builds the same nodes for an existing
log, and no node can be changed."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tests.tracker.history.test_merkle_vectors import mth, path, subproof
from tracker import merkle
from tracker.models import LogNode, PublicRevision
from tracker.models.transparency_log import ImmutableLogError

pytestmark = pytest.mark.django_db


def leaves():
    return [bytes.fromhex(h) for h in PublicRevision.objects.order_by("sequence").values_list("hash", flat=True)]


@pytest.fixture
def log(db):
    start = timezone.now() - datetime.timedelta(days=3)
    first, second = CommitmentFactory(title="Solar pumps for Pishin"), CommitmentFactory(title="Girls' school")
    add_revisions(first, 7, start=start)
    add_revisions(second, 6, start=start + datetime.timedelta(minutes=5))
    add_revisions(first, 4, start=start + datetime.timedelta(days=1))
    return leaves()


def test_the_stored_tree_is_the_log_of_revision_hashes(log, file_tracking_history):
    data = leaves()
    assert len(data) == LogNode.objects.size() > len(log)
    for size in range(1, len(data) + 1):
        assert LogNode.objects.root(size) == mth(data[:size])
    size = len(data)
    for index in range(size):
        assert LogNode.objects.inclusion_proof(index, size) == path(index, data)
    for old in range(1, size):
        assert LogNode.objects.consistency_proof(old, size) == subproof(old, data, True)


def test_an_append_reads_and_writes_a_handful_of_rows(log, django_assert_max_num_queries):
    record = CommitmentFactory(title="Ring road")
    with django_assert_max_num_queries(12):
        add_revisions(record, 1, start=timezone.now())
    assert LogNode.objects.root(len(log) + 1) == mth(leaves())


def test_the_migration_builds_the_same_tree(log):
    nodes = dict(LogNode.objects.values_list("key", "hash"))
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE tracker_lognode")
    assert LogNode.objects.size() == 0
    migration = importlib.import_module("tracker.migrations.0018_transparency_log")
    migration.build_log(django_apps, None)
    assert {key: bytes(h) for key, h in LogNode.objects.values_list("key", "hash")} == {
        key: bytes(h) for key, h in nodes.items()
    }
    assert LogNode.objects.root(len(log)) == mth(log)


def test_a_node_can_never_be_changed(log):
    node = LogNode.objects.get(key=0)
    node.hash = merkle.leaf_hash(b"forged")
    with pytest.raises(ImmutableLogError):
        node.save()
    with pytest.raises(ImmutableLogError):
        node.delete()
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic():
            LogNode.objects.filter(key=0).update(hash=merkle.leaf_hash(b"forged"))


def test_a_signed_checkpoint_can_never_be_changed_or_deleted(log):
    from tracker.history.transparency import make_checkpoint
    from tracker.models import Checkpoint

    checkpoint = make_checkpoint()
    signed = checkpoint.note
    checkpoint.root = "00" * 32
    with pytest.raises(ImmutableLogError, match="A checkpoint can never be changed."):
        checkpoint.save()
    with pytest.raises(ImmutableLogError, match="A checkpoint can never be deleted."):
        checkpoint.delete()
    assert Checkpoint.objects.get(size=checkpoint.size).note == signed

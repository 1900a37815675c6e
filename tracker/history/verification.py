"""Checking that the stored public history is what was published.

Every revision's hash is recomputed from its stored content, numbers must run 1..n without a gap, and
each revision must name the hash of the one before it. A change to any stored revision, other than
to the very latest of a record with its hash recomputed too, breaks one of these; that last case is
what the daily digest (digest.py) catches.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from tracker.models import PublicRevision


@dataclass(frozen=True)
class Problem:
    record: str  # "tracker.commitment 12 “File tracking system” (file-tracking-system)"
    number: int
    what: str

    def __str__(self):
        return f"{self.record}, revision {self.number}: {self.what}"


@dataclass(frozen=True)
class Report:
    records: int
    revisions: int
    problems: list

    @property
    def ok(self):
        return not self.problems


def _record_name(type_label, revision):
    content = revision.content if isinstance(revision.content, dict) else {}
    return f"{type_label} {revision.object_id} “{content.get('name', '')}” ({content.get('slug', '')})"


def _check(revision, previous):
    """What is wrong with `revision`, given the revision before it in the same record (or None)."""
    expected = previous.number + 1 if previous else 1
    if revision.number != expected:
        return f"revision {expected} before it is missing (deleted from the database?)"
    if revision.previous_hash != (previous.hash if previous else ""):
        return "does not follow from the revision before it (one of the two was altered or replaced)"
    try:
        recomputed = revision.compute_hash()
    except (KeyError, TypeError, AttributeError):  # content no longer even has the shape of a snapshot
        recomputed = None
    if recomputed != revision.hash:
        return "was altered in the database: its content no longer matches its hash"
    return None


def verify_chains(queryset=None):
    """Check every record's chain of public revisions; a Report lists each problem found."""
    revisions = (queryset if queryset is not None else PublicRevision.objects.all()).order_by(
        "content_type_id", "object_id", "number"
    )
    labels = {ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()}
    problems, count, records = [], 0, 0
    previous, key = None, None
    for revision in revisions.iterator(chunk_size=2000):
        count += 1
        if (revision.content_type_id, revision.object_id) != key:
            key, previous, records = (revision.content_type_id, revision.object_id), None, records + 1
        what = _check(revision, previous)
        if what:
            type_label = labels.get(revision.content_type_id, str(revision.content_type_id))
            problems.append(Problem(_record_name(type_label, revision), revision.number, what))
        previous = revision
    return Report(records=records, revisions=count, problems=problems)

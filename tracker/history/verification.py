"""Checking that the stored public history is what was published.

- Each record's chain: every revision's hash is recomputed from its stored content, numbers must run
  1..n without a gap, and each revision must name the hash of the one before it.
- The site-wide log: sequence numbers run 1..N without a gap, each revision names the site hash of the
  one published before it, and each site hash covers its revision's own hash. This is what catches a
  deleted latest revision, a whole deleted chain, a moved or reordered revision and a re-hashed chain.
- Every published record has public revisions, and its latest one holds what the record's live row
  says now (its own fields and parts; names of related records may have changed since). This is what
  catches a record's whole chain deleted when it was the latest on the site.

- Every signed digest (hourly, and those made on demand): the listing recomputed from the stored
  revisions must hash to what was signed, under the site key. A rewrite of the latest revisions of the
  whole site, with every hash recomputed, is what they catch.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from tracker.models import PublicRevision
from tracker.models.kinds import record_models
from tracker.models.snapshots import build_snapshot


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


def verify_site_log():
    """Problems of the site-wide log, in the order revisions were published."""
    labels = _labels()
    problems, previous = [], None
    for revision in PublicRevision.objects.order_by("sequence").iterator(chunk_size=2000):
        expected = previous.sequence + 1 if previous else 1
        what = None
        if revision.sequence != expected:
            what = f"the site-wide log jumps from {expected - 1} to {revision.sequence}: revisions were deleted"
        elif revision.site_previous_hash != (previous.site_hash if previous else ""):
            what = "does not follow the revision published before it on the site (altered, moved or re-hashed)"
        elif revision.site_hash != revision.compute_site_hash():
            what = "its place in the site-wide log was altered"
        if what:
            problems.append(Problem(_name(labels, revision), revision.number, what))
        previous = revision
    return problems


def verify_live_records(batch_size=500):
    """Problems of published records whose public history is missing or is not what their live row holds."""
    problems = []
    for model in record_models():
        content_type = ContentType.objects.get_for_model(model)
        revisions = PublicRevision.objects.filter(content_type=content_type)
        newer = revisions.filter(object_id=OuterRef("object_id"), number__gt=OuterRef("number"))
        latest = dict(revisions.exclude(Exists(newer)).values_list("object_id", "content"))
        # Every publish, single or bulk, leaves the record a live Wagtail revision; a live row without one
        # was never published (a test fixture, or a script that bypassed tracker/publishing/).
        published = model.objects.filter(live=True, live_revision__isnull=False)
        records = published.prefetch_related(*model.public_parts).order_by("pk")
        for record in records.iterator(chunk_size=batch_size):
            content = latest.get(str(record.pk))
            name = f"{model._meta.label_lower} {record.pk} “{record}” ({record.slug})"
            if content is None:
                problems.append(Problem(name, 0, "is published but has no public revision (its history was deleted)"))
            elif not _holds(_own_values(content), _own_values(build_snapshot(record))):
                problems.append(Problem(name, 0, "its latest public revision is not what its live row holds"))
    return problems


def _own_values(snapshot):
    """What a snapshot says of the record itself: its fields and parts, with related records reduced to
    their ids and choices to their values (names and labels may change without a publish)."""
    return {"id": snapshot.get("id"), "fields": _ids(snapshot.get("fields")), "parts": _ids(snapshot.get("parts"))}


def _holds(stored, live):
    """Whether a stored snapshot holds what the live row says. A field added to the record since the
    revision was published (the Urdu of a text) is not in it; while the live row leaves it empty, the
    public saw nothing different."""
    if isinstance(stored, dict) and isinstance(live, dict):
        added = {key for key in live.keys() - stored.keys() if live[key] in (None, "", [])}
        return stored.keys() == live.keys() - added and all(_holds(stored[key], live[key]) for key in stored)
    if isinstance(stored, list) and isinstance(live, list):
        return len(stored) == len(live) and all(map(_holds, stored, live))
    return stored == live


def _ids(value):
    if isinstance(value, dict):
        if "id" in value and set(value) <= {"id", "slug", "name"}:
            return value["id"]
        if set(value) == {"value", "label"}:
            return value["value"]
        return {key: _ids(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_ids(item) for item in value]
    return value


def _labels():
    return {ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()}


def _name(labels, revision):
    return _record_name(labels.get(revision.content_type_id, str(revision.content_type_id)), revision)


def verify_signed_digests():
    """[str] for every signed digest, hourly or on demand, that the stored history no longer matches: its
    listing recomputed from the public revisions must hash to the SHA-256 that was signed, and the
    signature must be the site key's over that listing. This is what catches a rewrite of the latest
    revisions with every hash of the chain and the site-wide log recomputed: once a digest covering them
    was signed, the history it pins cannot change unseen, whether the day has ended or not.

    One pass over the history in the order it was published, keeping each record's latest revision: the
    listing at each digest's moment is what `listing_at` would read, without a query per digest."""
    import base64
    import hashlib

    from cryptography.exceptions import InvalidSignature

    from tracker.history import signing
    from tracker.models import SignedDigest

    digests = list(SignedDigest.objects.order_by("ends_at"))
    if not digests:
        return []
    public_key, fingerprint = signing.private_key().public_key(), signing.key_fingerprint()
    revisions = PublicRevision.objects.order_by("published_at", "number").values_list(
        "content_type__app_label", "content_type__model", "object_id", "number", "hash", "published_at"
    )
    latest, problems = {}, []
    rows = iter(revisions.iterator(chunk_size=2000))
    pending = next(rows, None)
    for digest in digests:
        while pending is not None and pending[5] < digest.ends_at:
            app, model, object_id, number, hash_, _at = pending
            key = (app, model, object_id)
            if key not in latest or latest[key][0] < number:
                latest[key] = (number, hash_)
            pending = next(rows, None)
        listing = "".join(
            sorted(
                f"{app}.{model} {object_id} {number} {hash_}\n"
                for (app, model, object_id), (number, hash_) in latest.items()
            )
        ).encode("utf-8")
        found = hashlib.sha256(listing).hexdigest()
        when = digest.ends_at.isoformat()
        if found != digest.sha256:
            problems.append(
                f"the history before {when} is not what its signed digest pins: signed {digest.sha256}, now {found}"
            )
            continue
        if digest.key_fingerprint != fingerprint:
            continue  # signed with an earlier key: its SHA-256 is what this check can hold it to
        try:
            public_key.verify(base64.b64decode(digest.signature), listing)
        except (InvalidSignature, ValueError):
            problems.append(f"the signed digest of {when} does not carry the site key's signature of its listing")
    return problems

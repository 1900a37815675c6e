"""Sample data for the demo site and for load tests (`manage.py load_demo_data [--scale N]`).

Places, organisations and office titles are real; every person, tenure, promise, status, source and
decision is invented for illustration (sources point at example.org-style addresses), so nothing here
may be read as a claim about a real official. The site says so on every page while
`TrackerSettings.sample_data` is on, which loading the demo switches on.

- `places`: the jurisdiction tree, organisations and offices.
- `people`: fictional office holders and their tenures; `holders` publishes them as they became known.
- `commitments`: the curated promises, their histories and decisions.
- `volume`: several hundred generated local commitments through the councils' elected and administrator
  periods, so that the accountability page has enough to compare (illustrative, like the rest).
- Each module publishes its records with `publish_if_missing`, through
  `tracker.publishing.publish.publish`, so their public revisions and history are the real thing.
- `scale`: thousands more commitments of the same shape, written in bulk through `tracker.publishing.bulk`.
"""

import datetime
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal
from django.utils import timezone

from tracker import publishing

# The sample history spans the years it describes: the tracker's places, offices and people were
# entered a month before the first event of the sample data, and each promise, status change and decision
# was published as it happened (tracker/demo/commitments.py). The moment records published by
# `publish_if_missing` are stamped with, inside a `stamped` block:
_sample_moment = ContextVar("tracker_demo_moment", default=None)


def tracker_began():
    """When the sample tracker began: a month before the first promise, status change or decision."""
    from tracker.demo.commitments import first_sample_day

    return sample_moment(first_sample_day() - datetime.timedelta(days=30))


def sample_moment(day, hour=10):
    """A moment of `day` in Pakistan, as sample publishes are stamped."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@contextmanager
def stamped(moment):
    """Publishes of sample records in this block are recorded as made at `moment` (never later than
    now; see tracker.publishing.publish `as_of`)."""
    token = _sample_moment.set(moment)
    try:
        yield
    finally:
        _sample_moment.reset(token)


class LoadReport:
    """What a load added and what it found already there (and left alone)."""

    def __init__(self):
        self.added = Counter()
        self.kept = Counter()
        self.new_records = []

    def note(self, model, added, record=None):
        (self.added if added else self.kept)[model._meta.verbose_name_plural] += 1
        if added and record is not None:
            self.new_records.append(record)


def publish_if_missing(model, slug, build, *, user, summary, report=None, as_of=None):
    """The record with this slug: the existing one, untouched (an editor may have changed it since),
    or a new one built by `build()` and published through the publishing service, recorded as
    published `as_of` (or at the moment of the enclosing `stamped` block)."""
    existing = model.objects.filter(slug=slug).first()
    if existing is not None:
        if report is not None:
            report.note(model, added=False)
        return existing
    record = build()
    record.maintained_by = demo_editing_organisation()
    publishing.publish(record, user=user, summary=summary, as_of=as_of or _sample_moment.get())
    if report is not None:
        report.note(model, added=True, record=record)
    return record


DEMO_PASSWORD = "tracker-demo"  # noqa: S105  (printed for the demo; `make demo` is never a public server)
DEMO_USERS = [("admin", None), ("editor", "Editors"), ("moderator", "Moderators")]


DEMO_ORGANISATION = "Sample Civic Watch (fictional)"


def demo_editing_organisation():
    """The fictional civil-society organisation that keeps the demo records; the demo editor belongs to it."""
    from tracker.models import EditingOrganisation

    return EditingOrganisation.objects.get_or_create(name=DEMO_ORGANISATION)[0]


def ensure_demo_users():
    """The demo's admin, editor and moderator accounts, each created only if no user has that name
    (an existing account, and its password, is left alone). Returns the admin user."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    users = get_user_model()
    for username, group in DEMO_USERS:
        if users.objects.filter(username=username).exists():
            continue
        email = f"{username}@example.org"
        if group is None:
            users.objects.create_superuser(username, email, DEMO_PASSWORD)
        else:
            user = users.objects.create_user(username, email, DEMO_PASSWORD)
            user.groups.add(Group.objects.get(name=group))
            if group == "Editors":
                from tracker.models import Membership

                Membership.objects.create(organisation=demo_editing_organisation(), user=user)
    return users.objects.get(username="admin")


# Sent once the demo data is loaded. The site's settings (cms) listen and switch on the notice that every
# public page shows while the site holds sample data; tracker does not know the site's settings.
sample_data_loaded = Signal()


def mark_as_sample_data():
    """Every public page then says its records are illustrative."""
    sample_data_loaded.send(sender=LoadReport)


def serve_site_at(address):
    """Point the default Wagtail site at `address` ("http://127.0.0.1:8401"): its pages' full addresses, as
    Wagtail's moderation notices give them, start there. The public site answers at any address."""
    from urllib.parse import urlsplit

    from wagtail.models import Site

    parts = urlsplit(address)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save()  # and Wagtail forgets the site addresses it keeps


def load_curated_demo(user, today, report):
    """Publish the curated places, people, offices, commitments and decisions that are missing."""
    from django.db import transaction
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from tracker.demo.commitments import load_commitments, load_decisions
    from tracker.demo.holders import load_people_and_offices
    from tracker.demo.places import load_places
    from tracker.demo.volume import load_local_commitments
    from tracker.publishing.bulk import index_for_admin_search

    # One transaction, so an interrupted load leaves nothing half-done. Wagtail's reference index
    # (the admin's "usage" of each record) and its admin search index are written once per record at the
    # end instead of at each of the several saves a publish makes, which takes almost half off the load time.
    with transaction.atomic(), disable_reference_index_auto_update(), admin_search_index_deferred():
        # The tracker's places and offices were entered when it began, each holder when posted
        # (tracker/demo/holders.py); promises, status changes and decisions were published as they
        # happened (tracker/demo/commitments.py).
        with stamped(tracker_began()):
            places, organisations = load_places(user, report)
        offices = load_people_and_offices(organisations, user=user, today=today, began=tracker_began(), report=report)
        commitments = load_commitments(places, offices, user=user, today=today, report=report)
        load_decisions(offices, commitments, user=user, report=report)
        load_local_commitments(user=user, today=today, report=report)
    with transaction.atomic():
        saved = _as_saved(report.new_records)
        for record in saved:
            ReferenceIndex.create_or_update_for_object(record)
        by_model = {}
        for record in saved:
            by_model.setdefault(type(record), []).append(record)
        for model, records in by_model.items():
            index_for_admin_search(model, records)


@contextmanager
def admin_search_index_deferred():
    """Wagtail's admin search index is not written at each save of the tracker's records in this block
    (a publish saves a record two or three times, and each save re-indexed it: a fifth of the load's time);
    the caller indexes what it added once at the end (`index_for_admin_search`)."""
    from django.db.models.signals import post_save
    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [model for model in get_indexed_models() if model._meta.app_label == "tracker"]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def _as_saved(records):
    """The records as the database holds them now, with their parts."""
    from modelcluster.models import get_all_child_relations

    by_model = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record.pk)
    saved = []
    for model, pks in by_model.items():
        parts = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        saved.extend(model.objects.filter(pk__in=pks).prefetch_related(*parts))
    return saved

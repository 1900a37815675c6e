"""Atom feeds of everything one can follow, beside the per-record feeds of tracker/history/feeds.py:

    /people/<slug>/follow/feed/          the person and what the offices they hold now own and decide
    /offices/<slug>/follow/feed/         the office, the commitments it owns and the decisions it takes
    /jurisdictions/<slug>/follow/feed/   everything in the place and in the places under it
    /follow/search/feed/?q=…&status=…    every record a search takes in (the saved-search rules of alerts)

A feed carries what an e-mail alert for the same follow would, newest first, from public revisions of
records visible to the public now (tracker/following/targets.py matches searches the same way alerts do).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.following.fanout import visible
from tracker.following.subjects import clean_search, search_label, search_query_string
from tracker.following.targets import changes_of, search_matches
from tracker.history.feeds import ENTRIES, HistoryFeed, RecordFeed, current_slugs, revision_entries
from tracker.models import Commitment, CommitmentOwner, Decision, Jurisdiction, Office, Person, PublicRevision, Tenure
from tracker.models.kinds import KINDS_WITH_PAGES
from tracker.models.querysets import descendant_ids
from tracker.models.text import plain

SEARCH_WINDOW = 1000  # the latest revisions a search feed looks through


def _scope(record):
    """{model: ids} of the records whose revisions a follow of `record` hears of."""
    today = timezone.localdate()
    if isinstance(record, Person):
        held = Tenure.objects.filter(person=record, start_date__lte=today).exclude(end_date__lt=today)
        offices = set(held.values_list("office_id", flat=True))
        scope = {Person: {record.pk}, Office: offices}
    elif isinstance(record, Office):
        offices = {record.pk}
        scope = {Office: offices}
    else:
        places = descendant_ids(record)
        offices = set(Office.objects.filter(organization__jurisdiction_id__in=places).values_list("pk", flat=True))
        commitments = set(Commitment.objects.filter(jurisdiction_id__in=places).values_list("pk", flat=True))
        return {Jurisdiction: places, Office: offices, Commitment: commitments}
    scope[Commitment] = set(
        CommitmentOwner.objects.filter(office_id__in=offices).values_list("commitment_id", flat=True)
    )
    scope[Decision] = set(Decision.objects.filter(deciding_office_id__in=offices).values_list("pk", flat=True))
    return scope


def scope_revisions(record):
    wanted = Q(pk__in=[])
    for model, ids in _scope(record).items():
        if ids:
            content_type = ContentType.objects.get_for_model(model)
            wanted |= Q(content_type=content_type, object_id__in=[str(pk) for pk in ids])
    revisions = list(PublicRevision.objects.filter(wanted).as_public().order_by("-published_at", "-pk")[: ENTRIES * 2])
    return visible(revisions)[:ENTRIES]


class FollowFeed(RecordFeed):
    """/<kind>/<slug>/follow/feed/ for people, offices and jurisdictions."""

    def title(self, record):
        kind = KINDS_WITH_PAGES[self.kind].label
        title = _("%(kind)s “%(name)s”: everything followed") % {"kind": kind, "name": record}
        return plain(title, single_line=True)

    def subtitle(self, record):
        return _("What a follower of this page is told: its own changes and those of the records it answers for.")

    def feed_url(self, record):
        return reverse(f"tracker:{record.public_url_name}_follow_feed", args=[record.slug])

    def items(self, record):
        revisions = scope_revisions(record)
        return revision_entries(revisions, current_slugs(revisions), self)


def get_follow_feed(request, kind, slug):
    if kind not in ("people", "offices", "jurisdictions"):
        raise Http404
    return FollowFeed()(request, kind, slug)


class SearchFeed(HistoryFeed):
    """/follow/search/feed/?q=…: the changes a saved search's followers are told of."""

    def __call__(self, request):
        self.search = clean_search(request.GET)
        if self.search is None:
            raise Http404("A search feed needs words or filters that the search page accepts.")
        return super().__call__(request)

    def title(self):
        return plain(_("Accountability Tracker: %(search)s") % {"search": search_label(self.search)}, single_line=True)

    def subtitle(self):
        return _("Published changes to the records this search takes in, newest first.")

    def link(self):
        return f"{reverse(settings.SEARCH_PAGE)}?{search_query_string(self.search)}"

    def feed_url(self):
        return f"{reverse('tracker:search_follow_feed')}?{search_query_string(self.search)}"

    def items(self):
        latest = list(PublicRevision.objects.as_public().order_by("-sequence")[:SEARCH_WINDOW])
        changes = changes_of(visible(latest))
        revisions = [c.revision for c in changes if search_matches(self.search, c)][:ENTRIES]
        return revision_entries(revisions, current_slugs(revisions), self)


def get_search_feed(request):
    return SearchFeed()(request)

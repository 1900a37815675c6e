"""sitemap.xml: every published record's page, with the moment it was last published, for search engines.
Drafts, unpublished and taken-down records are never listed (`.published()`). Every page is listed in English
and in Urdu (/ur/...), each naming the other with `hreflang` alternates. Sections of up to 50,000 addresses
each (25,000 pages in two languages), listed by the index at /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from tracker.models.kinds import KINDS_WITH_PAGES


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 25_000


class RecordSitemap(BilingualSitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().only("pk", "slug", "last_published_at").order_by("pk")

    def lastmod(self, record):
        return record.last_published_at


class ListsSitemap(BilingualSitemap):
    """The site's own lists: the dashboard and the lists of commitments and decisions."""

    def items(self):
        return ["tracker:dashboard", "tracker:commitment_list", "tracker:decision_list", "tracker:accountability"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": ListsSitemap(),
    **{segment: RecordSitemap(kind.model) for segment, kind in KINDS_WITH_PAGES.items()},
}

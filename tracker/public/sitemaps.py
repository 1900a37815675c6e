"""sitemap.xml: every published record's page, with the moment it was last published, for search engines.
Drafts, unpublished and taken-down records are never listed (`.published()`). Every page is listed in English
and in Urdu (/ur/...), each naming the other with `hreflang` alternates. Sections of up to 50,000 addresses
each (25,000 pages in two languages), listed by the index at /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from tracker.models import Jurisdiction
from tracker.models.kinds import KINDS_WITH_PAGES
from tracker.models.vocabulary import JurisdictionTier


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
    """The site's own lists: the dashboard, the lists of commitments and decisions, the indexes of people,
    offices and places, the district chooser and the recent changes."""

    def items(self):
        return [
            "tracker:dashboard",
            "tracker:commitment_list",
            "tracker:decision_list",
            "tracker:accountability",
            "tracker:person_list",
            "tracker:office_list",
            "tracker:jurisdiction_list",
            "tracker:my_district",
            "tracker:changes",
        ]

    def location(self, name):
        return reverse(name)


class DistrictSitemap(BilingualSitemap):
    """Every published district's page of /my-district/."""

    def items(self):
        return (
            Jurisdiction.objects.published()
            .filter(tier=JurisdictionTier.DISTRICT)
            .only("pk", "slug", "last_published_at")
            .order_by("pk")
        )

    def location(self, place):
        return reverse("tracker:district", args=[place.slug])

    def lastmod(self, place):
        return place.last_published_at


SITEMAPS = {
    "pages": ListsSitemap(),
    "districts": DistrictSitemap(),
    **{segment: RecordSitemap(kind.model) for segment, kind in KINDS_WITH_PAGES.items()},
}

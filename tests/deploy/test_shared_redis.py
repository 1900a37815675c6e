"""Two sites on one Redis (issue 31): every key of the shared cache carries the site's own prefix
(`CACHE_KEY_PREFIX`, by default from the database's host and name), so one site never answers with the
other's search answers, and emptying one site's cache leaves the other's alone."""

import pytest
from django.conf import settings as live_settings
from django.core.cache import cache, caches

from config.cache import shared_cache, site_prefix
from search.models import SearchEntry
from tests import scenario
from tests.deploy.test_redis_outage import BACKEND, redis  # noqa: F401  (the test's own redis-server)
from tests.search.corpus import index_everything

pytestmark = pytest.mark.django_db


def test_the_prefix_defaults_to_the_database_host_and_name():
    assert live_settings.CACHES["default"]["KEY_PREFIX"] == live_settings.CACHE_KEY_PREFIX
    assert site_prefix({"ENGINE": "django.db.backends.postgresql", "NAME": "tracker", "HOST": "db1"}) == "db1-tracker"
    assert site_prefix({"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/site/db.sqlite3"}) == "local-db"


def site(settings, server, database_name):
    """Switch this process to the site whose database is `database_name`, on the one redis-server."""
    database = {**live_settings.DATABASES["default"], "NAME": database_name, "HOST": "127.0.0.1"}
    # As config/settings/base.py builds it, with no CACHE_KEY_PREFIX set.
    settings.CACHES = {"default": shared_cache(f"redis://127.0.0.1:{server.port}/1", site_prefix(database), files="")}
    assert settings.CACHES["default"]["BACKEND"] == BACKEND
    return caches["default"]


def found(client):
    """How many records the search for "sariab" says it found."""
    return client.get("/search/", {"q": "sariab"}).context["results"].total


def test_two_sites_on_one_redis_never_answer_each_others_searches(client, settings, redis):  # noqa: F811
    settings.SEARCH = {**settings.SEARCH, "BACKEND": "database", "ELASTICSEARCH_URL": "", "CACHE_ANSWERS": True}
    scenario.published_commitment(title="Clean water for Sariab")
    index_everything()
    site(settings, redis, "tracker_small")
    assert found(client) == 1  # computed, and kept in the shared cache

    # The other site holds other records: here none, taken from underneath the first site's cache.
    entries = list(SearchEntry.objects.all())
    SearchEntry.objects.all().delete()
    site(settings, redis, "tracker_large")
    assert found(client) == 0  # its own answer, not the first site's
    SearchEntry.objects.bulk_create(entries)
    site(settings, redis, "tracker_small")
    assert found(client) == 1  # the first site's answer is still its own


def test_emptying_one_sites_cache_leaves_the_other_sites_keys(settings, redis):  # noqa: F811
    site(settings, redis, "tracker_large").set("figure", "large")
    small = site(settings, redis, "tracker_small")
    small.set("figure", "small")
    cache.clear()
    assert small.get("figure") is None
    assert site(settings, redis, "tracker_large").get("figure") == "large"

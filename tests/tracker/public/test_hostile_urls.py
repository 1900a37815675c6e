"""Property-based: no public address answers 5xx, whatever is put in its path or query string.

The routes are read from the URLconf (every tracker:*, search:* route: pages, history, feeds,
digests, tips), so a new public route is covered without being listed here. Path parts and query
parameters are drawn from hostile text (NUL and other control characters, huge and negative numbers,
lone surrogates' neighbours, very long strings, percent signs) mixed with real slugs and revision
numbers, so that lookups reach the database. It runs on the database the suite runs on (SQLite
locally, PostgreSQL in CI)."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories, scenario, worlds
from tracker.models.kinds import KINDS_WITH_PAGES

pytestmark = pytest.mark.django_db

PUBLIC_NAMESPACES = {"tracker", "search"}
QUERY_NAMES = (
    "page",
    "a",
    "b",
    "format",
    "q",
    "sort",
    "on",
    "commitment",
    "next",
    *("kind", "status", "sector", "jurisdiction", "office_kind", "owner", "overdue"),
)
CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def public_routes():
    """(name, route with <converter:name> parts) of every public route, from the URLconf."""

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern), entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and namespace in PUBLIC_NAMESPACES:
                yield f"{namespace}:{entry.name}", prefix + str(entry.pattern)

    return sorted(set(walk(get_resolver().url_patterns, "/", None)))


ROUTES = public_routes()
RECORD_ROUTE = re.compile(r"^/(?P<kind>[^/<]+)/(?P<rest><str:slug>/.*)$")
# Record routes by family: the same address shape for every kind of record (/<kind>/<slug>/history/...).
FAMILIES = {}
for _name, _route in ROUTES:
    if match := RECORD_ROUTE.match(_route):
        FAMILIES.setdefault(match["rest"], []).append(_route)
OTHER_ROUTES = [(name, route) for name, route in ROUTES if not RECORD_ROUTE.match(route)]

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=10).map(lambda s: s + "\x00"),
    st.sampled_from(["\x00", "a\x00b", "%00", "..", "-1", "0", "9" * 30, "2024-02-30", "\ufeff", "' OR 1=1 --"]),
    st.integers().map(str),
    st.integers(min_value=2**63 - 2, max_value=2**70).map(str),
    st.text(min_size=200, max_size=400),
)
numbers = st.one_of(st.integers(min_value=0, max_value=2**80), st.sampled_from([1, 2, 2**63 - 1, 2**63, 2**64]))


def fill(route, slug, draw):
    """The route with each <converter:name> part replaced by a drawn value (percent-encoded)."""

    def part(match):
        if match["name"] == "slug":
            return quote(slug, safe="")
        if match["converter"] == "int":
            return str(draw(numbers))
        return quote(draw(hostile_text).replace("/", ""), safe="") or "x"

    return CONVERTER.sub(part, route)


@pytest.fixture(scope="module")
def published_slugs_once(django_db_setup, django_db_blocker):
    with worlds.rolled_back_world(django_db_blocker):
        yield _publish_one_of_each()


@pytest.fixture
def published_slugs(published_slugs_once, db):
    """The slugs of a published record of every kind with a public page (the commitment has two revisions),
    published once for this module (tests/worlds.py): every test here only reads."""
    return list(published_slugs_once)


def _publish_one_of_each():
    commitment = scenario.published_commitment(title="Hostile commitment")
    commitment.title = "Hostile commitment, amended"
    scenario.publish(commitment, summary="Amend")
    office = commitment.owners.first().office
    scenario.publish(scenario.decision(title="Hostile decision", deciding_office=office, live=False))
    factories.PersonFactory()
    slugs = set()
    for record in KINDS_WITH_PAGES.values():
        slugs.update(record.model.objects.filter(live=True).values_list("slug", flat=True))
    return sorted(slugs)


def _no_5xx(client, path, query):
    response = client.get(path, query)
    assert response.status_code < 500, (path, query, response.status_code)


QUERY = st.dictionaries(st.sampled_from(QUERY_NAMES), st.one_of(hostile_text, numbers.map(str)), max_size=4)
EXAMPLES = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def test_the_routes_are_read_from_the_urlconf():
    names = {name for name, _route in ROUTES}
    # The follow feeds are for people, offices and places (tracker/following/), the comparisons with peers
    # for offices and people; every other family is there for all kinds.
    families = dict(FAMILIES)
    assert sorted(families.pop("<str:slug>/comparison.csv", None) or []) == [
        "/offices/<str:slug>/comparison.csv",
        "/people/<str:slug>/comparison.csv",
    ]
    assert sorted(families.pop("<str:slug>/follow/feed/", None) or []) == [
        "/jurisdictions/<str:slug>/follow/feed/",
        "/offices/<str:slug>/follow/feed/",
        "/people/<str:slug>/follow/feed/",
    ]
    # A place has a second page of its own: what a citizen asks about their district (tracker/public/districts.py).
    pages = families.pop("<str:slug>/")
    assert "/my-district/<str:slug>/" in pages
    assert sorted(route for route in pages if route != "/my-district/<str:slug>/") == sorted(
        f"/{segment}/<str:slug>/" for segment in KINDS_WITH_PAGES
    )
    assert len(families) == 7 and all(len(routes) == len(KINDS_WITH_PAGES) for routes in families.values())
    for record in KINDS_WITH_PAGES.values():
        for suffix in ("", "_history", "_revision", "_compare", "_choose_compare", "_cite", "_cite_latest", "_feed"):
            assert f"tracker:{record.url_name}{suffix}" in names
    assert {"tracker:changes_feed", "tracker:digest", "tracker:send_tip", "search:search"} <= names


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_record_addresses_never_answer_5xx(published_slugs, family):
    client = Client(raise_request_exception=False)
    slugs = st.one_of(st.sampled_from(published_slugs), hostile_text.map(lambda s: s.replace("/", "")).filter(bool))

    @settings(EXAMPLES, max_examples=60)
    @given(route=st.sampled_from(FAMILIES[family]), slug=slugs, query=QUERY, data=st.data())
    def check(route, slug, query, data):
        _no_5xx(client, fill(route, slug, data.draw), query)

    check()


@pytest.mark.parametrize(("name", "route"), OTHER_ROUTES, ids=[name for name, _ in OTHER_ROUTES])
def test_other_public_addresses_never_answer_5xx(published_slugs, name, route):
    client = Client(raise_request_exception=False)

    @settings(EXAMPLES, max_examples=30)
    @given(query=QUERY, data=st.data())
    def check(query, data):
        _no_5xx(client, fill(route, "", data.draw), query)

    check()


@pytest.mark.parametrize("kind", sorted(KINDS_WITH_PAGES))
@pytest.mark.parametrize(
    "suffix",
    ["/", "/history/", "/history/1/", "/history/compare/", "/history/compare/1/2/", "/cite/1/", "/feed/"],
)
def test_a_nul_byte_in_a_slug_is_not_found(client, kind, suffix):
    response = client.get(f"/{kind}/a%00b{suffix}")
    assert response.status_code in (400, 404)


def _commitment(slugs):
    return next(slug for slug in slugs if slug.startswith("hostile-commitment"))


@pytest.mark.parametrize("query", ["a=-1&b=1", "a=1&b=-5", "a=0&b=2", "a=x&b=1", "a=1", f"a=1&b={2**63}"])
def test_a_compare_of_impossible_revisions_is_refused_plainly(client, published_slugs, query):
    response = client.get(f"/commitments/{_commitment(published_slugs)}/history/compare/?{query}")
    assert response.status_code == 400
    assert "revision" in response.content.decode()


def test_a_compare_of_two_revisions_goes_to_its_address(client, published_slugs):
    slug = _commitment(published_slugs)
    response = client.get(f"/commitments/{slug}/history/compare/?a=2&b=1")
    assert response.status_code == 302 and response["Location"] == f"/commitments/{slug}/history/compare/1/2/"


@pytest.mark.parametrize("number", [0, 2**63 - 1, 2**63, 2**64, 10**30])
def test_revision_numbers_past_the_database_range_are_not_found(client, published_slugs, number):
    slug = _commitment(published_slugs)
    for path in (f"history/{number}/", f"cite/{number}/", f"history/compare/1/{number}/"):
        assert client.get(f"/commitments/{slug}/{path}").status_code == 404

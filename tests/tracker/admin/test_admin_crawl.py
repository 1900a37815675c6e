"""Every admin page an editor, a moderator or an administrator can reach from the menus and from each
record's edit page answers without a server error, and so does each list's search box.

The crawl follows the links of the pages themselves (the sidebar menu is in the page as JSON), as a person
clicking through would, so a page added later is crawled without changing this test."""

import html
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests import scenario
from tracker import publishing
from tracker.models import Commitment, Decision, EditingOrganisation, Jurisdiction, Office, Organization, Person

pytestmark = pytest.mark.django_db

# Links that change something or leave the admin when followed with GET.
NOT_FOLLOWED = re.compile(r"/logout/|/admin/(?:.*/)?(?:delete|unpublish|lock|unlock|takedown|restore|disable)[/?]")
LINK = re.compile(r"""(?:href|data-url|"url")\s*[=:]\s*["']([^"'#]+)""")
MOST_PAGES = 600
# Pages of one shape (the edit page of each of 20 offices, page 2 and page 3 of a list) differ in their
# records, not in their code: the crawl visits one of each shape, besides the pages it starts from.
EACH_SHAPE = 1
RECORD_KINDS = (Commitment, Decision, Office, Person, Organization, Jurisdiction)


@pytest.fixture
def world(editor):
    """Quetta's records, some kept by the editor's organisation, one commitment with a draft on top."""
    quetta = scenario.quetta()
    keeper = EditingOrganisation.objects.get(name="Editors' organisation")
    for model in RECORD_KINDS:
        model.objects.update(maintained_by=keeper)
    files = Commitment.objects.get(pk=quetta.files.pk)
    files.progress = 40
    publishing.save_draft(files, summary="Progress: 40%")
    return quetta


def admin_links(page):
    """The admin addresses a page links to, its menus included."""
    found = set()
    for link in LINK.findall(page):
        url = html.unescape(link).replace("\\u002D", "-").replace("\\/", "/")
        if url.startswith("/admin/") and not NOT_FOLLOWED.search(url):
            found.add(url)
    return found


def shape(url):
    """An address with its numbers and query values left out: /admin/snippets/tracker/office/edit/N/?p="""
    return re.sub(r"=[^&]*", "=", re.sub(r"\d+", "N", url))


def crawl(client, start):
    """Every page of `start` and every admin page reachable from them, one of each shape: {address: status}."""
    seen, shapes, queue = {}, Counter(), list(start)
    while queue and len(seen) < MOST_PAGES:
        url = queue.pop(0)
        if url in seen or (url not in start and shapes[shape(url)] >= EACH_SHAPE):
            continue
        shapes[shape(url)] += 1
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(sorted(admin_links(response.content.decode()) - seen.keys()))
    return seen


def record_pages(with_a_draft):
    """The edit page of a record of each kind (the commitment with a draft first), and a search of every
    list in English and in Urdu."""
    yield reverse(Commitment.snippet_viewset.get_url_name("edit"), args=[with_a_draft.pk])
    for model in RECORD_KINDS:
        viewset = model.snippet_viewset
        yield reverse(viewset.get_url_name("list")) + "?q=quetta"
        yield reverse(viewset.get_url_name("list")) + "?q=" + "کوئٹہ"
        yield reverse(viewset.get_url_name("edit"), args=[model.objects.order_by("pk").values_list("pk", flat=True)[0]])


@pytest.mark.parametrize("who", ["admin_user", "moderator", "editor"])
def test_no_admin_page_reachable_from_the_menus_and_the_records_fails(client, world, who, request):
    client.force_login(request.getfixturevalue(who))
    answers = crawl(client, ["/admin/", *record_pages(world.files)])
    assert len(answers) > 40, "the crawl reached the admin's pages"
    failures = {url: status for url, status in answers.items() if status >= 500}
    assert failures == {}
    # What each one was refused is refused plainly (403/404/302 to a message), never with an error page.
    assert {urlsplit(url).path for url in answers} >= {"/admin/", "/admin/snippets/tracker/commitment/"}

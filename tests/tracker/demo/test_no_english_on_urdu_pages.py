"""No English is left on Urdu pages. Every page type is read under /ur/ with the demo (whose places,
offices, people and most commitments have their Urdu): once what is marked as English is set aside (a
record's words it holds only in English, `lang="en"`; code; the citation formats), no Latin-script word
may be left outside a short allow-list of names and codes that are the same in every language."""

import re

import pytest
from bs4 import BeautifulSoup

from tracker.models import Commitment, Decision, Jurisdiction, Office, PublicRevision

pytestmark = pytest.mark.django_db

# Names and codes written in Latin letters in Urdu too: file formats and standards, the licence, the
# citation styles, a p-value's p. Addresses, code and the rendered citation formats are set aside before counting.
ALLOWED = {
    "CSV", "JSON", "API", "OpenAPI", "Atom", "RSS", "CC", "BY", "APA", "BibTeX", "SHA", "SHA-256", "Ed25519",
    "CSL", "PDF", "PNG", "JPEG", "WebP", "MB",
    "p",  # a test's p-value, written so in every language
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]|[A-Za-z]")


def english_left(html):
    """The Latin-script words of what the page says, outside what it marks as English, code and
    addresses; with the attributes read aloud or shown (aria-label, title, placeholder, alt)."""
    page = BeautifulSoup(html, "html.parser")
    for node in page.select('script, style, code, pre, kbd, samp, [lang="en"], [lang="en-GB"], .citation'):
        node.decompose()
    said = [page.get_text(" ")]
    for node in page.find_all(True):
        said += [node.get(name, "") for name in ("aria-label", "title", "placeholder", "alt")]
    text = re.sub(r"https?://\S+|\S+@\S+|\b[\w.-]+\.(?:org|pk|com|gov\.pk)\S*", " ", " ".join(said))
    return sorted({word for word in LATIN_WORD.findall(text) if word not in ALLOWED})


def pages(client):
    commitment = Commitment.objects.published().exclude(title_ur="").order_by("pk").first()
    revision = PublicRevision.objects.for_record(commitment).order_by("-number").first()
    decision = Decision.objects.published().exclude(title_ur="").first()
    office = Office.objects.get(slug="deputy-commissioner-quetta")
    administrator = Office.objects.filter(kind="administrator").first()
    person = office.tenures.get(end_date=None).person
    place = Jurisdiction.objects.get(slug="quetta-district")
    base = commitment.get_absolute_url()
    return [
        "/",
        "/commitments/",
        "/commitments/?status=stalled&due_from=2020-01-01",
        base,
        f"{base}?on=2021-06-30",
        f"{base}history/",
        f"{base}history/{revision.number}/",
        f"{base}history/compare/1/{revision.number}/",
        f"{base}cite/{revision.number}/",
        "/decisions/",
        decision.get_absolute_url(),
        office.get_absolute_url(),
        administrator.get_absolute_url(),
        person.get_absolute_url(),
        place.get_absolute_url(),
        Jurisdiction.objects.get(slug="balochistan").get_absolute_url(),
        "/accountability/",
        "/local-government/",
        "/search/?q=پانی",
        "/history/digests/",
        "/tips/",
    ]


def test_every_page_type_under_ur_says_nothing_in_english(client, demo):
    leaks = {}
    for address in pages(client):
        response = client.get("/ur" + address)
        assert response.status_code == 200, address
        left = english_left(response.content.decode())
        if left:
            leaks[address] = left
    assert leaks == {}


def test_the_timeline_names_offices_in_urdu(client, demo):
    from tracker.models import Movement

    movement = Movement.objects.filter(commitment__live=True).select_related("office", "commitment").first()
    page = BeautifulSoup(client.get("/ur" + movement.commitment.get_absolute_url()).content, "html.parser")
    lines = [" ".join(li.get_text(" ").split()) for li in page.select("li.event-movement")]
    assert any(movement.office.title_ur in line for line in lines), lines
    assert not any(movement.office.title in line for line in lines)

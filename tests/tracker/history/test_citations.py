"""Citations of one revision, pinned to its permanent address, from CSL styles and data formats."""

import json

import pytest
import rispy
from django.utils import timezone

from tests.pages import page_text

pytestmark = pytest.mark.django_db


def cite(client, demo, fmt=None, number=2):
    query = f"?format={fmt}" if fmt else ""
    return client.get(f"/commitments/{demo.commitment.slug}/cite/{number}/{query}")


@pytest.fixture
def dates(demo):
    published = timezone.localdate(demo.revisions[1].published_at)
    return published, timezone.localdate()


def permanent(demo, number=2):
    return f"http://testserver/commitments/{demo.commitment.slug}/history/{number}/"


def test_apa(client, demo, dates):
    published, _ = dates
    response = cite(client, demo, "apa")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().strip() == (
        f"Accountability Tracker editors. ({published:%Y, %B} {published.day}). File tracking system for the "
        f"secretariat [Commitment, revision 2]. Accountability Tracker. {permanent(demo)}"
    )


def test_chicago_carries_the_access_date(client, demo, dates):
    _, accessed = dates
    text = cite(client, demo, "chicago").content.decode()
    assert f"Accessed {accessed:%B} {accessed.day}, {accessed.year}." in text
    assert "Commitment, revision 2" in text and permanent(demo) in text


def test_bibtex(client, demo, dates):
    published, accessed = dates
    response = cite(client, demo, "bibtex")
    text = response.content.decode()
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert text.startswith(f"@misc{{commitment-{demo.commitment.pk}-r2,\n")
    for line in (
        "  author = {{Accountability Tracker editors}},",
        "  title = {File tracking system for the secretariat},",
        f"  date = {{{published.isoformat()}}},",
        "  version = {2},",
        f"  url = {{{permanent(demo)}}},",
        f"  urldate = {{{accessed.isoformat()}}},",
        f"  note = {{Commitment, revision 2. SHA-256 {demo.revisions[1].hash}}}",
    ):
        assert line in text
    assert text.count("{") == text.count("}")


def test_ris_reads_back(client, demo, dates):
    published, accessed = dates
    (entry,) = rispy.loads(cite(client, demo, "ris").content.decode())
    assert entry["type_of_reference"] == "ELEC"
    assert entry["title"] == "File tracking system for the secretariat"
    assert entry["urls"] == [permanent(demo)]
    assert entry["access_date"] == accessed.strftime("%Y/%m/%d")
    assert entry["year"] == str(published.year)


def test_csl_json(client, demo, dates):
    published, accessed = dates
    (item,) = json.loads(cite(client, demo, "csl-json").content)
    assert item["URL"] == permanent(demo)
    assert item["issued"] == {"date-parts": [[published.year, published.month, published.day]]}
    assert item["accessed"] == {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    assert item["author"] == [{"literal": "Accountability Tracker editors"}]
    assert item["genre"] == "Commitment, revision 2"


def test_latex_special_characters_are_escaped(client, demo):
    from tracker import publishing
    from tracker.models import Commitment

    commitment = Commitment.objects.get(pk=demo.commitment.pk)
    commitment.title = "Roads & drains: 100% {done} #1"
    publishing.publish(commitment, summary="Title")
    text = client.get(f"/commitments/{commitment.slug}/cite/4/?format=bibtex").content.decode()
    assert r"title = {Roads \& drains: 100\% \textbraceleft{}done\textbraceright{} \#1}," in text


def test_cite_page_lists_every_format_and_rejects_unknown_ones(client, demo):
    text = page_text(cite(client, demo))
    for name in ("APA (7th edition)", "Chicago", "MLA", "Harvard", "BibTeX", "RIS", "CSL-JSON"):
        assert name in text
    assert permanent(demo) in text and demo.revisions[1].hash in text

    response = cite(client, demo, "word")
    assert response.status_code == 400
    assert "“word” is not a citation format offered here" in page_text(response)


def test_each_revision_has_a_cite_box_with_apa_and_bibtex(client, demo):
    text = page_text(client.get(f"/commitments/{demo.commitment.slug}/history/2/"))
    box = text[text.index('<aside class="cite-box"') :]
    assert "Cite this revision" in box
    assert "<i>File tracking system for the secretariat</i> [Commitment, revision 2]" in box
    assert f"url = {{{permanent(demo)}}}" in box
    assert f"/commitments/{demo.commitment.slug}/cite/2/?format=ris" in box

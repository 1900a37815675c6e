"""Citations of one revision, pinned to its permanent address, from CSL styles and data formats."""

import json

import pytest
import rispy
from django.utils import timezone

from tests.pages import page_text

pytestmark = pytest.mark.django_db


def cite(client, file_tracking_history, fmt=None, number=2):
    query = f"?format={fmt}" if fmt else ""
    return client.get(f"/commitments/{file_tracking_history.commitment.slug}/cite/{number}/{query}")


@pytest.fixture
def dates(file_tracking_history):
    published = timezone.localdate(file_tracking_history.revisions[1].published_at)
    return published, timezone.localdate()


def permanent(file_tracking_history, number=2):
    return f"http://testserver/commitments/{file_tracking_history.commitment.slug}/history/{number}/"


def test_apa(client, file_tracking_history, dates):
    published, _ = dates
    response = cite(client, file_tracking_history, "apa")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().strip() == (
        f"Accountability Tracker editors. ({published:%Y, %B} {published.day}). File tracking system for the "
        f"secretariat [Commitment, revision 2]. Accountability Tracker. {permanent(file_tracking_history)}"
    )


def test_chicago_carries_the_access_date(client, file_tracking_history, dates):
    _, accessed = dates
    text = cite(client, file_tracking_history, "chicago").content.decode()
    assert f"Accessed {accessed:%B} {accessed.day}, {accessed.year}." in text
    assert "Commitment, revision 2" in text and permanent(file_tracking_history) in text


def test_bibtex(client, file_tracking_history, dates):
    published, accessed = dates
    response = cite(client, file_tracking_history, "bibtex")
    text = response.content.decode()
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert text.startswith(f"@misc{{commitment-{file_tracking_history.commitment.pk}-r2,\n")
    for line in (
        "  author = {{Accountability Tracker editors}},",
        "  title = {File tracking system for the secretariat},",
        f"  date = {{{published.isoformat()}}},",
        "  version = {2},",
        f"  url = {{{permanent(file_tracking_history)}}},",
        f"  urldate = {{{accessed.isoformat()}}},",
        (
            "  note = {Commitment, revision 2. Status In progress, on: News report (rank 7 of 12). "
            f"SHA-256 {file_tracking_history.revisions[1].hash}, "
            f"transparency log entry {file_tracking_history.revisions[1].sequence - 1}}}"
        ),
    ):
        assert line in text
    assert text.count("{") == text.count("}")


def test_ris_reads_back(client, file_tracking_history, dates):
    published, accessed = dates
    (entry,) = rispy.loads(cite(client, file_tracking_history, "ris").content.decode())
    assert entry["type_of_reference"] == "ELEC"
    assert entry["title"] == "File tracking system for the secretariat"
    assert entry["urls"] == [permanent(file_tracking_history)]
    assert entry["access_date"] == accessed.strftime("%Y/%m/%d")
    assert entry["year"] == str(published.year)


def test_csl_json(client, file_tracking_history, dates):
    published, accessed = dates
    (item,) = json.loads(cite(client, file_tracking_history, "csl-json").content)
    assert item["URL"] == permanent(file_tracking_history)
    assert item["issued"] == {"date-parts": [[published.year, published.month, published.day]]}
    assert item["accessed"] == {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    assert item["author"] == [{"literal": "Accountability Tracker editors"}]
    assert item["genre"] == "Commitment, revision 2"


def test_latex_special_characters_are_escaped(client, file_tracking_history):
    from tracker import publishing
    from tracker.models import Commitment

    commitment = Commitment.objects.get(pk=file_tracking_history.commitment.pk)
    commitment.title = "Roads & drains: 100% {done} #1"
    publishing.publish(commitment, summary="Title")
    text = client.get(f"/commitments/{commitment.slug}/cite/4/?format=bibtex").content.decode()
    assert r"title = {Roads \& drains: 100\% \textbraceleft{}done\textbraceright{} \#1}," in text


def test_cite_page_lists_every_format_and_rejects_unknown_ones(client, file_tracking_history):
    text = page_text(cite(client, file_tracking_history))
    for name in ("APA (7th edition)", "Chicago", "MLA", "Harvard", "BibTeX", "RIS", "CSL-JSON"):
        assert name in text
    assert permanent(file_tracking_history) in text and file_tracking_history.revisions[1].hash in text

    response = cite(client, file_tracking_history, "word")
    assert response.status_code == 400
    assert "“word” is not a citation format offered here" in page_text(response)


def test_each_revision_has_a_cite_box_with_apa_and_bibtex(client, file_tracking_history):
    text = page_text(client.get(f"/commitments/{file_tracking_history.commitment.slug}/history/2/"))
    box = text[text.index('<aside class="cite-box"') :]
    assert "Cite this revision" in box
    assert "<i>File tracking system for the secretariat</i> [Commitment, revision 2]" in box
    assert f"url = {{{permanent(file_tracking_history)}}}" in box
    assert f"/commitments/{file_tracking_history.commitment.slug}/cite/2/?format=ris" in box

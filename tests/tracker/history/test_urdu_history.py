"""History in Urdu: a revision holds the record's Urdu as published and its page shows it; a compare names
the Urdu fields that changed; a citation read in Urdu cites the Urdu title and says the work is in Urdu,
and one read in English stays English; a field added after a revision was published (still empty) is not
an alteration for verify_history."""

import datetime
import json

import pytest
import rispy

from tests import scenario
from tests.pages import in_english, in_urdu
from tracker.history.verification import verify_live_records
from tracker.models import Commitment, PublicRevision, vocabulary

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def promise(db):
    """Published in English first, then with its Urdu and a status change with an Urdu note."""
    record = scenario.published_commitment(title="Water filtration plants in Pishin", text="Ten plants.")
    record = Commitment.objects.get(pk=record.pk)
    record.title_ur = "پشین میں پانی صاف کرنے کے پلانٹ"
    record.text_ur = "دس پلانٹ۔"
    scenario.record_status_change(
        record,
        vocabulary.CommitmentStatus.IN_PROGRESS,
        on=D(2022, 1, 10),
        summary="Urdu added; work began",
        note="Work began.",
        note_ur="کام شروع ہو گیا۔",
    )
    return record


def test_a_revision_holds_the_urdu_as_published_and_its_page_shows_it(client, promise):
    latest = PublicRevision.objects.for_record(promise).get(number=2)
    fields = latest.content["fields"]
    assert (fields["title_ur"], fields["text_ur"]) == ("پشین میں پانی صاف کرنے کے پلانٹ", "دس پلانٹ۔")
    assert latest.content["parts"]["status_changes"][0]["note_ur"] == "کام شروع ہو گیا۔"

    html = in_english(client, f"{promise.get_absolute_url()}history/2/").content.decode()
    assert "What was promised, in Urdu" in html and "Note in Urdu" in html
    assert '<span lang="ur" dir="rtl"><bdi>دس پلانٹ۔</bdi></span>' in html
    assert '<span lang="ur" dir="rtl"><bdi>کام شروع ہو گیا۔</bdi></span>' in html

    urdu = in_urdu(client, f"{promise.get_absolute_url()}history/2/").content.decode()
    assert "<h1><bdi>پشین میں پانی صاف کرنے کے پلانٹ</bdi></h1>" in urdu
    # Revision 1 held no Urdu: its heading is the English, marked as English.
    first = in_urdu(client, f"{promise.get_absolute_url()}history/1/").content.decode()
    assert '<h1><bdi><span lang="en" dir="ltr">Water filtration plants in Pishin</span>' in first


def test_the_compare_names_the_urdu_fields_that_changed(client, promise):
    html = in_english(client, f"{promise.get_absolute_url()}history/compare/1/2/").content.decode()
    assert "<h3>Title in Urdu</h3>" in html and "<h3>What was promised, in Urdu</h3>" in html
    assert "پشین میں پانی صاف کرنے کے پلانٹ" in html and "دس پلانٹ۔" in html
    assert "Note in Urdu" in html and "کام شروع ہو گیا۔" in html


def test_a_citation_read_in_urdu_cites_the_urdu_title(client, promise):
    path = f"{promise.get_absolute_url()}cite/2/"
    csl = json.loads(in_urdu(client, f"{path}?format=csl-json").content)[0]
    assert (csl["title"], csl["language"]) == ("پشین میں پانی صاف کرنے کے پلانٹ", "ur")
    ris = rispy.loads(in_urdu(client, f"{path}?format=ris").content.decode())[0]
    assert (ris["title"], ris["language"]) == ("پشین میں پانی صاف کرنے کے پلانٹ", "ur")
    assert "title = {پشین میں پانی صاف کرنے کے پلانٹ}" in in_urdu(client, f"{path}?format=bibtex").content.decode()
    page = in_urdu(client, path).content.decode()
    assert '<dd lang="ur"><bdi>پشین میں پانی صاف کرنے کے پلانٹ</bdi></dd>' in page


def test_a_citation_read_in_english_or_of_a_revision_without_urdu_stays_english(client, promise):
    path = f"{promise.get_absolute_url()}cite/"
    english = json.loads(in_english(client, f"{path}2/?format=csl-json").content)[0]
    assert (english["title"], english["language"]) == ("Water filtration plants in Pishin", "en")
    # Revision 1 has no Urdu title: an Urdu reader cites it by its English title, in English.
    first = json.loads(in_urdu(client, f"{path}1/?format=csl-json").content)[0]
    assert (first["title"], first["language"]) == ("Water filtration plants in Pishin", "en")


def test_fields_added_since_a_revision_are_not_an_alteration_while_empty(promise):
    from django.utils import timezone

    older = scenario.published_commitment(title="Published before the Urdu fields")
    # The latest revision holds no `text_ur`, as one published before the field existed.
    scenario.add_revisions(older, 1, start=timezone.now(), change=lambda content, i: content["fields"].pop("text_ur"))
    assert verify_live_records() == []

    Commitment.objects.filter(pk=older.pk).update(text_ur="کچھ")  # changed behind the chain's back
    [problem] = verify_live_records()
    assert "Published before the Urdu fields" in problem.record


def test_an_english_edit_summary_on_an_urdu_page_is_marked_english_quotes_and_all(client, promise):
    """Read right to left, “…” around English would show turned round at the line's edges; inside the
    English run they stay where an English reader expects them, and screen readers read it in English."""
    for address in (f"{promise.get_absolute_url()}history/", f"{promise.get_absolute_url()}history/2/"):
        html = in_urdu(client, address).content.decode()
        assert '<span lang="en" dir="ltr">“Urdu added; work began”</span>' in html, address
    english = in_english(client, f"{promise.get_absolute_url()}history/").content.decode()
    assert "“Urdu added; work began”" in english and 'lang="en" dir="ltr">“Urdu' not in english

"""Pages read in Urdu: their headings, labels, table headers, messages, history summaries and feeds come from
the Urdu catalogue, and none of the English chrome is left. Records' own words (titles, names) stay as written.

Urdu is asked for as a reader would: at /ur/… once the site has language prefixes, else by the browser's
Accept-Language (LocaleMiddleware)."""

import re

import feedparser
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from tests import scenario
from tests.pages import in_urdu

pytestmark = pytest.mark.django_db

FILES = "/commitments/file-tracking-system-for-the-secretariat/"
# English words of the site's own chrome (navigation, headings, labels, vocabulary, messages), none of which
# may show on an Urdu page outside the records' own words.
ENGLISH_CHROME = (
    "Accountability Tracker", "Skip to content", "Commitments", "Commitment", "Decisions", "Search", "Method",
    "Send a tip", "Follow", "Status", "Deadline", "Progress", "Who owns it now", "Who owned it on", "Timeline",
    "Sources", "Source", "History", "Cite", "Owners", "Owner", "Elected", "Appointed", "Administrator",
    "Political owner", "Administrative owner", "Not started", "In progress", "Stalled", "Delivered", "Broken",
    "Withdrawn", "overdue", "Overdue", "since", "until", "vacant", "acting", "Previous", "Next", "Province",
    "District", "Tehsil", "Union council", "Education", "Health", "Water and sanitation", "Measure", "Median",
    "too few to say", "days", "revision", "Revision", "published", "Published", "changes", "Filter", "Compare",
    "Sector", "Place", "Office", "Person", "Period", "Council", "Made by", "Made on", "All", "None", "Show",
)  # fmt: skip
CHROME = re.compile(r"\b(?:{})\b".format("|".join(re.escape(word) for word in ENGLISH_CHROME)))
URDU = re.compile(r"[\u0600-\u06ff]")
# Headings that are names, the same in every language: the citation styles.
NAMES = {"APA", "BibTeX"}


def chrome_text(html, other="en"):
    """What the page itself says: visible text and the attributes read aloud or shown (aria-label, title,
    placeholder, alt), without the records' own words (<bdi>, elements in the `other` language, such as the
    language switcher's) and without code."""
    html = re.sub(r"<(script|style|code|bdi)\b[^>]*>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(rf"<(\w+)[^>]*\blang=\"{other}\"[^>]*>.*?</\1>", " ", html, flags=re.S)
    said = re.findall(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    # The publishing organisation's name is configuration (TRACKER_PUBLISHER), not the site's words.
    return re.sub(r"\s+", " ", " ".join([text, *said])).replace(settings.TRACKER_PUBLISHER, " ")


def page_text(html):
    """Everything the page shows, records' words and <bdi> included."""
    html = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def headings(html, *levels):
    """The headings' own words (a record's title, in <bdi>, and headings marked as English names left out)."""
    html = re.sub(r"<bdi\b[^>]*>.*?</bdi>", " ", html, flags=re.S)
    tags = "|".join(levels)
    found = re.findall(rf"<({tags})\b([^>]*)>(.*?)</\1>", html, flags=re.S)
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inner)).strip()
        for _, attributes, inner in found
        if 'lang="en"' not in attributes
    ]


def table_headers(html):
    """The table headers' own words (a record's name, in <bdi>, left out)."""
    html = re.sub(r"<bdi\b[^>]*>.*?</bdi>", " ", html, flags=re.S)
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", th)).strip()
        for th in re.findall(r"<th\b[^>]*>(.*?)</th>", html, flags=re.S)
    ]


@pytest.fixture
def history(db):
    """A commitment published three times (not started, in progress, stalled)."""
    editor = get_user_model().objects.create_user("zubaida.q", "zubaida.q@example.org", "pass")
    return scenario.file_tracking_history(scenario.offices(), editor)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/commitments/",
        FILES,
        "/decisions/",
        "/accountability/",
        "/offices/deputy-commissioner-quetta/",
        "/people/bushra-kakar/",
        "/jurisdictions/balochistan/",
        "/search/?q=water",
        "/tips/",
        f"{FILES}history/",
        f"{FILES}history/1/",
        f"{FILES}cite/1/",
        "/decisions/funds-for-the-file-tracking-system/",
        "/history/digests/",
        "/follow/?target=commitments/file-tracking-system-for-the-secretariat",
        "/tips/thanks/",
        "/search/?q=quetta&kind=commitment",
        "/commitments/?status=stalled&sector=e_governance",
        "/commitments/no-such-promise/",
        "/people/",
        "/offices/?by=province",
        "/jurisdictions/?q=quetta&narrower=district",
        "/my-district/?province=balochistan",
        "/my-district/quetta/",
        "/changes/",
        "/data/",
    ],
)
def test_no_english_chrome_is_left_on_an_urdu_page(client, quetta, path):
    response = in_urdu(client, path)
    assert response.status_code == (404 if "no-such" in path else 200)
    html = response.content.decode()
    assert CHROME.findall(chrome_text(html)) == []
    english = [h for h in headings(html, "h1", "h2", "h3") if not URDU.search(h) and h not in NAMES]
    assert [h for h in english if not re.fullmatch(r"[\W\d]*", h)] == []


def test_the_dashboard_reads_in_urdu(client, quetta):
    html = in_urdu(client, "/").content.decode()
    assert headings(html, "h1") == ["سرکاری وعدے اور ان کے ذمہ دار"]
    said = chrome_text(html)
    assert "زیرِ نگرانی 2 وعدوں میں سے" in said
    assert "(50%)" in said
    assert "1 وعدہ تاخیر کا شکار ہے" in said
    assert "سب سے زیادہ تاخیر والے وعدوں کے عہدے" in headings(html, "h2")


def test_a_commitment_page_reads_in_urdu(client, quetta):
    html = in_urdu(client, FILES).content.decode()
    assert headings(html, "h2") == [
        "وعدہ",
        "صورتحال: رکا ہوا",
        "کب کون ذمہ دار تھا",
        "واقعات کی ترتیب",
        "ہر عہدے کے پاس وقت",
        "ذرائع",
    ]
    said = chrome_text(html)
    assert "کام شروع ہوا مگر رک گیا ہے" in said  # the status explained
    assert "مقررہ تاریخ: 30 جون 2020" in said  # Urdu month names
    assert re.search(r"\d+ سال( \d+ ماہ)? کی تاخیر", said)
    assert "منتخب" in said and "مقرر کردہ" in said  # the owners' office kinds
    assert "وعدہ کیا گیا" in page_text(html)  # the timeline's first event, isolated in <bdi>


def test_the_accountability_page_reads_in_urdu(client, quetta):
    html = in_urdu(client, "/accountability/").content.decode()
    assert headings(html, "h1") == ["کون کام مکمل کرتا ہے: منتخب اور مقرر کردہ عہدوں کا موازنہ"]
    assert {
        "ذمہ دار کے لحاظ سے",
        "منتخب کونسل کے ساتھ اور اس کے بغیر",
        "ہر کونسل کے ادوار",
        "وعدے ہر قسم کے عہدے کے پاس کتنی دیر رہے",
        "پورے کیے گئے وعدے کس نے کیے تھے",
    } <= set(headings(html, "h2", "h3"))
    headers = table_headers(html)
    assert {"پیمانہ", "مکمل", "توڑا گیا", "رکا ہوا", "جزوی طور پر مکمل", "کونسل", "دور"} <= set(headers)
    assert all(URDU.search(h) for h in headers if h)
    said = chrome_text(html)
    assert "سیاسی ذمہ دار: منتخب عہدہ" in said
    assert "اندازے کے لیے تعداد ناکافی" in said  # the small-number rule


def test_a_form_error_reads_in_urdu(client, quetta):
    response = in_urdu(client, f"{FILES}?on=31-02-2021")
    assert response.status_code == 400
    assert "“31-02-2021” تاریخ نہیں۔ YYYY-MM-DD کی شکل استعمال کریں" in chrome_text(response.content.decode())


def test_a_filter_error_reads_in_urdu(client, quetta):
    response = in_urdu(client, "/commitments/?jurisdiction=atlantis")
    assert response.status_code == 400
    assert "“atlantis” نام کا کوئی علاقہ ٹریک نہیں کیا جاتا۔" in chrome_text(response.content.decode())


def test_history_summaries_read_in_urdu(client, history):
    html = in_urdu(client, f"/commitments/{history.commitment.slug}/history/").content.decode()
    said = page_text(html)  # the summaries are isolated in <bdi>
    assert "پہلی بار شائع ہوا" in said
    assert "صورتحال: جاری → رکا ہوا" in said  # the stored English labels read through the catalogue
    assert "ذمہ دار کا اضافہ" in said
    assert not re.search(r"\b(?:added|removed|edited|First published)\b", said)


def test_feeds_are_titled_in_urdu(client, history):
    feed = feedparser.parse(in_urdu(client, f"/commitments/{history.commitment.slug}/feed/").content)
    assert not feed.bozo
    assert feed.feed.title == "وعدہ “File tracking system for the secretariat”: شائع شدہ تبدیلیاں"
    assert [entry.title.rsplit(": ", 1)[1] for entry in feed.entries] == ["نسخہ 3", "نسخہ 2", "نسخہ 1"]
    assert "صورتحال: جاری → رکا ہوا" in feed.entries[0].summary
    site = feedparser.parse(in_urdu(client, "/feeds/changes/").content)
    assert site.feed.title == "احتساب ٹریکر: شائع شدہ تبدیلیاں"
    assert site.feed.subtitle.startswith("ٹریکر پر شائع ہونے والی ہر تبدیلی")


def test_english_pages_are_unchanged(client, quetta):
    html = client.get(FILES).content.decode()
    assert headings(html, "h2")[:2] == ["The promise", "Status: Stalled"]
    assert not URDU.search(chrome_text(html, other="ur"))


def test_an_alert_to_an_urdu_follower_reads_in_urdu(history):
    from types import SimpleNamespace

    from tracker.following.alerts import render_change, render_frame, summary_subject

    first, second, third = history.revisions
    alert = render_change(SimpleNamespace(revision=third, previous=second, owners_held_by=[]), "ur")
    assert alert.subject_line.startswith(
        "وعدہ “File tracking system for the secretariat”: وعدے کا متن میں ترمیم کی گئی"
    )
    assert "صورتحال: جاری → رکا ہوا" in alert.subject_line
    assert "ذمہ دار کا اضافہ" in alert.subject_line
    assert "نسخہ 3" in alert.text and "یہ نسخہ:" in alert.text and "صفحہ اب:" in alert.text
    frame = render_frame("ur")
    assert "احتساب ٹریکر پر آپ کی فالو کی گئی چیزوں میں کیا تبدیل ہوا" in frame["text"][0]
    assert "ہر چیز سے ان سبسکرائب کریں" in frame["text"][1]
    with translation.override("ur"):
        assert summary_subject(2, {"frequency": "weekly"}) == "آپ کا ہفتہ وار خلاصہ: 2 تبدیلیاں"


@pytest.mark.parametrize("path", ["/accountability/", "/", "/jurisdictions/balochistan/", "/people/bushra-kakar/"])
def test_figures_kept_from_an_english_visit_read_in_urdu(client, quetta, path):
    """Pages read cached figures (shared_cache, summaries): an English visit first must not leave its words."""
    assert client.get(path).status_code == 200
    html = in_urdu(client, path).content.decode()
    assert CHROME.findall(chrome_text(html)) == []
    english = client.get(path).content.decode()  # and English again after the Urdu visit
    assert not URDU.search(chrome_text(english, other="ur"))

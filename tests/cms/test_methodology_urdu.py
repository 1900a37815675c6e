"""The methodology page in both languages: Wagtail's own locales, the Urdu page a translation of the English
one, made once when the demo is loaded and served to Urdu readers (at /ur/methodology/ once the site has
its Urdu addresses); English readers keep the English page."""

import re

import pytest
from wagtail.models import Locale

from cms.methodology import TITLE_UR, ensure_urdu_methodology
from cms.models import MethodologyPage
from tests.pages import in_urdu
from tracker.demo import mark_as_sample_data

pytestmark = pytest.mark.django_db


def words(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_loading_the_demo_makes_the_urdu_translation_of_the_methodology(client):
    mark_as_sample_data()  # what load_demo_data sends when it is done
    english = MethodologyPage.objects.get(locale__language_code="en")
    urdu = MethodologyPage.objects.get(locale__language_code="ur")
    assert urdu.translation_key == english.translation_key and urdu.live
    assert urdu.title == TITLE_UR

    page = in_urdu(client, "/methodology/")
    assert page.status_code == 200
    text = words(page)
    assert TITLE_UR in text and "ذمہ دار عہدے ہوتے ہیں، افراد نہیں" in text
    for anchor in ("statuses", "ownership", "scorecards", "sources", "verification"):
        assert f'id="{anchor}"' in page.content.decode()

    english_text = words(client.get("/methodology/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "How we track commitments" in english_text and TITLE_UR not in english_text


def test_the_translation_is_made_once_and_then_belongs_to_editors(client):
    ensure_urdu_methodology()
    urdu = MethodologyPage.objects.get(locale__language_code="ur")
    urdu.intro = "مدیروں کی لکھی ہوئی تمہید۔"
    urdu.save_revision().publish()
    ensure_urdu_methodology()
    assert MethodologyPage.objects.filter(locale=Locale.objects.get(language_code="ur")).count() == 1
    assert "مدیروں کی لکھی ہوئی تمہید۔" in words(in_urdu(client, "/methodology/"))

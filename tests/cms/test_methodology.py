import re

import pytest

from cms.models import MethodologyPage

pytestmark = pytest.mark.django_db


def test_methodology_page_explains_statuses_ownership_scorecards_and_sources(client):
    html = client.get("/methodology/").content.decode()
    for anchor in ("statuses", "ownership", "scorecards", "sources"):
        assert f'id="{anchor}"' in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Stalled Work began but has stopped" in text
    assert "only for the days they held them" in text
    assert "An office nobody held that day is shown as vacant." in text


def test_methodology_page_is_created_once_and_then_belongs_to_editors(client):
    from cms.methodology import ensure_methodology_page

    page = MethodologyPage.objects.get()
    page.intro = "Edited by the editors."
    page.save_revision().publish()
    ensure_methodology_page()
    assert MethodologyPage.objects.count() == 1
    assert "Edited by the editors." in client.get("/methodology/").content.decode()


def test_methodology_page_explains_archived_copies_and_when_a_status_is_stale(client, settings):
    settings.SOURCE_STALE_DAYS = 60
    html = client.get("/methodology/").content.decode()
    assert 'id="archived-copies"' in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Only web pages, PDFs and plain text are kept, up to 20 MB" in text
    assert "After 60 days without either, its page says so" in text

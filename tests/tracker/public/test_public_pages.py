"""What the public sees (public pages proper come with the public-site issue)."""

import pytest

from cms.models import TrackerSettings
from tests import scenario
from tracker import publishing

pytestmark = pytest.mark.django_db


def test_every_page_says_when_it_shows_sample_data(client):
    assert "Sample data." not in client.get("/").content.decode()
    settings = TrackerSettings.load()
    settings.sample_data = True
    settings.save()
    html = client.get("/").content.decode()
    assert "Sample data." in html
    assert "describe no real person" in html


def test_dashboard_counts_only_published_commitments(client):
    scenario.published_commitment(title="Clean water for Quetta", summary="Add")
    draft = scenario.unsaved_commitment(title="A draft nobody approved")
    publishing.save_draft(draft, summary="Draft")
    html = client.get("/").content.decode()
    assert "Clean water for Quetta" in html
    assert "A draft nobody approved" not in html
    assert "Of the 1 commitment tracked" in html
    still_open = '<strong>1</strong> <span class="share" dir="ltr">(100%)</span> Still open (not started'
    assert still_open in html

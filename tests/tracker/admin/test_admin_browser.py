"""An editor in a real headless Chromium: log in, record a status change with its source, publish."""

import pytest

from tests import scenario
from tests.browser import editor_publishes_a_stall
from tests.factories import OfficeFactory
from tracker.models import Commitment, PublicRevision


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_publishes_a_status_change_with_a_source(chromium, live_server, django_user_model):
    django_user_model.objects.create_superuser("chief.editor", "chief.editor@example.org", "a-long-demo-password")
    commitment = scenario.published_commitment(
        title="File tracking system for the secretariat",
        owner_office=OfficeFactory(title="Chief Secretary Balochistan"),
    )

    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    editor_publishes_a_stall(page, live_server.url, commitment)

    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.status == "stalled"
    latest = PublicRevision.objects.for_record(commitment).order_by("-number").first()
    assert latest.number == 2
    assert latest.edit_summary == "Stalled: no funds released"
    change = latest.content["parts"]["status_changes"][0]
    assert change["to_status"]["label"] == "Stalled"
    assert change["url"] == "https://example.org/news/secretariat-files-stalled"
    history = commitment.history.first()
    assert history.history_user.username == "chief.editor"
    assert history.history_change_reason == "Stalled: no funds released"

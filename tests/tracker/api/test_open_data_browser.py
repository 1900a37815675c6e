"""In a real headless Chromium: the API's documentation renders from this site's files alone under the site's
Content-Security-Policy, and the /data/ page is accessible and fits a phone's screen."""

import pytest

from tests import scenario
from tests.browser import axe_problems, fits_the_screen
from tracker.api.downloads.build import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_swagger_ui_shows_the_api_with_nothing_from_another_site(chromium, live_server):
    context = chromium.new_context()  # the site's Content-Security-Policy applies
    page = context.new_page()
    requested, refused = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto(live_server.url + "/api/docs/")
    page.get_by_text("/api/v1/commitments/", exact=True).first.wait_for(timeout=20_000)
    assert page.get_by_text("Published commitments, with the filters of the commitment list").first.is_visible()
    assert [url for url in requested if not url.startswith(live_server.url) and not url.startswith("data:")] == []
    assert refused == []
    context.close()


def test_the_data_page_is_accessible_on_a_phone(phone, live_server, settings, tmp_path):
    settings.DOWNLOADS_ROOT = tmp_path
    scenario.quetta()
    build(tmp_path)
    phone.goto(live_server.url + "/data/")
    assert phone.get_by_role("heading", name="Open data").is_visible()
    assert phone.get_by_role("link", name="tracker-csv.zip", exact=True).is_visible()
    assert axe_problems(phone) == []
    assert fits_the_screen(phone)

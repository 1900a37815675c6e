"""A reporter on a 375-pixel-wide phone, in a real headless Chromium: revision 2, then its compare with
revision 3, each checked with axe-core for serious accessibility problems and for fitting the screen."""

import pytest

from tests.browser import axe_problems, fits_the_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reporter_opens_revision_2_compares_it_and_copies_a_citation(phone, live_server, file_tracking_history):
    page = phone
    base = f"{live_server.url}/commitments/{file_tracking_history.commitment.slug}/"
    page.goto(base + "history/")
    assert axe_problems(page) == []
    assert fits_the_screen(page)

    page.get_by_role("link", name="Revision 2", exact=True).click()
    page.wait_for_url("**/history/2/")
    assert "Revision 2 of 3" in page.locator(".revision-banner").inner_text()
    assert "[Commitment, revision 2]" in page.locator(".cite-box").inner_text()
    assert axe_problems(page) == []
    assert fits_the_screen(page)

    page.get_by_role("link", name="changes since").click()
    page.wait_for_url("**/history/compare/2/3/")
    assert "an electronic" in page.locator("ins").first.inner_text()
    assert "Stalled" in page.locator(".change-choice").inner_text()
    assert axe_problems(page) == []
    assert fits_the_screen(page)


def test_office_page_with_tenure_history_is_accessible(phone, live_server, file_tracking_history, offices):
    from tests.factories import PersonFactory, TenureFactory

    TenureFactory(office=offices.dc, person=PersonFactory(name="Erum Baloch"), start_date="2021-01-04", how="posted")
    page = phone
    page.goto(f"{live_server.url}/offices/{offices.dc.slug}/")
    table = page.locator("table.tenure-history")
    assert "Erum Baloch" in table.inner_text() and "Posted" in table.inner_text()
    assert axe_problems(page) == []
    assert fits_the_screen(page)

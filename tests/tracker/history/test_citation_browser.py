"""A reporter cites a record from its own page, in a real Chromium: "Cite this page" leads to its latest
revision's citations; Chicago and MLA keep the title as the record writes it; BibTeX and RIS download as
files named after the record; the compare form never offers a revision against itself."""

from pathlib import Path

import pytest

from tracker import publishing
from tracker.models import Commitment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "E-office for the Quetta secretariat"


@pytest.fixture
def cited(file_tracking_history):
    """The commitment of `file_tracking_history`, renamed in a fourth revision to a title with a hyphenated,
    capitalised word."""
    record = Commitment.objects.get(pk=file_tracking_history.commitment.pk)
    record.title = TITLE
    publishing.publish(record, summary="Name it as the secretariat does")
    return record


def test_a_reporter_cites_the_record_from_its_page(chromium, live_server, cited):
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(f"{live_server.url}{cited.get_absolute_url()}")
    page.get_by_role("link", name="Cite this page").click()
    page.wait_for_url(f"**/commitments/{cited.slug}/cite/4/")

    chicago = page.locator("section[aria-labelledby=f-chicago] .citation").inner_text()
    mla = page.locator("section[aria-labelledby=f-mla] .citation").inner_text()
    assert f"“{TITLE}”" in chicago, chicago
    assert f"“{TITLE}”" in mla, mla

    for section, name in (("f-bibtex", f"{cited.slug}-revision-4.bib"), ("f-ris", f"{cited.slug}-revision-4.ris")):
        with page.expect_download() as download:
            page.locator(f"section[aria-labelledby={section}] a", has_text="download").click()
        assert download.value.suggested_filename == name
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert TITLE in text


def test_the_compare_form_never_offers_a_revision_against_itself(chromium, live_server, file_tracking_history):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    base = f"{live_server.url}/commitments/{file_tracking_history.commitment.slug}/history/"
    page.goto(base)
    assert page.locator("input[name=a]").evaluate_all("inputs => inputs.map(i => i.value)") == ["2", "1"]
    assert page.locator("input[name=b]").evaluate_all("inputs => inputs.map(i => i.value)") == ["3", "2"]

    page.check("input[name=a][value='2']")
    page.check("input[name=b][value='2']")
    page.get_by_role("button", name="Compare the chosen revisions").click()
    assert "Choose two different revisions" in page.inner_text("body")
    assert "/compare/2/2/" not in page.url

    page.goto(base + "compare/2/2/")
    assert page.url.endswith("/history/2/"), "the same revision twice shows that revision"

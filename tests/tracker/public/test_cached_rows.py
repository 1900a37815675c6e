"""The rows of the commitment lists are kept until what they show changes: read again, a row is not
rendered again; a status change, a renamed owner office or a takedown shows at once and renders again
only the rows it changed; a row kept for an English page is never shown on an Urdu one."""

import datetime

import pytest
from django.core.cache import cache
from django.template import loader

from tests import scenario
from tracker.publishing import publish
from tracker.publishing.takedown import take_down

ROW = "components/commitment_row.html"


@pytest.fixture
def keeping(settings):
    settings.PUBLIC_ROWS_CACHE_SECONDS = 600
    cache.clear()


@pytest.fixture
def rendered(monkeypatch):
    """The number of rows rendered (not read from the cache)."""
    count = []
    template = loader.get_template(ROW)
    original = type(template).render

    def counting(self, context=None, request=None):
        if self.template.name == ROW:
            count.append(1)
        return original(self, context, request)

    monkeypatch.setattr(type(template), "render", counting)
    return count


def rows_of(client, address):
    html = client.get(address).content.decode()
    return html.count('class="commitment-row"'), html


def test_a_publish_renders_again_only_the_rows_it_changed(client, db, keeping, rendered):
    quetta = scenario.quetta()
    place = f"/jurisdictions/{quetta.quetta.slug}/"
    shown, html = rows_of(client, "/commitments/")
    assert shown == 2 and len(rendered) == 2
    rendered.clear()
    assert rows_of(client, "/commitments/") == (shown, html)
    assert rendered == []

    # A status change of the water scheme: its row alone.
    scenario.record_status_change(
        quetta.water, "stalled", on=datetime.date(2021, 5, 1), summary="Stalled", url="https://e.org/w"
    )
    _, after = rows_of(client, "/commitments/")
    assert 'status-stalled">Stalled' in after and len(rendered) == 1
    rendered.clear()

    # The Deputy Commissioner renamed: the row of the file system, which that office owns, alone.
    quetta.dc.title = "Deputy Commissioner of Quetta District"
    publish(quetta.dc, summary="Renamed")
    _, renamed = rows_of(client, place)
    assert "Deputy Commissioner of Quetta District" in renamed and len(rendered) == 1
    rendered.clear()

    # A place renamed: every row in it; a record no row shows (a person): none.
    quetta.quetta.name_ur = "کوئٹہ ضلع"
    publish(quetta.quetta, summary="Urdu name")
    rows_of(client, "/ur/commitments/")
    assert len(rendered) == 2
    rendered.clear()
    quetta.people.e.name = "Erum Baloch Khan"  # the Deputy Commissioner now
    publish(quetta.people.e, summary="Full name")
    rows_of(client, "/ur/commitments/")
    assert rendered == []


def test_a_row_kept_in_english_is_not_shown_in_urdu_and_a_takedown_removes_it(client, db, keeping, moderator):
    quetta = scenario.quetta()
    _, english = rows_of(client, "/commitments/")
    _, urdu = rows_of(client, "/ur/commitments/")
    assert "/ur/commitments/" in urdu and 'href="/commitments/' not in urdu.split("<main", 1)[1]
    take_down(quetta.files, notice="Removed on the order of the Lahore High Court.", user=moderator)
    shown, after = rows_of(client, "/commitments/")
    assert shown == 1 and quetta.files.title not in after and quetta.files.title in english


def test_a_page_served_its_figures_from_before_a_publish_lists_each_row_as_it_is_now(client, db, keeping, settings):
    # In production a page's figures may be served for a minute after a publish, while a worker computes
    # them again (tracker/public/summaries.py). Which commitments the home page lists may lag; what each
    # row says may not: the renamed promise shows at once, on the home page and on the list.
    settings.PUBLIC_SUMMARIES, settings.SUMMARY_STALE_SECONDS, settings.CELERY_TASK_ALWAYS_EAGER = True, 60, False
    quetta = scenario.quetta()
    assert "Clean drinking water for Quetta" in client.get("/").content.decode()
    quetta.water.title = "Piped water for every household of Sariab"
    publish(quetta.water, summary="The title says what was promised")
    home = client.get("/").content.decode()
    assert "Piped water for every household of Sariab" in home
    _, listed = rows_of(client, "/commitments/")
    assert "Piped water for every household of Sariab" in listed


def test_a_summary_stored_by_the_version_before_ids_still_serves_its_page(client, db, settings):
    # During a deploy the old processes may store a summary holding the commitments themselves after the
    # migration that stops serving such rows: the new pages read it (its commitments read again, as now).
    from django.utils import timezone

    from tracker.models import PublicSummary
    from tracker.public import stored_figures, summaries
    from tracker.public.figures import listed

    settings.PUBLIC_SUMMARIES = True
    quetta = scenario.quetta()
    today = timezone.localdate()
    figures = summaries.compute_key("dashboard", today)
    before = {name: value for name, value in figures.items() if not name.endswith("_ids")}
    before["most_overdue"], before["recent"] = listed(figures, "most_overdue_ids", "recent_ids")
    PublicSummary.objects.update_or_create(
        key="dashboard", defaults={"day": today, "fresh": True, "data": stored_figures.dumps(before)}
    )
    home = client.get("/")
    assert home.status_code == 200 and "Clean drinking water for Quetta" in home.content.decode()
    assert quetta.files.get_absolute_url() in home.content.decode()

"""The rows of the commitment lists are kept until the public state changes: read again, a row is not
rendered again; a status change, a renamed owner office or a takedown shows at once, and a row kept for
an English page is never shown on an Urdu one."""

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


def test_rows_are_read_again_until_the_public_state_changes(client, db, keeping, rendered):
    quetta = scenario.quetta()
    place = f"/jurisdictions/{quetta.quetta.slug}/"
    shown, html = rows_of(client, "/commitments/")
    assert shown == 2 and len(rendered) == 2
    rendered.clear()
    assert rows_of(client, "/commitments/") == (shown, html)
    assert rendered == []

    scenario.record_status_change(
        quetta.water, "stalled", on=datetime.date(2021, 5, 1), summary="Stalled", url="https://e.org/w"
    )
    _, after = rows_of(client, "/commitments/")
    assert 'status-stalled">Stalled' in after and len(rendered) == 2

    quetta.dc.title = "Deputy Commissioner of Quetta District"
    publish(quetta.dc, summary="Renamed")
    _, renamed = rows_of(client, place)
    assert "Deputy Commissioner of Quetta District" in renamed


def test_a_row_kept_in_english_is_not_shown_in_urdu_and_a_takedown_removes_it(client, db, keeping, moderator):
    quetta = scenario.quetta()
    _, english = rows_of(client, "/commitments/")
    _, urdu = rows_of(client, "/ur/commitments/")
    assert "/ur/commitments/" in urdu and 'href="/commitments/' not in urdu.split("<main", 1)[1]
    take_down(quetta.files, notice="Removed on the order of the Lahore High Court.", user=moderator)
    shown, after = rows_of(client, "/commitments/")
    assert shown == 1 and quetta.files.title not in after and quetta.files.title in english

"""Person and office pages show who held the office when, and when that record last changed."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import OfficeFactory, PersonFactory
from tests.pages import page_text
from tests.scenario import add_tenures
from tracker import publishing
from tracker.models import Office

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def office(db):
    office = OfficeFactory(title="Deputy Commissioner Quetta", live=False)
    first = PersonFactory(name="Ayesha Baloch", slug="ayesha-baloch")
    second = PersonFactory(name="Kamran Kakar", slug="kamran-kakar")
    office = add_tenures(
        Office.objects.get(pk=office.pk),
        (first, D(2019, 1, 1), D(2020, 6, 30), "posted", "transferred"),
        (second, D(2020, 7, 1), None, "transferred"),
    )
    publishing.publish(office, summary="Holders from the posting notifications")
    office = add_tenures(Office.objects.get(pk=office.pk), (first, D(2018, 1, 1), D(2018, 12, 31), "acting"))
    last = publishing.publish(office, summary="Earlier acting charge found")
    return office, last


def test_office_page_lists_holders_over_time_with_last_change(client, office):
    office, last = office
    text = page_text(client.get(f"/offices/{office.slug}/"))
    table = text[text.index('<table class="tenure-history') : text.index("</table>")]

    rows = table.split("<tr")[2:]
    holders = re.findall(r'<th scope="row"><a href="/people/[^"]+">([^<]+)</a>', table)
    assert holders == ["Ayesha Baloch", "Ayesha Baloch", "Kamran Kakar"]
    assert "1 Jan 2018" in rows[0] and "Acting" in rows[0]
    assert "30 Jun 2020" in rows[1] and "Posted; transferred out" in rows[1]
    assert 'class="current"' in rows[2] and ">now<" in rows[2]
    changed = timezone.localtime(last.published_at).strftime("%-d %b %Y")
    assert f'<a href="/offices/{office.slug}/history/">' in rows[2] and changed in rows[2]
    assert f'last changed <a href="/offices/{office.slug}/history/2/">' in text
    assert "(revision 2)" in text


def test_person_page_lists_offices_held(client, office):
    office, _ = office
    text = page_text(client.get("/people/ayesha-baloch/"))
    table = text[text.index('<table class="tenure-history') : text.index("</table>")]
    assert table.count("Deputy Commissioner Quetta") == 2
    assert "Offices held" in table and "1 Jan 2019" in table


def test_office_history_shows_the_holders_added(client, office):
    office, _ = office
    text = page_text(client.get(f"/offices/{office.slug}/history/compare/1/2/"))
    assert '<h2 id="parts-1">Holders</h2>' in text
    assert "<strong>Tenure: Ayesha Baloch (1 January 2018–31 December 2018)</strong>" in text

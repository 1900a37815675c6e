"""Person pages: every scorecard number lists the commitments behind it (the commitment list's
`scorecard`, `tenure` and `scored` filters), those commitments are listed on the page, and the tenure
table's columns say what they hold."""

import re

import pytest

from tests.tracker.public.test_pages import section, text

pytestmark = pytest.mark.django_db


def cells(html):
    """[(column label, number, link)] of the scorecard table, row by row."""
    table = html.split('aria-labelledby="score-h"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<td data-label="([^"]+)"><a href="([^"]+)">(\d+)</a></td>', table)


def listed(client, url):
    response = client.get(url.replace("&amp;", "&"))
    assert response.status_code == 200, url
    return {c.title for c in response.context["page"].object_list}


def test_every_scorecard_number_links_to_exactly_the_commitments_it_counts(client, quetta):
    html = client.get("/people/camran-achakzai/").content.decode()
    found = cells(html)
    columns = ["Owned", "Delivered", "Broken", "Overdue", "Inherited overdue"]
    assert [label for label, _url, _n in found] == columns * 2
    for _label, url, number in found:
        assert len(listed(client, url)) == int(number), url
    owned_url = found[0][1].replace("&amp;", "&")
    assert owned_url.startswith("/commitments/?scorecard=camran-achakzai&tenure=")
    assert owned_url.endswith("scored=owned")
    # Due on 30 June 2020, the day before he took the office: inherited, not overdue against him.
    assert listed(client, found[3][1]) == set()
    assert listed(client, found[4][1]) == {"File tracking system for the secretariat"}


def test_the_commitments_behind_the_scorecard_are_listed_on_the_page(client, quetta):
    page = text(client.get("/people/gul-mandokhail/"))
    behind = section(page, "The 1 commitment behind these numbers", "Against offices")
    assert "Clean drinking water for Quetta&#x27;s union councils" in behind
    assert "Administrator Metropolitan Corporation Quetta" in behind


def test_a_scorecard_of_a_tenure_sums_to_the_total(client, quetta):
    found = cells(client.get("/people/nadir-zehri/").content.decode())
    totals = {label: int(n) for label, _url, n in found[-5:]}
    assert totals["Owned"] == len(listed(client, found[-5][1]))


def test_scorecard_filters_take_a_name_and_refuse_a_column_without_a_person(client, quetta):
    assert listed(client, "/commitments/?scorecard=Erum+Baloch&scored=owned") == {
        "File tracking system for the secretariat"
    }
    response = client.get("/commitments/", {"scored": "delivered"})
    assert response.status_code == 400
    assert "Say whose scorecard: a person&#x27;s name." in text(response)


def test_the_tenure_table_says_what_its_columns_hold(client, quetta):
    page = text(client.get("/people/camran-achakzai/"))
    assert "How it began and ended" in page and "Last updated on this tracker" in page
    assert "Began; ended" not in page and "Record last changed" not in page
    html = client.get("/people/camran-achakzai/").content.decode()
    assert '<table class="tenure-history stack">' in html and 'data-label="Until"' in html

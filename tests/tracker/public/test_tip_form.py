"""The tip form as a reader meets it: "Which commitment?" picked by name with suggestions (a title, or
part of one only one commitment has), no empty choice, and every record page's "Send a tip about this"
opening the form about that record."""

import re

import pytest
from django.core.cache import cache

from tests import scenario
from tests.factories import OfficeFactory
from tests.hostile import HOSTILE, MARKUP
from tracker.models import Tip

pytestmark = pytest.mark.django_db

EVIDENCE = {
    "kind": "evidence",
    "description": "The pipes were laid in March; the pumping station is not built.",
    "url": "",
    "contact_email": "",
    "website": "",
}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sewerage():
    return scenario.published_commitment(title="Sariab sewerage scheme for Quetta")


def test_the_form_has_no_empty_choice_and_suggests_commitments_by_title(client, sewerage):
    html = client.get("/tips/").content.decode()
    assert "---------" not in html
    assert 'list="commitment-titles"' in html
    assert '<option value="Sariab sewerage scheme for Quetta">' in html


def test_part_of_a_title_names_the_one_commitment_that_has_it(client, sewerage):
    response = client.post("/tips/", {**EVIDENCE, "which_commitment": "Sariab sewerage"})
    assert response.status_code == 302
    assert Tip.objects.get().commitment == sewerage


def test_words_several_commitments_share_are_answered_with_their_titles(client, sewerage):
    scenario.published_commitment(title="Sariab sewerage: the second phase")
    response = client.post("/tips/", {**EVIDENCE, "which_commitment": "sariab sewerage"})
    html = response.content.decode()
    assert "Several commitments match" in html
    assert "Sariab sewerage scheme for Quetta" in html and "Sariab sewerage: the second phase" in html
    assert not Tip.objects.exists()


def test_a_commitment_page_opens_the_form_for_evidence_about_it(client, sewerage):
    page = client.get(sewerage.get_absolute_url()).content.decode()
    link = f'href="/tips/?about=%2Fcommitments%2F{sewerage.slug}%2F">Send a tip about this</a>'
    assert link in page
    form = client.get(f"/tips/?about=/commitments/{sewerage.slug}/").content.decode()
    assert 'value="Sariab sewerage scheme for Quetta"' in form
    assert re.search(r'<input type="radio" name="kind" value="evidence"[^>]* checked', form)


def test_an_office_page_opens_the_form_naming_the_office(client):
    office = OfficeFactory(title="Deputy Commissioner Quetta")
    page = client.get(office.get_absolute_url()).content.decode()
    assert "Send a tip about this" in page and "Cite this page" in page
    form = client.get(f"/tips/?about=/offices/{office.slug}/").content.decode()
    assert f"About “Deputy Commissioner Quetta” (/offices/{office.slug}/): " in form


# What the hostile corpus would leave in the page if it were not escaped.
UNESCAPED = ("<script>", "<img src=x", "onmouseover='alert", '"><img')

ABOUT = [
    *HOSTILE.values(),
    *(f"/commitments/{value}/" for value in HOSTILE.values()),
    "https://elsewhere.example/commitments/x/",
    "/admin/",
]


@pytest.mark.parametrize("about", ABOUT)
def test_any_about_opens_the_form(client, about):
    response = client.get("/tips/", {"about": about, "commitment": about})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Send a tip" in html
    assert not any(raw in html for raw in UNESCAPED)


def test_a_hostile_title_is_suggested_as_text(client):
    scenario.published_commitment(title=f"Schools {MARKUP}")
    html = client.get("/tips/").content.decode()
    assert '<option value="Schools &lt;script&gt;' in html
    assert not any(raw in html for raw in UNESCAPED)

"""Citizen tips: a public form with a honeypot and a per-address limit, landing in a review queue
that only moderators fully see; nothing a citizen sends is published, nor their contact details."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests import scenario
from tracker.models import Tip

pytestmark = pytest.mark.django_db

SUGGESTION = {
    "kind": "new_commitment",
    "description": "The Deputy Commissioner promised on 3 May to reopen the Sariab Road girls' school by August.",
    "url": "https://example.org/news/sariab-school",
    "contact_email": "rahima.k@example.org",
    "which_commitment": "",
    "website": "",
}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commitment():
    return scenario.published_commitment(title="Dialysis unit at Civil Hospital Quetta")


def test_a_citizen_suggests_a_commitment(client):
    page = client.get("/tips/").content.decode()
    assert "<h1>Send a tip</h1>" in page
    assert '<label for="id_description">What should we know?</label>' in page
    assert "It is never published." in page

    response = client.post("/tips/", SUGGESTION)
    assert response.status_code == 302 and response["Location"] == "/tips/thanks/"
    tip = Tip.objects.get()
    assert (tip.kind, tip.status, tip.commitment) == ("new_commitment", "new", None)
    assert tip.description.startswith("The Deputy Commissioner promised")
    assert tip.contact_email == "rahima.k@example.org"
    assert "A moderator will check it" in client.get("/tips/thanks/").content.decode()


def test_every_page_links_to_the_tip_form(client, commitment):
    html = client.get(commitment.get_absolute_url()).content.decode()
    assert '<a href="/tips/">Send a tip</a>' in html


def test_evidence_names_the_commitment_by_its_address(client, commitment):
    form = client.get(f"/tips/?commitment={commitment.slug}").content.decode()
    assert f'value="{commitment.slug}"' in form
    evidence = {
        **SUGGESTION,
        "kind": "evidence",
        "description": "The unit opened last week with four machines, not ten.",
        "which_commitment": f"https://tracker.example.org/commitments/{commitment.slug}/",
    }
    assert client.post("/tips/", evidence).status_code == 302
    assert Tip.objects.get().commitment == commitment


def test_evidence_for_an_unknown_commitment_is_refused_plainly(client):
    evidence = {**SUGGESTION, "kind": "evidence", "which_commitment": "/commitments/no-such-promise/"}
    response = client.post("/tips/", evidence)
    assert response.status_code == 200
    assert "We could not find that commitment." in response.content.decode()
    assert not Tip.objects.exists()
    response = client.post("/tips/", {**SUGGESTION, "description": "", "contact_email": "not an address"})
    html = response.content.decode()
    assert "What should we know?: This field is required." in html
    assert "Enter a valid email address." in html
    assert not Tip.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_and_ignored(client):
    response = client.post("/tips/", {**SUGGESTION, "website": "https://cheap-pills.example"})
    assert response.status_code == 302 and response["Location"] == "/tips/thanks/"
    assert not Tip.objects.exists()


def test_one_address_may_send_five_tips_an_hour(client):
    for n in range(5):
        assert client.post("/tips/", {**SUGGESTION, "description": f"Tip number {n}"}).status_code == 302
    refused = client.post("/tips/", {**SUGGESTION, "description": "Tip number 6"})
    assert refused.status_code == 429
    assert "We accept up to 5 tips an hour from one connection" in refused.content.decode()
    assert Tip.objects.count() == 5 and not Tip.objects.filter(description="Tip number 6").exists()
    # Another address is not held back.
    other = client.post("/tips/", {**SUGGESTION, "description": "From elsewhere"}, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302
    assert Tip.objects.filter(description="From elsewhere").exists()


def test_nothing_a_citizen_sends_is_published(client, commitment, moderator):
    client.post(
        "/tips/",
        {
            **SUGGESTION,
            "kind": "evidence",
            "which_commitment": commitment.slug,
            "description": "Machines were bought but never installed.",
        },
    )
    tip = Tip.objects.get()
    client.force_login(moderator)
    client.post(reverse("citizen_tips:edit", args=[tip.pk]), {"commitment": commitment.pk, "status": "accepted"})
    tip.refresh_from_db()
    assert tip.status == "accepted"
    client.logout()
    for url in ("/", "/commitments/", commitment.get_absolute_url(), f"{commitment.get_absolute_url()}history/"):
        html = client.get(url).content.decode()
        assert "never installed" not in html
        assert "rahima.k@example.org" not in html


def a_tip_in_the_queue_of(client, reviewer):
    """A citizen's tip, and the review queue as `reviewer` reads it."""
    client.post("/tips/", SUGGESTION)
    client.force_login(reviewer)
    return Tip.objects.get(), client.get(reverse("citizen_tips:index")).content.decode()


def test_moderators_review_tips_and_see_the_contact(client, moderator):
    tip, listing = a_tip_in_the_queue_of(client, moderator)
    assert "The Deputy Commissioner promised" in listing
    assert "rahima.k@example.org" not in listing, "the queue itself never shows contact details"
    form = client.get(reverse("citizen_tips:edit", args=[tip.pk])).content.decode()
    assert "rahima.k@example.org" in form

    client.post(reverse("citizen_tips:edit", args=[tip.pk]), {"status": "rejected", "review_note": "Duplicate"})
    tip.refresh_from_db()
    assert (tip.status, tip.review_note, tip.reviewed_by) == ("rejected", "Duplicate", moderator)
    assert tip.contact_email == "rahima.k@example.org", "read-only fields are kept as the citizen sent them"
    assert tip.description == SUGGESTION["description"]


def test_editors_read_the_queue_without_contact_details(client, editor):
    tip, listing = a_tip_in_the_queue_of(client, editor)
    assert "The Deputy Commissioner promised" in listing
    inspect = client.get(reverse("citizen_tips:inspect", args=[tip.pk])).content.decode()
    assert "The Deputy Commissioner promised" in inspect
    assert "rahima.k@example.org" not in inspect
    response = client.get(reverse("citizen_tips:edit", args=[tip.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_the_public_cannot_open_the_queue(client):
    client.post("/tips/", SUGGESTION)
    response = client.get(reverse("citizen_tips:index"))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

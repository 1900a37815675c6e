"""The kind of each source where readers and reusers meet it: beside every source on the commitment page (in
English and Urdu, linking to the methodology's ranking), in the API, in a citation's note; and the methodology
page's ranking and every worked case of what does not count, in both languages."""

import datetime
import json
import re

import pytest

from tests import scenario
from tests.pages import in_urdu
from tracker.models.evidence import EDGE_CASES, RANKING

pytestmark = pytest.mark.django_db
D = datetime.date


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'").replace("&quot;", '"')


@pytest.fixture
def audited(db):
    """A commitment delivered on an audit report, its promise cited from a news report, with one old source
    entered before kinds existed."""
    record = scenario.unsaved_commitment(
        title="Clean water for Satellite Town",
        source_quote="Every family in Satellite Town will have clean water this summer.",
        changes=[
            {
                "to_status": "delivered",
                "on": D(2024, 4, 2),
                "kind": "audit_report",
                "title": "Audit of the water scheme",
                "url": "https://example.org/audit",
            }
        ],
        sources=[
            {"title": "CM promises water", "kind": "news_report"},
            {"title": "An old clipping", "kind": ""},
        ],
    )
    return scenario.publish(record, summary="Delivered, audited")


def test_each_source_shows_its_kind_and_rank_linking_to_the_ranking(client, audited):
    html = client.get(audited.get_absolute_url()).content.decode()
    sources = html[html.index('id="sources-h"') :]
    text = text_of(sources)
    assert "Audit of the water scheme" in text
    assert "Kind: Audit report (Auditor-General of Pakistan) (rank 2 of 12)" in text
    assert "Kind: News report (rank 7 of 12)" in text
    assert "Kind: not graded" in text
    assert sources.count("/methodology/#source-ranking") == 3


def test_the_urdu_page_shows_the_kind_in_urdu(client, audited):
    html = in_urdu(client, audited.get_absolute_url()).content.decode()
    text = text_of(html[html.index('id="sources-h"') :])
    assert "قسم: آڈٹ رپورٹ (آڈیٹر جنرل آف پاکستان) (12 میں سے درجہ 2)" in text
    assert "قسم: اخباری رپورٹ (12 میں سے درجہ 7)" in text
    assert "قسم: درجہ بندی نہیں ہوئی" in text
    assert "Kind:" not in text and "Audit report" not in text


def test_the_api_gives_the_kind_its_label_and_rank(client, audited):
    data = client.get(f"/api/v1/commitments/{audited.slug}/").json()
    [change] = data["status_changes"]
    evidence = change.get("source", change)
    assert (evidence["kind"], evidence["kind_label"], evidence["kind_rank"], evidence["kind_proves_delivery"]) == (
        "audit_report",
        "Audit report (Auditor-General of Pakistan)",
        2,
        True,
    )
    kinds = [(s["kind"], s["kind_label"], s["kind_rank"], s["kind_proves_delivery"]) for s in data["sources"]]
    assert kinds == [("news_report", "News report", 7, True), ("", "", None, None)]


def test_a_citation_notes_the_kind_of_evidence_behind_the_status(client, audited):
    url = f"{audited.get_absolute_url()}cite/1/"
    (item,) = json.loads(client.get(url, {"format": "csl-json"}).content)
    assert item["note"].startswith(
        "Status Delivered, on: Audit report (Auditor-General of Pakistan) (rank 2 of 12). SHA-256 "
    )
    bibtex = client.get(url, {"format": "bibtex"}).content.decode()
    assert "note = {Commitment, revision 1. Status Delivered, on: Audit report" in bibtex


@pytest.fixture
def methodology(db):
    from tracker.demo import mark_as_sample_data

    mark_as_sample_data()  # makes the methodology page in both languages, as loading the demo does


def test_the_methodology_ranks_every_kind_and_works_every_case(client, methodology):
    html = client.get("/methodology/").content.decode()
    ranking = text_of(html[html.index('id="source-ranking"') : html.index('id="what-does-not-count"')])
    for method in RANKING:
        answer = "Yes" if method.proves_delivery else "No"
        assert f"{method.rank} {method.label} {answer}" in ranking, method.label
    cases = html[html.index('id="what-does-not-count"') : html.index('id="verification"')]
    assert cases.count('class="edge-case"') == len(EDGE_CASES) >= 12
    text = text_of(cases)
    for case in EDGE_CASES:
        assert str(case.situation) in text and str(case.why) in text
    assert "A minister inaugurates a water filtration plant" in text
    assert "Inauguration or foundation stone Delivered No" in text


def test_the_urdu_methodology_shows_the_ranking_and_every_case_in_urdu(client, methodology):
    from django.utils import translation

    html = in_urdu(client, "/methodology/").content.decode()
    cases = html[html.index('id="source-ranking"') : html.index('id="verification"')]
    text = text_of(cases)
    with translation.override("ur"):
        expected = [str(method.label) for method in RANKING]
        expected += [str(case.situation) for case in EDGE_CASES] + [str(case.why) for case in EDGE_CASES]
    for words in expected:
        assert words in text, words
    assert cases.count('class="edge-case"') == len(EDGE_CASES)
    assert "A minister inaugurates" not in text and "Audit report" not in text

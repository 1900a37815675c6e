"""The API's records, as a reuser reads them: what each list and object holds, who owned a commitment on a
date, the filters of the commitment list, and the links and identifiers of every object."""

import datetime

import pytest

from tests import scenario
from tests.tracker.api.conftest import by_slug, results

pytestmark = pytest.mark.django_db


def test_a_commitment_names_its_owners_and_who_held_them_on_a_date(client, quetta):
    answer = client.get(f"/api/v1/commitments/{quetta.files.slug}/", {"on": "2021-03-15"})
    assert answer.status_code == 200
    data = answer.json()
    assert data["title"] == "File tracking system for the secretariat"
    assert (data["status"], data["status_label"], data["overdue"]) == ("stalled", "Stalled", True)
    assert data["owners_on"] == "2021-03-15"
    owners = {owner["office"]["slug"]: owner for owner in data["owners"]}
    dc = owners[quetta.dc.slug]
    assert dc["role"] == "administrative" and dc["office"]["kind"] == "appointed"
    # On 15 March 2021 the deputy commissioner was Camran Achakzai, with Dawood Mengal acting beside him.
    assert [(h["person"]["name"], h["how"], h["temporary"]) for h in dc["holders"]] == [
        ("Camran Achakzai", "transferred", False),
        ("Dawood Mengal", "acting", True),
    ]
    assert [h["person"]["name"] for h in owners[quetta.cm.slug]["holders"]] == ["Nadir Zehri"]
    assert [c["to_status"] for c in data["status_changes"]] == ["in_progress", "stalled"]
    assert data["status_changes"][1]["source"]["url"] == "https://example.org/stalled"
    assert [m["office"]["slug"] for m in data["movements"]] == [quetta.dc.slug, quetta.secretary.slug, quetta.dc.slug]
    assert [d["slug"] for d in data["decisions"]] == [quetta.decision.slug]
    assert data["jurisdiction"]["slug"] == quetta.quetta.slug


def test_a_vacant_office_has_no_holder_on_that_date(client, quetta):
    data = client.get(f"/api/v1/commitments/{quetta.files.slug}/", {"on": "2022-01-10"}).json()
    owners = {owner["office"]["slug"]: owner for owner in data["owners"]}
    assert owners[quetta.dc.slug]["holders"] == []


def test_every_object_carries_its_identifiers_and_links(client, quetta):
    data = client.get(f"/api/v1/commitments/{quetta.files.slug}/").json()
    assert data["id"] == quetta.files.pk and data["slug"] == quetta.files.slug
    assert data["html_url"] == f"http://testserver/commitments/{quetta.files.slug}/"
    assert data["history_url"] == f"http://testserver/commitments/{quetta.files.slug}/history/"
    assert data["api_url"] == f"http://testserver/api/v1/commitments/{quetta.files.slug}/"
    revisions = client.get(data["revisions_url"])
    assert revisions.status_code == 200
    assert client.get(data["html_url"]).status_code == 200
    assert client.get(data["history_url"]).status_code == 200
    for segment in ("decisions", "people", "offices", "organisations", "jurisdictions"):
        for item in results(client.get(f"/api/v1/{segment}/")):
            assert {"id", "slug", "api_url", "html_url", "history_url", "revisions_url"} <= set(item)
            assert client.get(item["api_url"]).status_code == 200
            if segment != "organisations":
                assert client.get(item["html_url"]).status_code == 200


def test_the_commitment_list_takes_the_filters_of_the_html_list(client, quetta):
    every = by_slug(results(client.get("/api/v1/commitments/")))
    assert set(every) == {quetta.files.slug, quetta.water.slug}
    stalled = results(client.get("/api/v1/commitments/", {"status": "stalled"}))
    assert [c["slug"] for c in stalled] == [quetta.files.slug]
    elected_admin = results(client.get("/api/v1/commitments/", {"office_kind": "administrator"}))
    assert [c["slug"] for c in elected_admin] == [quetta.water.slug]
    owned = results(client.get("/api/v1/commitments/", {"owner": quetta.dc.slug, "overdue": "1"}))
    assert [c["slug"] for c in owned] == [quetta.files.slug]
    by_place = results(client.get("/api/v1/commitments/", {"jurisdiction": quetta.balochistan.slug}))
    assert len(by_place) == 2
    assert results(client.get("/api/v1/commitments/", {"jurisdiction": quetta.punjab.slug})) == []


def test_a_filter_that_is_not_valid_answers_400_saying_why(client, quetta):
    answer = client.get("/api/v1/commitments/", {"status": "finished"})
    assert answer.status_code == 400
    assert "status" in answer.json()
    answer = client.get("/api/v1/commitments/", {"jurisdiction": "atlantis"})
    assert answer.status_code == 400 and "atlantis" in answer.json()["jurisdiction"][0]
    answer = client.get("/api/v1/commitments/", {"on": "15/03/2021"})
    assert answer.status_code == 400 and "YYYY-MM-DD" in answer.json()["on"][0]
    assert client.get("/api/v1/commitments/", {"changed_since": "yesterday"}).status_code == 400
    assert client.get("/api/v1/commitments/", {"id": "1;drop"}).status_code == 400


def test_changed_since_lists_only_what_was_published_since(client, quetta):
    later = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
    assert results(client.get("/api/v1/commitments/", {"changed_since": later.isoformat()})) == []
    assert len(results(client.get("/api/v1/commitments/", {"changed_since": "2000-01-01"}))) == 2
    # Any offset a moment may be written with, even one no time zone has.
    assert len(results(client.get("/api/v1/decisions/", {"changed_since": "1224-01-05T18:31:18+16:14"}))) == 1
    scenario.record_status_change(
        quetta.files, "in_progress", on=datetime.date(2021, 5, 1), summary="Moving again", url="https://e.org/a"
    )
    files = type(quetta.files).objects.get(pk=quetta.files.pk)
    since = files.last_published_at.isoformat()
    assert [c["slug"] for c in results(client.get("/api/v1/commitments/", {"changed_since": since}))] == [files.slug]


def test_ids_pick_records_by_their_permanent_id(client, quetta):
    found = results(client.get("/api/v1/commitments/", {"id": f"{quetta.water.pk}"}))
    assert [c["slug"] for c in found] == [quetta.water.slug]


def test_people_offices_and_tenures(client, quetta):
    person = client.get(f"/api/v1/people/{quetta.people.cm.slug}/").json()
    held = {(t["office"]["slug"], t["how"], t["end_date"]) for t in person["tenures"]}
    assert held == {(quetta.cm.slug, "elected", None), (quetta.secretary.slug, "additional_charge", "2021-06-30")}
    office = client.get(f"/api/v1/offices/{quetta.secretary.slug}/", {"on": "2021-06-15"}).json()
    assert [(h["person"]["name"], h["temporary"]) for h in office["holders"]] == [
        ("Hina Lehri", False),
        ("Nadir Zehri", True),
    ]
    assert office["jurisdiction"]["slug"] == quetta.balochistan.slug and office["kind"] == "appointed"
    tenures = results(client.get("/api/v1/tenures/", {"office": quetta.dc.slug, "on": "2021-03-15"}))
    assert sorted(t["person"]["name"] for t in tenures) == ["Camran Achakzai", "Dawood Mengal"]
    administrators = results(client.get("/api/v1/offices/", {"kind": "administrator"}))
    assert [o["slug"] for o in administrators] == [quetta.administrator.slug]


def test_decisions_organisations_and_jurisdictions(client, quetta):
    decision = client.get(f"/api/v1/decisions/{quetta.decision.slug}/").json()
    assert (decision["amount_pkr"], decision["kind"]) == ("40000000", "budget_allocation")
    assert [c["slug"] for c in decision["commitments"]] == [quetta.files.slug]
    places = by_slug(results(client.get("/api/v1/jurisdictions/")))
    assert places[quetta.quetta.slug]["parent"]["slug"] == quetta.division.slug
    assert places[quetta.pakistan.slug]["parent"] is None
    organisations = results(client.get("/api/v1/organisations/"))
    assert {o["name"] for o in organisations} >= {"District Administration Quetta", "Government of Balochistan"}
    assert all(o["html_url"] is None and o["history_url"] is None for o in organisations)


def test_cursor_pagination_walks_every_record_once(client, quetta):
    seen, url = [], "/api/v1/people/?page_size=3"
    while url:
        answer = client.get(url)
        data = answer.json()
        seen += [p["slug"] for p in data["results"]]
        if data["next"]:
            assert f'<{data["next"]}>; rel="next"' in answer["Link"]
        url = data["next"]
    assert len(seen) == len(set(seen)) == 8


def test_revisions_carry_the_hash_chain_and_the_content(client, quetta):
    scenario.record_status_change(
        quetta.files, "in_progress", on=datetime.date(2021, 5, 1), summary="Moving again", url="https://e.org/a"
    )
    revisions = results(client.get(f"/api/v1/commitments/{quetta.files.slug}/revisions/"))
    assert [r["number"] for r in revisions] == [1, 2]
    first, second = revisions
    assert second["previous_hash"] == first["hash"] and first["previous_hash"] == ""
    assert second["edit_summary"] == "Moving again"
    assert second["content"]["fields"]["status"]["value"] == "in_progress"
    assert second["html_url"].endswith(f"/commitments/{quetta.files.slug}/history/2/")
    one = client.get(f"/api/v1/commitments/{quetta.files.slug}/revisions/2/").json()
    assert one["hash"] == second["hash"]
    assert client.get(f"/api/v1/commitments/{quetta.files.slug}/revisions/3/").status_code == 404


def test_digests_are_listed_with_their_links(client, quetta):
    from tracker.history.digest import sign_what_is_new

    signed = sign_what_is_new()
    [digest] = results(client.get("/api/v1/digests/"))
    assert (digest["stamp"], digest["sha256"], digest["records"]) == (signed.stamp, signed.sha256, signed.records)
    assert client.get(digest["listing_url"]).headers["X-Digest-SHA256"] == signed.sha256
    assert client.get(f"/api/v1/digests/{signed.stamp}/").json()["signature"] == signed.signature


def test_the_index_names_every_list(client, quetta):
    data = client.get("/api/v1/").json()
    for name, url in data["lists"].items():
        assert client.get(url).status_code == 200, name

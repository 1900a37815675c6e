"""The hostile corpus of tests/hostile.py, published through every field that reaches the public (the `hostile_records`
of tests/tracker/test_hostile_input.py), read back through the open-data outputs: the API's JSON (the same
text, with no raw bidi control character), its CSV (no cell a spreadsheet program would run, no control or
bidi control character), Popolo, the search API, the bulk downloads, and the Open Graph tags of the pages."""

import csv
import io
import json
import re
import zipfile

import pytest
from django.core.management import call_command

from tests import hostile
from tests.tracker.test_hostile_input import hostile_records, index_for_search  # noqa: F401 - the shared hostile records
from tracker.models import Commitment, Person
from tracker.spreadsheets.cells import FORMULA_PREFIXES

pytestmark = pytest.mark.django_db

BIDI = re.compile(f"[{hostile.BIDI_CONTROLS}]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
SEGMENTS = ("commitments", "decisions", "people", "offices", "jurisdictions")


def api_addresses(slugs):
    addresses = ["/api/v1/popolo.json", "/api/v1/tenures/", "/api/v1/organisations/"]
    for segment in SEGMENTS:
        slug = slugs[segment]
        addresses += [f"/api/v1/{segment}/", f"/api/v1/{segment}/{slug}/", f"/api/v1/{segment}/{slug}/revisions/"]
    return addresses


def test_json_carries_the_text_as_published_without_raw_bidi_controls(client, hostile_records):  # noqa: F811
    for address in api_addresses(hostile_records):
        answer = client.get(address)
        assert answer.status_code == 200, address
        assert answer["Content-Type"] == "application/json" and answer["X-Content-Type-Options"] == "nosniff"
        body = answer.content.decode("utf-8")
        assert not BIDI.search(body), address
        json.loads(body)
    stored = Commitment.objects.get(slug=hostile_records["commitments"])
    data = client.get(f"/api/v1/commitments/{hostile_records['commitments']}/").json()
    assert (data["title"], data["text"], data["source_quote"]) == (stored.title, stored.text, stored.source_quote)
    person = client.get(f"/api/v1/people/{hostile_records['people']}/").json()
    assert person["name"] == Person.objects.get(slug=hostile_records["people"]).name


def assert_safe_csv(text, where):
    assert not BIDI.search(text), where
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1, where
    for row in rows:
        for cell in row:
            assert not CONTROL.search(cell), (where, cell[:80])
            assert not cell.startswith(FORMULA_PREFIXES), (where, cell[:80])


def test_csv_has_no_formula_and_no_control_character(client, hostile_records):  # noqa: F811
    for address in api_addresses(hostile_records):
        if address.endswith(".json"):  # Popolo is JSON only
            continue
        answer = client.get(address, {"format": "csv"})
        assert answer.status_code == 200, address
        assert_safe_csv(answer.content.decode("utf-8"), address)
    title = next(csv.DictReader(io.StringIO(client.get("/api/v1/commitments/?format=csv").content.decode())))["title"]
    assert title.startswith("'=") and "<script>" in title  # quoted, and the text kept (CSV is not HTML)


def test_the_bulk_downloads_are_as_safe(hostile_records, tmp_path):  # noqa: F811
    call_command("build_downloads", "--to", str(tmp_path), stdout=io.StringIO())
    with zipfile.ZipFile(tmp_path / "tracker-csv.zip") as archive:
        for name in archive.namelist():
            if name.endswith(".csv"):
                assert_safe_csv(archive.read(name).decode("utf-8"), name)
    with zipfile.ZipFile(tmp_path / "tracker-json.zip") as archive:
        commitments = json.loads(archive.read("commitments.json"))
    assert commitments[0]["text"] == Commitment.objects.get(slug=hostile_records["commitments"]).text


def test_the_search_api_answers_hostile_records_as_data(client, hostile_records):  # noqa: F811
    index_for_search()
    answer = client.get("/api/v1/search/", {"q": "HYPERLINK"})
    assert answer.status_code == 200 and not BIDI.search(answer.content.decode())
    assert answer.json()["total"] >= 1
    for q in (hostile.MARKUP, hostile.BIDI, hostile.FORMULA, hostile.CONTROL, hostile.URDU):
        assert client.get("/api/v1/search/", {"q": q}).status_code == 200


def test_open_graph_tags_hold_the_text_escaped_on_one_line(client, hostile_records):  # noqa: F811
    for segment in SEGMENTS:
        content = client.get(f"/{segment}/{hostile_records[segment]}/").content.decode()
        head = content.split("</head>")[0]
        for tag in re.findall(r'<meta (?:property="og:|name="twitter:)[^>]*>', head):
            # One attribute naming the tag and one holding the text, escaped: nothing injected beside them.
            assert re.fullmatch(r'<meta (property|name)="[a-z:_]+" content="[^"<>]*">', tag), tag[:200]
            assert "\n" not in tag and not BIDI.search(tag)

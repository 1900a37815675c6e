"""The bulk downloads of /data/: built on demand and by the nightly task, each file with its SHA-256, the digest
of the moment it was built, the licence and a data dictionary naming every column; only what the public may
see."""

import csv
import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.test import override_settings
from popolo_data.importer import Popolo

from tracker import publishing, tasks
from tracker.history.digest import listing_at, sign_what_is_new
from tracker.models import Commitment, Decision, Jurisdiction, Office, Organization, Person, PublicRevision
from tracker.publishing.takedown import take_down

pytestmark = pytest.mark.django_db

PUBLISHED = {
    "commitments": Commitment,
    "decisions": Decision,
    "people": Person,
    "offices": Office,
    "organisations": Organization,
    "jurisdictions": Jurisdiction,
}


def csv_tables(root):
    with zipfile.ZipFile(root / "tracker-csv.zip") as archive:
        return {
            name.removesuffix(".csv"): list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
            for name in archive.namelist()
            if name.endswith(".csv")
        }, archive.read("LICENCE.txt").decode()


def test_the_build_writes_every_published_record_with_checksums_and_the_digest(quetta, tmp_path):
    sign_what_is_new()
    call_command("build_downloads", "--to", str(tmp_path), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    for file in manifest["files"]:
        data = (tmp_path / file["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == file["sha256"] and len(data) == file["bytes"]
        assert (tmp_path / f"{file['name']}.sha256").read_text() == f"{file['sha256']}  {file['name']}\n"
    listing, records = listing_at(PublicRevision.objects.latest("published_at").published_at.replace(year=9999))
    assert manifest["digest"]["sha256"] == hashlib.sha256(listing.encode()).hexdigest()
    assert manifest["digest"]["records"] == records
    assert manifest["digest"]["signed_digest"]
    assert manifest["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    tables, licence = csv_tables(tmp_path)
    assert "CC BY 4.0" in licence
    for name, model in PUBLISHED.items():
        assert sorted(int(row["id"]) for row in tables[name]) == sorted(
            model.objects.published().values_list("pk", flat=True)
        )
        assert manifest["records"][name] == len(tables[name])
    assert len(tables["tenures"]) == 9
    files = next(row for row in tables["commitments"] if row["slug"] == quetta.files.slug)
    assert files["status"] == "stalled" and files["jurisdiction.slug"] == quetta.quetta.slug
    assert len(tables["revisions"]) == PublicRevision.objects.count()


def test_the_data_dictionary_describes_every_column(quetta, tmp_path):
    call_command("build_downloads", "--to", str(tmp_path), stdout=io.StringIO())
    tables, _licence = csv_tables(tmp_path)
    described = {(row["file"], row["column"]): row for row in tables.pop("data-dictionary")}
    for name, rows in tables.items():
        for column in rows[0]:
            entry = described.pop((f"{name}.csv", column))
            assert entry["type"] and entry["description"], (name, column)
    assert not described


def test_the_json_archive_holds_the_same_records_and_the_popolo_document(quetta, tmp_path):
    call_command("build_downloads", "--to", str(tmp_path), stdout=io.StringIO())
    with zipfile.ZipFile(tmp_path / "tracker-json.zip") as archive:
        commitments = json.loads(archive.read("commitments.json"))
        popolo = Popolo(json.loads(archive.read("popolo.json")))
        dictionary = json.loads(archive.read("data-dictionary.json"))
    assert {c["slug"] for c in commitments} == {quetta.files.slug, quetta.water.slug}
    assert next(c for c in commitments if c["slug"] == quetta.files.slug)["owners"][0]["office"]["slug"]
    assert len(popolo.persons) == 8 and len(popolo.memberships) == 9
    assert {"file": "commitments.csv", "column": "owners", "type": "json"} in [
        {key: entry[key] for key in ("file", "column", "type")} for entry in dictionary
    ]


def test_drafts_and_taken_down_records_stay_out(quetta, tmp_path, moderator):
    draft = Commitment.objects.get(pk=quetta.water.pk)
    draft.title = "A DRAFT TITLE NOBODY APPROVED"
    publishing.save_draft(draft, user=moderator)
    take_down(quetta.people.d, notice="Court order.", user=moderator)
    call_command("build_downloads", "--to", str(tmp_path), stdout=io.StringIO())
    for name in ("tracker-csv.zip", "tracker-json.zip"):
        with zipfile.ZipFile(tmp_path / name) as archive:
            # Other records' revisions withhold the person, as their history pages do (issue 25, item 7).
            current = [member for member in archive.namelist() if not member.startswith("revisions.")]
            text = "".join(archive.read(member).decode("utf-8") for member in current)
            history = "".join(archive.read(m).decode("utf-8") for m in archive.namelist() if m.startswith("revisions."))
        assert "DRAFT TITLE" not in text + history
        assert "Dawood Mengal" not in text + history
        assert "Court order." in history


def test_a_takedown_rebuilds_the_downloads_at_once(quetta, tmp_path, moderator, django_capture_on_commit_callbacks):
    """Issue 25, item 7: the files kept a taken-down record until the nightly build."""
    with override_settings(DOWNLOADS_ROOT=tmp_path):
        tasks.build_downloads()
        assert "Dawood Mengal" in json.dumps(csv_tables(tmp_path)[0])
        with django_capture_on_commit_callbacks(execute=True):
            take_down(quetta.people.d, notice="Court order.", user=moderator)
        assert "Dawood Mengal" not in json.dumps(csv_tables(tmp_path)[0])


def test_the_data_page_lists_and_serves_the_files(client, quetta, tmp_path):
    with override_settings(DOWNLOADS_ROOT=tmp_path):
        assert "not been built yet" in client.get("/data/").content.decode()
        assert client.get("/data/tracker-csv.zip").status_code == 404
        tasks.build_downloads()
        manifest = json.loads((tmp_path / "manifest.json").read_text())
        page = client.get("/data/").content.decode()
        for file in manifest["files"]:
            assert file["sha256"] in page and f'href="/data/{file["name"]}"' in page
            served = b"".join(client.get(f"/data/{file['name']}").streaming_content)
            assert hashlib.sha256(served).hexdigest() == file["sha256"]
        assert manifest["digest"]["sha256"] in page and "CC BY 4.0" in page
        assert "jurisdiction.slug" in page  # the data dictionary
        assert client.get("/data/settings.py").status_code == 404
        assert client.get("/data/..%2Fmanifest.json").status_code == 404


def test_the_data_dictionary_describes_the_kinds_of_source(quetta, tmp_path):
    call_command("build_downloads", "--to", str(tmp_path), stdout=io.StringIO())
    tables, _licence = csv_tables(tmp_path)
    described = {(row["file"], row["column"]): row["description"] for row in tables["data-dictionary"]}
    for key in (("commitments.csv", "sources"), ("decisions.csv", "sources"), ("commitments.csv", "status_changes")):
        assert "kind_label, kind_rank" in described[key] and "kind_proves_delivery" in described[key], key
    files = next(row for row in tables["commitments"] if row["slug"] == quetta.files.slug)
    [stalled] = [change for change in json.loads(files["status_changes"]) if change["to_status"] == "stalled"]
    assert (stalled["source"]["kind"], stalled["source"]["kind_rank"]) == ("news_report", 7)

"""The import admin's upload -> preview -> confirm, as an editor with the right to publish sees it."""

import pytest

from tests.tracker.spreadsheets.sheets import STATUS_HEADERS, as_csv, as_xlsx, spreadsheet, status_row
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def upload_folder(tmp_path, monkeypatch):
    """Uploads kept between preview and confirm go to the test's own folder."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    monkeypatch.setattr("tracker.admin.spreadsheets.upload_folder", lambda: folder)
    return folder


def upload(client, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/admin/import/", {"file": SimpleUploadedFile(name, data)})


def test_upload_preview_confirm(client, moderator, places):
    rows, expected = spreadsheet(60, places, bad_every=20)
    client.force_login(moderator)

    assert "/admin/import/" in client.get("/admin/").text  # "Import and export" in the Tracker menu
    page = client.get("/admin/import/")
    assert "Import commitments or status updates" in page.text
    assert "commitments-import-template.csv" in page.text
    assert "/admin/import/help/" in page.text

    response = upload(client, "districts.csv", as_csv(rows))
    assert response.status_code == 302
    preview_url = response["Location"]
    assert preview_url.startswith("/admin/import/preview/")

    preview = client.get(preview_url)
    html = preview.text
    assert "Dry run of districts.csv (commitments)" in html
    assert '<tr><th scope="row">To create</th><td>57</td></tr>' in html
    assert '<tr><th scope="row">Rejected</th><td>3</td></tr>' in html
    assert (
        "<td>21</td><td>PK-00020</td><td>jurisdiction</td><td>No published jurisdiction has the slug “atlantis”."
        in html
    )
    assert "<td>41</td><td>PK-00040</td><td>made_on</td>" in html
    assert "Apply the valid rows, and leave out the rejected ones" in html
    assert Commitment.objects.count() == 0

    refused = client.post(preview_url, {"summary": "District sheet"})
    assert "3 rows of the file were rejected, so nothing was imported" in refused.text
    assert Commitment.objects.count() == 0

    done = client.post(preview_url, {"summary": "District sheet", "apply_valid_rows": "on"}, follow=True)
    assert "Imported districts.csv: 57 commitments created and 0 changed." in done.text
    assert Commitment.objects.count() == 57
    assert set(PublicRevision.objects.values_list("edit_summary", flat=True)) == {"District sheet"}
    assert Commitment.objects.first().history.get().history_user == moderator
    # The stored file is gone once applied.
    assert client.get(preview_url).status_code == 404


def test_xlsx_and_status_updates_through_the_admin(client, moderator, places):
    rows, _ = spreadsheet(2, places)
    client.force_login(moderator)
    preview_url = upload(client, "sheet.xlsx", as_xlsx(rows))["Location"]
    client.post(preview_url, {"summary": "From Excel"})
    assert Commitment.objects.count() == 2

    preview_url = upload(client, "updates.csv", as_csv([status_row("PK-00002")], STATUS_HEADERS))["Location"]
    assert "Dry run of updates.csv (status updates)" in client.get(preview_url).text
    client.post(preview_url, {"summary": "Monthly update"})
    record = Commitment.objects.get(external_id="PK-00002")
    assert record.status == "in_progress"
    assert PublicRevision.objects.for_record(record).latest("number").edit_summary == "Monthly update"


def test_a_file_that_cannot_be_read_is_refused_on_the_upload_page(client, moderator):
    client.force_login(moderator)
    response = upload(client, "notes.txt", b"title,text\nA,B\n")
    assert response.status_code == 200
    assert "The header row has no “external_id” column." in response.text


def test_confirm_validates_again(client, moderator, places):
    rows, _ = spreadsheet(2, places)
    client.force_login(moderator)
    preview_url = upload(client, "sheet.csv", as_csv(rows))["Location"]
    places["appointed"].live = False  # unpublished between preview and confirm
    places["appointed"].save()
    response = client.post(preview_url, {"summary": "Sheet"})
    assert "2 rows of the file were rejected" in response.text
    assert Commitment.objects.count() == 0


def test_without_the_publish_permission_import_and_export_are_denied(client, editor, places):
    client.force_login(editor)
    for url in ("/admin/import/", "/admin/import/export/commitments.csv", "/admin/import/export/history.csv"):
        response = client.get(url, follow=True)
        assert "Sorry, you do not have permission to access this area." in response.text, url
    assert "/admin/import/" not in client.get("/admin/").text
    rows, _ = spreadsheet(1, places)
    upload(client, "sheet.csv", as_csv(rows))
    assert Commitment.objects.count() == 0


def test_another_users_upload_cannot_be_previewed(client, moderator, admin_user, places):
    rows, _ = spreadsheet(1, places)
    client.force_login(moderator)
    preview_url = upload(client, "sheet.csv", as_csv(rows))["Location"]
    client.force_login(admin_user)
    assert client.get(preview_url).status_code == 404


def test_export_downloads(client, moderator, places):
    rows, _ = spreadsheet(2, places)
    client.force_login(moderator)
    client.post(upload(client, "sheet.csv", as_csv(rows))["Location"], {"summary": "Sheet"})
    response = client.get("/admin/import/export/commitments.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Disposition"] == 'attachment; filename="commitments.csv"'
    assert text.splitlines()[0].startswith("external_id,title,title_ur,text,sector,jurisdiction")
    assert "PK-00002,Water filtration plant number 2" in text
    history = b"".join(client.get("/admin/import/export/history.csv").streaming_content).decode("utf-8-sig")
    assert history.count(",Sheet,") == 2

"""The import admin's upload -> preview -> confirm, as an editor with the right to publish sees it."""

import re

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


def buttons(html):
    """The confirm form's submit buttons: (value, the words on the button)."""
    return [
        (value, " ".join(words.split()))
        for value, words in re.findall(
            r'<button type="submit"[^>]* name="confirm" value="([^"]*)"[^>]*>(.*?)</button>', html, re.S
        )
    ]


def confirm(html, button, **fields):
    """What the browser posts when `button` of the confirm form is pressed: its hidden fields and `fields`."""
    hidden = dict(re.findall(r'<input type="hidden" name="(expected)" value="([^"]*)">', html))
    return {**hidden, "confirm": button, **fields}


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
    assert buttons(html) == [
        ("publish-valid-rows", "Publish 57 commitments and leave out 3 rejected rows"),
        ("check", "Check the file again (nothing is published)"),
    ]
    assert Commitment.objects.count() == 0

    refused = client.post(preview_url, {"summary": "District sheet"})
    assert "3 rows of the file were rejected, so nothing was imported" in refused.text
    assert Commitment.objects.count() == 0

    done = client.post(preview_url, confirm(html, "publish-valid-rows", summary="District sheet"), follow=True)
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
    html = client.get(preview_url).text
    places["appointed"].live = False  # unpublished between preview and confirm
    places["appointed"].save()
    response = client.post(preview_url, {"summary": "Sheet"})
    assert "2 rows of the file were rejected" in response.text
    assert Commitment.objects.count() == 0
    # The button said "Publish 2 commitments": it publishes those two, or nothing.
    response = client.post(preview_url, confirm(html, "publish", summary="Sheet"))
    assert (
        "The file checks differently now than when you read its dry run (to create: 0, to change: 0, "
        "rejected: 2). Nothing was published: read the dry run again below." in response.text
    )
    assert buttons(response.text) == [("check", "Check the file again (nothing is published)")]
    assert Commitment.objects.count() == 0


def test_the_buttons_say_what_they_will_do(client, moderator, places):
    rows, _ = spreadsheet(2, places)
    client.force_login(moderator)
    preview_url = upload(client, "sheet.csv", as_csv(rows))["Location"]
    html = client.get(preview_url).text
    assert buttons(html) == [
        ("publish", "Publish 2 commitments"),
        ("check", "Check the file again (nothing is published)"),
    ]

    checked = client.post(preview_url, confirm(html, "check", summary="Typed before checking"))
    assert checked.status_code == 200
    assert "Checked the file again against the tracker as it is now. Nothing was published." in checked.text
    assert 'value="Typed before checking"' in checked.text
    assert Commitment.objects.count() == 0

    client.post(preview_url, confirm(html, "publish", summary="Sheet"))
    assert Commitment.objects.count() == 2
    # Imported again, every row is unchanged: nothing to publish, and the page says so.
    html = client.get(upload(client, "sheet.csv", as_csv(rows))["Location"]).text
    assert "This file would change nothing." in html
    assert buttons(html) == [("check", "Check the file again (nothing is published)")]


def test_a_file_whose_every_row_is_rejected_offers_only_to_check_it_again(client, moderator, places):
    rows, _ = spreadsheet(2, places)
    for row in rows:
        row["jurisdiction"] = "atlantis"
    client.force_login(moderator)
    html = client.get(upload(client, "sheet.csv", as_csv(rows))["Location"]).text
    assert "No row can be imported: correct the rejected rows in the spreadsheet and upload it again." in html
    assert buttons(html) == [("check", "Check the file again (nothing is published)")]


def test_status_update_buttons_count_status_updates(client, moderator, places):
    rows, _ = spreadsheet(1, places)
    client.force_login(moderator)
    client.post(upload(client, "sheet.csv", as_csv(rows))["Location"], {"confirm": "publish", "summary": "Sheet"})
    updates = [status_row("PK-00001"), status_row("PK-00001", to_status="delivered", effective_date="2024-05-01")]
    html = client.get(upload(client, "updates.csv", as_csv(updates, STATUS_HEADERS))["Location"]).text
    assert buttons(html) == [
        ("publish", "Publish 2 status updates"),
        ("check", "Check the file again (nothing is published)"),
    ]


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

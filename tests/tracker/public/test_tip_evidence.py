"""Evidence files with a tip: a PDF or an image, told by its content and limited in size, kept privately
outside MEDIA_ROOT with no public address, and opened only by moderators."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tracker.models import Tip

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TIP = {
    "kind": "new_commitment",
    "description": "The mayor promised a park in Satellite Town; the notice is attached.",
    "url": "",
    "contact_email": "",
    "which_commitment": "",
    "website": "",
}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def png():
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def send(client, name, content, content_type="application/octet-stream"):
    return client.post("/tips/", {**TIP, "evidence_file": SimpleUploadedFile(name, content, content_type)})


def test_a_pdf_is_kept_privately_outside_media_with_no_public_address(client):
    assert send(client, "notice.pdf", PDF, "application/pdf").status_code == 302
    tip = Tip.objects.get()
    assert tip.evidence_type == "application/pdf" and tip.evidence.name.endswith(".pdf")
    stored = Path(tip.evidence.path)
    assert stored.read_bytes() == PDF
    assert Path(settings.TIP_EVIDENCE_ROOT) in stored.parents
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    with pytest.raises(ValueError):
        tip.evidence.url  # noqa: B018  (no public address at all)
    assert client.get(f"/media/{tip.evidence.name}").status_code == 404


def test_an_image_is_accepted_by_its_content_whatever_its_name(client):
    assert send(client, "photo.txt", png(), "text/plain").status_code == 302
    assert Tip.objects.get().evidence.name.endswith(".png")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notice.pdf", b"<html><script>alert(1)</script></html>"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"not really an image"),
        ("tool.exe", b"MZ\x90\x00"),
    ],
)
def test_anything_else_is_refused_plainly_and_nothing_is_kept(client, name, content):
    response = send(client, name, content)
    assert response.status_code == 200
    assert "Send a PDF or a photo (PNG, JPEG or WebP): this file is none of them." in response.content.decode()
    assert not Tip.objects.exists()


def test_a_file_over_the_limit_is_refused(client, settings):
    settings.TIP_EVIDENCE_MAX_BYTES = 1024 * 1024
    response = send(client, "big.pdf", PDF + b"0" * (1024 * 1024))
    assert "The file is too large: send one of at most 1 MB." in response.content.decode()
    assert not Tip.objects.exists()


def test_only_moderators_open_the_evidence(client, moderator, editor):
    send(client, "notice.pdf", PDF, "application/pdf")
    tip = Tip.objects.get()
    url = f"/admin/tips/{tip.pk}/evidence/"

    client.force_login(moderator)
    page = client.get(f"/admin/citizen_tips/edit/{tip.pk}/").content.decode()
    assert url in page and "Download the PDF file the citizen sent" in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="tip-{tip.pk}-evidence.pdf"'
    assert b"".join(response.streaming_content) == PDF

    client.force_login(editor)
    assert url not in client.get(f"/admin/citizen_tips/inspect/{tip.pk}/").content.decode()
    refused = client.get(url)
    assert refused.status_code in (302, 403)
    assert b"%PDF" not in refused.content

    client.logout()
    assert client.get(url).status_code == 302

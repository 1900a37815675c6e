"""Account security: sign-in attempts are limited, two-factor sign-in is there for editors who turn it
on, and every response carries secure headers including a Content-Security-Policy."""

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import scenario

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def sign_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def test_the_sixth_bad_sign_in_is_refused(client, editor):
    for _ in range(5):
        response = sign_in(client, "editor", "guess")
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()
    response = sign_in(client, "editor", "guess")
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    # Locked out now: even the right password is refused.
    assert sign_in(client, "editor", "pass").status_code == 429
    assert client.get("/admin/").status_code == 302, "not signed in"


def test_a_good_sign_in_before_the_limit_works(client, editor):
    for _ in range(5):
        sign_in(client, "editor", "guess")
    assert sign_in(client, "editor", "pass")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def code(device, step_offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + step_offset * device.step
    return f"{totp.token():06d}"


def test_an_editor_turns_on_two_factor_sign_in(client, editor, settings):
    # django-otp slows down guessing after a wrong code; this test answers at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.force_login(editor)
    page = client.get(reverse("tracker_two_factor")).content.decode()
    assert "Two-factor sign-in is off" in page
    key = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    assert len(key.replace(" ", "")) >= 32
    qr = client.get(reverse("tracker_two_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content

    device = TOTPDevice.objects.get(user=editor)
    wrong = client.post(reverse("tracker_two_factor"), {"code": "000000" if code(device) != "000000" else "111111"})
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=editor).confirmed
    client.post(reverse("tracker_two_factor"), {"code": code(device)})
    assert TOTPDevice.objects.get(user=editor).confirmed

    # Next time, the password alone does not open the admin.
    client.logout()
    assert sign_in(client, "editor", "pass").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("tracker_two_factor_verify"))
    assert client.get(reverse("wagtailsnippets_tracker_commitment:list")).status_code == 302
    verify = response["Location"]
    assert "That code is not right" in client.post(verify, {"code": "12345"}).content.decode()
    device.refresh_from_db()
    answer = client.post(verify, {"code": code(device, step_offset=1)})
    assert answer.status_code == 302 and answer["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_two_factor_is_optional(client, editor):
    assert sign_in(client, "editor", "pass").status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.fixture
def commitment():
    return scenario.published_commitment(title="Dialysis unit at Civil Hospital Quetta")


def test_public_pages_carry_secure_headers(client, commitment):
    response = client.get(commitment.get_absolute_url())
    assert response.status_code == 200
    policy = dict(d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";") if d.strip())
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'", "no inline or outside scripts"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN")


def test_the_only_inline_script_is_json_ld_data(client, commitment):
    html = client.get(commitment.get_absolute_url()).content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline, "the commitment page describes itself in JSON-LD"
    assert all('type="application/ld+json"' in attributes for attributes in inline)


def test_the_admin_carries_the_policy_too(client, admin_user):
    client.force_login(admin_user)
    policy = client.get("/admin/")["Content-Security-Policy"]
    # Wagtail's admin writes some scripts inline; only the admin allows them.
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_page_breaks_the_content_security_policy(chromium, live_server, django_user_model):
    django_user_model.objects.create_superuser("chief.editor", "chief.editor@example.org", "a-long-demo-password")
    record = scenario.published_commitment(title="Dialysis unit at Civil Hospital Quetta")
    page = chromium.new_page()
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    for url in ("/", record.get_absolute_url(), "/tips/", "/search/?q=dialysis"):
        page.goto(live_server.url + url)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief.editor")
    page.fill("#id_password", "a-long-demo-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    for url in (
        "/admin/",
        reverse("wagtailsnippets_tracker_commitment:list"),
        reverse("citizen_tips:index"),
        reverse("tracker_two_factor"),
        reverse("wagtailsnippets_tracker_commitment:edit", args=[record.pk]),
    ):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
    # The edit page's live preview and choosers run from Wagtail's own scripts.
    assert page.locator("#id_title").input_value() == "Dialysis unit at Civil Hospital Quetta"
    assert violations == [], "\n".join(violations)

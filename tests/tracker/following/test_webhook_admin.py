"""Administrators register webhooks and read the delivery log in the Wagtail admin; moderators do not see
them, and nobody edits the log."""

import pytest

from tracker.models import PublicRevision, Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db


def test_an_administrator_registers_a_webhook_and_reads_its_log(client, admin_user, promise):
    client.force_login(admin_user)
    answer = client.post(
        "/admin/webhooks/new/",
        {"name": "Daily Dawn", "url": "https://newsroom.example/hook", "secret": "s3cret", "active": "on"},
    )
    assert answer.status_code == 302
    hook = Webhook.objects.get()
    assert (hook.name, hook.url, hook.active) == ("Daily Dawn", "https://newsroom.example/hook", True)
    revision = PublicRevision.objects.get()
    WebhookDelivery.objects.create(webhook=hook, revision=revision, attempts=3, response_code=500, error="HTTP 500")
    listing = client.get("/admin/webhook-deliveries/").content.decode()
    assert "Daily Dawn" in listing and "HTTP 500" in listing
    assert "Daily Dawn" in client.get("/admin/webhooks/").content.decode()
    assert client.get("/admin/webhook-deliveries/new/").status_code in (302, 403)


def test_moderators_do_not_see_webhooks(client, moderator):
    client.force_login(moderator)
    assert client.get("/admin/webhooks/").status_code in (302, 403)
    assert client.get("/admin/webhook-deliveries/").status_code in (302, 403)

"""Every e-mail the site sends comes from the sender the environment names and links to the address the site
is served at (SITE_URL): follow confirmations, alerts and their one-click unsubscribe header, and Wagtail's
moderation notices. Never Django's `webmaster@localhost`, never the default port 8000 when the site is
served elsewhere (`make demo PORT=8401`)."""

import re
import runpy
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from tests import factories, scenario
from tests.tracker.admin.editing import ADD, commitment_form
from tracker.following import subscribing
from tracker.models import Commitment, Follow

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
ADDRESS = "http://127.0.0.1:8401"
SENDER = "Sample Civic Watch <desk@tracker.example>"
# What the settings read from the environment for the sender and the site's address.
ADDRESSING = ("SITE_URL", "WAGTAILADMIN_BASE_URL", "DEFAULT_FROM_EMAIL", "SERVER_EMAIL", "ALERTS_FROM_EMAIL")


def settings_under(monkeypatch, **environment):
    """The settings of config/settings/base.py as they read the environment `environment`."""
    for name in ADDRESSING:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "config" / "settings" / "base.py"))


@pytest.fixture
def elsewhere(settings, monkeypatch):
    """The site served at ADDRESS, its mail sent by SENDER, as the environment says so."""
    loaded = settings_under(monkeypatch, SITE_URL=ADDRESS + "/", DEFAULT_FROM_EMAIL=SENDER)
    for name in ADDRESSING:
        if name in loaded:
            setattr(settings, name, loaded[name])
    return settings


def test_one_site_address_and_one_sender_make_every_setting_that_addresses_mail(monkeypatch):
    loaded = settings_under(monkeypatch, SITE_URL=ADDRESS + "/", DEFAULT_FROM_EMAIL=SENDER)
    assert loaded["SITE_URL"] == loaded["WAGTAILADMIN_BASE_URL"] == ADDRESS
    assert loaded["DEFAULT_FROM_EMAIL"] == loaded["SERVER_EMAIL"] == loaded["ALERTS_FROM_EMAIL"] == SENDER
    # Alerts may come from an address of their own.
    alerts = settings_under(monkeypatch, DEFAULT_FROM_EMAIL=SENDER, ALERTS_FROM_EMAIL="Alerts <alerts@tracker.example>")
    assert alerts["ALERTS_FROM_EMAIL"] == "Alerts <alerts@tracker.example>"
    assert alerts["DEFAULT_FROM_EMAIL"] == SENDER
    # Unset, a sender of the tracker's own, never Django's webmaster@localhost.
    default = settings_under(monkeypatch)
    assert default["DEFAULT_FROM_EMAIL"] == default["SERVER_EMAIL"] == "Accountability Tracker <tracker@localhost>"
    assert default["WAGTAILADMIN_BASE_URL"] == default["SITE_URL"] == "http://127.0.0.1:8000"


def links(message):
    """Every address in a message: its text, its HTML and its headers."""
    parts = [message.body, *(content for content, _kind in getattr(message, "alternatives", []))]
    parts += [str(value) for value in message.extra_headers.values()]
    return re.findall(r"https?://[^\s<>\"']+", " ".join(parts))


def assert_sent_from_and_linking_to_the_site(message):
    assert message.from_email == SENDER, message.subject
    found = links(message)
    assert found, message.subject
    ours = [link for link in found if not link.startswith("https://example.org/")]  # the sources it cites
    assert ours and all(link == ADDRESS or link.startswith(ADDRESS + "/") for link in ours), ours
    assert ":8000" not in " ".join(found) and "webmaster@localhost" not in str(message.message())


def test_a_follow_confirmation_and_an_alert_come_from_the_sender_and_link_to_the_site(
    client, elsewhere, promise, committed
):
    answer = client.post(
        reverse("tracker:follow"), {"email": "reader@example.org", "target": f"commitments/{promise.slug}"}
    )
    assert answer.status_code == 200
    [confirmation] = mail.outbox
    assert_sent_from_and_linking_to_the_site(confirmation)
    assert f"{ADDRESS}/follow/confirm/" in confirmation.body

    follow = Follow.objects.get()
    subscribing.confirm(follow.pk, follow.follower_id)
    promise = Commitment.objects.get(pk=promise.pk)
    promise.progress = 40
    with committed():
        scenario.publish(promise, summary="Progress 40%")
    alert = mail.outbox[-1]
    assert alert is not confirmation
    assert_sent_from_and_linking_to_the_site(alert)
    assert alert.extra_headers["List-Unsubscribe"].startswith(f"<{ADDRESS}/follow/unsubscribe/")
    assert f"{ADDRESS}/commitments/{promise.slug}/history/2/" in alert.body


def test_a_moderation_notice_comes_from_the_sender_and_links_to_the_site(client, elsewhere, editor, moderator, offices):
    province = factories.JurisdictionFactory(name="Balochistan", tier="province")
    client.force_login(editor)
    answer = client.post(
        reverse(ADD), {**commitment_form(offices, jurisdiction=province.pk), "action-submit": "Submit"}
    )
    assert answer.status_code == 302
    [notice] = [message for message in mail.outbox if moderator.email in message.to]
    assert_sent_from_and_linking_to_the_site(notice)
    commitment = Commitment.objects.get()
    assert any(link.startswith(f"{ADDRESS}/admin/snippets/tracker/commitment/") for link in links(notice))
    assert str(commitment.pk) in " ".join(links(notice))

"""Webhooks against a real HTTP receiver: every publish POSTed as the public revision, signed with
HMAC-SHA256 over the timestamp and body; a 500 is tried again; a URL failing for a day is paused and the
administrators told; nothing of a taken-down record is sent."""

import datetime
import json

import pytest
from django.core import mail
from django.db.models import F
from django.utils import timezone

from tests import scenario
from tracker.following import webhooks
from tracker.models import Commitment, PublicRevision, Webhook, WebhookDelivery
from tracker.models.following import DeliveryStatus

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def hook(receiver, promise):
    """Registered after the promise was first published."""
    return Webhook.objects.create(name="Daily Dawn newsroom", url=receiver.url, secret=receiver.secret)


def stall(promise, committed):
    promise = Commitment.objects.get(pk=promise.pk)
    source = {"url": "https://example.org/s", "title": "Stalls", "quote": "No funds released."}
    with committed():
        return scenario.record_status_change(promise, "stalled", on=D(2024, 3, 15), summary="Stalled", **source)


def test_a_publish_is_posted_signed_and_tried_again_after_a_500(hook, receiver, promise, committed, settings):
    settings.SITE_URL = "https://tracker.example"
    revision = stall(promise, committed)
    [(headers, body, status)] = receiver.received
    assert status == 500
    assert receiver.signature_valid(headers, body)
    assert abs(int(headers["X-Tracker-Timestamp"]) - timezone.now().timestamp()) < 60
    sent = json.loads(body)
    assert sent["event"] == "revision.published"
    assert sent["revision"]["number"] == 2 and sent["revision"]["hash"] == revision.hash
    assert sent["revision"]["content"] == PublicRevision.objects.get(pk=revision.pk).content
    assert sent["links"]["compare"] == f"https://tracker.example/commitments/{promise.slug}/history/compare/1/2/"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.PENDING, 1, 500)

    assert webhooks.attempt(delivery.pk) == "delivered"
    (headers_again, body_again, status_again) = receiver.received[1]
    assert status_again == 200 and body_again == body and receiver.signature_valid(headers_again, body_again)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert Webhook.objects.get().failing_since is None


def test_a_forged_signature_does_not_check(hook, receiver, promise, committed):
    stall(promise, committed)
    headers, body, _status = receiver.received[0]
    assert not receiver.signature_valid(headers, body.replace(b"Stalled", b"Delivered"))
    assert not receiver.signature_valid({**headers, "X-Tracker-Timestamp": "1"}, body)


def test_a_url_failing_for_a_day_is_paused_and_administrators_told(hook, receiver, promise, committed, admin_user):
    receiver.answers = [500] * 10
    stall(promise, committed)
    Webhook.objects.filter(pk=hook.pk).update(failing_since=timezone.now() - datetime.timedelta(hours=25))
    delivery = WebhookDelivery.objects.get()
    assert webhooks.attempt(delivery.pk) == "stop"
    hook.refresh_from_db()
    delivery.refresh_from_db()
    assert hook.paused_at is not None and delivery.status == DeliveryStatus.FAILED
    [notice] = mail.outbox
    assert notice.to == ["admin@example.org"] and "Daily Dawn newsroom" in notice.subject
    # Paused: the next publish is not queued for it.
    promise = Commitment.objects.get(pk=promise.pk)
    with committed():
        scenario.publish(promise, summary="Another change")
    assert WebhookDelivery.objects.count() == 1


def test_nothing_of_a_taken_down_record_is_sent(hook, receiver, promise, committed, admin_user):
    from tracker.publishing.takedown import take_down

    promise = Commitment.objects.get(pk=promise.pk)
    scenario.record_status_change(
        promise, "stalled", on=D(2024, 3, 15), summary="Secret", url="https://e.org/x", title="X"
    )
    take_down(promise, user=admin_user, notice="Removed by court order")
    assert webhooks.queue_new_deliveries() == []
    assert receiver.received == []


def time_passes(seconds=3600):
    """Every back-off, of the receivers and of their deliveries, ends `seconds` sooner."""
    earlier = datetime.timedelta(seconds=seconds)
    Webhook.objects.exclude(next_attempt_at=None).update(next_attempt_at=F("next_attempt_at") - earlier)
    WebhookDelivery.objects.exclude(next_attempt_at=None).update(next_attempt_at=F("next_attempt_at") - earlier)


def test_beat_tries_a_failed_delivery_again_once_its_receiver_has_backed_off(hook, receiver, promise, committed):
    from tracker.following import tasks

    stall(promise, committed)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING  # in-process: tried once, the retry left to beat
    hook.refresh_from_db()
    assert hook.failures == 1 and hook.next_attempt_at > timezone.now() + datetime.timedelta(seconds=25)
    tasks.queue_webhooks()  # beat, while the receiver backs off: nothing is sent
    assert len(receiver.received) == 1
    time_passes(31)
    tasks.queue_webhooks()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED and [s for _h, _b, s in receiver.received] == [500, 200]
    hook.refresh_from_db()
    assert (hook.failures, hook.failing_since, hook.next_attempt_at) == (0, None, None)


def test_a_delivery_whose_message_was_lost_is_sent_by_beats_next_run(hook, receiver, promise):
    """Queued, then the message of its round lost with the broker (issue 25, item 2)."""
    from tracker.following import tasks

    receiver.answers = []
    revision = PublicRevision.objects.for_record(promise).get()
    delivery = WebhookDelivery.objects.create(webhook=hook, revision=revision)
    assert tasks.queue_webhooks() == 0  # beat: nothing new to queue, a round for what waits
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED and len(receiver.received) == 1


def test_a_failing_receivers_deliveries_wait_behind_one_probe(hook, receiver, promise, committed):
    """Issue 25, item 3: each delivery to a dead receiver was retried on its own, every one taking a worker's
    time. A failing receiver is now tried one delivery at a time, when its own back-off ends; once a probe
    is answered, the rest of its deliveries are sent."""
    from tracker.following import tasks

    receiver.answers = [500, 500]
    for summary in ("First report", "Second report", "Third report"):
        promise = Commitment.objects.get(pk=promise.pk)
        promise.summary = summary
        with committed():
            scenario.publish(promise, summary=summary)
    tries = lambda: list(WebhookDelivery.objects.order_by("pk").values_list("attempts", flat=True))  # noqa: E731
    assert tries() == [1, 0, 0] and len(receiver.received) == 1  # the first refused: the others wait
    tasks.queue_webhooks()
    assert tries() == [1, 0, 0]  # beat, while it backs off
    time_passes()
    tasks.queue_webhooks()
    assert tries() == [1, 1, 0] and len(receiver.received) == 2  # one probe, refused: the rest still wait
    time_passes()
    tasks.queue_webhooks()  # the next probe is answered, then the rest are sent
    assert tries() == [2, 2, 1] and [s for _h, _b, s in receiver.received] == [500, 500, 200, 200, 200]
    assert not WebhookDelivery.objects.exclude(status=DeliveryStatus.DELIVERED).exists()


def test_two_messages_for_the_same_delivery_send_it_once(hook, promise, monkeypatch):
    """Beat sends a delivery again while its first message, only late, is being tried: the second
    message finds the try claimed and sends nothing."""
    revision = PublicRevision.objects.for_record(promise).get()
    delivery = WebhookDelivery.objects.create(webhook=hook, revision=revision)
    posts, outcomes = [], []

    def post(url, body, headers, timeout):
        posts.append(headers["X-Tracker-Delivery"])
        if len(posts) == 1:
            outcomes.append(webhooks.attempt(delivery.pk))  # the other message, while this one sends
        return 200, ""

    monkeypatch.setattr(webhooks.webhook_http, "post", post)
    assert webhooks.attempt(delivery.pk) == "delivered"
    assert posts == [str(delivery.pk)] and outcomes == ["stop"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 1)
    assert webhooks.attempt(delivery.pk) == "stop" and len(posts) == 1  # delivered: never again

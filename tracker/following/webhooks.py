"""Webhooks for newsrooms: every public revision POSTed as JSON to each active webhook, signed.

    POST <url>
    Content-Type: application/json
    X-Tracker-Event: revision.published
    X-Tracker-Delivery: <delivery id>
    X-Tracker-Timestamp: <Unix time of this attempt>
    X-Tracker-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret>

The body is the revision exactly as the public history keeps it (number, time, edit summary, publisher,
hashes, the whole snapshot) with the addresses of its pages. Receivers check the signature and refuse
timestamps more than a few minutes old, so a captured delivery cannot be replayed.

A delivery that fails (no answer, or anything but 2xx) is tried again after WEBHOOK_RETRY_DELAY seconds,
doubling up to WEBHOOK_RETRY_MAX_DELAY, and its receiver backs off the same way: nothing more is sent to it
until one try is answered (tracker/following/receivers.py sends each receiver's line). A webhook that has
failed without a single success for WEBHOOK_PAUSE_AFTER seconds (a day) is paused, its pending deliveries
are marked failed, and the administrators are told by e-mail. Every attempt is kept in the delivery log.
Revisions of records taken down or unpublished before delivery are not sent.

Deliveries go only to public addresses over https (tracker/following/webhook_http.py: checked after
resolving the name at each attempt, redirects not followed, failures logged as "Could not connect.").
"""

import datetime
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from tracker.following import webhook_http
from tracker.following.fanout import cursor, visible
from tracker.following.tokens import site_url
from tracker.history.addresses import compare_url, record_url, revision_url
from tracker.models import PublicRevision, Webhook, WebhookDelivery
from tracker.models.following import DeliveryStatus
from tracker.models.kinds import kind_of_type
from tracker.models.withheld import withhold

EVENT = "revision.published"


def payload(revision):
    # As the public history shows it: a reference to a record taken down since is withheld.
    content = withhold(revision.content)
    kind = kind_of_type(content.get("type"))
    body = {
        "event": EVENT,
        "record": {"type": content.get("type"), "id": content.get("id"), "slug": content.get("slug")},
        "revision": {
            "number": revision.number,
            "published_at": revision.published_at.isoformat(),
            "edit_summary": revision.edit_summary,
            "publisher": revision.publisher,
            "hash": revision.hash,
            "previous_hash": revision.previous_hash,
            "sequence": revision.sequence,
            "content": content,
        },
    }
    if kind is not None and kind.segment:
        slug, number = content.get("slug"), revision.number
        body["links"] = {
            "page": site_url(record_url(kind.segment, slug)),
            "revision": site_url(revision_url(kind.segment, slug, number)),
            "compare": site_url(compare_url(kind.segment, slug, number - 1, number)) if number > 1 else None,
        }
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode()


def signature(secret, timestamp, body):
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def queue_new_deliveries():
    """A delivery row for each new visible revision and active webhook; returns their ids."""
    with transaction.atomic():
        at = cursor("webhooks")
        revisions = list(PublicRevision.objects.filter(sequence__gt=at.sequence).order_by("sequence")[:2000])
        if not revisions:
            return []
        hooks = list(Webhook.objects.filter(active=True, paused_at__isnull=True))
        rows = [WebhookDelivery(webhook=hook, revision=r) for r in visible(revisions) for hook in hooks]
        created = WebhookDelivery.objects.bulk_create(rows, batch_size=1000)
        at.sequence = revisions[-1].sequence
        at.save(update_fields=["sequence"])
    return [row.pk for row in created]


def retry_delay(attempts):
    return min(settings.WEBHOOK_RETRY_DELAY * 2 ** max(attempts - 1, 0), settings.WEBHOOK_RETRY_MAX_DELAY)


@dataclass
class Try:
    """One try of a delivery, claimed: what to POST, and where."""

    delivery: WebhookDelivery
    url: str
    body: bytes
    headers: dict


def begin(delivery_id):
    """Claim the next try of a delivery and make its request; None when there is nothing to send (delivered,
    given up, its record no longer public, or its try claimed by another message)."""
    delivery = WebhookDelivery.objects.select_related("webhook", "revision").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return None
    hook = delivery.webhook
    if not hook.active or hook.paused_at is not None or not visible([delivery.revision]):
        WebhookDelivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.FAILED, error="Not sent")
        return None
    body, timestamp = payload(delivery.revision), str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "AccountabilityTracker-Webhook/1",
        "X-Tracker-Event": EVENT,
        "X-Tracker-Delivery": str(delivery.pk),
        "X-Tracker-Timestamp": timestamp,
        "X-Tracker-Signature": signature(hook.secret, timestamp, body),
    }
    # Claim this try: of two messages for the same try (one late, one sent again by beat), one sends; and
    # none while another try is in flight (claimed, no answer or error recorded yet, and started less than
    # the longest a POST may take ago: a worker killed mid-try does not hold the delivery for ever).
    started = timezone.now()
    finished = Q(response_code__isnull=False) | ~Q(error="")
    long_ago = Q(last_attempt_at__lt=started - datetime.timedelta(seconds=settings.WEBHOOK_TIMEOUT + 5))
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING, attempts=delivery.attempts)
        .filter(Q(last_attempt_at__isnull=True) | finished | long_ago)
        .update(attempts=F("attempts") + 1, last_attempt_at=started, response_code=None, error="")
    )
    if not claimed:
        return None
    delivery.attempts += 1
    return Try(delivery, hook.url, body, headers)


def finish(tried, status, error):
    """Keep the answer to a try. Returns "delivered", "retry" (the delivery and its receiver back off), or
    "stop" (the receiver failed for a day and is paused)."""
    delivery, hook, now = tried.delivery, tried.delivery.webhook, timezone.now()
    delivery.response_code, delivery.error, delivery.last_attempt_at = status, error, now
    if status is not None and 200 <= status < 300:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = DeliveryStatus.DELIVERED, now, None
        delivery.save()
        Webhook.objects.filter(pk=hook.pk).update(failing_since=None, failures=0)
        return "delivered"
    delivery.next_attempt_at = now + datetime.timedelta(seconds=retry_delay(delivery.attempts))
    delivery.save()
    Webhook.objects.filter(pk=hook.pk).update(failing_since=Coalesce("failing_since", now), failures=F("failures") + 1)
    hook.refresh_from_db(fields=["failing_since", "failures"])
    back_off = now + datetime.timedelta(seconds=retry_delay(hook.failures))
    Webhook.objects.filter(pk=hook.pk).update(next_attempt_at=back_off)
    if (now - hook.failing_since).total_seconds() >= settings.WEBHOOK_PAUSE_AFTER:
        pause(hook)
        return "stop"
    return "retry"


def attempt(delivery_id):
    """Try one delivery now, in this thread. Returns "delivered", "retry", or "stop" (nothing more to do)."""
    tried = begin(delivery_id)
    if tried is None:
        return "stop"
    return finish(tried, *webhook_http.post(tried.url, tried.body, tried.headers, settings.WEBHOOK_TIMEOUT))


def pause(hook):
    """Pause a webhook that has failed for a day, give up its pending deliveries, tell the administrators."""
    with transaction.atomic():
        if not Webhook.objects.filter(pk=hook.pk, paused_at__isnull=True).update(paused_at=timezone.now()):
            return  # already paused by another attempt
        hook.deliveries.filter(status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.FAILED, error="Webhook paused after failing for a day"
        )
    administrators = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    recipients = list(administrators.values_list("email", flat=True))
    if recipients:
        send_mail(
            f"Webhook paused: {hook.name}",
            f"The webhook “{hook.name}” ({hook.url}) has failed every delivery since "
            f"{timezone.localtime(hook.failing_since):%Y-%m-%d %H:%M %Z} and is paused. Its delivery log is in the "
            f"admin (Settings › Webhooks). Once the receiver works again, clear “paused” to deliver again.",
            settings.ALERTS_FROM_EMAIL,
            recipients,
            fail_silently=True,
        )

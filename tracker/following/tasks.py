"""Celery tasks of following (registered through tracker/tasks.py): at-once alerts and webhook queueing
after each publish and every minute from beat, digests every hour from beat, webhook deliveries in rounds
of their own `webhooks` queue, the receivers that answer apart from the failing ones (receivers.py)."""

from celery import shared_task
from django.utils import timezone

from tracker.following import fanout, receivers, subscribing, webhooks
from tracker.models.following import Frequency


@shared_task(ignore_result=True)
def send_alerts():
    return fanout.send_new_alerts()


@shared_task(ignore_result=True)
def send_digests():
    """The digests of the last whole day and week (once each), and unconfirmed follows forgotten."""
    sent = {frequency: fanout.send_digests(frequency) for frequency in (Frequency.DAILY, Frequency.WEEKLY)}
    subscribing.forget_unconfirmed()
    return sent


@shared_task(ignore_result=True)
def queue_webhooks():
    """Deliveries of the revisions published since the last run; then a round of each lane that has a
    receiver waiting, the receivers that answer first (beat's run makes good a round whose message was lost)."""
    queued = webhooks.queue_new_deliveries()
    now = timezone.now()
    for lane, failing in ((deliver_webhooks, False), (probe_webhooks, True)):
        if receivers.waiting(failing, now).exists():
            lane.apply_async(retry=False)
    return len(queued)


@shared_task(bind=True, ignore_result=True)
def deliver_webhooks(self):
    """A round of deliveries to the receivers that answer (tracker/following/receivers.py)."""
    _next_rounds(self, *receivers.send_round(failing=False))


@shared_task(bind=True, ignore_result=True)
def probe_webhooks(self):
    """A round of probes of the failing receivers whose back-off has ended."""
    _next_rounds(self, *receivers.send_round(failing=True))


def _next_rounds(task, deliver, probe_at):
    if deliver:
        deliver_webhooks.apply_async(retry=False)
    # In-process, without a broker, a probe would run at once whatever its time: beat's runs make them.
    if probe_at is not None and not task.request.is_eager:
        probe_webhooks.apply_async(eta=probe_at, retry=False)

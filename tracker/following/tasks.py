"""Celery tasks of following (registered through tracker/tasks.py): at-once alerts and webhook queueing
after each publish and every minute from beat, digests every hour from beat, webhook deliveries in their own
`webhooks` queue with back-off."""

from celery import shared_task

from tracker.following import fanout, subscribing, webhooks
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
    """Deliveries of the revisions published since the last run, and any retry that was lost."""
    ids = webhooks.queue_new_deliveries() + webhooks.stale_deliveries()
    for delivery_id in ids:
        deliver_webhook.apply_async((delivery_id,), retry=False)
    return len(ids)


@shared_task(bind=True, ignore_result=True, max_retries=None, acks_late=True)
def deliver_webhook(self, delivery_id, attempt_number=1):
    outcome = webhooks.attempt(delivery_id)
    if outcome == "retry" and not self.request.is_eager:
        # A new message in the same queue after the back-off (in-process, without a broker, the delivery
        # stays pending); the delivery row counts the attempts.
        delay = webhooks.retry_delay(attempt_number)
        raise self.retry(countdown=delay, args=(delivery_id,), kwargs={"attempt_number": attempt_number + 1})
    return outcome

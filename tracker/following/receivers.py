"""Each webhook receiver has its own line of deliveries, so that a dead receiver never delays another.

- **One try in flight per receiver.** A round claims the receivers it sends to (`Webhook.next_attempt_at`
  holds a lease, renewed at each try), sends each one's pending deliveries one after another (fewest tries
  first, then oldest: a delivery a receiver keeps refusing does not hold up the ones behind it), and the
  receivers of a round at once, each POST in a thread of its own: a receiver that does not answer holds up
  its own line, never another's. Each try is still claimed on its delivery before it is sent
  (tracker/following/webhooks.py), so nothing is sent twice.
- **Its own back-off.** A receiver whose try failed is not sent anything more until its back-off ends
  (`failures`, `next_attempt_at`: WEBHOOK_RETRY_DELAY doubling up to WEBHOOK_RETRY_MAX_DELAY); then one
  probe, the first delivery of its line, is tried, and the rest wait behind it. When a probe is answered
  the receiver is answering again and the rest of its line is sent.
- **Two lanes.** Rounds of `deliver_webhooks` send to the receivers that are answering; rounds of
  `probe_webhooks` probe the failing ones whose back-off has ended, up to SENDERS of them, all at once,
  one round at a time (a PostgreSQL advisory lock; each round asks for the next when the first back-off
  left ends), so probing takes one worker process for about WEBHOOK_TIMEOUT however many receivers are
  dead, and the receivers that answer keep the others.
- **The database is the queue.** A round's message lost with the broker, or a worker killed in the middle
  of a round, loses nothing: beat starts both lanes every minute (`tracker.following.tasks.queue_webhooks`),
  and a lease left by a killed worker runs out WEBHOOK_TIMEOUT + 5 seconds after its last try began.
"""

import contextlib
import datetime
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from django.conf import settings
from django.db import connection
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone

from tracker.following import webhook_http, webhooks
from tracker.models import Webhook, WebhookDelivery
from tracker.models.following import DeliveryStatus

# POSTs at once in a round, and so receivers per round: more go to another round, which may then wait for
# a dead receiver's try as well. Threads waiting on sockets cost little; keep every receiver in one round.
SENDERS = 64
# The advisory lock of the lane of probes ("probe" in ASCII).
PROBE_LOCK = 0x70726F6265
# A round starts no new try after this long; the receivers that still have deliveries go to the next round,
# behind whatever was queued meanwhile.
ROUND_SECONDS = 20


def _open(now):
    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)


def _lane(failing):
    return Q(failures__gt=0) if failing else Q(failures=0)


def _line(hook_id, now):
    """The pending deliveries of a receiver that may be tried now, in the order they are tried."""
    pending = WebhookDelivery.objects.filter(webhook_id=hook_id, status=DeliveryStatus.PENDING)
    return pending.filter(_open(now)).order_by("attempts", "pk")


def waiting(failing, now=None):
    """The receivers of a lane with a delivery to try now: not paused, not backing off, not being sent to."""
    now = now or timezone.now()
    due = _line(OuterRef("pk"), now)
    hooks = Webhook.objects.filter(_lane(failing), _open(now), active=True, paused_at__isnull=True)
    return hooks.filter(Exists(due)).order_by("next_attempt_at", "pk")


def next_probe():
    """When the first failing receiver with deliveries waiting may be probed; None when there is none."""
    pending = WebhookDelivery.objects.filter(webhook=OuterRef("pk"), status=DeliveryStatus.PENDING)
    failing = Webhook.objects.filter(_lane(True), Exists(pending), active=True, paused_at__isnull=True)
    return failing.aggregate(first=Min("next_attempt_at"))["first"]


class Claim:
    """A round's hold on one receiver: nobody else sends to it until the lease runs out."""

    def __init__(self, hook_id, failing):
        self.hook_id, self.failing, self.lease = hook_id, failing, None
        self.passed = set()  # deliveries of its line this round found nothing to send for

    def take(self):
        now = timezone.now()
        lease = now + datetime.timedelta(seconds=settings.WEBHOOK_TIMEOUT + 5)
        held = Q(next_attempt_at=self.lease) if self.lease else _open(now) & _lane(self.failing)
        hooks = Webhook.objects.filter(held, pk=self.hook_id, active=True, paused_at__isnull=True)
        self.lease = lease if hooks.update(next_attempt_at=lease) else None
        return self.lease is not None

    def release(self):
        """Let go, unless a failed try set its back-off meanwhile (the lease is no longer ours)."""
        Webhook.objects.filter(pk=self.hook_id, next_attempt_at=self.lease).update(next_attempt_at=None)
        self.lease = None


@contextlib.contextmanager
def _one_round_of_probes():
    """Whether this round may probe: no other round of probes is running. Without PostgreSQL (the demo, where
    tasks run in-process one at a time) there is no other."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [PROBE_LOCK])
        free = cursor.fetchone()[0]
    try:
        yield free
    finally:
        if free:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [PROBE_LOCK])


def send_round(failing=False):
    """One round of a lane. Returns (deliver, probe_at): whether a round of deliveries should follow at once
    (a probe was answered, this round's time ran out, more receivers waited than a round takes), and when the
    next round of probes should run (None: none needed now; beat's runs look again every minute)."""
    if not failing:
        return _round(failing=False)
    with _one_round_of_probes() as free:
        # Another round is probing: it asks for the next round once it is done.
        return _round(failing=True) if free else (False, None)


def _round(failing):
    started = time.monotonic()
    waiting_ids = list(waiting(failing).values_list("pk", flat=True)[: SENDERS + 1])
    claims = [claim for claim in (Claim(pk, failing) for pk in waiting_ids[:SENDERS]) if claim.take()]
    if not claims:
        return False, None
    deliver, failed, sending = not failing and len(waiting_ids) > SENDERS, False, {}
    with ThreadPoolExecutor(max_workers=SENDERS, thread_name_prefix="webhook") as pool:

        def send_next(claim):
            """POST the next delivery of the claim's line in a thread; or let the receiver go."""
            while True:
                line = _line(claim.hook_id, timezone.now()).exclude(pk__in=claim.passed)
                delivery = line.values_list("pk", flat=True).first()
                if delivery is None:
                    claim.release()
                    # A delivery queued while the line was being read found the receiver held, and was left
                    # to this round: look again now that it is let go.
                    if not line.exists() or not claim.take():
                        return
                    continue
                tried = webhooks.begin(delivery)
                if tried is not None:
                    break
                claim.passed.add(delivery)
            timeout = settings.WEBHOOK_TIMEOUT
            sending[pool.submit(webhook_http.post, tried.url, tried.body, tried.headers, timeout)] = (claim, tried)

        for claim in claims:
            send_next(claim)
        while sending:
            done, _running = wait(sending, return_when=FIRST_COMPLETED)
            for future in done:
                claim, tried = sending.pop(future)
                outcome = webhooks.finish(tried, *future.result())
                failed = failed or outcome == "retry"
                if outcome != "delivered":
                    continue  # backing off (or paused): its back-off holds it now, not this round
                if claim.failing or time.monotonic() - started > ROUND_SECONDS:
                    claim.release()  # a probe answered (the rest of its line goes to the other lane), or time is up
                    deliver = True
                elif claim.take():
                    send_next(claim)
    # The lane of probes goes on while any receiver fails: its next round when the first back-off ends.
    return deliver, (next_probe() if failing or failed else None)

"""From published revisions to e-mails: the at-once alerts after every publish, and the daily and weekly
digests. Both read the public revisions of records that are visible to the public when the mail is made
(a record taken down or unpublished since is left out, whatever was queued), find the confirmed follows
they concern, and send each address one e-mail holding every change it follows.

The work is a fixed number of queries however many addresses follow: the revisions, the revisions
before them, what they concern (tracker/following/targets.py), one query for the follows, one update
for bounces; e-mails are made one at a time as they are sent, over one SMTP connection.

At-once alerts follow the site-wide log of public revisions (`sequence`): a cursor row keeps the last
revision alerted, so a run after every publish, beat every minute, or both, send each change once, and
a publish whose task was lost (the broker was down) is sent by the next run.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from tracker.following import alerts, mailing
from tracker.following.targets import changes_of, search_matches
from tracker.models import DigestRun, Follow, PublicRevision
from tracker.models.following import Frequency, SendCursor
from tracker.models.kinds import record_models

BATCH = 500


def visible(revisions):
    """The revisions of records the public may see now (live and not taken down)."""
    by_type = {}
    for r in revisions:
        by_type.setdefault(r.content_type_id, set()).add(r.object_id)
    shown = set()
    for model in record_models():
        content_type = ContentType.objects.get_for_model(model)
        ids = by_type.get(content_type.pk)
        if ids:
            found = model.objects.published().filter(pk__in=[int(i) for i in ids]).values_list("pk", flat=True)
            shown |= {(content_type.pk, str(pk)) for pk in found}
    return [r for r in revisions if (r.content_type_id, r.object_id) in shown]


def readers(changes, frequency):
    """{follower id: (e-mail, language, [indexes of the changes they follow])}, in one query."""
    wanted = Q(kind="search")
    by_kind = {}
    for change in changes:
        for kind, pk in change.targets:
            by_kind.setdefault(kind, set()).add(pk)
    for kind, ids in by_kind.items():
        wanted |= Q(kind=kind, object_id__in=ids)
    rows = (
        Follow.objects.filter(wanted, confirmed_at__isnull=False, follower__bounced_at__isnull=True)
        .filter(follower__frequency=frequency)
        .values_list("follower_id", "follower__email", "follower__language", "kind", "object_id", "search")
        .order_by()
    )
    found = {}
    for follower_id, email, language, kind, object_id, search in rows.iterator(chunk_size=5000):
        if kind == "search":
            indexes = [i for i, change in enumerate(changes) if search_matches(search or {}, change)]
        else:
            indexes = [i for i, change in enumerate(changes) if (kind, object_id) in change.targets]
        if indexes:
            entry = found.setdefault(follower_id, (email, language, set()))
            entry[2].update(indexes)
    return found


def _subject(rendered, indexes, digest):
    if digest is None and len(indexes) == 1:
        return rendered[indexes[0]].subject_line
    return alerts.summary_subject(len(indexes), digest)


def messages(changes, found, digest=None):
    """E-mails, made one at a time: each change is rendered once per language."""
    rendered, frames = {}, {}
    for follower_id, (email, language, indexes) in found.items():
        if language not in rendered:
            rendered[language] = [alerts.render_change(change, language) for change in changes]
            frames[language] = alerts.render_frame(language, digest)
        ordered = sorted(indexes)
        blocks, frame = [rendered[language][i] for i in ordered], frames[language]
        manage, unsubscribe = mailing.links(follower_id)
        text = frame["text"][0] + "\n".join(b.text for b in blocks) + frame["text"][1]
        html = frame["html"][0] + "".join(b.html for b in blocks) + frame["html"][1]
        text = text.replace(alerts.MANAGE, manage).replace(alerts.UNSUBSCRIBE, unsubscribe)
        html = html.replace(alerts.MANAGE, manage).replace(alerts.UNSUBSCRIBE, unsubscribe)
        subject = _subject(rendered[language], ordered, digest)
        yield follower_id, mailing.message(email, subject, text, html, unsubscribe)


def fan_out(revisions, frequency, digest=None):
    """Send the changes in `revisions` to every confirmed, unbounced follower with that frequency."""
    changes = changes_of(visible(revisions))
    if not changes:
        return 0
    found = readers(changes, frequency)
    if not found:
        return 0
    sent, _bounced = mailing.send_all(messages(changes, found, digest))
    return sent


def cursor(name):
    """The cursor row, locked until the transaction ends; made at the end of the log the first time."""
    row = SendCursor.objects.select_for_update().filter(name=name).first()
    if row is None:
        end = PublicRevision.objects.aggregate(end=Max("sequence"))["end"] or 0
        SendCursor.objects.get_or_create(name=name, defaults={"sequence": end})
        row = SendCursor.objects.select_for_update().get(name=name)
    return row


def send_new_alerts():
    """At-once alerts for every revision published since the last run. Returns the e-mails sent."""
    sent = 0
    while True:
        with transaction.atomic():
            at = cursor("alerts")
            unsent = PublicRevision.objects.filter(sequence__gt=at.sequence).as_public()
            revisions = list(unsent.order_by("sequence")[:BATCH])
            if not revisions:
                return sent
            sent += fan_out(revisions, Frequency.AT_ONCE)
            at.sequence = revisions[-1].sequence
            at.save(update_fields=["sequence"])


def period_end(frequency, now):
    """The end of the last whole day (or week, ending on a Monday) in the site's time zone."""
    today = timezone.localtime(now).date()
    if frequency == Frequency.WEEKLY:
        today -= datetime.timedelta(days=today.weekday())
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time()))


def send_digests(frequency, now=None):
    """The digest of the period that ended last, once: every change published in it, grouped per address."""
    end = period_end(frequency, now or timezone.now())
    start = end - datetime.timedelta(days=7 if frequency == Frequency.WEEKLY else 1)
    with transaction.atomic():
        run, created = DigestRun.objects.get_or_create(frequency=frequency, period_end=end)
        if not created:
            return 0
        revisions = list(
            PublicRevision.objects.filter(published_at__gte=start, published_at__lt=end)
            .as_public()
            .order_by("sequence")
        )
        run.sent = fan_out(revisions, frequency, digest={"frequency": frequency, "start": start, "end": end})
        run.save(update_fields=["sent"])
        return run.sent

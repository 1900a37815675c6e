"""The follower's actions: ask to follow (double opt-in), confirm, change how often, stop following one
thing, leave (one click, everything deleted), export. Each changes only the rows it names, in one
transaction; the confirmation is the only e-mail an address can get before it has opted in."""

import datetime

from django.db import transaction
from django.utils import timezone

from tracker.following import mailing
from tracker.following.tokens import CONFIRM_DAYS
from tracker.models import Follow, Follower
from tracker.models.following import Frequency


def normalise(email):
    """One follower per mailbox: the domain is case-insensitive, and so in practice is the local part."""
    return email.strip().casefold()


def ask_to_follow(email, *, kind, object_id=None, search=None, language="en"):
    """Record an unconfirmed follow and mail its confirmation link. Asking again for what the address
    already follows sends nothing (and says nothing different), so this page cannot tell anyone what an
    address follows."""
    email = normalise(email)
    with transaction.atomic():
        follower, _created = Follower.objects.get_or_create(email=email, defaults={"language": language})
        if kind == "search":
            follow = next((f for f in follower.follows.filter(kind="search") if f.search == search), None)
            if follow is None:
                follow = Follow.objects.create(follower=follower, kind=kind, search=search)
        else:
            follow, _created = Follow.objects.get_or_create(follower=follower, kind=kind, object_id=object_id)
        if follow.confirmed_at is not None:
            return follow
    mailing.send_confirmation(follow)
    return follow


def confirm(follow_id, follower_id):
    """Confirm the follow a confirmation link names; the follow, or None when it is gone."""
    with transaction.atomic():
        follow = Follow.objects.select_related("follower").filter(pk=follow_id, follower_id=follower_id).first()
        if follow is None:
            return None
        if follow.confirmed_at is None:
            follow.confirmed_at = timezone.now()
            follow.save(update_fields=["confirmed_at"])
        # Confirming shows the mailbox takes mail again.
        Follower.objects.filter(pk=follow.follower_id, bounced_at__isnull=False).update(bounced_at=None)
    return follow


def forget_unconfirmed(now=None):
    """Delete follows not confirmed within the link's week, and addresses left following nothing: an
    address that never confirmed is not kept. Returns how many follows were forgotten."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=CONFIRM_DAYS)
    with transaction.atomic():
        forgotten, _by_model = Follow.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
        Follower.objects.filter(follows__isnull=True, created_at__lt=cutoff).delete()
    return forgotten


def set_frequency(follower, frequency):
    if frequency not in Frequency.values:
        raise ValueError(frequency)
    Follower.objects.filter(pk=follower.pk).update(frequency=frequency)
    follower.frequency = frequency


def stop_following(follower, follow_id):
    """Stop one follow; the follower is deleted with their last one (nothing kept that sends nothing)."""
    with transaction.atomic():
        Follow.objects.filter(follower=follower, pk=follow_id).delete()
        if not Follow.objects.filter(follower=follower).exists():
            follower.delete()
            return True
    return False


def leave(follower_id):
    """Unsubscribe from everything: the address and all it follows are deleted. True if there was any."""
    deleted, _by_model = Follower.objects.filter(pk=follower_id).delete()
    return bool(deleted)


def export(follower):
    """Everything kept about the follower, as a JSON-ready dict."""
    return {
        "email": follower.email,
        "language": follower.language,
        "frequency": follower.frequency,
        "first_followed": follower.created_at.isoformat(),
        "bounced": follower.bounced_at.isoformat() if follower.bounced_at else None,
        "follows": [
            {
                "what": follow.kind,
                "id": follow.object_id,
                "search": follow.search or None,
                "asked": follow.created_at.isoformat(),
                "confirmed": follow.confirmed_at.isoformat() if follow.confirmed_at else None,
            }
            for follow in follower.follows.order_by("pk")
        ],
    }

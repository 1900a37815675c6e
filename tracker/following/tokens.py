"""The signed links of the e-mails (django.core.signing, keyed by SECRET_KEY): nothing to store, nothing
to guess. A confirmation link names one follow and lasts a week; a manage link names the follower and
lasts as long as the follower does (deleting everything makes it useless)."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "tracker.following.confirm"
MANAGE_SALT = "tracker.following.manage"
CONFIRM_DAYS = 7


def confirm_token(follow):
    # Ids only: a signed value is readable, and an address has no place in a URL (logs, referrers).
    return signing.dumps([follow.pk, follow.follower_id], salt=CONFIRM_SALT)


def read_confirm_token(token):
    """(follow id, follower id) from a confirmation link; None when it is forged, altered or a week old."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 86400)
    except signing.BadSignature:
        return None
    return tuple(data) if isinstance(data, list) and len(data) == 2 else None


def manage_token(follower_id):
    return signing.dumps(follower_id, salt=MANAGE_SALT)


def read_manage_token(token):
    """The follower id of a manage link; None when it is forged or altered."""
    try:
        value = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def site_url(path):
    """An absolute address on the public site, for e-mails and webhooks (no request to build one from)."""
    return settings.SITE_URL.rstrip("/") + path

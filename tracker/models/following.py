"""Who follows what, and where the tracker tells newsrooms (tracker/following/ does the work).

A follower is an e-mail address and nothing else the sending does not need: the address, the language of
the page they followed from, how often they want mail, and whether mail to them bounced. No client
address, no browser, no name. A follow names a record (its kind and id) or a saved search (the query and
its filters), and counts only once the address has confirmed it through the link mailed to it.

Webhooks are registered by administrators, at https:// addresses of the public internet only
(tracker/models/webhook_addresses.py); each publish is delivered to each active one, and every attempt is
kept in the delivery log.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models import webhook_addresses
from tracker.models.kinds import FOLLOWABLE_KINDS


class Frequency(models.TextChoices):
    AT_ONCE = "at_once", _("At once, for every change")
    DAILY = "daily", _("Once a day, a digest")
    WEEKLY = "weekly", _("Once a week, a digest")


# What can be followed: the public address segment of a followable kind of record (tracker/models/kinds.py),
# or a search.
SEARCH = "search"
FollowKind = models.TextChoices(
    "FollowKind",
    [(kind.model.__name__.upper(), (segment, kind.label)) for segment, kind in FOLLOWABLE_KINDS.items()]
    + [("SEARCH", (SEARCH, _("Search")))],
)


class Follower(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.AT_ONCE)
    created_at = models.DateTimeField(_("first followed"), auto_now_add=True)
    # A permanent failure (SMTP 5xx) when mail was sent: nothing more is sent to the address.
    bounced_at = models.DateTimeField(_("mail bounced"), null=True, blank=True)

    class Meta:
        verbose_name = _("follower")

    def __str__(self):
        return f"follower {self.pk}"


class Follow(models.Model):
    follower = models.ForeignKey(Follower, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField(_("what"), max_length=20, choices=FollowKind.choices)
    # The followed record's id, for records; None for a search.
    object_id = models.BigIntegerField(null=True, blank=True)
    # A search's query and filters ({"q": "...", "status": "stalled", ...}); empty for records.
    search = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "object_id"], name="follow_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["follower", "kind", "object_id"],
                condition=models.Q(object_id__isnull=False),
                name="follow_record_once",
            )
        ]

    def __str__(self):
        return f"follow {self.pk}"


class DigestRun(models.Model):
    """One digest sent for a period, so that beat running twice sends it once."""

    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    period_end = models.DateTimeField()
    sent = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["frequency", "period_end"], name="digest_run_once")]

    def __str__(self):
        return f"{self.frequency} digest to {self.period_end:%Y-%m-%d}"


class Webhook(models.Model):
    name = models.CharField(_("name"), max_length=120, help_text=_("Whose receiver this is, e.g. a newsroom."))
    url = models.URLField(_("URL"), max_length=500, help_text=_("Every publish is POSTed here as JSON."))
    secret = models.CharField(
        _("secret"),
        max_length=200,
        help_text=_("Shared with the receiver: each delivery is signed with HMAC-SHA256 over its timestamp and body."),
    )
    active = models.BooleanField(_("active"), default=True)
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True, editable=False)
    # Its own back-off (tracker/following/receivers.py): failed tries since its last success, and when it
    # may be tried next: after its back-off, or when the lease of the worker sending to it runs out.
    failures = models.PositiveIntegerField(_("failed tries in a row"), default=0, editable=False)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True, editable=False)
    paused_at = models.DateTimeField(
        _("paused"),
        null=True,
        blank=True,
        help_text=_("Set when the URL failed for a day; clear it (and tick active) to deliver again."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook")

    def __str__(self):
        return self.name

    def clean(self):
        """Only https:// and public addresses (tracker/models/webhook_addresses.py); every delivery checks again."""
        super().clean()
        problem = webhook_addresses.problem(self.url or "")
        if problem:
            raise ValidationError({"url": problem})


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    webhook = models.ForeignKey(Webhook, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries")
    revision = models.ForeignKey(
        "tracker.PublicRevision", verbose_name=_("public revision"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_code = models.PositiveIntegerField(_("last response"), null=True, blank=True)
    error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [
            # Each receiver's line: its pending deliveries, fewest tries first, then oldest.
            models.Index(
                fields=["webhook", "attempts", "id"],
                condition=models.Q(status="pending"),
                name="webhook_delivery_line",
            )
        ]

    def __str__(self):
        return f"{self.webhook} · revision {self.revision_id}"


class SendCursor(models.Model):
    """How far along the site-wide log of public revisions (`PublicRevision.sequence`) a sender has come:
    "alerts" for the at-once e-mails, "webhooks" for the deliveries."""

    name = models.CharField(max_length=20, unique=True)
    sequence = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.name} at {self.sequence}"

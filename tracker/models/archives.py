"""`ArchivedCopy`: what the site knows of one address that published records cite (issue 29).

One row per address, made when a record citing it is first published (tracker/archive/archiving.py), holding

- the copy kept when it was cited: a WARC file in the default storage, its payload's SHA-256, when it was
  fetched, the HTTP status, content type and size. It is never replaced: it is the page as it was cited;
- the fetches that failed since: how many, the last reason in words, and when the next is due (exponential
  back-off; no next attempt once a copy is kept or the attempts are used up);
- the weekly check (tracker/archive/checking.py): when it was last checked, the status it answered, why it
  is dead (empty while it answers) and whether its content has changed since the copy was kept.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchivedCopyQuerySet(models.QuerySet):
    def kept(self):
        return self.exclude(warc="")

    def due(self, now):
        return self.filter(next_attempt_at__lte=now).order_by("next_attempt_at")


class ArchivedCopy(models.Model):
    url = models.CharField(_("address"), max_length=500, unique=True)
    first_cited_at = models.DateTimeField(auto_now_add=True)

    # The copy, once kept.
    warc = models.CharField(max_length=200, blank=True, help_text="Its name in the default storage.")
    sha256 = models.CharField(max_length=64, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)  # bytes of the page itself
    warc_size = models.PositiveBigIntegerField(null=True, blank=True)  # bytes of the stored file

    # Failed fetches since the last kept copy (or since it was cited).
    attempts = models.PositiveIntegerField(default=0)
    last_failure = models.CharField(max_length=500, blank=True)
    last_failed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)  # None: nothing due

    # The weekly check.
    checked_at = models.DateTimeField(null=True, blank=True)
    check_status = models.PositiveSmallIntegerField(null=True, blank=True)
    dead_reason = models.CharField(max_length=500, blank=True)  # empty while it answers
    content_changed = models.BooleanField(default=False)

    objects = ArchivedCopyQuerySet.as_manager()

    class Meta:
        verbose_name = _("archived copy")
        verbose_name_plural = _("archived copies")
        indexes = [
            models.Index(
                fields=["next_attempt_at"], name="archived_copy_due", condition=models.Q(next_attempt_at__isnull=False)
            ),
            models.Index(fields=["checked_at"], name="archived_copy_checked"),
        ]

    def __str__(self):
        return self.url

    @property
    def is_kept(self):
        return bool(self.warc)

    @property
    def is_dead(self):
        return bool(self.dead_reason)

    @property
    def confirmed_at(self):
        """When the page was last seen as cited: the last check that found it unchanged, else the fetch."""
        if self.checked_at and not self.dead_reason and not self.content_changed:
            return self.checked_at
        return self.fetched_at

"""The outbox of the caching proxy's purges: the pages a change of the public state made stale, written in
the change's own transaction (tracker/public/frontend_cache.py), sent after the commit and again a few
seconds later (tracker/public/purges.py), and deleted once the proxy has answered both. A row outlives any
process, broker or proxy that fails meanwhile, so no purge is lost."""

from django.db import models
from django.utils import timezone


class PurgeStage(models.IntegerChoices):
    FIRST = 1, "at once, after the commit"
    AGAIN = 2, "again, HTTP_CACHE_REPURGE_SECONDS after the first was answered"


class PurgeRequest(models.Model):
    paths = models.JSONField(default=list)  # each PURGEd: every kept answer of that path
    bans = models.JSONField(default=list)  # each BANned: every kept answer whose path matches it
    stage = models.PositiveSmallIntegerField(choices=PurgeStage.choices, default=PurgeStage.FIRST)
    due_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)  # sends the proxy did not answer
    error = models.CharField(max_length=300, blank=True)  # why the last of them failed
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["due_at"], name="purge_request_due")]

    def __str__(self):
        return f"{len(self.paths)} paths and {len(self.bans)} bans, due {self.due_at:%Y-%m-%d %H:%M:%S}"

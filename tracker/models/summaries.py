"""Maintained aggregates of the public state: the figures of the dashboard, the office, person and place
pages and the accountability report, each stored once, so that a request reads one row instead of
scanning every commitment (tracker/public/summaries.py computes, reads and refreshes them).

A row is **fresh** while nothing public has changed since it was computed, on the day it was computed
for. Every change of the public state marks the rows it can alter stale *in the transaction that makes
the change* and moves their `generation` on. A stale row is served only briefly, while the refresh that
follows every change computes it again, and never once something left the public site (a takedown):
see `tracker/public/summaries.figures`. And a figure computed from an older state is stored only if the
generation it started from is still the row's (an optimistic check), so a slow computation never overwrites
a newer one.
"""

import datetime

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Stale "since" long before any window in which a stale row may be served: its figures are never served again.
NEVER_SERVED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class PublicSummaryQuerySet(models.QuerySet):
    def mark_stale(self, *, servable=True):
        """Every row is stale and no computation started before now may store its result. A row keeps the
        moment it first went stale, until it is stored fresh again; a row that must not be served stale at all
        (something left the public site) is marked as stale since NEVER_SERVED."""
        since = Coalesce(F("stale_since"), Value(timezone.now())) if servable else Value(NEVER_SERVED)
        return self.update(fresh=False, generation=F("generation") + 1, stale_since=since)


class PublicSummary(models.Model):
    # "dashboard", "office:<id>", "person:<id>", "place:<id>", "accountability:<filters>"
    key = models.CharField(_("key"), max_length=200, primary_key=True)
    day = models.DateField(_("computed for the day"))
    fresh = models.BooleanField(_("fresh"), default=False)
    generation = models.PositiveBigIntegerField(_("generation"), default=0)
    data = models.BinaryField(_("figures (pickled)"), default=b"")
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    # When the row went stale (None while fresh): a stale row is served for a short while after
    # (SUMMARY_STALE_SECONDS, tracker/public/summaries.py) while the refresh computes it again.
    stale_since = models.DateTimeField(_("stale since"), null=True, blank=True)
    # How long its last computation took: the refresh computes a costly row again less often while
    # editors publish (tracker/public/summaries.py `_wait_before_computing`).
    cost = models.FloatField(_("seconds its last computation took"), default=0.0)

    objects = PublicSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("public summary")
        verbose_name_plural = _("public summaries")
        indexes = [models.Index(fields=["fresh", "day"], name="summary_fresh_day")]

    def __str__(self):
        return f"{self.key} ({'fresh' if self.fresh else 'stale'}, {self.day})"

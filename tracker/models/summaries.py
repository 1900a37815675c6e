"""Maintained aggregates of the public state: the figures of the dashboard, the office, person and place
pages and the accountability report, each stored once, so that a request reads one row instead of
scanning every commitment (tracker/public/summaries.py computes, reads and refreshes them).

A row is **fresh** while nothing public has changed since it was computed, on the day it was computed
for. Every change of the public state marks the rows it can alter stale *in the transaction that makes
the change* (so no request after the commit can read a figure computed before it) and moves their
`generation` on: a figure computed from an older state is stored only if the generation it started
from is still the row's (an optimistic check), so a slow computation never overwrites a newer one.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicSummaryQuerySet(models.QuerySet):
    def mark_stale(self):
        """Every row is stale and no computation started before now may store its result."""
        return self.update(fresh=False, generation=F("generation") + 1)


class PublicSummary(models.Model):
    # "dashboard", "office:<id>", "person:<id>", "place:<id>", "accountability:<filters>"
    key = models.CharField(_("key"), max_length=200, primary_key=True)
    day = models.DateField(_("computed for the day"))
    fresh = models.BooleanField(_("fresh"), default=False)
    generation = models.PositiveBigIntegerField(_("generation"), default=0)
    data = models.BinaryField(_("figures (pickled)"), default=b"")
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    objects = PublicSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("public summary")
        verbose_name_plural = _("public summaries")
        indexes = [models.Index(fields=["fresh", "day"], name="summary_fresh_day")]

    def __str__(self):
        return f"{self.key} ({'fresh' if self.fresh else 'stale'}, {self.day})"

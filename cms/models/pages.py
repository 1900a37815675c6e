"""Editorial pages edited as Wagtail pages: the methodology readers are pointed to from every scorecard."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class MethodologyPage(Page):
    """How the tracker decides statuses, owners and scorecards. Each section has a fixed anchor
    (#statuses, #ownership, #scorecards, #sources with #source-ranking and #what-does-not-count,
    #verification) that public pages link to."""

    intro = models.TextField(blank=True)
    statuses = RichTextField(blank=True, help_text="Shown above the list of statuses and their meanings.")
    ownership = RichTextField(blank=True)
    scorecards = RichTextField(blank=True)
    sources_policy = RichTextField(blank=True)

    template = "pages/methodology_page.html"
    max_count = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("statuses"),
        FieldPanel("ownership"),
        FieldPanel("scorecards"),
        FieldPanel("sources_policy"),
    ]

    def get_context(self, request, *args, **kwargs):
        from tracker.history.digest import checking_context
        from tracker.models.evidence import EDGE_CASES, RANKING
        from tracker.models.vocabulary import CommitmentStatus
        from tracker.public.presenters import STATUS_EXPLANATIONS

        context = super().get_context(request, *args, **kwargs)
        context["status_glossary"] = [(status.label, STATUS_EXPLANATIONS[status]) for status in CommitmentStatus]
        # The ranking of sources and the worked cases of what counts (#source-ranking, #what-does-not-count),
        # from the rule's own data (tracker/models/evidence.py), so the page cannot disagree with it.
        context["source_ranking"] = RANKING
        context["edge_cases"] = EDGE_CASES
        # The archive's limits and when a status is stale (#archived-copies; tracker/archive/).
        context["archive_max_megabytes"] = settings.ARCHIVE_MAX_BYTES // (1024 * 1024)
        context["source_stale_days"] = settings.SOURCE_STALE_DAYS
        # The key readers check signed digests with (#verification).
        context.update(checking_context())
        return context

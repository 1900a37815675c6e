"""What every tracker record shares: Wagtail drafts, revisions, locking, workflow and preview, a
public slug, the editor's summary of the change, and a full row history (simple-history)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

# Saves that touch only these fields record editing state (a draft exists, a lock), not the record.
BOOKKEEPING_FIELDS = frozenset({"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"})
HISTORY_EXCLUDED = ["latest_revision", "locked", "locked_at", "locked_by"]


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class TrackerRecord(
    PreviewableMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        allow_unicode=True,
        help_text=_("The last part of the public address. Left blank, it is made from the name."),
    )
    edit_summary = models.CharField(
        _("edit summary"),
        max_length=255,
        blank=True,
        help_text=_("What you changed and why, in one line. Shown publicly with this revision."),
    )

    # Deletes the record's Wagtail revisions and workflow states with it (Wagtail's own
    # `revisions` and `workflow_states` properties do the querying).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )
    history = HistoricalRecords(inherit=True, excluded_fields=HISTORY_EXCLUDED)

    objects = RecordQuerySet.as_manager()

    # Field names copied into each public revision; parts are listed in `public_parts`.
    public_fields: tuple[str, ...] = ()
    public_parts: dict[str, tuple[str, ...]] = {}

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        raise NotImplementedError

    # The name of the record's public page in tracker/urls.py (None: the record has no page).
    public_url_name: str | None = None

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse(f"tracker:{self.public_url_name}", args=[self.slug]) if self.public_url_name else None

    def get_preview_template(self, request, mode_name):
        return "tracker/preview/record.html"

    def get_preview_context(self, request, mode_name):
        from ..snapshots import build_snapshot

        context = super().get_preview_context(request, mode_name)
        context["snapshot"] = build_snapshot(self)
        return context

    def publication_problems(self):
        """What stops this record from being published (drafts may be incomplete)."""
        return []

    def publish(self, revision, *args, **kwargs):
        # Every publish, from the admin, a workflow approval, a schedule or a script, passes here.
        problems = revision.as_object().publication_problems()
        if problems:
            raise ValidationError(problems)
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
            # Wagtail saves a draft of a published record by storing a revision and flagging the row;
            # the row itself still holds the published state, so there is nothing to add to its history
            # (and the in-memory draft values must not be copied into it).
            self.skip_history_when_saving = True
            try:
                return super().save(*args, **kwargs)
            finally:
                del self.skip_history_when_saving
        return super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.display_name, allow_unicode=True)[:100] or self._meta.model_name
        slug, n = base, 2
        others = type(self)._default_manager.exclude(pk=self.pk)
        while others.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class PartHistory(HistoricalRecords):
    """History of inline parts: the historical copy of a ParentalKey must be a plain foreign key,
    since modelcluster forbids the unnamed reverse relation that history tables need."""

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for field in fields.values():
            if isinstance(field, ParentalKey):
                field.__class__ = models.ForeignKey
        return fields


class RecordPart(models.Model):
    """A part of a record (an owner, a status change, a movement, a source), edited inline and
    published with it."""

    history = PartHistory(inherit=True)

    class Meta:
        abstract = True


class SourceFields(models.Model):
    url = models.URLField(
        _("source URL"),
        max_length=500,
        error_messages={"blank": _("Give the address (URL) of the source: every status change and source needs one.")},
    )
    title = models.CharField(_("source title"), max_length=255)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    quote = models.TextField(_("quote"), blank=True, help_text=_("The words in the source that support this."))
    archive_url = models.URLField(
        _("archived copy"),
        max_length=500,
        blank=True,
        help_text=_("A copy in a web archive, in case the page changes."),
    )

    class Meta:
        abstract = True

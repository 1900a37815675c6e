"""What every tracker record shares: Wagtail drafts, revisions, locking, workflow and preview, a
public slug, the editor's summary of the change, and a full row history (simple-history)."""

import functools

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelcluster.utils import sort_by_fields
from simple_history.models import HistoricalRecords
from wagtail.actions import action_registry
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from tracker.models.vocabulary import SourceKind, TakedownReason

# Saves that touch only these fields record editing state (a draft exists, a lock), not the record.
BOOKKEEPING_FIELDS = frozenset({"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"})
# How many times a new record's generated slug is tried when other saves keep taking it first. Saves of
# one name at the same moment take its slugs one at a time (each waits for the insert before it to
# commit), so N such saves need up to N tries: enough for a newsroom's worth of imports and editors.
SLUG_ATTEMPTS = 20
HISTORY_EXCLUDED = ["latest_revision", "locked", "locked_at", "locked_by"]
# In every record's search_fields: the admin's lists may be searched and filtered by id at once (the
# "Missing Urdu" filter chooses records by id, tracker/models/translations.py).
ID_FILTER = index.FilterField("id")


def published(through=""):
    """The condition of a record the public may see: live, and not taken down for legal reasons. `through`
    names the relation to the record from another model ("person" for a tenure's person)."""
    prefix = f"{through}__" if through else ""
    return models.Q(**{f"{prefix}live": True, f"{prefix}taken_down_at__isnull": True})


# The columns of a record that editing and publishing read (Wagtail's revisions, drafts, locks and schedule, the
# editor's summary, the takedown notice, other spellings for search) and a published record's page never shows.
EDITING_FIELDS = (
    "latest_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "edit_summary",
    "takedown_notice",
    "takedown_reason",
    "maintained_by",
    "other_names",
)


@functools.cache
def editing_fields(model, *through):
    """The EDITING_FIELDS of `model` and of the records joined to it by `through` ("office", "office__organization"),
    for `.defer()`: a public page reading many records leaves some 16 columns of each unread, which cost more to
    convert into each row's fields than to read. ("" stands for `model` itself.)"""
    names = ()
    for path in through or ("",):
        related = model
        for step in filter(None, path.split("__")):
            related = related._meta.get_field(step).related_model
        names += tuple(f"{path}__{name}" if path else name for name in EDITING_FIELDS if _has_field(related, name))
    return names


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def other_names_field():
    """The other spellings and names of a place, office or person, which search finds it by too
    (search/variants.py)."""
    return models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "Other spellings and names people use for it, one a line or separated by commas "
            "(Baluchistan, Kwetta, Heena). Search finds the record by them too."
        ),
    )


class RecordQuerySet(models.QuerySet):
    def published(self):
        """Records the public may see: live, and not taken down for legal reasons."""
        return self.filter(published())

    def taken_down(self):
        return self.filter(live=True, taken_down_at__isnull=False)


def page_address(url_name, *args):
    """The address of a public page (`url_name` in tracker/public/urls.py; a record's page with its slug),
    in the language of the page that shows it."""
    from django.urls import get_script_prefix, get_urlconf
    from django.utils.translation import get_language

    return _page_address(url_name, args, get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=50_000)
def _page_address(url_name, args, language, script_prefix, urlconf):
    """Kept by everything reverse() reads (the language, the prefix, the URLconf), so the same address:
    a page links dozens of records, some several times, and reversing each cost more than its row."""
    from django.urls import reverse

    return reverse(f"tracker:{url_name}", args=args)


# Each field's {value: label}, the labels lazy (translated when shown, in the page's language).
_CHOICE_LABELS = {}


class ChoiceLabels:
    """`get_<field>_display()` with one translation lookup. Django's builds a dict of every choice per
    call, and hashing each lazy label translates it: seven lookups for a status, on every row of a list
    and every status change on a commitment's page."""

    def _get_FIELD_display(self, field):
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = {make_hashable(value): label for value, label in field.flatchoices}
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class TrackerRecord(
    ChoiceLabels,
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
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
    # A legal takedown hides the record from every public page (its own pages answer 410 with the
    # notice) without touching its public revisions: the hash chain stays verifiable and the history
    # comes back unchanged if the record is restored. Set only through tracker/publishing/takedown.py.
    taken_down_at = models.DateTimeField(_("taken down at"), null=True, blank=True, editable=False)
    takedown_notice = models.TextField(
        _("takedown notice"),
        blank=True,
        editable=False,
        help_text=_("Shown publicly in place of the record: why it was taken down, on whose order."),
    )
    takedown_reason = models.CharField(
        _("takedown reason"),
        max_length=32,
        choices=TakedownReason.choices,
        blank=True,
        editable=False,
        help_text=_("The category of the reason, shown publicly with the notice."),
    )

    # The civil-society organisation whose editors keep this record (tracker/publishing/permissions.py). Not
    # public: it is not in `public_fields`, so public revisions do not carry it.
    maintained_by = models.ForeignKey(
        "tracker.EditingOrganisation",
        verbose_name=_("maintained by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The organisation whose editors keep this record. Left blank, only moderators can edit it."),
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
    # The texts readers read, each with its Urdu beside it as `<field>_ur` (tracker/models/translations.py):
    # the record's own, and its parts' as {relation: (field, ...)}.
    translated_fields: tuple[str, ...] = ()
    translated_parts: dict[str, tuple[str, ...]] = {}

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        raise NotImplementedError

    # The name of the record's public page in tracker/public/urls.py (None: the record has no page).
    public_url_name: str | None = None

    def get_absolute_url(self):
        return page_address(self.public_url_name, self.slug) if self.public_url_name else None

    def get_preview_template(self, request, mode_name):
        return "tracker/preview/record.html"

    def get_preview_context(self, request, mode_name):
        from tracker.models.snapshots import build_snapshot

        context = super().get_preview_context(request, mode_name)
        context["snapshot"] = build_snapshot(self)
        return context

    def shown_on(self):
        """The other records whose public pages and search documents show this one (its name, who holds
        it, what lies inside it), as {model: ids}: when this record changes, they change too. Each kind
        of record declares its own; most are shown only on their own page."""
        return {}

    def publication_problems(self):
        """What stops this record from being published (drafts may be incomplete)."""
        return []

    def clean_fields(self, exclude=None):
        refuse_null_characters(self, exclude, super().clean_fields)

    def check_publishable(self, *, references_loaded=False, validate_unique=True):
        """Raise ValidationError when this record may not be published: its own fields first (each
        problem under its field's name, as forms show them), then the publication rules and its parts.

        Drafts are saved without these checks (they may be incomplete); every publish runs them once,
        however it is reached (tracker/publishing/publish.py). An import's dry run asks the same
        (tracker/spreadsheets/filling.py), leaving out only what it has checked itself, at a query or two
        per row: with `references_loaded`, that the records this one and its parts point to exist (it
        loaded them; the publication rules still ask whether they are public), and with
        `validate_unique=False`, uniqueness (it keeps ids and slugs unique itself)."""
        exclude = set_references(self) if references_loaded else None
        self.full_clean(exclude=exclude, validate_unique=validate_unique, validate_constraints=validate_unique)
        problems = self.publication_problems() or self.part_problems(references_loaded=references_loaded)
        if problems:
            raise ValidationError(problems)

    def number_parts(self):
        """Give each part held in memory without a place in its list (a script's or an import's; the admin's
        inline forms always number theirs) the next place after the parts that have one, in the order they
        were added. Parts without one are read back from PostgreSQL in any order, and the record would then
        differ from what its public revision holds. Parts not loaded into memory are left as saved (no
        query)."""
        in_memory = getattr(self, "_cluster_related_objects", {})
        for relation in self.public_parts:
            parts = in_memory.get(relation) or []
            if not parts or not hasattr(parts[0], "sort_order"):
                continue
            placed = [p.sort_order for p in parts if p.sort_order is not None]
            following = max(placed) + 1 if placed else 0
            for part in (p for p in parts if p.sort_order is None):
                part.sort_order = following
                following += 1
            # Kept in memory in the order the database reads them back in, so the public revision (made
            # from memory) lists them as the record does.
            sort_by_fields(parts, type(parts[0])._meta.ordering or ["sort_order"])

    def part_problems(self, *, references_loaded=False):
        """The field and rule errors of the record's parts, as plain messages."""
        problems = []
        for relation in self.public_parts:
            for number, part in enumerate(getattr(self, relation).all(), start=1):
                parent = part._meta.get_field(relation_parent_name(part, type(self)))
                loaded = set_references(part) if references_loaded else []
                try:
                    part.full_clean(exclude=[parent.name, *loaded])
                except ValidationError as error:
                    label = f"{part._meta.verbose_name} {number}".capitalize()
                    problems += [f"{label}: {message}" for message in messages_of(error, part)]
        return problems

    def publish(
        self, revision, user=None, changed=True, log_action=True, previous_revision=None, skip_permission_checks=False
    ):
        # Every publish, from the admin, a workflow approval, a schedule or a script, passes here. It runs
        # the publish action registered for tracker records (tracker/publishing/publish.py), which checks
        # the rules and writes the public revision in the publish's own transaction.
        action_class = action_registry.get_action_class(type(self), "publish")
        if not getattr(action_class, "writes_public_revision", False):
            raise ImproperlyConfigured(
                f"{action_class.__name__} does not write public revisions; tracker/wagtail_hooks.py registers "
                "the tracker's publish action."
            )
        action = action_class(
            revision, user=user, changed=changed, log_action=log_action, previous_revision=previous_revision
        )
        return action.execute(skip_permission_checks=skip_permission_checks)

    def unpublish(self, set_expired=False, commit=True, user=None, log_action=True):
        # Every unpublish but the admin's view passes here; it runs the unpublish action registered for
        # tracker records (tracker/publishing/unpublish.py), in one transaction with what follows it.
        action_class = action_registry.get_action_class(type(self), "unpublish")
        action = action_class(self, set_expired=set_expired, commit=commit, user=user, log_action=log_action)
        return action.execute(skip_permission_checks=True)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
            if self._state.adding:
                return self._insert_with_free_slug(*args, **kwargs)
        return self._save(*args, **kwargs)

    def _insert_with_free_slug(self, *args, **kwargs):
        """Insert a new record whose slug was made from its name. Another editor may save a record of the
        same name between the check for a free slug and this insert: the insert then fails on the slug's
        unique constraint alone, and is tried again (in a savepoint) with the next free slug. A slug the
        editor chose is never changed behind their back."""
        pk = self.pk
        for _attempt in range(SLUG_ATTEMPTS):
            try:
                with transaction.atomic(using=kwargs.get("using")):
                    return self._save(*args, **kwargs)
            except IntegrityError:
                self.pk = pk  # as before the failed insert
                if not type(self)._default_manager.filter(slug=self.slug).exists():
                    raise  # not the slug: some other constraint failed
                self.slug = self._unique_slug()
        raise ValidationError(
            {
                "slug": _(
                    "Many records named “%(name)s” were being saved at the same moment and every free web "
                    "address was taken first. Nothing was saved: save again."
                )
                % {"name": self.display_name}
            }
        )

    def _save(self, *args, **kwargs):
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


def refuse_null_characters(obj, exclude, clean_fields):
    """Run `clean_fields`, and refuse text holding a NUL character, which PostgreSQL cannot store (pasted
    from a binary file, or sent by an attacker): a clear message under the field, not a database error."""
    errors = {}
    try:
        clean_fields(exclude=exclude)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname, None)
        if isinstance(value, str) and "\x00" in value and field.name not in (exclude or ()):
            errors.setdefault(field.name, []).append(
                _("Remove the invisible NUL character (\\0) from this text: it cannot be stored.")
            )
    if errors:
        raise ValidationError(errors)


def set_references(obj):
    """The names of `obj`'s foreign keys that are set."""
    return [
        field.name
        for field in obj._meta.concrete_fields
        if field.many_to_one and getattr(obj, field.attname) is not None
    ]


def relation_parent_name(part, parent_model):
    """The name of the ParentalKey that ties `part` to a record of `parent_model`."""
    return next(
        f.name for f in part._meta.fields if isinstance(f, ParentalKey) and issubclass(parent_model, f.related_model)
    )


def messages_of(error, obj):
    """`error`'s messages, each led by the name of its field as the editor knows it."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        message if field == "__all__" else f"{obj._meta.get_field(field).verbose_name}: {message}"
        for field, messages in error.message_dict.items()
        for message in messages
    ]


class PartHistory(HistoricalRecords):
    """History of inline parts: the historical copy of a ParentalKey must be a plain foreign key,
    since modelcluster forbids the unnamed reverse relation that history tables need."""

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for field in fields.values():
            if isinstance(field, ParentalKey):
                field.__class__ = models.ForeignKey
        return fields


class RecordPart(ChoiceLabels, models.Model):
    """A part of a record (an owner, a status change, a movement, a source), edited inline and
    published with it."""

    history = PartHistory(inherit=True)

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        refuse_null_characters(self, exclude, super().clean_fields)


class WebAddressField(models.URLField):
    """The address of a page on the web: http or https only, never ftp, a file or a script."""

    default_validators = [
        URLValidator(
            schemes=("http", "https"),
            message=_("Give a web address that starts with http:// or https://, one anyone can open in a browser."),
        )
    ]


class SourceFields(models.Model):
    url = WebAddressField(
        _("source URL"),
        max_length=500,
        error_messages={"blank": _("Give the address (URL) of the source: every status change and source needs one.")},
    )
    title = models.CharField(_("source title"), max_length=255)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    quote = models.TextField(_("quote"), blank=True, help_text=_("The words in the source that support this."))
    archive_url = WebAddressField(
        _("archived copy"),
        max_length=500,
        blank=True,
        help_text=_("A copy in a web archive, in case the page changes."),
    )
    # Empty on sources entered before kinds existed: "not graded" (a migration never guesses one).
    kind = models.CharField(
        _("kind of source"),
        max_length=30,
        blank=True,
        default="",
        choices=SourceKind.choices,
        help_text=_(
            "What the source is, as the methodology ranks it. Announcements, inaugurations, plans and press "
            "releases cannot prove delivery on their own."
        ),
    )

    class Meta:
        abstract = True

    @property
    def method(self):
        """The methodology's ranking of this source's kind (tracker/models/evidence.py); None: not graded."""
        from tracker.models.evidence import method_of

        return method_of(self.kind)

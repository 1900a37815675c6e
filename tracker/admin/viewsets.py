"""The tracker's records in the Wagtail admin: snippets with drafts, revisions, locking, preview and
the moderation workflow; parts edited inline; choosers for every related record."""

import django_filters
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from tracker.admin.forms import CommitmentForm, OfficeForm, RecordForm
from tracker.admin.record_views import (
    RecordCreateView,
    RecordDeleteView,
    RecordEditView,
    RecordUnpublishView,
    RecordWorkflowActionView,
)
from tracker.admin.searching import RecordChooserSearchForm, RecordSearchMixin
from tracker.models import Commitment, Decision, Jurisdiction, Office, Organization, Person
from tracker.models.translations import complete_in_urdu, coverage, missing_urdu, with_urdu_coverage
from tracker.publishing.permissions import guard_urlpatterns

PUBLISHING = MultiFieldPanel(
    [
        FieldPanel("slug"),
        FieldPanel("edit_summary"),
        # Editors' records belong to their own organisation; only moderators may hand one over.
        FieldPanel("maintained_by", permission="tracker.assign_records"),
    ],
    heading=_("Publishing"),
)
SOURCE_PANELS = [
    FieldPanel("url"),
    FieldPanel("title"),
    FieldRowPanel([FieldPanel("kind"), FieldPanel("publisher"), FieldPanel("published_on")]),
    FieldPanel("quote"),
    FieldPanel("archive_url"),
]


def publication(record):
    """Where a record stands with the public, in the words of the public site."""
    if record.taken_down_at is not None:
        return _("Taken down")
    return _("Published") if record.live else _("Draft")


# In the lists: "Published", "Draft" or "Taken down" rather than Live: True/False.
PUBLICATION = Column("publication", label=_("Publication"), accessor=publication, sort_key="live")


def urdu_coverage(record):
    """How much of what readers read of the record is written in Urdu: "2 of 3 texts"."""
    found = coverage(record)
    return ngettext("%(translated)s of %(total)s text", "%(translated)s of %(total)s texts", found.total) % {
        "translated": found.translated,
        "total": found.total,
    }


# Translation coverage per record, counted in the list's own query (RecordViewSet.get_queryset).
URDU = Column("urdu", label=_("Urdu"), accessor=urdu_coverage, sort_key="urdu_missing")


class PublicationFilterSet(WagtailFilterSet):
    """The lists' filters, with "Publication" (Published, Draft, Taken down) instead of Live: yes/no."""

    publication = django_filters.ChoiceFilter(
        label=_("Publication"),
        choices=[("published", _("Published")), ("draft", _("Draft")), ("taken_down", _("Taken down"))],
        method="by_publication",
        empty_label=_("All"),
    )

    urdu = django_filters.ChoiceFilter(
        label=_("Urdu"),
        choices=[("missing", _("Missing Urdu")), ("complete", _("Complete in Urdu"))],
        method="by_urdu",
        empty_label=_("All"),
    )

    def by_urdu(self, queryset, name, value):
        if value == "missing":
            return missing_urdu(queryset)
        return complete_in_urdu(queryset) if value == "complete" else queryset

    def by_publication(self, queryset, name, value):
        if value == "published":
            return queryset.published()
        if value == "taken_down":
            return queryset.taken_down()
        return queryset.filter(live=False) if value == "draft" else queryset


def day(field, label):
    """A date column written as the public site writes dates ("31 December 2025")."""

    def written(record):
        value = getattr(record, field)
        return date_format(value, "j F Y") if value else ""

    return Column(field, label=label, accessor=written, sort_key=field)


def editing(panels, form=RecordForm):
    """The edit form of a record: its panels over a form that checks the rules spanning its parts."""
    return ObjectList(panels, base_form_class=form)


class PublishedOnly:
    """A chooser that offers only records the public may see: a record may point only at those (its
    publish refuses a draft, unpublished or taken-down one), so drafts are not offered at all. Its search
    box finds them by the start of any word of their name, in English or Urdu (tracker/admin/searching.py)."""

    def get_object_list(self):
        return self.model_class.objects.published()

    def get_filter_form_class(self):
        fields = self.model_class.snippet_viewset.search_fields
        return type("RecordChooserSearch", (RecordChooserSearchForm,), {"search_fields": fields})


class PublishedChooseView(PublishedOnly, ChooseView):
    pass


class PublishedChooseResultsView(PublishedOnly, ChooseResultsView):
    pass


class PublishedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PublishedChooseView
    choose_results_view_class = PublishedChooseResultsView


class RecordIndexView(RecordSearchMixin, IndexView):
    pass


class RecordViewSet(SnippetViewSet):
    copy_view_enabled = False
    # The search boxes search these in the database (tracker/admin/searching.py): the name in English and
    # in Urdu first, then the record's other texts.
    search_backend_name = None
    index_view_class = RecordIndexView
    chooser_viewset_class = PublishedChooserViewSet
    add_view_class = RecordCreateView
    edit_view_class = RecordEditView
    workflow_action_view_class = RecordWorkflowActionView
    unpublish_view_class = RecordUnpublishView
    delete_view_class = RecordDeleteView
    delete_template_name = RecordDeleteView.template_name

    def get_index_view_kwargs(self, **kwargs):
        fields = getattr(type(self), "list_filter", None)
        meta = type(
            "Meta", (), {"model": self.model, "fields": list(fields) if isinstance(fields, list | tuple) else []}
        )
        filterset = type(f"{self.model.__name__}FilterSet", (PublicationFilterSet,), {"Meta": meta})
        return super().get_index_view_kwargs(filterset_class=filterset, **kwargs)

    def get_queryset(self, request):
        # Editors list only their organisation's records; moderators and administrators list all.
        records = policy_registry.get_by_type(self.model).instances_user_has_any_permission_for(
            request.user, ["change", "view"]
        )
        # Each with its Urdu coverage counted in the list's query, for the Urdu column.
        return with_urdu_coverage(records)

    def get_urlpatterns(self):
        return guard_urlpatterns(super().get_urlpatterns(), policy_registry.get_by_type(self.model), self.model)


class CommitmentViewSet(RecordViewSet):
    model = Commitment
    icon = "tasks"
    search_fields = ["title", "title_ur", "text", "text_ur"]
    menu_label = _("Commitments")
    list_display = ["title", "status", day("deadline", _("Deadline")), "jurisdiction", PUBLICATION, URDU]
    list_filter = ["status", "sector"]
    edit_handler = editing(
        [
            FieldPanel("title"),
            FieldPanel("title_ur"),
            FieldPanel("text"),
            FieldPanel("text_ur"),
            FieldRowPanel([FieldPanel("sector"), FieldPanel("jurisdiction")]),
            FieldRowPanel([FieldPanel("made_by_office"), FieldPanel("made_on")]),
            FieldPanel("source_quote"),
            FieldRowPanel([FieldPanel("status"), FieldPanel("progress"), FieldPanel("deadline")]),
            InlinePanel(
                "owners",
                min_num=1,
                label=_("Owners"),
                heading=_("Owners: the elected office that promised and the offices that must deliver"),
                panels=[FieldPanel("office"), FieldPanel("role")],
            ),
            InlinePanel(
                "status_changes",
                label=_("Status changes"),
                panels=[
                    FieldRowPanel([FieldPanel("from_status"), FieldPanel("to_status")]),
                    FieldRowPanel([FieldPanel("effective_date"), FieldPanel("recorded_on")]),
                    FieldPanel("note"),
                    FieldPanel("note_ur"),
                    MultiFieldPanel(SOURCE_PANELS, heading=_("Evidence (required)")),
                ],
            ),
            InlinePanel(
                "movements",
                label=_("Movements: where the next action sits"),
                panels=[FieldPanel("office"), FieldPanel("arrived_on"), FieldPanel("note"), FieldPanel("note_ur")],
            ),
            InlinePanel("sources", label=_("Sources"), panels=SOURCE_PANELS),
            PUBLISHING,
        ],
        CommitmentForm,
    )


class DecisionViewSet(RecordViewSet):
    model = Decision
    icon = "doc-full"
    search_fields = ["title", "title_ur", "reference_number", "summary", "summary_ur"]
    menu_label = _("Decisions")
    list_display = ["title", "kind", day("decided_on", _("Decided on")), "deciding_office", PUBLICATION, URDU]
    list_filter = ["kind"]
    edit_handler = editing(
        [
            FieldPanel("title"),
            FieldPanel("title_ur"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("reference_number"), FieldPanel("decided_on")]),
            FieldPanel("deciding_office"),
            FieldPanel("summary"),
            FieldPanel("summary_ur"),
            FieldPanel("amount_pkr"),
            InlinePanel("linked_commitments", label=_("Commitments"), panels=[FieldPanel("commitment")]),
            InlinePanel("sources", label=_("Sources"), panels=SOURCE_PANELS),
            PUBLISHING,
        ]
    )


class OfficeViewSet(RecordViewSet):
    model = Office
    icon = "user"
    # Other spellings last: the first two fields are the names a match ranks by (tracker/admin/searching.py).
    search_fields = ["title", "title_ur", "other_names"]
    menu_label = _("Offices")
    list_display = ["title", "kind", "organization", PUBLICATION, URDU]
    list_filter = ["kind"]
    edit_handler = editing(
        [
            FieldPanel("title"),
            FieldPanel("title_ur"),
            FieldPanel("other_names"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("is_sole")]),
            FieldPanel("organization"),
            InlinePanel(
                "tenures",
                label=_("Holders"),
                heading=_("Who held this office, and when"),
                panels=[
                    FieldPanel("person"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("how")]),
                    FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_reason")]),
                    FieldPanel("notification"),
                ],
            ),
            PUBLISHING,
        ],
        OfficeForm,
    )


class PersonViewSet(RecordViewSet):
    model = Person
    icon = "user"
    search_fields = ["name", "name_ur", "other_names", "summary", "summary_ur"]
    menu_label = _("People")
    list_display = ["name", PUBLICATION, URDU]
    edit_handler = editing(
        [
            FieldPanel("name"),
            FieldPanel("name_ur"),
            FieldPanel("other_names"),
            FieldPanel("summary"),
            FieldPanel("summary_ur"),
            PUBLISHING,
        ]
    )


class ClassifiedRecordViewSet(RecordViewSet):
    """A record known by its name (in English and Urdu), classified by one field and placed under
    another: organisations (classification, jurisdiction) and jurisdictions (tier, parent). Both are
    listed by those two fields, filtered by the first and edited with the two side by side."""

    classified_by = placed_in = None
    has_other_names = False  # the other spellings search finds it by (places only)
    search_fields = ["name", "name_ur"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.has_other_names:
            cls.search_fields = [*cls.search_fields, "other_names"]
        cls.list_display = ["name", cls.classified_by, cls.placed_in, PUBLICATION, URDU]
        cls.list_filter = [cls.classified_by]
        cls.edit_handler = editing(
            [
                FieldPanel("name"),
                FieldPanel("name_ur"),
                *([FieldPanel("other_names")] if cls.has_other_names else []),
                FieldRowPanel([FieldPanel(cls.classified_by), FieldPanel(cls.placed_in)]),
                PUBLISHING,
            ]
        )


class OrganizationViewSet(ClassifiedRecordViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organisations")
    classified_by, placed_in = "classification", "jurisdiction"


class JurisdictionViewSet(ClassifiedRecordViewSet):
    model = Jurisdiction
    icon = "site"
    menu_label = _("Jurisdictions")
    classified_by, placed_in = "tier", "parent"
    has_other_names = True


class TrackerViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Tracker")
    menu_icon = "list-ul"
    menu_order = 100
    items = (
        CommitmentViewSet,
        DecisionViewSet,
        OfficeViewSet,
        PersonViewSet,
        OrganizationViewSet,
        JurisdictionViewSet,
    )

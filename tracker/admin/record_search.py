"""The dashboard's search box finds records: /admin/records/search/?q=.

Wagtail's sidebar search box searches the first search area, pages by default, and the tracker's editors
do not work on pages. "Records" comes first: every kind of record the user may change or view, each with
its best matches first (tracker/admin/searching.py) and a link to its whole list searched the same way.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.search import SearchArea
from wagtail.permissions import policy_registry

from tracker.admin.record_views import AdminPage
from tracker.admin.searching import search_records
from tracker.models.kinds import RECORD_KINDS

# Matches shown of each kind; the rest are a click away in the kind's own list.
EACH_KIND = 10


class RecordSearchView(AdminPage, TemplateView):
    template_name = "tracker/admin/record_search.html"
    page_title = _("Search records")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        typed = self.request.GET.get("q", "").strip()
        return super().get_context_data(q=typed, groups=list(self.groups(typed)) if typed else [], **kwargs)

    def groups(self, typed):
        for kind in RECORD_KINDS:
            model = kind.model
            policy = policy_registry.get_by_type(model)
            if not policy.user_has_any_permission(self.request.user, ["change", "view"]):
                continue
            viewset = model.snippet_viewset
            records = policy.instances_user_has_any_permission_for(self.request.user, ["change", "view"])
            found = search_records(records, typed, viewset.search_fields)
            edit = viewset.get_url_name("edit")
            shown = [(record, reverse(edit, args=[record.pk])) for record in found[:EACH_KIND]]
            if shown:
                yield {
                    "label": kind.plural_label,
                    "records": shown,
                    "count": found.count(),
                    "all_url": reverse(viewset.get_url_name("list")) + "?" + self.request.GET.urlencode(),
                }


class RecordSearchArea(SearchArea):
    def is_shown(self, request):
        return any(
            policy_registry.get_by_type(kind.model).user_has_any_permission(request.user, ["change", "view"])
            for kind in RECORD_KINDS
        )


def search_area():
    # Before Wagtail's "Pages" (order 100), so the sidebar's search box searches records.
    return RecordSearchArea(_("Records"), reverse("tracker_record_search"), icon_name="list-ul", order=10)


urlpatterns = [path("records/search/", RecordSearchView.as_view(), name="tracker_record_search")]

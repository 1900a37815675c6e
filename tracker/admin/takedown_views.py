"""Taking a record down, and restoring it, from the admin: /admin/takedown/<kind>/<pk>/.

Moderators and administrators only (whoever may publish records of that kind): a takedown answers a
legal order, so editors ask a moderator. The form asks for the reason's category and the public notice
(or, to restore, the reason that goes in the record's history) and calls tracker/publishing/takedown.py, as
the `takedown` command does. A "Take down" or "Restore" item sits in the "More" menu of each published record in
the snippet listings.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.permissions import policy_registry

from tracker.admin.record_views import AdminPage, edit_url
from tracker.models.kinds import KINDS_WITH_PAGES, kind_of
from tracker.models.vocabulary import TakedownReason
from tracker.publishing import takedown


def can_take_down(user, model):
    # Whoever may publish records of that kind (tracker/publishing/permissions.py), as for the workflow's approval.
    return policy_registry.get_by_type(model).user_has_permission(user, "publish")


class NoticeForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", "---------"), *TakedownReason.choices],
        help_text=_("Its category, shown publicly with the notice wherever the record is withheld."),
    )
    text = forms.CharField(
        label=_("Public notice"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Shown in place of the record on every one of its public addresses: why it was taken down, and on "
            "whose order. Its history is kept and comes back if it is restored."
        ),
    )


class RestoreForm(forms.Form):
    text = forms.CharField(
        label=_("Why it is restored"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept in the record's history, for example: the court order was set aside on appeal."),
    )


class TakedownView(AdminPage, FormView):
    template_name = "tracker/admin/takedown/form.html"
    header_icon = "warning"

    def dispatch(self, request, kind, pk):
        if kind not in KINDS_WITH_PAGES:
            raise Http404("No such kind of record.")
        model = KINDS_WITH_PAGES[kind].model
        if not can_take_down(request.user, model):
            raise PermissionDenied
        self.record = get_object_or_404(model.objects.filter(live=True), pk=pk)
        self.restoring = self.record.taken_down_at is not None
        return super().dispatch(request, kind, pk)

    def get_page_title(self):
        return _("Restore") if self.restoring else _("Take down")

    def get_page_subtitle(self):
        return str(self.record)

    def parent_breadcrumbs(self):
        viewset = type(self.record).snippet_viewset
        return [
            {"url": reverse(viewset.get_url_name("list")), "label": capfirst(viewset.model._meta.verbose_name_plural)},
            {"url": edit_url(self.record), "label": str(self.record)},
        ]

    def get_form_class(self):
        return RestoreForm if self.restoring else NoticeForm

    def form_valid(self, form):
        text = form.cleaned_data["text"]
        try:
            if self.restoring:
                takedown.restore(self.record, reason=text, user=self.request.user)
            else:
                reason = form.cleaned_data["reason"]
                takedown.take_down(self.record, notice=text, reason=reason, user=self.request.user)
        except ValidationError as error:
            form.add_error("text", error.messages)
            return self.form_invalid(form)
        if self.restoring:
            messages.success(self.request, _("“%s” is public again, with its history.") % self.record)
        else:
            messages.success(self.request, _("“%s” is taken down: its public pages now show the notice.") % self.record)
        return redirect(edit_url(self.record))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record,
            restoring=self.restoring,
            public_url=self.record.get_absolute_url(),
            cancel_url=edit_url(self.record),
            **kwargs,
        )


def takedown_url(record):
    return reverse("tracker_takedown", args=[kind_of(record).segment, record.pk])


urlpatterns = [path("takedown/<slug:kind>/<int:pk>/", TakedownView.as_view(), name="tracker_takedown")]

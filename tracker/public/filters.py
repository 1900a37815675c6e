"""The filters of the commitment list (the same names as the search URL of docs/reference.md)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models.querysets import descendant_ids
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, Sector


def _with_any(choices):
    return [("", _("Any")), *choices]


class CommitmentFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=_with_any(CommitmentStatus.choices), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=_with_any(Sector.choices), required=False)
    jurisdiction = forms.CharField(label=_("Place"), required=False, max_length=120)
    office_kind = forms.ChoiceField(label=_("Owner kind"), choices=_with_any(OfficeKind.choices), required=False)
    owner = forms.CharField(label=_("Owner office"), required=False, max_length=120)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def clean_jurisdiction(self):
        from tracker.models import Jurisdiction

        slug = self.cleaned_data["jurisdiction"]
        if not slug:
            return None
        place = Jurisdiction.objects.published().filter(slug=slug).first()
        if place is None:
            raise forms.ValidationError(_("No place called “%(slug)s” is tracked.") % {"slug": slug})
        return place

    def clean_owner(self):
        from tracker.models import Office

        slug = self.cleaned_data["owner"]
        if not slug:
            return None
        office = Office.objects.published().filter(slug=slug).first()
        if office is None:
            raise forms.ValidationError(_("No office called “%(slug)s” is tracked.") % {"slug": slug})
        return office

    def filter(self, commitments):
        data = self.cleaned_data if self.is_bound else {}
        if data.get("status"):
            commitments = commitments.filter(status=data["status"])
        if data.get("sector"):
            commitments = commitments.filter(sector=data["sector"])
        if data.get("jurisdiction"):
            commitments = commitments.filter(jurisdiction_id__in=descendant_ids(data["jurisdiction"]))
        if data.get("office_kind"):
            commitments = commitments.filter(owners__office__kind=data["office_kind"]).distinct()
        if data.get("owner"):
            commitments = commitments.filter(owners__office=data["owner"]).distinct()
        if data.get("overdue"):
            commitments = commitments.overdue(timezone.localdate())
        return commitments

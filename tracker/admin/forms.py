"""Admin forms: the rules that need to see a record together with its unsaved inline parts."""

from types import SimpleNamespace

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from tracker.models.rules import latest_status_change, overlap_message, overlapping_tenures, status_mismatch_message
from tracker.models.vocabulary import CommitmentStatus


class RecordForm(WagtailAdminModelForm):
    """Every publish asks for an edit summary of its own; drafts may leave it for later."""

    class Meta(WagtailAdminModelForm.Meta):  # keeps Wagtail's choosers and date pickers
        defer_required_on_fields = ["edit_summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "edit_summary" in self.fields:
            self.fields["edit_summary"].required = True
            # The summary of the last publish describes that publish, not this one.
            if self.instance.pk and not self.instance.has_unpublished_changes:
                self.initial["edit_summary"] = ""

    def part_rows(self, relation):
        """The kept rows of an inline part, or None while the part has errors of its own."""
        formset = self.formsets.get(relation)
        if formset is None or not formset.is_valid():
            return None
        return [
            SimpleNamespace(**form.cleaned_data)
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


class OfficeForm(RecordForm):
    def clean(self):
        cleaned = super().clean()
        tenures = self.part_rows("tenures")
        if cleaned.get("is_sole") and tenures:
            clashes = overlapping_tenures(tenures)
            if clashes:
                self.add_error(None, overlap_message(*clashes[0]))
        return cleaned


class CommitmentForm(RecordForm):
    def clean(self):
        cleaned = super().clean()
        changes = self.part_rows("status_changes")
        status = cleaned.get("status")
        if changes is None or not status:
            return cleaned
        latest = latest_status_change(changes)
        status_edited = self.instance.pk is not None and status != self.initial.get("status")
        if latest is None:
            if status_edited:
                self.add_error(
                    "status",
                    _("To change the status, add a status change below with its source and effective date."),
                )
        elif latest.to_status != status:
            if status_edited:
                self.add_error(
                    "status",
                    status_mismatch_message(CommitmentStatus(status).label, CommitmentStatus(latest.to_status).label),
                )
            else:
                # The editor recorded a status change: the status follows it.
                cleaned["status"] = latest.to_status
        return cleaned

"""Admin forms: the rules that need to see a record together with its unsaved inline parts, and Urdu fields
written right to left."""

from types import SimpleNamespace

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.models import WagtailAdminModelFormMetaclass

from tracker.models.evidence import evidence_problems
from tracker.models.rules import latest_status_change, overlap_message, overlapping_tenures, status_mismatch_message
from tracker.models.vocabulary import CommitmentStatus

# A text in Urdu (each `<field>_ur`, tracker/models/translations.py) is typed right to left, marked as
# Urdu and drawn in the site's Nastaliq face (static/css/admin-urdu.css, linked by tracker/admin/hooks.py).
URDU = {"dir": "rtl", "lang": "ur"}


def mark_urdu_fields(form_class):
    """Mark the Urdu fields of `form_class` and of the forms of its inline parts, and of theirs in turn."""
    for name, field in form_class.base_fields.items():
        if name.endswith("_ur"):
            field.widget.attrs.update(URDU)
    for formset in getattr(form_class, "formsets", {}).values():
        mark_urdu_fields(formset.form)


class RecordFormMetaclass(WagtailAdminModelFormMetaclass):
    """Marks the Urdu fields of every record form as it is built, with those of its inline parts: Wagtail
    builds a part's form class of its own (InlinePanel), so a form-field callback would not reach them."""

    def __new__(mcs, name, bases, attrs):
        form_class = super().__new__(mcs, name, bases, attrs)
        mark_urdu_fields(form_class)
        return form_class


class RecordForm(WagtailAdminModelForm, metaclass=RecordFormMetaclass):
    """Every publish asks for an edit summary of its own; drafts may leave it for later. Urdu fields, of
    the record and of its parts, are written right to left."""

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


# The buttons of the edit form that ask for the record to be published (now, or by a moderator).
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


class CommitmentForm(RecordForm):
    def clean(self):
        cleaned = super().clean()
        changes = self.part_rows("status_changes")
        status = cleaned.get("status")
        if changes is None or not status:
            return cleaned
        self.check_status(cleaned, changes, status)
        if any(action in self.data for action in PUBLISHING_ACTIONS):
            self.check_evidence(cleaned, changes)
        return cleaned

    def check_evidence(self, cleaned, changes):
        """What the evidence must hold to publish (tracker/models/evidence.py), under the field it is about.
        Drafts may still lack it."""
        sources = self.part_rows("sources")
        if sources is None:
            return
        problems = evidence_problems(
            status=cleaned.get("status"),
            status_changes=changes,
            sources=sources,
            source_quote=cleaned.get("source_quote"),
        )
        for field, message in problems:
            if field not in self.errors:
                self.add_error(field, message)

    def check_status(self, cleaned, changes, status):
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

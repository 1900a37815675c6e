"""The admin's import and export: upload -> preview (the dry run) -> confirm, and CSV downloads.

Under /admin/import/, in the Tracker menu, for users who may publish commitments (importing
publishes). The uploaded file is kept on the server between preview and confirm, in a private
temporary folder under a random token that only the uploader's session knows; confirming reads it
again and re-validates every row, since the records may have changed in between.
"""

import re
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from tracker.admin.record_views import AdminPage
from tracker.publishing.imports import PERMISSION, ImportRefused, apply_plan
from tracker.spreadsheets.columns import KIND_LABELS, STATUS_UPDATES
from tracker.spreadsheets.exports import commitment_rows, csv_lines, history_rows
from tracker.spreadsheets.plan import CHANGED, CREATED, REJECTED, UNCHANGED, make_plan
from tracker.spreadsheets.reading import ImportFileError, read_table

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
KEEP_UPLOADS_SECONDS = 24 * 3600
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
SESSION_KEY = "tracker_imports"
can_import = method_decorator(permission_required(PERMISSION), name="dispatch")


def upload_folder():
    folder = Path(tempfile.gettempdir()) / "tracker-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def forget_old_uploads(folder):
    cutoff = time.time() - KEEP_UPLOADS_SECONDS
    for old in folder.iterdir():
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A CSV file (UTF-8) or an Excel workbook (.xlsx) with the template's columns."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB: split it into smaller files."))
        data = upload.read()
        try:
            self.table = read_table(upload.name, data)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        self.data_bytes = data
        return upload


# The confirm form's buttons: each says what it does, so no box changes what a button means.
PUBLISH, PUBLISH_VALID_ROWS, CHECK = "publish", "publish-valid-rows", "check"


def expected(plan):
    """What the dry run the editor read said the file would do, as the confirm form carries it."""
    counts = plan.counts
    return f"{counts[CREATED]},{counts[CHANGED]},{counts[REJECTED]}"


class ConfirmForm(forms.Form):
    summary = forms.CharField(
        label=_("Edit summary"),
        max_length=255,
        help_text=_("Shown publicly with each revision this import makes: where the data comes from and why."),
    )
    confirm = forms.ChoiceField(choices=[(PUBLISH, PUBLISH), (PUBLISH_VALID_ROWS, PUBLISH_VALID_ROWS)], required=False)
    # The dry run the buttons were labelled from: if the file checks differently now, nothing is published.
    expected = forms.CharField(required=False, widget=forms.HiddenInput)


def publish_label(plan):
    """The words on the button that publishes: how many records it publishes, and how many rows it
    leaves out."""
    counts = plan.counts
    if plan.kind == STATUS_UPDATES:
        n = counts[CREATED] + counts[CHANGED]
        label = ngettext("Publish %(n)d status update", "Publish %(n)d status updates", n) % {"n": n}
    else:
        n = len(plan.writes)
        label = ngettext("Publish %(n)d commitment", "Publish %(n)d commitments", n) % {"n": n}
    rejected = counts[REJECTED]
    if not rejected:
        return label
    left_out = ngettext("%(n)d rejected row", "%(n)d rejected rows", rejected) % {"n": rejected}
    return gettext("%(publish)s and leave out %(rejected)s") % {"publish": label, "rejected": left_out}


class ImportPage(AdminPage, FormView):
    """A step of the import (upload, then preview and confirm): a form of our own, under the upload icon.
    Each step is decorated with `can_import` itself, so that the permission is checked first."""

    header_icon = "upload"


@can_import
class UploadView(ImportPage):
    page_title = _("Import and export")
    template_name = "tracker/admin/import/upload.html"
    form_class = UploadForm

    def form_valid(self, form):
        folder = upload_folder()
        forget_old_uploads(folder)
        token = secrets.token_urlsafe(24)
        (folder / token).write_bytes(form.data_bytes)
        uploads = self.request.session.get(SESSION_KEY, {})
        uploads[token] = {"filename": form.cleaned_data["file"].name}
        self.request.session[SESSION_KEY] = uploads
        return redirect("import:preview", token=token)


class StoredUpload:
    """The file a user uploaded for preview, found by its token in their own session."""

    def __init__(self, request, token):
        upload = request.session.get(SESSION_KEY, {}).get(token)
        if not TOKEN.match(token) or upload is None:
            raise Http404("No upload with this token in your session.")
        self.request, self.token, self.filename = request, token, upload["filename"]
        self.path = upload_folder() / token
        if not self.path.exists():
            raise Http404("The uploaded file is gone: upload it again.")

    def plan(self):
        return make_plan(read_table(self.filename, self.path.read_bytes()))

    def forget(self):
        self.path.unlink(missing_ok=True)
        uploads = self.request.session.get(SESSION_KEY, {})
        uploads.pop(self.token, None)
        self.request.session[SESSION_KEY] = uploads


@can_import
class PreviewView(ImportPage):
    """GET: the dry-run report. POST: confirm, which plans the file again and applies it."""

    page_title = _("Import preview")
    template_name = "tracker/admin/import/preview.html"
    form_class = ConfirmForm

    def dispatch(self, request, token):
        self.upload = StoredUpload(request, token)
        try:
            self.plan = self.upload.plan()
        except ImportFileError as error:  # cannot happen for a file that passed the upload, but be plain
            messages.error(request, str(error))
            return redirect("import:upload")
        return super().dispatch(request, token)

    def get_page_subtitle(self):
        return self.upload.filename

    def get_initial(self):
        return {"summary": f"Imported from {self.upload.filename}", "expected": expected(self.plan)}

    def post(self, request, *args, **kwargs):
        if request.POST.get("confirm") == CHECK:
            # The file was planned again as this request came in: show that dry run, and publish nothing.
            messages.info(request, _("Checked the file again against the tracker as it is now. Nothing was published."))
            summary = request.POST.get("summary") or self.get_initial()["summary"]
            form = self.get_form_class()(initial={**self.get_initial(), "summary": summary})
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        said = form.cleaned_data["expected"]
        if said and said != expected(self.plan):
            counts = self.plan.counts
            form.add_error(
                None,
                _(
                    "The file checks differently now than when you read its dry run (to create: %(created)d, "
                    "to change: %(changed)d, rejected: %(rejected)d). Nothing was published: read the dry run "
                    "again below."
                )
                % {"created": counts[CREATED], "changed": counts[CHANGED], "rejected": counts[REJECTED]},
            )
            return self.form_invalid(form)
        try:
            applied = apply_plan(
                self.plan,
                user=self.request.user,
                summary=form.cleaned_data["summary"],
                apply_valid_rows=form.cleaned_data["confirm"] == PUBLISH_VALID_ROWS,
            )
        except (ImportRefused, PermissionDenied) as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        self.upload.forget()
        messages.success(
            self.request,
            _("Imported %(file)s: %(created)s and %(changed)d changed.")
            % {"file": self.upload.filename, "created": applied.commitments_created, "changed": applied.changed},
        )
        return redirect("import:upload")

    def get_context_data(self, **kwargs):
        plan = self.plan
        return super().get_context_data(
            plan=plan,
            kind_label=KIND_LABELS[plan.kind],
            counts=plan.counts,
            problems=[(row, problem) for row in plan.rejected for problem in row.problems],
            changed=[row for row in plan.rows if row.outcome == CHANGED],
            created=[row for row in plan.rows if row.outcome == CREATED][:200],
            unchanged_count=plan.count(UNCHANGED),
            publish=(PUBLISH_VALID_ROWS if plan.rejected else PUBLISH, publish_label(plan)) if plan.writes else None,
            check=(CHECK, _("Check the file again (nothing is published)")),
            **kwargs,
        )

    def form_invalid(self, form):
        # The form is shown again over the dry run as it is now: its buttons and hidden field follow that.
        form.data = {**form.data.dict(), "expected": expected(self.plan)}
        return super().form_invalid(form)


@can_import
class ExportView(View):
    """The published commitments (template columns) or the public history, as a CSV download."""

    exports = {"commitments": commitment_rows, "history": history_rows}

    def get(self, request, what):
        response = StreamingHttpResponse(csv_lines(self.exports[what]()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{what}.csv"'
        return response


@can_import
class HelpView(View):
    """docs/importing.md, the description of every column, as plain text."""

    def get(self, request):
        text = (Path(settings.BASE_DIR) / "docs" / "importing.md").read_text(encoding="utf-8")
        return HttpResponse(text, content_type="text/plain; charset=utf-8")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class ImportViewSet(ViewSet):
    name = "import"
    icon = "upload"
    menu_label = _("Import and export")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", UploadView.as_view(), name="upload"),
            path("preview/<str:token>/", PreviewView.as_view(), name="preview"),
            path("export/commitments.csv", ExportView.as_view(), {"what": "commitments"}, name="export_commitments"),
            path("export/history.csv", ExportView.as_view(), {"what": "history"}, name="export_history"),
            path("help/", HelpView.as_view(), name="help"),
        ]

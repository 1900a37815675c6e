"""The public tip form: what a citizen may send, checked in plain words."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, Tip, TipKind
from tracker.models.tips import EVIDENCE_TYPES, evidence_type_of

COMMITMENT_ADDRESS = re.compile(r"/commitments/(?P<slug>[^/?#]+)/?")


# Titles offered as suggestions in the form's datalist (any other title, or part of one, is still read).
SUGGESTED_TITLES = 500


class TipForm(forms.ModelForm):
    # Radio buttons with no empty "---------" choice: a tip is one of the two kinds.
    kind = forms.ChoiceField(label=_("What are you sending?"), choices=TipKind.choices, widget=forms.RadioSelect)
    which_commitment = forms.CharField(
        label=_("Which commitment? (for evidence)"),
        required=False,
        max_length=500,
        help_text=_("Start typing its title and choose it from the suggestions, or paste the address of its page."),
        widget=forms.TextInput(attrs={"list": "commitment-titles", "autocomplete": "off"}),
    )
    evidence_file = forms.FileField(
        label=_("A file with the evidence (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg,image/webp"}),
        help_text=_(
            "A PDF or a photo (PNG, JPEG or WebP), up to 10 MB. Only our moderators see it; it is never published."
        ),
    )
    # A field people never see and bots fill in (see templates/tracker/tips/form.html).
    website = forms.CharField(label=_("Leave this empty"), required=False)

    class Meta:
        model = Tip
        fields = ["kind", "description", "url", "contact_email"]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 6})}
        labels = {
            "kind": _("What are you sending?"),
            "description": _("What should we know?"),
            "url": _("A link to the evidence (optional)"),
            "contact_email": _("Your e-mail (optional)"),
        }
        help_texts = {
            "description": _("The promise, who made it and when, or what has happened since. Up to 5,000 characters."),
            "contact_email": _("Only our moderators see it, to ask you about your tip. It is never published."),
        }

    def clean_evidence_file(self):
        """A PDF or an image, told by its content (never by its name or the type the browser claims), and
        no larger than TIP_EVIDENCE_MAX_BYTES; images must also open as images."""
        upload = self.cleaned_data.get("evidence_file")
        if not upload:
            return None
        limit = settings.TIP_EVIDENCE_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large: send one of at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)}
            )
        head = upload.read(16)
        upload.seek(0)
        kind = evidence_type_of(head)
        if kind is None or (kind.startswith("image/") and not _opens_as_image(upload)):
            raise forms.ValidationError(_("Send a PDF or a photo (PNG, JPEG or WebP): this file is none of them."))
        upload.evidence_type = kind
        return upload

    def save(self, commit=True):
        tip = super().save(commit=False)
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            tip.evidence_type = upload.evidence_type
            tip.evidence.save(f"evidence.{EVIDENCE_TYPES[upload.evidence_type]}", upload, save=False)
        if commit:
            tip.save()
        return tip

    def is_spam(self):
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        wanted = (cleaned.get("which_commitment") or "").strip()
        if cleaned.get("kind") == TipKind.EVIDENCE:
            if not wanted:
                self.add_error("which_commitment", _("Tell us which commitment your evidence is about."))
            else:
                found = find_commitments(wanted)
                if len(found) == 1:
                    self.instance.commitment = found[0]
                elif found:
                    titles = "; ".join(f"“{c.title}”" for c in found[:MENTIONED])
                    self.add_error(
                        "which_commitment",
                        _(
                            "Several commitments match: %(titles)s. Type more of its title, or choose one of the "
                            "suggestions."
                        )
                        % {"titles": titles},
                    )
                else:
                    self.add_error(
                        "which_commitment",
                        _(
                            "We could not find that commitment. Type its title, or paste the address of its page, "
                            "e.g. /commitments/…/"
                        ),
                    )
        return cleaned


def _opens_as_image(upload):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    finally:
        upload.seek(0)
    return True


# Commitments named in the message when a title matches several.
MENTIONED = 5


def find_commitments(wanted):
    """The published commitments `wanted` names: by the address of its page or its slug, or its exact
    title; failing those, every commitment whose title holds all of its words ("Sariab sewerage")."""
    match = COMMITMENT_ADDRESS.search(wanted)
    slug = match.group("slug") if match else wanted
    published = Commitment.objects.published()
    exact = published.filter(slug=slug).first() or published.filter(title__iexact=wanted).first()
    if exact is not None:
        return [exact]
    words = wanted.split()
    if not words or match:
        return []
    containing = published
    for word in words[:20]:
        containing = containing.filter(title__icontains=word)
    return list(containing.order_by("title")[: MENTIONED + 1])


def suggested_titles():
    """The titles the form suggests as a reader types, most recently changed first."""
    published = Commitment.objects.published().order_by("-last_published_at", "title")
    return list(published.values_list("title", flat=True)[:SUGGESTED_TITLES])

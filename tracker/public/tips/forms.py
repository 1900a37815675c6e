"""The public tip form: what a citizen may send, checked in plain words."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, Tip, TipKind

COMMITMENT_ADDRESS = re.compile(r"/commitments/(?P<slug>[^/?#]+)/?")


class TipForm(forms.ModelForm):
    which_commitment = forms.CharField(
        label=_("Which commitment? (for evidence)"),
        required=False,
        max_length=500,
        help_text=_("Paste the address of its page on this site, or its exact title."),
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

    def is_spam(self):
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        wanted = (cleaned.get("which_commitment") or "").strip()
        if cleaned.get("kind") == TipKind.EVIDENCE:
            if not wanted:
                self.add_error("which_commitment", _("Tell us which commitment your evidence is about."))
            else:
                commitment = find_commitment(wanted)
                if commitment is None:
                    self.add_error(
                        "which_commitment",
                        _("We could not find that commitment. Paste the address of its page, e.g. /commitments/…/"),
                    )
                self.instance.commitment = commitment
        return cleaned


def find_commitment(wanted):
    """A published commitment named by the address of its page, its slug or its exact title."""
    match = COMMITMENT_ADDRESS.search(wanted)
    slug = match.group("slug") if match else wanted
    published = Commitment.objects.published()
    return published.filter(slug=slug).first() or published.filter(title__iexact=wanted).first()

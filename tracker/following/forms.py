"""The follow form: an e-mail address and what to follow (a record as "kind/slug", or a search's
parameters), checked in plain words."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tracker.following.subjects import RECORD_MODELS, clean_search, find_record


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send one e-mail to confirm. Your address is never shown or shared."),
    )
    target = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)
    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, search_params=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_params = search_params or {}
        self.record, self.search = None, None

    def clean_target(self):
        target = self.cleaned_data["target"].strip().strip("/")
        if target:
            kind, _slash, slug = target.partition("/")
            if kind not in RECORD_MODELS or not slug:
                raise forms.ValidationError(_("That is not something one can follow."))
            self.record = find_record(kind, slug)
            if self.record is None:
                raise forms.ValidationError(_("That page is not public, so it cannot be followed."))
            self.kind = kind
        return target

    def clean(self):
        cleaned = super().clean()
        if self.record is None and not self.errors:
            self.search = clean_search(self.search_params)
            if self.search is None:
                raise forms.ValidationError(
                    _("Say what to follow: open the page of a commitment, person, office or place, or run a search.")
                )
            self.kind = "search"
        return cleaned

"""What a filtered commitment list says above its results: each filter in use in words, with a link that
removes it, and, for a list reached from a figure (Who delivers, a person's scorecard, a comparison on a
person's page), which figure it explains and a link back to it.

The list is cached publicly by its address, so everything here is read from the address's own filters
(never from the Referer).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tracker.models import translations
from tracker.models.vocabulary import JurisdictionTier

# The filters Who delivers (tracker/public/delivery.py) adds to a figure's link; sector, dates and place
# are the page's own filters, which it carries too.
ACCOUNTABILITY_FILTERS = ("owner_role", "made_by_kind", "council", "moved_to_kind", "counted", "open", "delay")
COMPARISON_FILTERS = ("held_by", "held_kind", "held_tier", "during", "owner_tier")


@dataclass
class InUse:
    label: str
    value: str
    remove_url: str


@dataclass
class Figure:
    sentence: str
    back_url: str
    back_label: str


def filters_in_use(form):
    """[InUse] for each filter of a valid form that has a value, in the form's order."""
    data = form.cleaned_data
    used = []
    for field in form:
        value = data.get(field.name)
        if value in (None, "", False):
            continue
        used.append(InUse(str(field.label), _shown(field, value), form.link_without(field.name)))
    return used


def _shown(field, value):
    if value is True:
        return _("yes")
    if hasattr(value, "pk"):
        return translations.name_in_language(value, get_language()).text
    if hasattr(value, "isoformat"):
        return date_format(value, "j F Y")
    choices = dict(getattr(field.field, "choices", ()))
    return str(choices.get(value, value))


def figure_explained(form):
    """The figure a list reached from a figure's link explains, or None for a list a reader filtered."""
    data = form.cleaned_data
    if data.get("scorecard"):
        person = data["scorecard"]
        name = translations.name_in_language(person, get_language()).text
        return Figure(
            _("These are the commitments behind a figure of %(name)s's scorecard.") % {"name": name},
            person.get_absolute_url() + "#score-h",
            _("Back to %(name)s's scorecard") % {"name": name},
        )
    if data.get("held_by"):
        person = data["held_by"]
        name = translations.name_in_language(person, get_language()).text
        return Figure(
            _("These are the commitments behind a comparison on the page of %(name)s.") % {"name": name},
            person.get_absolute_url(),
            _("Back to %(name)s") % {"name": name},
        )
    if any(data.get(name) for name in COMPARISON_FILTERS):
        return Figure(
            _("These are the commitments behind a comparison of offices of the same kind and level."),
            reverse("tracker:accountability"),
            _("See who delivers"),
        )
    if any(data.get(name) for name in ACCOUNTABILITY_FILTERS):
        return Figure(
            _("These are the commitments behind a figure of Who delivers."),
            _accountability_address(data),
            _("Back to Who delivers"),
        )
    return None


def _accountability_address(data):
    """Who delivers with the filters of its own the list carried: place, sector, deadlines."""
    params = {}
    place = data.get("jurisdiction")
    if place is not None and place.tier in (JurisdictionTier.PROVINCE, JurisdictionTier.DISTRICT):
        params["province" if place.tier == JurisdictionTier.PROVINCE else "district"] = place.slug
    if data.get("sector"):
        params["sector"] = data["sector"]
    for name in ("due_from", "due_to"):
        if data.get(name):
            params[name] = data[name].isoformat()
    address = reverse("tracker:accountability")
    return f"{address}?{urlencode(params)}" if params else address

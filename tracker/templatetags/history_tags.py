"""Addresses of public history pages, for templates: {% history_url kind record.slug "revision" 3 %}."""

from django import template
from django.urls import reverse

from tracker.models.kinds import KINDS_WITH_PAGES

register = template.Library()


@register.simple_tag
def history_url(kind, slug, view="page", *numbers):
    """The address of `view` ("page": the record's own page; "history", "revision", "compare", "cite",
    "feed", "choose_compare") for the record of `kind` at `slug`."""
    name = KINDS_WITH_PAGES[kind].url_name
    return reverse(f"tracker:{name}" if view == "page" else f"tracker:{name}_{view}", args=[slug, *numbers])


@register.simple_tag
def tenure_history_of(record, known=None):
    """The published tenure history of an office or a person: {% tenure_history_of office as history %}
    (two or three queries, however many tenures), or `known` when the view worked it out already."""
    from tracker.history.tenures import tenure_history

    return known or tenure_history(record)


@register.simple_tag
def last_change_of(record, history=None, known=None):
    """When a published record's page was last updated (its latest public revision), with the address of
    its history: {% last_change_of commitment as changed %} (one query; None if never published), or from
    the tenure history of an office or a person the view worked out: {% last_change_of office history as x %},
    or `known`, the LastChange the view read already (a commitment's page, which reads it for its freshness)."""
    from tracker.history.tenures import last_change

    if known:
        return known
    return history.last_changed if history else last_change(record)

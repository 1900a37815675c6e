"""A record's text in the reader's language: `{% in_language commitment "title" %}`.

On Urdu pages it shows the Urdu (`title_ur`); where a record has no Urdu yet, its English marked as
English (`lang="en" dir="ltr"`, so screen readers and the Nastaliq font leave it alone) with a small
"(English)" note. On English pages it shows the English, as before. Everything is escaped.
`{{ commitment|in_language_text:"title" }}` gives the same text without markup, for page titles and
meta descriptions.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tracker.models.translations import in_language as text_in_language

register = template.Library()


@register.simple_tag
def in_language(record, field):
    found = text_in_language(record, field, get_language())
    if not found.fallback:
        return conditional_escape(found.text)
    return format_html(
        '<span lang="en" dir="ltr">{}</span> <small class="in-english">({})</small>',
        found.text,
        _("English"),
    )


@register.filter
def in_language_text(record, field):
    return text_in_language(record, field, get_language()).text

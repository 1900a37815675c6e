"""A record's text in the reader's language.

    {% in_language commitment "title" %}        its title (title_ur on Urdu pages)
    {% in_language record %}                    its name (a model, or a public revision's content)
    {% text_in_language english urdu %}         two texts at hand (search hits' highlighted titles)
    {{ commitment|in_language_text:"title" }}   the same text without markup (page titles, descriptions)
    {% in_other_language place "name" %}        under a page's heading: the name in the other language

On Urdu pages they show the Urdu; where a record has no Urdu yet, its English marked as English
(`lang="en" dir="ltr"`, so screen readers, hyphenation and the Nastaliq font treat it as English) with a
small "(English)" note. On English pages they show the English, as before. Everything is escaped unless
it is already safe HTML (a highlighted search title).
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language, pgettext

from tracker.models import translations

register = template.Library()


def _shown(found):
    if not found.fallback:
        return conditional_escape(found.text)
    return format_html(
        '<span lang="en" dir="ltr">{}</span> <small class="in-english">({})</small>',
        found.text,
        pgettext("note after a text an Urdu page shows in English", "English"),
    )


@register.simple_tag
def in_language(record, field=None):
    if field is None:
        return _shown(translations.name_in_language(record, get_language()))
    return _shown(translations.in_language(record, field, get_language()))


@register.simple_tag
def text_in_language(english, urdu):
    return _shown(translations.choose(english, urdu, get_language()))


@register.filter
def in_language_text(record, field=None):
    if field is None:
        return translations.name_in_language(record, get_language()).text
    return translations.in_language(record, field, get_language()).text


@register.simple_tag
def in_other_language(record, field):
    """The line under a record page's heading: its Urdu on English pages, its English on Urdu pages (whose
    heading shows the Urdu); nothing when the record has no Urdu."""
    english, urdu = getattr(record, field, ""), getattr(record, translations.urdu_name(field), "")
    if not urdu:
        return ""
    if get_language() == "ur":
        return format_html('<p lang="en" dir="ltr" class="english"><bdi>{}</bdi></p>', english)
    return format_html('<p lang="ur" dir="rtl" class="urdu"><bdi>{}</bdi></p>', urdu)

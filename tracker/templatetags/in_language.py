"""A record's text in the reader's language.

    {% in_language commitment "title" %}        its title (title_ur on Urdu pages)
    {% in_language record %}                    its name (a model, or a public revision's content)
    {% text_in_language english urdu %}         two texts at hand (search hits' highlighted titles)
    {{ commitment|in_language_text:"title" }}   the same text without markup (page titles, descriptions)
    {{ source.title|as_written }}               words written in one language only, marked with it
    {% in_other_language place "name" %}        under a page's heading: the name in the other language
    {{ change.effective_date|day:"j M Y" }}     a day as the date filter writes it (Urdu month names)

On Urdu pages they show the Urdu; where a record has no Urdu yet, its English marked as English
(`lang="en" dir="ltr"`, so screen readers, hyphenation and the Nastaliq font treat it as English) with a
small "(English)" note. On English pages they show the English, as before. Everything is escaped unless
it is already safe HTML (a highlighted search title).
"""

import datetime
import functools
import html
import re

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, pgettext, pgettext_lazy

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


_URDU_LETTERS = re.compile(r"[\u0600-\u06ff]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]")
# A run of words in one script, with the spaces and punctuation between them.
_RUNS = {
    "en": re.compile(r"[A-Za-z0-9][A-Za-z0-9\s,.'’\-:;()!?&/]*[A-Za-z0-9.!?)]|[A-Za-z]"),
    "ur": re.compile(r"[\u0600-\u06ff][\u0600-\u06ff\s\d,.'’\-:;()!?/]*[\u0600-\u06ff]|[\u0600-\u06ff]"),
}
_MARKS = {"en": '<span lang="en" dir="ltr">{}</span>', "ur": '<span lang="ur" dir="rtl">{}</span>'}


def _marked_runs(html_text, language):
    """Safe HTML with each run of words in `language` marked with it: text nodes only, so tags (a search
    snippet's <mark>s) stay whole."""
    out = []
    for part in re.split(r"(<[^>]*>)", html_text):
        if part.startswith("<"):
            out.append(part)
            continue
        plain_text, pos = html.unescape(part), 0
        letters = _LATIN_LETTERS if language == "en" else _URDU_LETTERS
        for found in _RUNS[language].finditer(plain_text):
            if not letters.search(found.group(0)):
                continue  # figures alone read the same in both
            out.append(escape(plain_text[pos : found.start()]))
            out.append(format_html(_MARKS[language], found.group(0)))
            pos = found.end()
        out.append(escape(plain_text[pos:]))
    return mark_safe("".join(out))  # noqa: S308  (every text piece escaped above, tags were already safe)


@register.filter
def as_written(text):
    """Words people wrote in one language only (an editor's edit summary, a source's title, publisher or
    quote, a status change's reason, a movement's note, a search snippet), marked with the language they
    are written in where it is not the page's: English on an Urdu page is `lang="en" dir="ltr"` (screen
    readers read it in English, the Nastaliq font leaves it alone, and it stays in order inside a
    right-to-left line), Urdu on an English page `lang="ur" dir="rtl"`. Text that mixes both (a snippet of
    a record written in both) has each run of the other language marked."""
    if text is None or text == "":
        return ""
    shown, written_in = _written_in(text)
    if written_in is None:
        return conditional_escape(shown)
    if written_in != "both":
        return format_html(_MARKS[written_in], shown)
    return _marked_runs(shown if isinstance(shown, SafeData) else escape(shown), _other_language())


def _other_language():
    return "en" if get_language() == "ur" else "ur"


def _written_in(text):
    """(the text to show, the language it is wholly written in when that is not the page's, "both" when
    it mixes the page's and the other, None when it needs no marking)."""
    safe = isinstance(text, SafeData)
    shown = text if safe else str(text)
    words = re.sub(r"<[^>]*>", " ", shown) if safe else shown  # a snippet's tags are not words
    other = _other_language()
    found = {"en": bool(_LATIN_LETTERS.search(words)), "ur": bool(_URDU_LETTERS.search(words))}
    if not found[other]:
        return shown, None
    return shown, ("both" if found["ur" if other == "en" else "en"] else other)


@register.filter(expects_localtime=True)
def day(value, arg=None):
    """A day (a `datetime.date`) as Django's date filter writes it, in the page's language ("30 Jun 2021";
    on Urdu pages with the month's Urdu name), kept once written: a commitment's page writes some 80 days,
    most of them in its tables, and the date filter took about 30 µs for each. Anything else (a moment,
    nothing) goes to the date filter as it is."""
    if type(value) is not datetime.date:
        return date_filter(value, arg)
    return _day(value, arg, get_language())


@functools.lru_cache(maxsize=20_000)
def _day(value, arg, language):
    return date_filter(value, arg)


# Time zones as the page's language names them (the site's is Pakistan's).
_ZONE_NAMES = {"PKT": pgettext_lazy("time zone", "PKT")}


@register.filter
def moment(value):
    """A moment as history pages show it, in Pakistan's time: "2 May 2015, 10:00 PKT" (in Urdu with Urdu
    month names and the zone's Urdu name)."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    zone = local.tzname() or ""
    return f"{date_format(local, 'j F Y, H:i')} {_ZONE_NAMES.get(zone, zone)}".strip()


@register.filter
def publisher_name(name):
    """The publishing organisation named on a public revision, in the page's language where it is the
    site's own publisher (TRACKER_PUBLISHER, in Urdu TRACKER_PUBLISHER_UR)."""
    if get_language() == "ur" and name == settings.TRACKER_PUBLISHER and settings.TRACKER_PUBLISHER_UR:
        return settings.TRACKER_PUBLISHER_UR
    return as_written(name)


@register.filter
def quoted(text):
    """Words people wrote, in quotation marks (“…”) that sit with them: English quoted on an Urdu page is
    one left-to-right run, marks included, so the marks are not turned round at the edges of a
    right-to-left line ("”edit summary“")."""
    if text is None or text == "":
        return ""
    shown, written_in = _written_in(text)
    if written_in in _MARKS:
        return format_html(_MARKS[written_in], format_html("“{}”", shown))
    return format_html("“{}”", as_written(text))

import functools

from django import template

from tracker.models.text import escape_bidi, plain

register = template.Library()


@register.filter(is_safe=True)
def plain_line(value):
    """Text where no markup can isolate it (the page title, meta descriptions): one line, without
    control or bidi control characters. Removing them keeps escaped text escaped."""
    return plain(value, single_line=True)


@register.filter(is_safe=True)
def plain_text(value):
    """Text for plain-text e-mail: lines kept, control and bidi control characters removed."""
    return plain(value)


@register.filter
def field_label(name):
    return str(name).replace("_", " ").capitalize()


@register.filter
def snapshot_value(value):
    """A stored snapshot value as a reader sees it: choices and related records by their names."""
    if isinstance(value, dict):
        return value.get("label") or value.get("name") or ""
    return value


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """schema.org data as a JSON-LD script element, escaped so no value can close the script."""
    import json

    from django.utils.safestring import mark_safe

    text = escape_bidi(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


@register.filter
def percent(share):
    return "—" if share is None else f"{round(share * 100)}%"


@register.inclusion_tag("components/holders.html")
def holders(owner_on_date):
    return {"o": owner_on_date}


@register.filter
def by_outcome(groups):
    """The outcome rows of a table of measures (components/measures_table.html): [(label, [(group, share)])],
    an outcome per row in the first group's order, each group's share of it in the groups' order. Looked
    up once here: the table used to walk every group's outcomes for every cell."""
    if not groups:
        return []
    shares = [(m, {key: share for key, _label, share in m.outcomes}) for m in groups]
    return [
        (label, [(m, by_key[key]) for m, by_key in shares if key in by_key])
        for key, label, _share in groups[0].outcomes
    ]


@register.filter(name="rupees")
def rupees_filter(amount):
    """Money as Pakistani readers write it ("Rs 120 crore"): tracker/models/money.py."""
    from tracker.models.money import rupees

    return rupees(amount)


@register.filter(name="exact_rupees")
def exact_rupees_filter(amount):
    """The whole amount with lakh grouping ("Rs 1,20,00,00,000")."""
    from tracker.models.money import exact_rupees

    return exact_rupees(amount)


@register.simple_tag
def office_kind(office):
    """The badge that says whether an office is elected, appointed or run by an administrator
    (`<span class="kind kind-elected">Elected</span> `), on the commitment page, lists, the dashboard and
    search. `office` is a model, or a search document's owner: a dict with "kind", "kind_label" and
    "title". Left out where the title the page shows already begins with that word ("Administrator
    Metropolitan Corporation Quetta"), in English and in Urdu alike. Markup made here, not by an included
    template: lists show it for every owner of every row, and a template's own context cost more than
    the badge."""
    from django.utils.html import format_html
    from django.utils.translation import get_language

    from tracker.models import translations

    if isinstance(office, dict):
        kind, label, title = office.get("kind", ""), office.get("kind_label", ""), office.get("title", "")
    else:
        # The title as this page shows it: an Urdu page's Urdu title says the kind in Urdu.
        kind, label = office.kind, office.get_kind_display()
        title = translations.in_language(office, "title", get_language()).text
    label = str(label) if label else ""
    if not label or str(title).casefold().startswith(label.casefold() + " "):
        return ""
    return format_html('<span class="kind kind-{}">{}</span> ', kind, label)


@register.simple_tag
def held_now(holders, since=False, vacant_since=None):
    """Who holds an office: each holder linked (substantive first, then "acting: " or "additional charge: "),
    or "vacant". `holders`: tenures, as tracker.public.ownership.holders_on gives them; `since`: say since
    when each holds it; `vacant_since` (optional): the day a vacant office fell vacant. Markup made here, not
    by an included template: a commitment's page says it for each owner office at its top."""
    from django.template.defaultfilters import date as date_filter
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext as _

    from tracker.templatetags.in_language import in_language

    def since_day(day):
        said = _("since %(day)s") % {"day": conditional_escape(date_filter(day, "j M Y"))}
        return f' <span class="since">{said}</span>'

    if not holders:
        vacant = f'<span class="vacant">{conditional_escape(_("vacant"))}</span>'
        return mark_safe(vacant + (since_day(vacant_since) if vacant_since else ""))  # noqa: S308  (escaped)
    named = []
    for t in holders:
        if t.how == "acting":
            how = f"{conditional_escape(_('acting'))}: "
        elif t.how == "additional_charge":
            how = f"{conditional_escape(_('additional charge'))}: "
        else:
            how = ""
        url = conditional_escape(t.person.get_absolute_url())
        named.append(
            f'{how}<a href="{url}"><bdi>{in_language(t.person, "name")}</bdi></a>'
            + (since_day(t.start_date) if since else "")
        )
    return mark_safe("; ".join(named))  # noqa: S308  (every part escaped above)


@register.simple_tag
def source_items(*lists):
    """The items of a record's list of sources, for each source or status change in `lists` in turn: its
    title linked to its address, publisher, date, the methodology's ranking of its kind, the quote, the
    archive's address and the tracker's own archived copy (`archived_copy_link`). Markup made here, not by
    an included template per source: some twenty nodes each, and the methodology's address reversed for
    each."""
    from django.conf import settings
    from django.urls import get_script_prefix, get_urlconf
    from django.utils.formats import localize
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language
    from django.utils.translation import gettext as _

    from tracker.templatetags.in_language import as_written, day

    language = get_language()
    ranked = _("Kind: %(kind)s (rank %(rank)s of %(total)s)")
    methodology = _methodology_link(language, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    archived = conditional_escape(_("archived copy"))
    items = []
    for s in (s for sources in lists for s in sources):
        text = f'<li><a href="{conditional_escape(s.url)}"><bdi>{conditional_escape(as_written(s.title))}</bdi></a>'
        if s.publisher:
            text += f", <bdi>{conditional_escape(as_written(s.publisher))}</bdi>"
        if s.published_on:
            text += f", {conditional_escape(day(s.published_on, 'j M Y'))}"
        method = s.method
        if method:
            kind = ranked % {
                "kind": conditional_escape(localize(method.label)),
                "rank": conditional_escape(localize(method.rank)),
                "total": conditional_escape(localize(method.total)),
            }
        else:
            kind = conditional_escape(_("Kind: not graded"))
        text += f' <span class="source-kind">{kind} {methodology}</span>'
        if s.quote:
            text += f"<blockquote><bdi>{conditional_escape(as_written(s.quote))}</bdi></blockquote>"
        if s.archive_url:
            text += f' <a href="{conditional_escape(s.archive_url)}">{archived}</a>'
        items.append(f"{text}{archived_copy_link(s.archived)}</li>\n")
    return mark_safe("".join(items))  # noqa: S308  (every part escaped above)


@functools.lru_cache(maxsize=64)
def _methodology_link(language, script_prefix, urlconf):
    """The link to the methodology's ranking of sources, in `language` (the page's)."""
    from django.urls import reverse
    from django.utils.html import conditional_escape
    from django.utils.translation import gettext as _

    url = conditional_escape(reverse("wagtail_serve", args=["methodology/"]))
    return f'<a href="{url}#source-ranking">{conditional_escape(_("how sources are ranked"))}</a>'


@register.simple_tag
def archived_copy_link(copy):
    """Beside a source's link: the tracker's own archived copy of it, with its date, and what the weekly
    check found. `copy`: the source's ArchivedCopy (tracker/archive/reading.py attach_copies; may be None)."""
    from django.template.defaultfilters import date as date_filter
    from django.urls import reverse
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.timezone import template_localtime
    from django.utils.translation import gettext as _

    def on(moment):
        return conditional_escape(date_filter(template_localtime(moment), "j M Y"))

    if not copy:
        return mark_safe("\n")  # noqa: S308  (as the template wrote it, a line's end)
    text = ""
    if copy.is_kept:
        url = conditional_escape(reverse("tracker:archived_copy", args=[copy.pk]))
        said = _("archived copy (%(date)s)") % {"date": on(copy.fetched_at)}
        text += f' <a class="archived-copy" href="{url}">{said}</a>'
    if copy.is_dead:
        said = _("the link no longer works (checked %(date)s)") % {"date": on(copy.checked_at)}
        text += f' <span class="source-dead">{said}</span>'
    elif copy.content_changed:
        said = _("the page has changed since it was archived (checked %(date)s)") % {"date": on(copy.checked_at)}
        text += f' <span class="source-changed">{said}</span>'
    return mark_safe(text + "\n")  # noqa: S308  (every part escaped above)


@register.simple_tag
def glance_owners(lines):
    """The lines under a commitment's status at the top of its page (tracker.public.key_facts.OwnerLine): who
    answers to voters and who must deliver, each owner office linked with who holds it now (`held_now`), or
    "none recorded". Markup made here, not by the template's loops."""
    from django.utils.formats import localize
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext as _

    from tracker.templatetags.in_language import in_language

    written = []
    for line in lines:
        owners = [
            f'<a href="{conditional_escape(o.office.get_absolute_url())}">'
            f"<bdi>{in_language(o.office, 'title')}</bdi></a> ({held_now(o.holders)})"
            for o in line.owners
        ]
        named = "; ".join(owners) if owners else f'<span class="vacant">{conditional_escape(_("none recorded"))}</span>'
        label = conditional_escape(localize(line.label))
        written.append(f'<p class="glance-owner"><span class="label">{label}:</span> {named}</p>\n    ')
    return mark_safe("".join(written))  # noqa: S308  (every part escaped above)


@register.simple_tag
def stays_list(stays):
    """The items of a commitment's "Time with each office": each office with the days its next step waited
    there (tracker.public.timelines.Stay)."""
    from django.utils.formats import localize
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import ngettext

    from tracker.templatetags.in_language import in_language_text

    items = []
    for s in stays:
        said = ngettext("with %(office)s: %(days)s day", "with %(office)s: %(days)s days", s.days) % {
            "office": conditional_escape(in_language_text(s.office, "title")),
            "days": conditional_escape(localize(s.days)),
        }
        items.append(f"<li>{said}</li>")
    return mark_safe("".join(items))  # noqa: S308  (every part escaped above)


@register.simple_tag
def owner_periods(periods, from_label, until_label):
    """The rows of one owner office in a commitment's "Who owned it, and when" table: each period of its
    holders (tracker.public.owners_over_time.Period), the columns' names repeated in each cell for narrow
    screens, and the key dates it covers. Markup made here, not by the template: the busiest commitments
    have some 25 periods of a dozen nodes each, a fifth of their page's rendering."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    from tracker.templatetags.in_language import day, in_language

    from_label, until_label = conditional_escape(from_label), conditional_escape(until_label)
    words = _period_words(get_language())
    rows = []
    for p in periods:
        if p.unrecorded:
            held = words["unrecorded"]
        elif p.vacant:
            held = words["vacant"]
        else:
            person = p.tenure.person
            url, name = conditional_escape(person.get_absolute_url()), in_language(person, "name")
            held = f'<a href="{url}"><bdi>{name}</bdi></a>{words["how"].get(p.tenure.how, "")}'
        marks = []
        for d in p.key_dates:
            if d.kind == "now":
                said = words["now"]
            elif d.kind == "deadline":
                said = words["deadline"] % {"day": conditional_escape(day(d.day, "j M Y"))}
            else:
                said = words["became"] % {
                    "status": conditional_escape(d.change.get_to_status_display()),
                    "day": conditional_escape(day(d.day, "j M Y")),
                }
            marks.append(f'<span class="mark mark-{conditional_escape(d.kind)}">{said}</span>')
        rows.append(
            f'<tr class="period{" gap" if p.vacant else ""}">\n'
            f'          <th scope="row">{held}</th>\n'
            f'          <td data-label="{from_label}">{_when(p.start)}</td>\n'
            f'          <td data-label="{until_label}">{_when(p.end)}</td>\n'
            f'          <td class="key-dates">{"".join(marks)}</td>\n'
            "        </tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308  (every part escaped above)


@register.simple_tag
def timeline_events(events):
    """The items of a commitment's timeline (tracker.public.timelines.Event): the day, what happened (a
    decision linked to its page), the note, the source. Markup made here, not by the template: the busiest
    commitments have a dozen events of ten nodes each, a fifth of their page's template nodes."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext as _

    from tracker.templatetags.in_language import as_written, in_language

    source = conditional_escape(_("source"))
    items = []
    for e in events:
        if e.kind == "decision":
            url = conditional_escape(e.item.get_absolute_url())
            what = f'<a href="{url}"><bdi>{in_language(e.item, "title")}</bdi></a>'
        else:
            what = f"<bdi>{conditional_escape(as_written(e.title))}</bdi>"
        if e.detail:
            said = in_language(e.item, "note") if e.kind in ("status", "movement") else as_written(e.detail)
            what += f" — <bdi>{conditional_escape(said)}</bdi>"
        if e.url:
            what += f' (<a href="{conditional_escape(e.url)}">{source}</a>)'
        items.append(f'\n      <li class="event-{conditional_escape(e.kind)}">{_when(e.day)} {what}</li>')
    return mark_safe("".join(items))  # noqa: S308  (every part escaped above)


@functools.lru_cache(maxsize=16)
def _period_words(language):
    """The words the rows of owner_periods may say, in `language` (the page's), translated once."""
    from django.utils.html import conditional_escape
    from django.utils.translation import gettext as _

    return {
        "unrecorded": f'<span class="vacant">{conditional_escape(_("No holder recorded"))}</span>',
        "vacant": f'<span class="vacant">{conditional_escape(_("vacant"))}</span>',
        "how": {
            "acting": f" ({conditional_escape(_('acting'))})",
            "additional_charge": f" ({conditional_escape(_('additional charge'))})",
        },
        "now": conditional_escape(_("Now")),
        "deadline": _("Deadline, %(day)s"),
        "became": _("Became “%(status)s”, %(day)s"),
    }


def _when(value):
    from django.utils.translation import get_language

    if not value:
        return "—"
    return _time_element(value, get_language())


@functools.lru_cache(maxsize=20_000)
def _time_element(value, language):
    """A day's <time> element in `language` (the page's), written once: a busy commitment's page shows some
    sixty."""
    from django.utils.html import conditional_escape

    from tracker.templatetags.in_language import day

    return f'<time datetime="{conditional_escape(value.isoformat())}">{conditional_escape(day(value, "j M Y"))}</time>'


class SamePerLanguageNode(template.Node):
    """What `{% same_per_language %}` encloses, written once per language (and URL prefix and URLconf, as
    `reverse()` reads them) in each process and kept with the compiled template."""

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.written = {}

    def render(self, context):
        from django.conf import settings
        from django.urls import get_script_prefix, get_urlconf
        from django.utils.translation import get_language

        key = (get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        text = self.written.get(key)
        if text is None:
            text = self.written[key] = self.nodelist.render(context)
        return text


@register.tag
def same_per_language(parser, token):
    """{% same_per_language %}...{% end_same_per_language %}: a part of every page that says the same on
    every page in one language (the menus and the footer: words and the site's own addresses), written the
    first time and then kept, instead of some 20 URL reversals and 30 translations on every page. Only
    {% trans %}, {% blocktrans %} and {% url %} with fixed arguments belong inside: nothing of the page."""
    nodelist = parser.parse(("end_same_per_language",))
    parser.delete_first_token()
    return SamePerLanguageNode(nodelist)

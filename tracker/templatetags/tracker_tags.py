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

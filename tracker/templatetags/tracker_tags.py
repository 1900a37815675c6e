from django import template

register = template.Library()


@register.filter
def field_label(name):
    return str(name).replace("_", " ").capitalize()


@register.filter
def snapshot_value(value):
    """A stored snapshot value as a reader sees it: choices and related records by their names."""
    if isinstance(value, dict):
        return value.get("label") or value.get("name") or ""
    return value

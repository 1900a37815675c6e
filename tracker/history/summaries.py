"""One line saying what a revision changed, as in the history list and the feeds:
"Status: In progress → Stalled; owner added: Deputy Commissioner Quetta (Administrative owner); source added: …"."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tracker.history.diffs import compare
from tracker.models import PublicRevision

# Read in the language of the page (or the follower's e-mail) that shows them, never stored.
FIRST = gettext_lazy("First published")
NOTHING = gettext_lazy("No change to what the page says")
UNKNOWN = gettext_lazy("The revision before it is missing")


def _field_phrase(change):
    if change.kind == "added":
        if change.new.is_long:
            return _("%(field)s added") % {"field": change.label}
        return _("%(field)s added: %(value)s") % {"field": change.label, "value": change.new.text}
    if change.kind == "removed":
        return _("%(field)s removed") % {"field": change.label}
    if change.is_choice or not (change.old.is_long or change.new.is_long):
        return f"{change.label}: {change.old.text} → {change.new.text}"
    return _("%(field)s edited") % {"field": change.label}


def _part_said(change):
    """ "owner added": the part's name and what happened to it, as one phrase (word order differs by language)."""
    if change.kind == "added":
        return _("%(part)s added") % {"part": change.singular}
    if change.kind == "removed":
        return _("%(part)s removed") % {"part": change.singular}
    return _("%(part)s changed") % {"part": change.singular}


def _part_phrase(change):
    said = _part_said(change)
    return f"{said}: {change.description}" if change.description else said


def phrases(diff):
    return [_field_phrase(change) for change in diff.fields] + [_part_phrase(change) for change in diff.parts]


def summarize(old_content, new_content, limit=6):
    """What changed from `old_content` to `new_content` (None: the first revision), in one line."""
    if old_content is None:
        return str(FIRST)
    said = phrases(compare(old_content, new_content))
    if not said:
        return str(NOTHING)
    if len(said) > limit:
        more = len(said) - limit
        said = [*said[:limit], ngettext("and %(n)s more change", "and %(n)s more changes", more) % {"n": more}]
    return "; ".join(said)


def what_changed(revision, previous):
    """What `revision` changed from `previous` (the revision numbered one lower, or None)."""
    if revision.number == 1:
        return str(FIRST)
    if previous is None or previous.number != revision.number - 1:
        return str(UNKNOWN)
    return summarize(previous.content, revision.content)


def revisions_before(revisions, *, public=True):
    """{(content type, object id, number): revision} of the revision just before each of `revisions`
    (revisions of any records), in one query: what `what_changed` compares each one with. As the public
    reads them (`as_public`), or as stored when not `public`."""
    wanted = Q(pk__in=[])
    for r in revisions:
        if r.number > 1:
            wanted |= Q(content_type_id=r.content_type_id, object_id=r.object_id, number=r.number - 1)
    found = PublicRevision.objects.filter(wanted)
    return {(r.content_type_id, r.object_id, r.number): r for r in (found.as_public() if public else found)}


def previous_of(before, revision):
    """The revision before `revision` among `revisions_before(...)`'s answer, or None."""
    return before.get((revision.content_type_id, revision.object_id, revision.number - 1))

"""What an alert says: each change as the history pages say it (tracker/history/summaries.py for the
line, tracker/history/diffs.py for field by field and part by part: status from → to, owners added or
removed with who holds them, new sources with their quotes, deadline moves), with links to the revision
and to the compare page, in plain text and HTML, in the language the address followed in.

A change is rendered once per language, however many followers get it; only the follower's own signed
links differ from one e-mail to the next, and they are put in last.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from tracker.following.tokens import site_url
from tracker.history.addresses import compare_url, history_url, record_url, revision_url
from tracker.history.diffs import compare
from tracker.history.summaries import what_changed
from tracker.models.kinds import kind_of_type
from tracker.models.text import plain

MANAGE = "@@manage-link@@"
UNSUBSCRIBE = "@@unsubscribe-link@@"


@dataclass(frozen=True)
class Rendered:
    subject_line: str
    text: str
    html: str


def change_context(change):
    revision, previous = change.revision, change.previous
    kind = kind_of_type(revision.content.get("type"))
    slug, number = revision.content.get("slug"), revision.number
    first = number == 1
    diff = None if first or previous is None else compare(previous.content, revision.content)
    owners_changed = bool(diff) and any(part.relation == "owners" for part in diff.parts)
    fields = revision.content.get("fields") or {}
    # For an address that followed from an Urdu page, the record's Urdu name where it has one.
    urdu = (fields.get("title_ur") or fields.get("name_ur") or "") if translation.get_language() == "ur" else ""
    return {
        "kind": kind.label,
        "name": plain(urdu or revision.content.get("name", ""), single_line=True),
        "revision": revision,
        "summary": plain(what_changed(revision, previous), single_line=True),
        "diff": diff,
        "first": first,
        # Who holds the owner offices now, when the owners changed (or the commitment is new).
        "owners_held_by": change.owners_held_by if owners_changed or first else [],
        "page_link": site_url(record_url(kind.segment, slug)),
        "revision_link": site_url(revision_url(kind.segment, slug, number)),
        "compare_link": "" if first else site_url(compare_url(kind.segment, slug, number - 1, number)),
        "history_link": site_url(history_url(kind.segment, slug)),
    }


def render_change(change, language):
    with translation.override(language):
        context = change_context(change)
        return Rendered(
            subject_line=plain(f"{context['kind']} “{context['name']}”: {context['summary']}", single_line=True),
            text=render_to_string("following/email/change.txt", context),
            html=render_to_string("following/email/change.html", context),
        )


def render_frame(language, digest=None):
    """The text before and after the changes, with the follower's links left as markers."""
    with translation.override(language):
        context = {"digest": digest, "manage_link": MANAGE, "unsubscribe_link": UNSUBSCRIBE, "language": language}
        return {
            "text": render_to_string("following/email/frame.txt", context).split("@@changes@@"),
            "html": render_to_string("following/email/frame.html", context).split("@@changes@@"),
        }


def summary_subject(count, digest=None):
    if digest is None:
        return ngettext("%(count)d change you follow", "%(count)d changes you follow", count) % {"count": count}
    if digest["frequency"] == "weekly":
        return ngettext("Your weekly digest: %(count)d change", "Your weekly digest: %(count)d changes", count) % {
            "count": count
        }
    return ngettext("Your daily digest: %(count)d change", "Your daily digest: %(count)d changes", count) % {
        "count": count
    }

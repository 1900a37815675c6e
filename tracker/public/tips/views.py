"""The public tip form. What a citizen sends goes to the moderators' review queue, never to a page."""

from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tracker.models import Commitment, TipKind
from tracker.models.kinds import KINDS_WITH_PAGES
from tracker.public.tips import throttle
from tracker.public.tips.forms import TipForm, suggested_titles


@never_cache
def send_tip(request):
    if request.method == "POST":
        if throttle.exhausted(request):
            return render(request, "tracker/tips/too_many.html", {"limit": throttle.limit()}, status=429)
        form = TipForm(request.POST, request.FILES)
        if form.is_spam():
            # Bots get the same answer as people, so they learn nothing; nothing is kept.
            throttle.count(request)
            return redirect("tracker:tip_thanks")
        if form.is_valid():
            form.save()
            throttle.count(request)
            return redirect("tracker:tip_thanks")
    else:
        form = TipForm(initial=_initial(request.GET))
    return render(request, "tracker/tips/form.html", {"form": form, "titles": suggested_titles()})


def _initial(query):
    """The form as a record page's "Send a tip about this" opens it (`?about=<the page's address>`):
    evidence about a commitment, named by its title; about any other record, a tip that names it.
    `?commitment=<address or title>` opens it for evidence about that commitment."""
    initial = {"kind": TipKind.NEW_COMMITMENT}
    about = _record_at(query.get("about", ""))
    if isinstance(about, Commitment):
        return {"kind": TipKind.EVIDENCE, "which_commitment": about.title}
    if about is not None:
        return initial | {
            "description": _("About “%(name)s” (%(address)s): ") % {"name": about, "address": about.get_absolute_url()}
        }
    if query.get("commitment"):
        return {"kind": TipKind.EVIDENCE, "which_commitment": query["commitment"][:500]}
    return initial


def _record_at(address):
    """The published record whose public page is at `address` (a path on this site), or None."""
    if not address.startswith("/") or "\x00" in address:
        return None
    try:
        match = resolve(address)
    except Resolver404:
        return None
    kind = next((k for k in KINDS_WITH_PAGES.values() if f"tracker:{k.url_name}" == match.view_name), None)
    if kind is None:
        return None
    return kind.model.objects.published().filter(slug=match.kwargs.get("slug")).first()


def tip_thanks(request):
    return render(request, "tracker/tips/thanks.html")
